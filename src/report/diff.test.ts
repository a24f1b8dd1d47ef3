import { describe, expect, it } from 'vitest';
import { loadReportFixture } from '../../test/fixtures/ci/fixtures.js';
import {
  diffReports,
  hasNewFailures,
  renderDiffJson,
  renderDiffText,
  type ReportDiff,
} from './diff.js';
import { parseFailOnList } from '../outcome/fail-on.js';
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
