/**
 * `curate merge`: several reports of one roadmap → one report. Shards of one vantage
 * (`--shard i/n` in a CI matrix) are joined; reports from different vantages (global + cn) are
 * then merged per resource, keeping every vantage's observations so that the region stage
 * (`assessRegions`, run by the command afterwards) can compare them.
 */
import { isDeepStrictEqual } from 'node:util';
import { UsageError } from '../errors.js';
import { reportFilesTextOf, type Lang } from '../i18n/index.js';
import { GLOBAL_VANTAGE } from '../region/vantage.js';
import { summariesOf } from './build.js';
import type { MirrorResult, MissingShard, Report, ResourceResult } from './schema.js';
import { checkShardSet, type MergeInput, type ShardSetOptions } from './shard-set.js';

/**
 * What `curate merge` does with its files: checks that the shards of each vantage are all there
 * once (see `shard-set.ts`), merges, and marks a merge that lacks shards partial, naming them.
 */
export function mergeInputs(inputs: readonly MergeInput[], options: ShardSetOptions): Report {
  const missing = checkShardSet(inputs, options);
  const merged = mergeReports(
    inputs.map((input) => input.report),
    options.lang,
  );
  if (missing.length === 0) return merged;
  const missingShards = [...(merged.missingShards ?? []), ...missing];
  return { ...merged, partial: true, missingShards };
}

/**
 * Merges reports of one roadmap into one, refusing combinations that would mislead: the shards
 * of each vantage are joined first, then the vantages merged (see {@link mergeVantages}).
 */
export function mergeReports(reports: readonly Report[], lang: Lang = 'en'): Report {
  const first = reports[0];
  if (first === undefined) throw nothingToMerge(lang);
  assertSameRoadmap(reports, lang);
  const vantages = distinct(reports.map((report) => report.vantage));
  if (vantages.length === 1) return mergeShards(reports, lang);
  return mergeVantages(
    vantages.map((vantage) =>
      mergeShards(
        reports.filter((report) => report.vantage === vantage),
        lang,
      ),
    ),
    lang,
  );
}

/**
 * Merges reports from different vantages (one per vantage): each resource and mirror keeps the
 * global vantage's result when there is one (the status a learner anywhere sees), and gains
 * every vantage's observations. Region verdicts are left to the region stage.
 */
export function mergeVantages(reports: readonly Report[], lang: Lang = 'en'): Report {
  const base = reports.find((report) => report.vantage === GLOBAL_VANTAGE) ?? reports[0];
  if (base === undefined) throw nothingToMerge(lang);
  const byId = new Map(base.results.map((result) => [result.id, result]));
  for (const report of reports) {
    if (report === base) continue;
    for (const result of report.results) {
      const seen = byId.get(result.id);
      byId.set(result.id, seen === undefined ? result : mergeResourceObservations(seen, result));
    }
  }
  const vantages = distinct(reports.flatMap((report) => report.vantages ?? [report.vantage])).sort(
    compareText,
  );
  return assembleMerged(reports, base, [...byId.values()], vantages);
}

/** `kept` with the observations of `other` added; `kept`'s own win for a vantage both have. */
function withObservationsOf<T extends ResourceResult | MirrorResult>(kept: T, other: T): T {
  const observations = { ...other.observations, ...kept.observations };
  return Object.keys(observations).length === 0 ? kept : { ...kept, observations };
}

function mergeResourceObservations(kept: ResourceResult, other: ResourceResult): ResourceResult {
  return {
    ...withObservationsOf(kept, other),
    // Mirrors pair up by position within one roadmap; a changed URL means another mirror.
    mirrors: kept.mirrors.map((mirror, index) => {
      const same = other.mirrors[index];
      return same !== undefined && same.url === mirror.url
        ? withObservationsOf(mirror, same)
        : mirror;
    }),
  };
}

/** Throws unless every report has the same schema version and comes from the same roadmap. */
export function assertSameRoadmap(reports: readonly Report[], lang: Lang = 'en'): void {
  const words = reportFilesTextOf(lang);
  const versions = distinct(reports.map((report) => String(report.schemaVersion)));
  if (versions.length > 1) {
    throw new UsageError(words.mergeVersions(versions), { hint: words.mergeVersionsHint, lang });
  }
  const roadmaps = distinct(
    reports.map((report) => `${normalisePath(report.roadmap.path)} ("${report.roadmap.title}")`),
  );
  if (roadmaps.length > 1) {
    throw new UsageError(words.mergeRoadmaps(roadmaps), { hint: words.mergeRoadmapsHint, lang });
  }
}

/** Unions the shards of one vantage: each resource must come from exactly one shard. */
export function mergeShards(reports: readonly Report[], lang: Lang = 'en'): Report {
  const [first] = reports;
  if (first === undefined) throw nothingToMerge(lang);
  const byId = new Map<string, ResourceResult>();
  for (const report of reports) {
    for (const result of report.results) {
      const seen = byId.get(result.id);
      if (seen === undefined) byId.set(result.id, result);
      // The same result twice (a report passed twice) is harmless; two different ones mean the
      // shards came from different partitions or roadmaps, and either could be the truth.
      else if (!isDeepStrictEqual(seen, result)) {
        const words = reportFilesTextOf(lang);
        throw new UsageError(words.mergeConflict(result.id), {
          hint: words.mergeConflictHint,
          lang,
        });
      }
    }
  }
  return assembleMerged(reports, first, [...byId.values()], first.vantages);
}

function nothingToMerge(lang: Lang): UsageError {
  return new UsageError(reportFilesTextOf(lang).mergeNothing, { lang });
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

/**
 * The merged report around its results: `base` gives identity (roadmap, tool, vantage), times
 * span every input, and any partial or network-down input makes the whole partial.
 */
function assembleMerged(
  reports: readonly Report[],
  base: Report,
  unsorted: readonly ResourceResult[],
  vantages: readonly string[] | undefined,
): Report {
  const results = [...unsorted].sort(byLineThenId);
  const networkDown = reports.find((report) => report.networkDown !== undefined)?.networkDown;
  // A partial merge merged again stays partial, and keeps naming what it lacks.
  const missingShards: MissingShard[] = reports.flatMap((report) => report.missingShards ?? []);
  return {
    schemaVersion: base.schemaVersion,
    tool: base.tool,
    roadmap: base.roadmap,
    vantage: base.vantage,
    // ISO-8601 UTC times order as strings, so no Date parsing is needed.
    startedAt: reports.map((report) => report.startedAt).reduce(earliest),
    finishedAt: reports.map((report) => report.finishedAt).reduce(latest),
    partial: reports.some(
      (report) =>
        report.partial || report.networkDown !== undefined || report.missingShards !== undefined,
    ),
    ...(networkDown === undefined ? {} : { networkDown }),
    ...(missingShards.length === 0 ? {} : { missingShards }),
    ...summariesOf(results),
    results,
    ...(vantages === undefined ? {} : { vantages: [...vantages] }),
  };
}
