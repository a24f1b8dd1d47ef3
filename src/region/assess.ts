/**
 * The region stage of a report: a verdict per region for every resource and mirror, strongest
 * source first (an observation from the region compared with a global one, then rules, then
 * the roadmap's declaration), plus per region the counts, the coverage by mirrors and the
 * conflicts. Pure, and run on a built report, so `check` and `merge` share it.
 */
import { assertNever, type Access } from '../domain.js';
import type {
  MirrorResult,
  Observation,
  RegionSummary,
  Report,
  ReportRegionConflict,
  ReportRegionVerdict,
  ResourceResult,
} from '../report/schema.js';
import type { AutoProxyList } from './gfwlist.js';
import { compareObservations } from './compare.js';
import { assessStaticRegion } from './assess-static.js';
import type { RegionRules } from './rules-schema.js';
import type { RegionConflict, RegionVerdict } from './verdict.js';

/** The vantage observations from a region are compared with. */
export const GLOBAL_VANTAGE = 'global';

/** What the region stage needs: the roadmap's regions and the rules to judge them by. */
export type RegionInputs = {
  /** The roadmap's `regions:`. */
  regions: readonly string[];
  /** Curated rules files; each applies to the region it names. */
  rules: readonly RegionRules[];
  /** AutoProxy lists (gfwlist): they name no region, so they apply to every region of the roadmap. */
  lists: readonly AutoProxyList[];
};

/** One link's verdict in one region, and the declaration it contradicts, if any. */
export type LinkRegionAssessment = {
  verdict: ReportRegionVerdict;
  conflict:
    { declared: Access; found: Access; source: 'rule' | 'observed'; message: string } | undefined;
};

/** Adds region verdicts to every resource and mirror of a report, and the per-region summary. */
export function assessRegions(report: Report, inputs: RegionInputs): Report {
  const assessed = report.results.map((resource) => assessResource(resource, inputs));
  const results = assessed.map(({ resource }) => resource);
  const regions = Object.fromEntries(
    inputs.regions.map((region) => [
      region,
      summarizeRegion(
        results,
        region,
        assessed.flatMap(({ resource, conflicts }) => {
          const conflict = conflicts.get(region);
          return conflict === undefined ? [] : [toConflictEntry(resource, conflict)];
        }),
      ),
    ]),
  );
  return { ...report, results, regions };
}

type Conflict = NonNullable<LinkRegionAssessment['conflict']>;

function assessResource(
  resource: ResourceResult,
  inputs: RegionInputs,
): { resource: ResourceResult; conflicts: Map<string, Conflict> } {
  const region: Record<string, ReportRegionVerdict> = {};
  const conflicts = new Map<string, Conflict>();
  for (const id of inputs.regions) {
    const { verdict, conflict } = assessLinkRegion(
      id,
      resource.url,
      resource.access?.[id],
      resource.observations,
      inputs,
    );
    region[id] = verdict;
    if (conflict !== undefined) conflicts.set(id, conflict);
  }
  return {
    resource: {
      ...resource,
      region,
      mirrors: resource.mirrors.map((mirror) => assessMirror(mirror, inputs)),
    },
    conflicts,
  };
}

function assessMirror(mirror: MirrorResult, inputs: RegionInputs): MirrorResult {
  const region = Object.fromEntries(
    inputs.regions.map((id) => [
      id,
      assessLinkRegion(id, mirror.url, undefined, mirror.observations, inputs).verdict,
    ]),
  );
  return { ...mirror, region };
}

/**
 * One URL's verdict in one region. An observation from the region decides when the comparison
 * with the global one is conclusive (see `compareObservations`); otherwise the static verdict
 * (rules, then the declaration) decides, and keeps the observation's note as evidence.
 */
export function assessLinkRegion(
  region: string,
  url: string | null,
  declared: Access | undefined,
  observations: Readonly<Record<string, Observation>> | undefined,
  inputs: Pick<RegionInputs, 'rules' | 'lists'>,
): LinkRegionAssessment {
  const comparison = compareObservations(observations?.[region], observations?.[GLOBAL_VANTAGE]);
  const parsed = url !== null && URL.canParse(url) ? new URL(url) : undefined;
  const observation = comparison.kind === 'inconclusive' ? { observation: comparison.note } : {};

  if (comparison.kind === 'open' || comparison.kind === 'blocked') {
    const found: Access = comparison.kind === 'open' ? 'open' : 'vpn';
    const comparedWith =
      observations?.[GLOBAL_VANTAGE] === undefined ? {} : { comparedWith: GLOBAL_VANTAGE };
    const verdict: ReportRegionVerdict = {
      access: found,
      source: 'observed',
      evidence: {
        vantage: region,
        ...comparedWith,
        ...(comparison.kind === 'blocked' ? { blocking: comparison.blocking } : {}),
        note: comparison.note,
      },
    };
    return { verdict, conflict: observedConflict(region, declared, found, comparison.note) };
  }
  if (parsed === undefined) {
    return {
      verdict:
        declared === undefined
          ? {
              access: 'unknown',
              source: 'none',
              evidence: { note: 'no URL to judge and nothing declared', ...observation },
            }
          : declaredVerdict(region, declared, observation),
      conflict: undefined,
    };
  }
  const assessed = assessStaticRegion(region, parsed, declared, inputs);
  return {
    verdict: toReportVerdict(region, assessed.verdict, observation),
    conflict: assessed.conflict === undefined ? undefined : staticConflict(assessed.conflict),
  };
}

/**
 * A declaration an observation contradicts. Declared `partial` with an observed `open` is
 * not one: one request cannot see throttling.
 */
function observedConflict(
  region: string,
  declared: Access | undefined,
  found: Access,
  note: string,
): LinkRegionAssessment['conflict'] {
  if (declared === undefined || declared === found) return undefined;
  if (declared === 'partial' && found === 'open') return undefined;
  return {
    declared,
    found,
    source: 'observed',
    message: `the roadmap declares ${region}: ${declared}, but a run from ${region} found ${found}: ${note}; fix the roadmap's access`,
  };
}

function staticConflict(conflict: RegionConflict): LinkRegionAssessment['conflict'] {
  return {
    declared: conflict.declared,
    found: conflict.ruled,
    source: 'rule',
    message: conflict.message,
  };
}

function declaredVerdict(
  region: string,
  declared: Access,
  observation: { observation?: string },
): ReportRegionVerdict {
  return {
    access: declared,
    source: 'declared',
    evidence: { note: `the roadmap declares ${region}: ${declared}`, ...observation },
  };
}

function toReportVerdict(
  region: string,
  verdict: RegionVerdict,
  observation: { observation?: string },
): ReportRegionVerdict {
  const { evidence } = verdict;
  if (evidence === undefined) {
    return {
      access: 'unknown',
      source: 'none',
      evidence: {
        note: `curate has no rules for ${region} and the roadmap declares nothing`,
        ...observation,
      },
    };
  }
  switch (evidence.source) {
    case 'rule':
      return {
        access: verdict.access,
        source: 'rule',
        evidence: {
          ruleId: evidence.ruleId,
          list: evidence.list,
          level: evidence.level,
          note: evidence.note,
          ...observation,
        },
      };
    case 'declared':
      return declaredVerdict(
        region,
        verdict.access === 'unknown' ? 'open' : verdict.access,
        observation,
      );
    case 'observed':
      return {
        access: verdict.access,
        source: 'observed',
        evidence: { vantage: evidence.vantage, note: evidence.detail },
      };
    default:
      return assertNever(evidence);
  }
}

/** Counts and coverage of one region over the report's resources, with its conflicts. */
export function summarizeRegion(
  results: readonly ResourceResult[],
  region: string,
  conflicts: readonly ReportRegionConflict[],
): RegionSummary {
  const summary: RegionSummary = {
    open: 0,
    vpn: 0,
    partial: 0,
    unknown: 0,
    covered: [],
    uncovered: [],
    conflicts: [...conflicts],
  };
  for (const resource of results) {
    const access = resource.region?.[region]?.access ?? 'unknown';
    summary[access] += 1;
    if (access === 'vpn') {
      (isCoveredIn(resource, region) ? summary.covered : summary.uncovered).push(resource.id);
    }
  }
  return summary;
}

/**
 * Whether a resource that needs a VPN in a region has a way around it: a confirmed mirror that
 * is open in the region and not broken. Unconfirmed candidates do not count: confirming them is
 * the maintainer's job, and the report lists the resource until then.
 */
export function isCoveredIn(resource: ResourceResult, region: string): boolean {
  return resource.mirrors.some(
    (mirror) =>
      mirror.confirmed &&
      mirror.outcome.status !== 'broken' &&
      mirror.region?.[region]?.access === 'open',
  );
}

function toConflictEntry(resource: ResourceResult, conflict: Conflict): ReportRegionConflict {
  return { resourceId: resource.id, url: resource.url, line: resource.line, ...conflict };
}
