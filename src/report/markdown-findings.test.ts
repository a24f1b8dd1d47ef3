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
    // What a finding is, said once before the list.
    expect(section[2]).toMatch(/^What a platform said about a resource/);
    expect(section[4]).toMatch(/^1 link was not asked about through the platform's API/);
    expect(section.slice(6, 9)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^- \`gated\` \\*\\*.+\\*\\* \\(\`${first!.id}\`, roadmap\\.yaml:${first!.line}\\): .+ — the model is gated: learners must ask for access`,
        ),
      ),
      expect.stringContaining(
        "— not asked: GitHub's API quota ran out until 2026-12-02 14:00 UTC;",
      ),
      expect.stringContaining(
        '— the authors withdrew the paper ("This paper has been withdrawn by the author"); v1 is the last version before the withdrawal',
      ),
    ]);
    expect(renderMarkdown(report)).toContain('### Worth a look');
  });

  it("speaks the report's language: a zh-CN report gets the section and sentences in Chinese", () => {
    const report = loadReportFixture();
    const [first] = report.results;
    first!.findings = [
      { kind: 'archived', platform: 'github', since: '2024-03-01T10:00:00Z' },
      { kind: 'unprobed', platform: 'github' },
    ];
    const section = worthALookSection(report, 'roadmap.yaml', 'zh-CN');
    expect(section[0]).toBe('### 值得一看');
    expect(section[2]).toMatch(/^平台对资源的提醒，默认不算失败/);
    expect(section[4]).toBe(
      '有 1 个链接没能通过平台 API 查询（配额已用完），以页面检查结果为准，下面标为 `unprobed`。',
    );
    // The finding word stays English (the contract); the sentence is Chinese.
    expect(section[6]).toMatch(
      /^- `archived` .+ — 仓库已归档（只读，不再维护），最后更新于 2024-03-01$/,
    );
    expect(section[7]).toContain('— 未查询：GitHub API 配额已用完；以页面检查结果为准');
    const markdown = renderMarkdown(report, 'zh-CN');
    expect(markdown).toContain('### 值得一看');
    expect(markdown).not.toContain('### Worth a look');
  });
});
