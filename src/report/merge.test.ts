import { describe, expect, it } from 'vitest';
import { loadReportFixture } from '../../test/fixtures/ci/fixtures.js';
import { isInShard } from '../ci/shard.js';
import type { CheckOutcome } from '../domain.js';
import { UsageError } from '../errors.js';
import { countStatuses, summariesOf } from './build.js';
import { mergeReports } from './merge.js';
import type { Report } from './schema.js';
import { expectValidReport } from '../../test/helpers/report-schema.js';

const unsharded = loadReportFixture();

/** Splits a report the way `check --shard i/n` would, each shard with its own times. */
function splitIntoShards(report: Report, total: number): Report[] {
  return Array.from({ length: total }, (_, i) => {
    const index = i + 1;
    const results = report.results.filter((result) => isInShard(result.id, { index, total }));
    // Only the first shard starts at the run's start and only the last ends at its end.
    const startedAt = index === 1 ? report.startedAt : `2026-11-28T03:00:0${index}.000Z`;
    const finishedAt = index === total ? report.finishedAt : `2026-11-28T03:00:5${index}.000Z`;
    return {
      ...report,
      startedAt,
      finishedAt,
      ...summariesOf(results),
      results,
    };
  });
}

describe('mergeReports', () => {
  it.each([1, 2, 3, 4, 5])('rebuilds the unsharded report from %i shards', (total) => {
    const shards = splitIntoShards(unsharded, total);
    expect(shards.flatMap((shard) => shard.results)).toHaveLength(unsharded.results.length);
    const merged = mergeReports(shards.reverse());
    expect(merged).toStrictEqual(unsharded);
    expect(() => expectValidReport(merged)).not.toThrow();
  });

  it('recomputes both summaries instead of trusting the shards', () => {
    const [a, b] = splitIntoShards(unsharded, 2) as [Report, Report];
    const lying = { ...a, summary: { ...a.summary, ok: 99 } };
    expect(mergeReports([lying, b]).summary).toEqual(unsharded.summary);
    expect(mergeReports([lying, b]).mirrorSummary).toEqual(unsharded.mirrorSummary);
  });

  it('orders results by line, then id, whatever the input order', () => {
    const shuffled = { ...unsharded, results: [...unsharded.results].reverse() };
    const tie = { ...unsharded.results[3]!, id: 'aaa-same-line' };
    const merged = mergeReports([shuffled, { ...unsharded, results: [tie] }]);
    const keys = merged.results.map((result) => `${result.line}:${result.id}`);
    expect(keys.slice(3, 5)).toEqual(['40:aaa-same-line', '40:python-tutorial']);
    expect(merged.results.map((result) => result.line)).toEqual(
      [...merged.results.map((result) => result.line)].sort((x, y) => x - y),
    );
  });

  it.each([
    ['no shard is partial', [false, false], undefined, false],
    ['one shard is partial', [false, true], undefined, true],
    ['one shard saw the network down', [false, false], 'no host could be reached', true],
  ])('marks the merge partial when %s', (_, partials, downMessage, expected) => {
    const shards = splitIntoShards(unsharded, 2).map((shard, i) => ({
      ...shard,
      partial: partials[i] ?? false,
      ...(i === 1 && downMessage !== undefined ? { networkDown: { message: downMessage } } : {}),
    }));
    const merged = mergeReports(shards);
    expect(merged.partial).toBe(expected);
    expect(merged.networkDown?.message).toBe(downMessage);
  });

  it('accepts the same result twice (a shard passed twice)', () => {
    const [a, b] = splitIntoShards(unsharded, 2) as [Report, Report];
    expect(mergeReports([a, b, a])).toEqual(unsharded);
  });

  const other = (change: (report: Report) => Report): Report[] => {
    const [a, b] = splitIntoShards(unsharded, 2) as [Report, Report];
    return [a, change(b)];
  };

  it.each([
    ['no reports', [], /at least one report/],
    [
      'two roadmaps',
      other((r) => ({ ...r, roadmap: { path: 'other.yaml', title: r.roadmap.title } })),
      /different roadmaps: roadmap.yaml .*, other.yaml/,
    ],
    [
      'two titles',
      other((r) => ({ ...r, roadmap: { path: r.roadmap.path, title: 'Another' } })),
      /different roadmaps/,
    ],
    [
      'one resource with two different results',
      other((r) => ({
        ...r,
        results: [
          ...r.results,
          {
            ...unsharded.results[0]!,
            outcome: { status: 'broken', reason: 'http-404', httpStatus: 404 },
          },
        ],
      })),
      /"3b1b-linear-algebra" appears in two reports with different results/,
    ],
  ])('refuses %s', (_, reports, message) => {
    expect(() => mergeReports(reports)).toThrow(UsageError);
    expect(() => mergeReports(reports)).toThrow(message);
  });

  it('treats ./roadmap.yaml and roadmap.yaml as one roadmap', () => {
    const reports = other((r) => ({ ...r, roadmap: { ...r.roadmap, path: './roadmap.yaml' } }));
    expect(mergeReports(reports).results).toHaveLength(unsharded.results.length);
  });
});

describe('countStatuses', () => {
  it.each([
    [[], { total: 0, ok: 0, redirected: 0, broken: 0, unreachable: 0, unverified: 0, skipped: 0 }],
    [
      ['ok', 'ok', 'broken', 'skipped'],
      { total: 4, ok: 2, redirected: 0, broken: 1, unreachable: 0, unverified: 0, skipped: 1 },
    ],
  ] as const)('counts %j', (statuses, expected) => {
    expect(countStatuses(statuses.map((status) => ({ outcome: { status } })))).toEqual(expected);
  });
});

describe('mergeReports across vantages', () => {
  const at = '2026-11-28T04:00:00.000Z';
  const withObservation = (report: Report, vantage: string, outcome: CheckOutcome): Report => ({
    ...report,
    vantage,
    results: report.results.map((result) => ({
      ...result,
      outcome: vantage === 'global' ? result.outcome : outcome,
      observations: { [vantage]: { outcome, checkedAt: at } },
      mirrors: result.mirrors.map((mirror) => ({
        ...mirror,
        observations: { [vantage]: { outcome, checkedAt: at } },
      })),
    })),
  });
  const global = withObservation(unsharded, 'global', {
    status: 'ok',
    reason: 'ok',
    httpStatus: 200,
  });
  const cn = withObservation(unsharded, 'cn', { status: 'unreachable', reason: 'reset' });

  it.each([
    ['global first', [global, cn]],
    ['cn first', [cn, global]],
  ])('keeps the global status and every vantage’s observations (%s)', (_, reports) => {
    const merged = mergeReports(reports);
    expect(merged.vantage).toBe('global');
    expect(merged.vantages).toEqual(['cn', 'global']);
    expect(merged.results.map((result) => result.outcome)).toEqual(
      unsharded.results.map((result) => result.outcome),
    );
    for (const result of merged.results) {
      expect(Object.keys(result.observations ?? {}).sort()).toEqual(['cn', 'global']);
      for (const mirror of result.mirrors) {
        expect(Object.keys(mirror.observations ?? {}).sort()).toEqual(['cn', 'global']);
      }
    }
    expect(merged.summary).toEqual(unsharded.summary);
    expect(() => expectValidReport(merged)).not.toThrow();
  });

  it('joins the shards of each vantage before merging the vantages', () => {
    const shards = [...splitIntoShards(global, 3), ...splitIntoShards(cn, 2)];
    const merged = mergeReports(shards);
    expect(merged.results).toHaveLength(unsharded.results.length);
    expect(
      merged.results.every((result) => result.observations?.cn?.outcome.status === 'unreachable'),
    ).toBe(true);
  });
});
