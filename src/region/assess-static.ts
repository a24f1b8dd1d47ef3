/**
 * Region verdicts without observing anything: from rules and from what the roadmap declares.
 * Observations from inside the region, when a run has them, outrank both (see the check pipeline).
 */
import type { Access } from '../domain.js';
import { matchRegionSources, type RegionRuleMatch, type RegionRuleSources } from './rules.js';
import {
  accessOfLevel,
  DEFAULT_OPEN_RULE_ID,
  type RegionConflict,
  type RegionVerdict,
  type RuleEvidence,
} from './verdict.js';

/** A static verdict, and the conflict between the roadmap and the rules when there is one. */
export type StaticRegionAssessment = {
  verdict: RegionVerdict;
  conflict: RegionConflict | undefined;
};

/**
 * Decides one region's access to a URL from rules and the roadmap's declaration.
 *
 * Decisions, strongest source first:
 * 1. A rule names the host (see `matchRegionSources` for which rule decides): its access, with
 *    that rule as evidence. A different declaration is a conflict; the rule still decides,
 *    since it says why and is dated.
 * 2. No rule names the host, and the roadmap declares an access: the declaration.
 *    Declaring `vpn` or `partial` for a host no rule lists is a conflict too: either the rules
 *    file misses the host (add it) or the roadmap is wrong (fix it).
 * 3. No rule names the host, nothing is declared, and at least one rules file or list for the
 *    region was consulted: `open`, with evidence `default-open` (level `unlisted`). Rules lists
 *    are block lists, so a host on none of them is presumed open; a maintainer wants a verdict
 *    for every resource (`--offline` included) rather than a report full of `unknown`, and the
 *    `default-open` evidence keeps the presumption visible (see `isPresumedOpen`). An observation
 *    from the region overrides it.
 * 4. No rules at all for the region and nothing declared: `unknown`, without evidence: an empty
 *    list proves nothing.
 *
 * Rules files for other regions are ignored; AutoProxy lists carry no region, so the caller
 * passes only the lists that describe `region`.
 */
export function assessStaticRegion(
  region: string,
  url: URL,
  declared: Access | undefined,
  sources: RegionRuleSources,
): StaticRegionAssessment {
  const regionSources: RegionRuleSources = {
    rules: sources.rules.filter((rules) => rules.region === region),
    lists: sources.lists,
  };
  const [deciding] = matchRegionSources(regionSources, url);
  if (deciding !== undefined) {
    const evidence = ruleEvidence(deciding);
    const ruled = accessOfLevel(deciding.level);
    return {
      verdict: { region, access: ruled, evidence },
      conflict:
        declared === undefined || declared === ruled
          ? undefined
          : conflictOf(region, declared, ruled, evidence),
    };
  }
  const consulted = [
    ...regionSources.rules.map((rules) => rules.list),
    ...regionSources.lists.map((list) => list.name),
  ];
  const defaultOpen: RuleEvidence | undefined =
    consulted.length === 0
      ? undefined
      : {
          source: 'rule',
          ruleId: DEFAULT_OPEN_RULE_ID,
          list: consulted.join(', '),
          level: 'unlisted',
          note: `no rule names ${url.hostname}; presumed open`,
        };
  if (declared !== undefined) {
    return {
      verdict: { region, access: declared, evidence: { source: 'declared' } },
      conflict:
        defaultOpen === undefined || declared === 'open'
          ? undefined
          : conflictOf(region, declared, 'open', defaultOpen),
    };
  }
  return {
    verdict: {
      region,
      access: defaultOpen === undefined ? 'unknown' : 'open',
      evidence: defaultOpen,
    },
    conflict: undefined,
  };
}

function ruleEvidence(match: RegionRuleMatch): RuleEvidence {
  return {
    source: 'rule',
    ruleId: match.ruleId,
    list: match.list,
    level: match.level,
    note: match.note,
  };
}

function conflictOf(
  region: string,
  declared: Access,
  ruled: Access,
  evidence: RuleEvidence,
): RegionConflict {
  const rule =
    evidence.ruleId === DEFAULT_OPEN_RULE_ID
      ? `no rule in ${evidence.list} names the host`
      : `rule ${evidence.ruleId} in ${evidence.list} says ${evidence.level} (${ruled})`;
  return {
    region,
    declared,
    ruled,
    evidence,
    message: `the roadmap declares ${region}: ${declared}, but ${rule}; fix the roadmap's access or the rules`,
  };
}
