/**
 * `curate merge`: several reports of one roadmap → one report. Today it joins the shards of one
 * vantage (`--shard i/n` in a CI matrix); merging vantages (global + cn) is the region issue's and
 * plugs in at `mergeReports`, which picks the strategy.
 */
import { isDeepStrictEqual } from 'node:util';
import { STATUSES, type Status } from '../domain.js';
import { UsageError } from '../errors.js';
import type { Counts, Report, ResourceResult } from './schema.js';

/** Merges reports of one roadmap into one, refusing combinations that would mislead. */
export function mergeReports(reports: readonly Report[]): Report {
  const first = reports[0];
  if (first === undefined) throw new UsageError('curate merge needs at least one report.');
  assertSameRoadmap(reports);
  const vantages = distinct(reports.map((report) => report.vantage));
  if (vantages.length > 1) {
    // Extension point: vantages are merged per resource into region verdicts, not unioned.
    throw new UsageError(
      `Cannot merge reports from different vantages (${vantages.join(', ')}) as shards.`,
      { hint: 'merge the shards of each vantage first; merging vantages is not supported yet' },
    );
  }
  return mergeShards(reports);
}

/** Throws unless every report has the same schema version and comes from the same roadmap. */
export function assertSameRoadmap(reports: readonly Report[]): void {
  const versions = distinct(reports.map((report) => String(report.schemaVersion)));
  if (versions.length > 1) {
    throw new UsageError(`Cannot merge reports of schema versions ${versions.join(' and ')}.`, {
      hint: 'write all reports with the same version of curate',
    });
  }
  const roadmaps = distinct(
    reports.map((report) => `${normalisePath(report.roadmap.path)} ("${report.roadmap.title}")`),
  );
  if (roadmaps.length > 1) {
    throw new UsageError(`Cannot merge reports of different roadmaps: ${roadmaps.join(', ')}.`, {
      hint: 'merge only the shards of one run over one roadmap',
    });
  }
}

/** Unions the shards of one vantage: each resource must come from exactly one shard. */
export function mergeShards(reports: readonly Report[]): Report {
  const [first] = reports;
  if (first === undefined) throw new UsageError('curate merge needs at least one report.');
  const byId = new Map<string, ResourceResult>();
  for (const report of reports) {
    for (const result of report.results) {
      const seen = byId.get(result.id);
      if (seen === undefined) byId.set(result.id, result);
      // The same result twice (a report passed twice) is harmless; two different ones mean the
      // shards came from different partitions or roadmaps, and either could be the truth.
      else if (!isDeepStrictEqual(seen, result)) {
        throw new UsageError(
          `Resource "${result.id}" appears in two reports with different results.`,
          {
            hint: 'merge the shards of one run only (same --shard total, same roadmap)',
          },
        );
      }
    }
  }
  const results = [...byId.values()].sort(byLineThenId);
  const networkDown = reports.find((report) => report.networkDown !== undefined)?.networkDown;
  return {
    schemaVersion: first.schemaVersion,
    tool: first.tool,
    roadmap: first.roadmap,
    vantage: first.vantage,
    // ISO-8601 UTC times order as strings, so no Date parsing is needed.
    startedAt: reports.map((report) => report.startedAt).reduce(earliest),
    finishedAt: reports.map((report) => report.finishedAt).reduce(latest),
    partial: reports.some((report) => report.partial || report.networkDown !== undefined),
    ...(networkDown === undefined ? {} : { networkDown }),
    summary: countStatuses(results),
    mirrorSummary: countStatuses(results.flatMap((result) => result.mirrors)),
    results,
  };
}

/** Counts per status word, the shape of `summary` and `mirrorSummary`. */
export function countStatuses(items: readonly { status: Status }[]): Counts {
  const counts: Counts = { total: items.length, ...zeroCounts() };
  for (const item of items) counts[item.status] += 1;
  return counts;
}

function zeroCounts(): Record<Status, number> {
  return Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<Status, number>;
}

function byLineThenId(a: ResourceResult, b: ResourceResult): number {
  return a.line - b.line || compareText(a.id, b.id);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function earliest(a: string, b: string): string {
  return b < a ? b : a;
}

function latest(a: string, b: string): string {
  return b > a ? b : a;
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function normalisePath(path: string): string {
  return path.replaceAll('\\', '/').replace(/^(\.\/)+/, '');
}
