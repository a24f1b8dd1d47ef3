/**
 * The region stage of a report: a verdict per region for every resource and mirror (made by
 * `assessLinkRegion`), plus per region the counts, the coverage by mirrors and the conflicts.
 * Pure, and run on a built report, so `check` and `merge` share it.
 */
import type { Archived, MirrorResult, Report, ResourceResult } from '../report/schema.js';
import { assessLinkRegion } from './assess-link.js';
import type { RegionRuleSources } from './rules.js';
import type {
  LinkRegionConflict,
  RegionConflict,
  RegionSummary,
  RegionVerdict,
} from './verdict.js';

/** What the region stage needs: the roadmap's regions and the rules to judge them by. */
export type RegionInputs = RegionRuleSources & {
  /** The roadmap's `regions:`. */
  regions: readonly string[];
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

function assessResource(
  resource: ResourceResult,
  inputs: RegionInputs,
): { resource: ResourceResult; conflicts: Map<string, LinkRegionConflict> } {
  const region: Record<string, RegionVerdict> = {};
  const conflicts = new Map<string, LinkRegionConflict>();
  for (const id of inputs.regions) {
    const { verdict, conflict } = assessLinkRegion(
      id,
      { url: resource.url, declared: resource.access?.[id], observations: resource.observations },
      inputs,
    );
    region[id] = verdict;
    if (conflict !== undefined) conflicts.set(id, conflict);
  }
  return {
    resource: {
      ...resource,
      ...archivedIn(resource.archived, inputs),
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
      assessLinkRegion(
        id,
        { url: mirror.url, declared: undefined, observations: mirror.observations },
        inputs,
      ).verdict,
    ]),
  );
  return { ...mirror, ...archivedIn(mirror.archived, inputs), region };
}

/**
 * A snapshot's own verdict per region, by the same rules as any link: web.archive.org is
 * blocked in mainland China, and a learner there should know before opening it.
 */
function archivedIn(archived: Archived | undefined, inputs: RegionInputs): { archived?: Archived } {
  if (archived?.kind !== 'snapshot' || inputs.regions.length === 0) {
    return archived === undefined ? {} : { archived };
  }
  const region = Object.fromEntries(
    inputs.regions.map((id) => [
      id,
      assessLinkRegion(
        id,
        { url: archived.url, declared: undefined, observations: undefined },
        inputs,
      ).verdict,
    ]),
  );
  return { archived: { ...archived, region } };
}

/** Counts and coverage of one region over the report's resources, with its conflicts. */
export function summarizeRegion(
  results: readonly ResourceResult[],
  region: string,
  conflicts: readonly RegionConflict[],
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
      if (isCoveredIn(resource, region) && !isCoveredIn(resource, region, 'confirmed')) {
        summary.coveredByEvidence = [...(summary.coveredByEvidence ?? []), resource.id];
      }
    }
  }
  return summary;
}

/**
 * Whether a resource that needs a VPN in a region has a way around it: a confirmed mirror that
 * is open in the region and not broken, or (unless `by` is `confirmed`) an unconfirmed one that
 * `curate mirrors` matched by strong evidence. Other unconfirmed candidates do not count:
 * confirming them is the maintainer's job, and the report lists the resource until then.
 */
export function isCoveredIn(
  resource: ResourceResult,
  region: string,
  by: 'confirmed' | 'confirmed-or-evidence' = 'confirmed-or-evidence',
): boolean {
  return resource.mirrors.some(
    (mirror) =>
      (mirror.confirmed || (by === 'confirmed-or-evidence' && mirror.matchedByEvidence === true)) &&
      mirror.outcome.status !== 'broken' &&
      mirror.region?.[region]?.access === 'open',
  );
}

function toConflictEntry(resource: ResourceResult, conflict: LinkRegionConflict): RegionConflict {
  return { resourceId: resource.id, url: resource.url, line: resource.line, ...conflict };
}
