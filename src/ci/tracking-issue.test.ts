import { parseFailOnList } from '../outcome/fail-on.js';
import { describe, expect, it } from 'vitest';
import type { CheckOutcome } from '../domain.js';
import { loadReportFixture } from '../../test/fixtures/ci/fixtures.js';
import { assessFlakiness, emptyHistory, type History, updateHistory } from '../report/history.js';
import type { Report } from '../report/schema.js';
import { renderTrackingIssue, TRACKING_ISSUE } from './tracking-issue.js';

/** What these tests count as failing: the audit's `--fail-on broken,unreachable`. */
const BROKEN_OR_UNREACHABLE = parseFailOnList(['broken,unreachable']);

const fixture = loadReportFixture();
const RUN_URL = 'https://github.example.test/o/r/actions/runs/42';

/** The fixture as audit number `run`, with the listed resources working again. */
const FIXED: CheckOutcome = { status: 'ok', reason: 'ok', httpStatus: 200 };
const NETWORK_DOWN: CheckOutcome = { status: 'skipped', reason: 'network-down' };

function audit(run: number, fixedIds: readonly string[] = []): Report {
  const at = `2026-12-0${run}T03:00:00.000Z`;
  return {
    ...fixture,
    startedAt: at,
    finishedAt: at,
    results: fixture.results.map((result) => {
      const isFixed = fixedIds.includes(result.id);
      return {
        ...result,
        checkedAt: at,
        ...(isFixed ? { outcome: FIXED } : {}),
        mirrors: result.mirrors.map((mirror) => ({
          ...mirror,
          checkedAt: at,
          ...(isFixed ? { outcome: FIXED } : {}),
        })),
      };
    }),
  };
}

const EVERY_FAILING = [
  '3b1b-linear-algebra',
  'numpy-guide',
  'annotated-transformer',
  'llm-leaderboard',
  'flash-attention',
];

/** Runs the audits in order and renders the issue after the last one. */
function issueAfter(
  audits: readonly Report[],
  failAfter = 2,
): ReturnType<typeof renderTrackingIssue> {
  const history = audits.reduce<History>(
    (h, report) => updateHistory(h, report, { keep: 5 }),
    emptyHistory(),
  );
  const flakiness = assessFlakiness(history, { failAfter, failing: BROKEN_OR_UNREACHABLE });
  return renderTrackingIssue(audits.at(-1)!, flakiness, { runUrl: RUN_URL, failAfter });
}

describe('renderTrackingIssue', () => {
  it.each<[string, Report[], boolean, string[], string[]]>([
    [
      'first audit: failures are only new',
      [audit(1)],
      false,
      [
        '## No link has failed 2 audits in a row',
        '### New failures (5): counted once they fail 2 audits in a row',
      ],
      ['### Failing ('],
    ],
    [
      'second audit: they are persistent',
      [audit(1), audit(2)],
      true,
      ['## 5 links failing for 2 or more audits in a row', '### Failing (5)'],
      ['### New failures', '### Recovered'],
    ],
    [
      'one fixed: it is recovered',
      [audit(1), audit(2), audit(3, ['numpy-guide'])],
      true,
      ['### Failing (4)', '### Recovered (1)'],
      ['### New failures'],
    ],
    [
      'all fixed: the issue closes',
      [audit(1), audit(2), audit(3, EVERY_FAILING)],
      false,
      ['## All links work again', '### Recovered (5)'],
      ['### Failing (', '### New failures'],
    ],
    [
      'all well for a while: nothing to list',
      [audit(1), audit(2), audit(3, EVERY_FAILING), audit(4, EVERY_FAILING)],
      false,
      ['## All links work again'],
      ['### Failing (', '### New failures', '### Recovered'],
    ],
  ])('%s', (_, audits, shouldBeOpen, present, absent) => {
    const issue = issueAfter(audits);
    expect(issue.shouldBeOpen).toBe(shouldBeOpen);
    expect(issue.title).toBe(TRACKING_ISSUE.title);
    const lines = issue.body.split('\n');
    for (const line of present) expect(lines).toContain(line);
    for (const start of absent) expect(lines.filter((line) => line.startsWith(start))).toEqual([]);
  });

  it('lists each persistent failure with where, what, why and since when', () => {
    const body = issueAfter([audit(1), audit(2), audit(3)]).body;
    expect(body.split('\n')).toContain(
      '| `roadmap.yaml:45` | NumPy 用户指南 | broken: HTTP 404: the page is gone | 2026-12-01 (3 audits) | `https://numpy.example.test/doc/user/` |',
    );
    expect(body.split('\n')).toContain(
      '| `roadmap.yaml:23` | 3Blue1Brown - 线性代数的本质 (mirror) | broken: HTTP 404: the page is gone | 2026-12-01 (3 audits) | `https://bilibili.example.test/video/BV1gone` |',
    );
  });

  it('lists a recovery with the failing period', () => {
    const body = issueAfter([audit(1), audit(2), audit(3, ['numpy-guide'])]).body;
    expect(body.split('\n')).toContain(
      '| `roadmap.yaml:45` | NumPy 用户指南 | ok | 2026-12-01 – 2026-12-03 | `https://numpy.example.test/doc/user/` |',
    );
  });

  it('writes the body in Chinese with lang zh-CN and keeps the English title the workflow finds', () => {
    const reports = [audit(1), audit(2)];
    const history = reports.reduce<History>(
      (past, report) => updateHistory(past, report, { keep: 5 }),
      emptyHistory(),
    );
    const flakiness = assessFlakiness(history, { failAfter: 2, failing: BROKEN_OR_UNREACHABLE });
    const issue = renderTrackingIssue(reports[1]!, flakiness, { runUrl: RUN_URL, lang: 'zh-CN' });
    expect(issue.title).toBe(TRACKING_ISSUE.title);
    const lines = issue.body.split('\n');
    expect(lines).toContain('## 5 个链接连续 2 次及以上巡检失败');
    expect(lines).toContain('### 失败（5）');
    expect(lines).toContain('| 位置 | 资源 | 现状 | 开始于 | URL |');
    expect(issue.body).toContain(`[运行日志](${RUN_URL})`);
    expect(issue.body).not.toMatch(/Failing|Run log|audits in a row/);
  });

  it('starts with the marker and links the run', () => {
    const body = issueAfter([audit(1)]).body;
    expect(body.startsWith(`${TRACKING_ISSUE.marker}\n`)).toBe(true);
    expect(body).toContain(`[Run log](${RUN_URL})`);
  });

  it('opens at once with failAfter 1', () => {
    expect(issueAfter([audit(1)], 1).shouldBeOpen).toBe(true);
  });

  it('stays open through a network-down audit', () => {
    const down: Report = {
      ...audit(3),
      partial: true,
      networkDown: { message: 'no host could be reached.' },
      results: audit(3).results.map((result) => ({
        ...result,
        outcome: NETWORK_DOWN,
        mirrors: result.mirrors.map((mirror) => ({ ...mirror, outcome: NETWORK_DOWN })),
      })),
    };
    const issue = issueAfter([audit(1), audit(2), down]);
    expect(issue.shouldBeOpen).toBe(true);
    expect(issue.body).toContain(
      '> **Not checked:** 18 of 18 links not checked (the network was unavailable: no host could be reached). Their earlier results stand.',
    );
  });

  it('names a link the report no longer has by its history key', () => {
    const history = [audit(1), audit(2)].reduce<History>(
      (h, report) => updateHistory(h, report, { keep: 5 }),
      emptyHistory(),
    );
    const flakiness = assessFlakiness(history, { failing: BROKEN_OR_UNREACHABLE });
    const withoutNumpy = {
      ...audit(2),
      results: audit(2).results.filter((r) => r.id !== 'numpy-guide'),
    };
    const body = renderTrackingIssue(withoutNumpy, flakiness, { runUrl: RUN_URL }).body;
    expect(body).toContain(
      '| `numpy-guide` | `numpy-guide` | broken: HTTP 404: the page is gone |',
    );
  });

  it('cuts long lists and stays under GitHub’s body limit', () => {
    const many = Array.from({ length: 3000 }, (_, i) => ({
      key: `resource-${i}`,
      since: '2026-12-01T03:00:00.000Z',
      streak: 2,
      latest: {
        at: '2026-12-02T03:00:00.000Z',
        vantage: 'global',
        status: 'broken' as const,
        reason: 'http-404' as const,
      },
    }));
    const flakiness = { newFailures: [], persistent: many, recovered: [] };
    const short = renderTrackingIssue(fixture, flakiness, { runUrl: RUN_URL, maxListed: 10 }).body;
    expect(short).toContain('…and 2990 more; see the run log.');
    const long = renderTrackingIssue(fixture, flakiness, { runUrl: RUN_URL, maxListed: 3000 }).body;
    expect(long.length).toBeLessThanOrEqual(65_536);
    expect(long).toContain("…cut to fit GitHub's limit");
  });
});

describe('renderTrackingIssue row order', () => {
  it('lists rows in the order of the roadmap file', () => {
    const rows = issueAfter([audit(1), audit(2)])
      .body.split('\n')
      .filter((line) => line.startsWith('| `roadmap.yaml:'))
      .map((line) => line.slice(0, line.indexOf('`', 3) + 1));
    expect(rows).toEqual([
      '| `roadmap.yaml:23`',
      '| `roadmap.yaml:45`',
      '| `roadmap.yaml:65`',
      '| `roadmap.yaml:88`',
      '| `roadmap.yaml:96`',
    ]);
  });
});
