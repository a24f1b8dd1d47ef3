/**
 * Turns the plan and the per-target results into the report: one entry per resource and mirror,
 * in roadmap order, so duplicated URLs (one shared target) appear at every place they are written.
 */
import type { Shard } from '../ci/shard.js';
import type {
  CheckResult,
  Plan,
  PlannedLink,
  PlannedMirror,
  PlannedResource,
  Status,
} from '../domain.js';
import { outcomeOf } from '../outcome/result.js';
import { plannedOutcome, uncheckedOutcome } from '../outcome/unfetched.js';
import { REPORT_SCHEMA_VERSION } from './schema.js';
import type {
  Counts,
  MirrorResult,
  Observation,
  Report,
  ReportEntry,
  ResourceResult,
} from './schema.js';
import { detectTitleDrift } from './title-drift.js';
import type { NetworkDownFacts } from '../i18n/network-down.js';

/** What the run knows about itself, passed in so the report never reads a clock. */
export type ReportMeta = {
  toolVersion: string;
  roadmapPath: string;
  roadmapTitle: string;
  vantage: string;
  startedAt: string;
  finishedAt: string;
  isPartial: boolean;
  networkDown: NetworkDownFacts | undefined;
  /** The `--shard i/n` this run checked, recorded so `curate merge` can tell a missing part. */
  shard?: Shard | undefined;
};

/** A known mirror fetched alongside a resource (see `region/mirror-suggestions.ts`). */
export type SuggestedMirrorTarget = { url: string; platform: string; targetId: string };

/** Builds the report from the plan (what to list) and the results keyed by target id (what was seen). */
export function buildReport(
  plan: Plan,
  results: ReadonlyMap<string, CheckResult>,
  meta: ReportMeta,
  suggestions: ReadonlyMap<string, readonly SuggestedMirrorTarget[]> = new Map(),
): Report {
  const resourceResults = plan.resources.map((resource) =>
    toResourceResult(resource, results, meta, suggestions.get(resource.id) ?? []),
  );
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'curate', version: meta.toolVersion },
    roadmap: { path: meta.roadmapPath, title: meta.roadmapTitle },
    vantage: meta.vantage,
    startedAt: meta.startedAt,
    finishedAt: meta.finishedAt,
    partial: meta.isPartial,
    ...(meta.networkDown === undefined ? {} : { networkDown: { ...meta.networkDown } }),
    ...(meta.shard === undefined
      ? {}
      : { shard: { index: meta.shard.index, total: meta.shard.total } }),
    ...summariesOf(resourceResults),
    results: resourceResults,
  };
}

function toResourceResult(
  resource: PlannedResource,
  results: ReadonlyMap<string, CheckResult>,
  meta: ReportMeta,
  suggestions: readonly SuggestedMirrorTarget[],
): ResourceResult {
  // A suggestion is shown only once it answered: an unverified mirror would mislead.
  const suggestedMirrors = suggestions.flatMap(({ url, platform, targetId }) =>
    results.get(targetId)?.status === 'ok' ? [{ url, platform, status: 'ok' as const }] : [],
  );
  return {
    id: resource.id,
    sectionId: resource.sectionId,
    sectionTitle: resource.sectionTitle,
    ...(resource.topic === undefined ? {} : { topic: resource.topic }),
    title: resource.title,
    kind: resource.kind,
    ...(Object.keys(resource.access).length === 0 ? {} : { access: { ...resource.access } }),
    ...toEntry(resource.link, results, meta, resource.title),
    mirrors: resource.mirrors.map((mirror) =>
      toMirrorResult(mirror, results, meta, resource.title),
    ),
    ...(suggestedMirrors.length === 0 ? {} : { suggestedMirrors }),
  };
}

function toMirrorResult(
  mirror: PlannedMirror,
  results: ReadonlyMap<string, CheckResult>,
  meta: ReportMeta,
  resourceTitle: string,
): MirrorResult {
  return {
    ...toEntry(mirror, results, meta, resourceTitle),
    ...(mirror.platform === undefined ? {} : { platform: mirror.platform }),
    ...(mirror.lang === undefined ? {} : { lang: mirror.lang }),
    ...(mirror.note === undefined ? {} : { note: mirror.note }),
    confirmed: mirror.isConfirmed,
    ...(mirror.isMatchedByEvidence === true ? { matchedByEvidence: true } : {}),
  };
}

/** One planned URL's entry: from its target's result, or from the plan when nothing was fetched. */
function toEntry(
  link: PlannedLink,
  results: ReadonlyMap<string, CheckResult>,
  meta: ReportMeta,
  roadmapTitle: string,
): ReportEntry {
  const { plan } = link;
  if (plan.kind === 'check') {
    const result = results.get(plan.targetId);
    if (result !== undefined) return fromResult(link, result, meta.vantage, roadmapTitle);
  }
  return {
    url: link.url ?? null,
    line: link.line,
    outcome:
      plan.kind === 'check'
        ? uncheckedOutcome(meta.networkDown !== undefined)
        : plannedOutcome(plan),
    redirects: [],
    durationMs: 0,
    checkedAt: meta.finishedAt,
  };
}

function fromResult(
  link: PlannedLink,
  result: CheckResult,
  vantage: string,
  roadmapTitle: string,
): ReportEntry {
  const titleDrift = detectTitleDrift(roadmapTitle, result);
  const findings = [
    ...(result.findings ?? []),
    ...(titleDrift === undefined ? [] : [{ kind: 'title-drift' as const, ...titleDrift }]),
  ];
  return {
    url: link.url ?? null,
    line: link.line,
    outcome: outcomeOf(result),
    redirects: result.hops.map((hop) => ({ url: hop.url, status: hop.status })),
    ...(result.pageTitle === undefined ? {} : { pageTitle: result.pageTitle }),
    durationMs: result.durationMs,
    checkedAt: result.checkedAt,
    ...(result.isCached === true ? { cached: true as const } : {}),
    ...(isObservation(result) ? { observations: { [vantage]: toObservation(result) } } : {}),
    ...(findings.length === 0 ? {} : { findings }),
  };
}

/**
 * Whether a result says something about the URL from this vantage. A skip never does, except
 * `private-address`: the name resolved to a private address, which a poisoned answer does too.
 */
function isObservation(result: CheckResult): boolean {
  return result.status !== 'skipped' || result.reason === 'private-address';
}

/** The parts of a result kept per vantage, for comparing and merging vantages. */
export function toObservation(result: CheckResult): Observation {
  return {
    outcome: outcomeOf(result),
    ...(result.pageTitle === undefined ? {} : { pageTitle: result.pageTitle }),
    checkedAt: result.checkedAt,
  };
}

/** A report's two count tables: of its resources, and of their mirrors. */
export function summariesOf(
  results: readonly ResourceResult[],
): Pick<Report, 'summary' | 'mirrorSummary'> {
  return {
    summary: countStatuses(results),
    mirrorSummary: countStatuses(results.flatMap((resource) => resource.mirrors)),
  };
}

/** Counts entries per status; every status is present, so the report's shape never varies. */
export function countStatuses(entries: readonly { outcome: { status: Status } }[]): Counts {
  const counts: Counts = {
    total: entries.length,
    ok: 0,
    redirected: 0,
    broken: 0,
    unreachable: 0,
    unverified: 0,
    skipped: 0,
  };
  for (const entry of entries) {
    counts[entry.outcome.status] += 1;
  }
  return counts;
}
