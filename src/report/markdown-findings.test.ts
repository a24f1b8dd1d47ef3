import { describe, expect, it } from 'vitest';
import { loadReportFixture } from '../../test/fixtures/ci/fixtures.js';
import { renderMarkdown } from './markdown.js';
import { worthALookSection } from './markdown-findings.js';

describe('worthALookSection', () => {
  it('says nothing when no entry has a finding', () => {
    expect(worthALookSection(loadReportFixture(), 'roadmap.yaml')).toEqual([]);
  });

  it('lists every finding with its link, line and sentence, and counts the unprobed links', () => {
    const report = loadReportFixture();
    const [first, second] = report.results;
    first!.findings = [
      { kind: 'gated', platform: 'huggingface', approval: 'manual' },
      { kind: 'unprobed', platform: 'github', retryAt: '2026-12-02T14:00:00.000Z' },
    ];
    second!.findings = [
      {
        kind: 'withdrawn',
        platform: 'arxiv',
        reason: 'This paper has been withdrawn by the author',
        lastLiveVersion: 'v1',
      },
    ];
    const section = worthALookSection(report, 'roadmap.yaml');
    expect(section[0]).toBe('### Worth a look');
    expect(section[2]).toMatch(/^1 link was not asked about through the platform's API/);
    expect(section.slice(4, 7)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^- \`gated\` \\*\\*.+\\*\\* \\(\`${first!.id}\`, roadmap\\.yaml:${first!.line}\\): .+ — the model is gated: learners must ask for access`,
        ),
      ),
      expect.stringContaining('— not asked: GitHub'),
      expect.stringContaining(
        '— the authors withdrew the paper ("This paper has been withdrawn by the author"); v1 is the last version before the withdrawal',
      ),
    ]);
    expect(renderMarkdown(report)).toContain('### Worth a look');
  });
});
