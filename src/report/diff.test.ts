import { describe, expect, it } from 'vitest';
import { loadReportFixture } from '../../test/fixtures/ci/fixtures.js';
import {
  diffReports,
  hasNewFailures,
  renderDiffJson,
  renderDiffText,
  type ReportDiff,
} from './diff.js';
import { shardOf } from '../ci/shard.js';
import { parseFailOnList } from '../outcome/fail-on.js';
import { renderDiffMarkdown } from './diff-markdown.js';
import type { Report, ResourceResult } from './schema.js';

const before = loadReportFixture();

/** What these tests count as failing: the audit's `--fail-on broken,unreachable`. */
const BROKEN_OR_UNREACHABLE = parseFailOnList(['broken,unreachable']);

type Patch = Partial<ResourceResult>;

function patched(
  report: Report,
  patches: Record<string, Patch | 'remove'>,
  extra: ResourceResult[] = [],
): Report {
  const results = report.results
    .filter((result) => patches[result.id] !== 'remove')
    .map((result) => {
      const patch = patches[result.id];
      return patch === undefined || patch === 'remove' ? result : { ...result, ...patch };
    });
  return { ...report, startedAt: '2026-11-29T03:00:00.000Z', results: [...results, ...extra] };
}

const template = before.results.find((result) => result.id === 'vllm-repo')!;
const added: ResourceResult = {
  ...template,
  id: 'new-course',
  title: 'A new course',
  url: 'https://new.example.test/course',
  line: 120,
  outcome: { status: 'broken', reason: 'http-410', httpStatus: 410 },
};
const hfCourse = before.results.find((result) => result.id === 'hf-course')!;

const after = patched(
  before,
  {
    'numpy-guide': { outcome: { status: 'ok', reason: 'ok', httpStatus: 200 } },
    'python-tutorial': { outcome: { status: 'broken', reason: 'http-404', httpStatus: 404 } },
    'llm-leaderboard': {
      outcome: {
        status: 'redirected',
        reason: 'permanent-redirect',
        httpStatus: 200,
        finalUrl: 'https://leaderboard.example.test/v2',
      },
    },
    'khan-calculus': {
      url: 'https://khan.example.test/calculus',
      outcome: { status: 'ok', reason: 'ok', httpStatus: 200 },
      redirects: [],
    },
    'vllm-repo': {
      outcome: {
        status: 'redirected',
        reason: 'permanent-redirect',
        httpStatus: 200,
        finalUrl: 'https://git.example.test/vllm/vllm',
      },
    },
    'illustrated-transformer': {
      outcome: { status: 'unverified', reason: 'rate-limited', httpStatus: 429 },
    },
    'stats-book': 'remove',
    'hf-course': {
      mirrors: [{ ...hfCourse.mirrors[0]!, url: 'https://hf-mirror.example.test/learn/' }],
    },
  },
  [added],
);

const BV1GONE = '3b1b-linear-algebra#mirror:https://bilibili.example.test/video/BV1gone';
const LEADERBOARD_MIRROR =
  'llm-leaderboard#mirror:https://hf-mirror.example.test/spaces/leaderboard';

describe('diffReports', () => {
  const diff = diffReports(before, after, { failing: BROKEN_OR_UNREACHABLE });

  it.each<[keyof ReportDiff, string[]]>([
    ['newFailures', ['python-tutorial', 'new-course']],
    ['fixed', ['numpy-guide']],
    ['stillFailing', [BV1GONE, 'annotated-transformer', LEADERBOARD_MIRROR, 'flash-attention']],
    ['changedRedirects', ['khan-calculus', 'llm-leaderboard', 'vllm-repo']],
    ['added', ['hf-course#mirror:https://hf-mirror.example.test/learn/', 'new-course']],
    ['removed', ['stats-book', 'hf-course#mirror:https://hf-mirror.example.test/learn']],
  ])('lists %s', (group, keys) => {
    const entries = diff[group] as { key: string }[];
    expect(entries.map((entry) => entry.key)).toEqual(keys);
  });

  it('keeps both states of a changed link', () => {
    expect(diff.newFailures[0]).toMatchObject({
      line: 40,
      before: { status: 'ok', reason: 'ok', httpStatus: 200 },
      after: { status: 'broken', reason: 'http-404', httpStatus: 404 },
    });
    expect(diff.newFailures[1]?.before).toBeUndefined();
    expect(diff.removed[0]?.after).toBeUndefined();
  });

  it.each([
    [['broken', 'unreachable'], 2, 1],
    [['broken'], 2, 1],
    [['unverified'], 0, 0],
    [['unverified:rate-limited'], 1, 0],
    [['unreachable'], 0, 0],
  ])('counts failures by the failing set %j', (failing, newFailures, fixed) => {
    const result = diffReports(before, after, { failing: parseFailOnList(failing) });
    expect(result.newFailures).toHaveLength(newFailures);
    expect(result.fixed).toHaveLength(fixed);
    expect(hasNewFailures(result)).toBe(newFailures > 0);
  });

  it('finds nothing between a report and itself', () => {
    const same = diffReports(before, before, { failing: BROKEN_OR_UNREACHABLE });
    expect(same.newFailures.length + same.fixed.length + same.changedRedirects.length).toBe(0);
    expect(same.added.length + same.removed.length).toBe(0);
    expect(same.stillFailing).toHaveLength(5);
  });

  it('does not list a redirect change for a link that now fails', () => {
    const broke = patched(before, {
      'llm-leaderboard': { outcome: { status: 'broken', reason: 'http-404', httpStatus: 404 } },
    });
    const result = diffReports(before, broke, { failing: BROKEN_OR_UNREACHABLE });
    expect(result.changedRedirects).toEqual([]);
    expect(result.newFailures.map((entry) => entry.key)).toEqual(['llm-leaderboard']);
  });
});

describe('renderDiffText', () => {
  const text = renderDiffText(diffReports(before, after, { failing: BROKEN_OR_UNREACHABLE }));

  it.each([
    'curate diff roadmap.yaml: 2026-11-28T03:00:00.000Z (global) → 2026-11-29T03:00:00.000Z (global)',
    '2 new failures, 1 fixed, 4 still failing, 3 changed redirects, 2 added, 2 removed',
    'New failures (2):',
    '  roadmap.yaml:40  python-tutorial  ok → broken: HTTP 404: the page is gone',
    '    https://docs.example.test/3/tutorial/',
    '  roadmap.yaml:120  new-course  broken: HTTP 410: the page was removed for good',
    '  roadmap.yaml:45  numpy-guide  broken → ok: HTTP 200: the page loads',
    '  roadmap.yaml:23  3b1b-linear-algebra (mirror)  broken → broken: HTTP 404: the page is gone',
    '  roadmap.yaml:28  khan-calculus  no longer redirects (was → https://khan.example.test/calculus)',
    '  roadmap.yaml:85  llm-leaderboard  now redirects → https://leaderboard.example.test/v2 (was → https://leaderboard.example.test/open-llm)',
    '  roadmap.yaml:92  vllm-repo  now redirects → https://git.example.test/vllm/vllm',
    '  roadmap.yaml:30  stats-book  skipped: not checked: the resource has no URL',
    '    (no URL)',
  ])('has the line %j', (line) => {
    expect(text.split('\n')).toContain(line);
  });

  it('leaves out empty groups', () => {
    const text = renderDiffText(diffReports(before, before, { failing: BROKEN_OR_UNREACHABLE }));
    expect(text).toContain('Still failing (5):');
    expect(text).not.toContain('New failures (');
  });
});

describe('renderDiffJson', () => {
  it('is the diff as JSON, with its schema version', () => {
    const diff = diffReports(before, after, { failing: BROKEN_OR_UNREACHABLE });
    const json = JSON.parse(renderDiffJson(diff)) as ReportDiff;
    expect(json).toEqual(diff);
    expect(json.schemaVersion).toBe(1);
    expect(json.failing).toEqual(['broken', 'unreachable']);
  });
});

describe('links a report did not check', () => {
  const networkDown = { status: 'skipped', reason: 'network-down' } as const;
  const interrupted = { status: 'skipped', reason: 'interrupted' } as const;
  /** Every resource and mirror of the fixture with this outcome, as a network-down run writes it. */
  const unchecked = (report: Report, outcome: typeof networkDown | typeof interrupted): Report => ({
    ...report,
    startedAt: '2026-11-29T03:00:00.000Z',
    partial: true,
    results: report.results.map((result) => ({
      ...result,
      outcome,
      mirrors: result.mirrors.map((mirror) => ({ ...mirror, outcome })),
    })),
  });

  it.each([
    ['network-down', networkDown],
    ['interrupted', interrupted],
  ])('calls nothing fixed when the newer report is %s', (_, outcome) => {
    const diff = diffReports(before, unchecked(before, outcome));
    expect(diff.fixed).toEqual([]);
    expect(diff.newFailures).toEqual([]);
    expect(diff.stillFailing).toEqual([]);
    expect(diff.notChecked).toHaveLength(reportLinksCount(before));
    expect(hasNewFailures(diff)).toBe(false);
  });

  it('says so in the text, with the counts and the words "not checked in the newer report"', () => {
    const text = renderDiffText(diffReports(before, unchecked(before, networkDown)));
    const lines = text.split('\n');
    expect(lines[1]).toBe(
      `0 new failures, 0 fixed, 0 still failing, 0 changed redirects, 0 added, 0 removed, ${reportLinksCount(before)} not checked in the newer report`,
    );
    expect(lines).toContain(`Not checked in the newer report (${reportLinksCount(before)}):`);
    expect(lines).toContain(
      '  roadmap.yaml:45  numpy-guide  broken → not checked: the network was unavailable',
    );
    expect(text).not.toContain('Fixed (');
  });

  it('keeps them apart in the JSON and Markdown output too', () => {
    const diff = diffReports(before, unchecked(before, networkDown));
    const json = JSON.parse(renderDiffJson(diff)) as ReportDiff;
    expect(json.fixed).toEqual([]);
    expect(json.notChecked.map((entry) => entry.key)).toContain('numpy-guide');
    const markdown = renderDiffMarkdown(diff);
    expect(markdown).toContain(
      `#### Not checked in the newer report (${reportLinksCount(before)})`,
    );
    expect(markdown).toContain(
      '- `roadmap.yaml:45` **numpy-guide**: broken → not checked: the network was unavailable',
    );
    expect(markdown).not.toContain('#### Fixed');
  });

  it('the other way round: failing now but not checked before is neither new nor still failing, yet fails the gate', () => {
    const diff = diffReports(unchecked(before, networkDown), before);
    expect(diff.newFailures).toEqual([]);
    expect(diff.stillFailing).toEqual([]);
    expect(diff.fixed).toEqual([]);
    expect(diff.failingNotCheckedBefore.map((entry) => entry.key)).toContain('numpy-guide');
    expect(hasNewFailures(diff)).toBe(true);
    expect(renderDiffText(diff).split('\n')).toContain(
      '  roadmap.yaml:45  numpy-guide  not checked → broken: HTTP 404: the page is gone',
    );
  });

  it('treats the links of a shard missing from a partial merge as not checked, not removed or added', () => {
    const missing = { vantage: 'global', index: 1, total: 2 };
    const inShard = (id: string) => shardOf(id, 2) === 1;
    const partialMerge: Report = {
      ...before,
      startedAt: '2026-11-29T03:00:00.000Z',
      partial: true,
      missingShards: [missing],
      results: before.results.filter((result) => !inShard(result.id)),
    };
    const lost = before.results.filter((result) => inShard(result.id)).map((result) => result.id);
    expect(lost.length).toBeGreaterThan(0);

    const newer = diffReports(before, partialMerge);
    expect(newer.removed).toEqual([]);
    expect(newer.fixed).toEqual([]);
    expect(new Set(newer.notChecked.map((entry) => entry.resourceId))).toEqual(new Set(lost));
    expect(renderDiffText(newer)).toContain(
      'not checked: its shard is missing from the newer report',
    );

    const older = diffReports(partialMerge, before);
    expect(older.added).toEqual([]);
    expect(older.newFailures).toEqual([]);
  });

  it('counts in the singular for one link', () => {
    const one = patched(before, {
      'python-tutorial': { outcome: { status: 'broken', reason: 'http-404', httpStatus: 404 } },
    });
    expect(renderDiffText(diffReports(before, one)).split('\n')[1]).toBe(
      '1 new failure, 0 fixed, 3 still failing, 0 changed redirects, 0 added, 0 removed',
    );
  });
});

function reportLinksCount(report: Report): number {
  return report.results.reduce((count, result) => count + 1 + result.mirrors.length, 0);
}
