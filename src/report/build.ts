/**
 * Turns the plan and the per-target results into the report: one entry per resource and mirror,
 * in roadmap order, so duplicated URLs (one shared target) appear at every place they are written.
 */
import { assertNever } from '../domain.js';
import type {
  CheckResult,
  Plan,
  PlannedLink,
  PlannedMirror,
  PlannedResource,
  Status,
} from '../domain.js';
import { REPORT_SCHEMA_VERSION } from './schema.js';
import type { Counts, MirrorResult, Observation, Report, ResourceResult } from './schema.js';
import { detectTitleDrift } from './title-drift.js';

/** What the run knows about itself, passed in so the report never reads a clock. */
export type ReportMeta = {
  toolVersion: string;
  roadmapPath: string;
  roadmapTitle: string;
  vantage: string;
  startedAt: string;
  finishedAt: string;
  isPartial: boolean;
  networkDown: { message: string } | undefined;
};

/** The check fields a resource and a mirror share. */
type LinkCheck = Omit<MirrorResult, 'platform' | 'lang' | 'note' | 'confirmed'>;

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
    summary: countStatuses(resourceResults),
    mirrorSummary: countStatuses(resourceResults.flatMap((resource) => resource.mirrors)),
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
    ...toLinkCheck(resource.link, results, meta, resource.title),
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
    ...toLinkCheck(mirror, results, meta, resourceTitle),
    ...(mirror.platform === undefined ? {} : { platform: mirror.platform }),
    ...(mirror.lang === undefined ? {} : { lang: mirror.lang }),
    ...(mirror.note === undefined ? {} : { note: mirror.note }),
    confirmed: mirror.isConfirmed,
  };
}

/** One planned URL's entry: from its target's result, or from the plan when nothing was fetched. */
function toLinkCheck(
  link: PlannedLink,
  results: ReadonlyMap<string, CheckResult>,
  meta: ReportMeta,
  roadmapTitle: string,
): LinkCheck {
  const unfetched = {
    url: link.url ?? null,
    line: link.line,
    redirects: [],
    durationMs: 0,
    checkedAt: meta.finishedAt,
  };
  const { plan } = link;
  switch (plan.kind) {
    case 'skip':
      return {
        ...unfetched,
        status: 'skipped',
        reason: plan.reason,
        ...(plan.detail === undefined ? {} : { detail: plan.detail }),
      };
    case 'invalid':
      return { ...unfetched, status: 'broken', reason: 'invalid-url', detail: plan.detail };
    case 'check': {
      const result = results.get(plan.targetId);
      if (result === undefined) {
        // A network-down stop leaves the rest unchecked for that reason; anything else is an interruption.
        const reason = meta.networkDown === undefined ? 'interrupted' : 'network-down';
        return { ...unfetched, status: 'skipped', reason };
      }
      return fromResult(link, result, meta.vantage, roadmapTitle);
    }
    default:
      return assertNever(plan);
  }
}

function fromResult(
  link: PlannedLink,
  result: CheckResult,
  vantage: string,
  roadmapTitle: string,
): LinkCheck {
  // The redirected outcome is the only one that knows where its chain ended.
  const finalUrl = result.status === 'redirected' ? result.finalUrl : undefined;
  const httpStatus = 'httpStatus' in result ? result.httpStatus : undefined;
  const errorCode = 'errorCode' in result ? result.errorCode : undefined;
  const detail = 'detail' in result ? result.detail : undefined;
  const titleDrift = detectTitleDrift(roadmapTitle, result);
  return {
    url: link.url ?? null,
    line: link.line,
    status: result.status,
    reason: result.reason,
    ...(httpStatus === undefined ? {} : { httpStatus }),
    ...(finalUrl === undefined ? {} : { finalUrl }),
    redirects: result.hops.map((hop) => ({ url: hop.url, status: hop.status })),
    ...(errorCode === undefined ? {} : { errorCode }),
    ...(detail === undefined ? {} : { detail }),
    ...(result.pageTitle === undefined ? {} : { pageTitle: result.pageTitle }),
    durationMs: result.durationMs,
    checkedAt: result.checkedAt,
    ...(result.isCached === true ? { cached: true as const } : {}),
    ...(isObservation(result) ? { observations: { [vantage]: toObservation(result) } } : {}),
    ...(titleDrift === undefined ? {} : { titleDrift }),
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
  const httpStatus = 'httpStatus' in result ? result.httpStatus : undefined;
  const errorCode = 'errorCode' in result ? result.errorCode : undefined;
  const finalUrl = result.status === 'redirected' ? result.finalUrl : undefined;
  return {
    status: result.status,
    reason: result.reason,
    ...(httpStatus === undefined ? {} : { httpStatus }),
    ...(errorCode === undefined ? {} : { errorCode }),
    ...(result.pageTitle === undefined ? {} : { pageTitle: result.pageTitle }),
    ...(finalUrl === undefined ? {} : { finalUrl }),
    checkedAt: result.checkedAt,
  };
}

/** Counts entries per status; every status is present, so the report's shape never varies. */
export function countStatuses(entries: readonly { status: Status }[]): Counts {
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
    counts[entry.status] += 1;
  }
  return counts;
}
