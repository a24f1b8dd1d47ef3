/**
 * Which resources need a VPN in a region and have no way around it, by the same offline verdict
 * the report gives (`check --offline`'s "Needs a mirror"): the shipped rules (`rules/cn.yaml`)
 * first, then what the roadmap declares. One definition, so `validate` and the report say the
 * same number. Pure: the rules are data, loaded by the caller.
 *
 * The one call into `src/region` is {@link judgeRegion}; when the region stage's verdict model
 * changes, only that adapter follows it.
 */
import type { Access } from '../domain.js';
import { assessLinkRegion } from '../region/assess-link.js';
import type { RegionInputs } from '../region/assess.js';
import type { Roadmap } from './schema.js';
import { listResources, type ResourceEntry } from './walk.js';

/** The rules lint judges regions by; with none, only the roadmap's own `access:` counts. */
export type LintRegionRules = Pick<RegionInputs, 'rules' | 'lists'>;

/** No rules: every verdict comes from the roadmap's declarations. */
export const NO_REGION_RULES: LintRegionRules = { rules: [], lists: [] };

/** A rule of a rules file, named in a message. */
export type RuleRef = { ruleId: string; list: string };

/** One region's offline verdict on one URL, in the words lint needs. */
type RegionJudgement = {
  access: Access | 'unknown';
  /** Why, for the message: rule `youtube` in `cn.yaml`, or undefined when the roadmap declared it. */
  byRule: RuleRef | undefined;
};

/** A resource that needs a VPN in a region and has no confirmed mirror open there. */
export type UncoveredResource = {
  entry: ResourceEntry;
  region: string;
  /** The rule that says so, or undefined when the roadmap declares `vpn` itself. */
  byRule: RuleRef | undefined;
};

/** The adapter: the region stage's verdict for one URL, without observations (offline). */
function judgeRegion(
  region: string,
  url: string | undefined,
  declared: Access | undefined,
  rules: LintRegionRules,
): RegionJudgement {
  const { verdict } = assessLinkRegion(
    region,
    { url: url ?? null, declared, observations: undefined },
    rules,
  );
  const byRule =
    verdict.source === 'rule'
      ? { ruleId: verdict.evidence.ruleId, list: verdict.evidence.list }
      : undefined;
  return { access: verdict.access, byRule };
}

/**
 * Every resource whose verdict in one of the roadmap's regions is `vpn` (by rule or declared)
 * without a confirmed mirror that is open there, in reading order, per region.
 */
export function findUncoveredResources(
  roadmap: Roadmap,
  rules: LintRegionRules,
): UncoveredResource[] {
  const regions = roadmap.regions ?? [];
  return listResources(roadmap).flatMap((entry) =>
    regions.flatMap((region): UncoveredResource[] => {
      const { resource } = entry;
      const judgement = judgeRegion(region, resource.url, resource.access?.[region], rules);
      if (judgement.access !== 'vpn') return [];
      // As the report's coverage: unconfirmed candidates do not count until someone checks
      // them, unless `curate mirrors` matched them by strong evidence.
      const isCovered = (resource.mirrors ?? []).some(
        (mirror) =>
          ((mirror.confirmed ?? true) || mirror.evidence === 'strong') &&
          judgeRegion(region, mirror.url, undefined, rules).access === 'open',
      );
      return isCovered ? [] : [{ entry, region, byRule: judgement.byRule }];
    }),
  );
}
