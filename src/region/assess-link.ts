/**
 * One link's verdict in one region, from everything that speaks to it: the observations per
 * vantage (compared OONI-style), the rules that name its host, and the roadmap's declaration.
 * The one place a region verdict is made; `check` and `merge` both reach it through
 * `assessRegions`.
 */
import { assertNever, type Access } from '../domain.js';
import type { Observation } from '../report/schema.js';
import { compareObservations } from './compare.js';
import { matchRegionSources, sourcesForRegion, type RegionRuleSources } from './rules.js';
import { GLOBAL_VANTAGE } from './vantage.js';
import {
  accessOfLevel,
  DEFAULT_OPEN_RULE_ID,
  type LinkRegionConflict,
  type RegionVerdict,
  type RuleEvidence,
} from './verdict.js';

/** What a link brings to its region verdict. */
export type LinkRegionFacts = {
  url: string | null;
  /** The roadmap's `access:` for the region; mirrors declare none. */
  declared: Access | undefined;
  /** What each vantage saw of the URL, keyed by vantage (`global`, `cn`). */
  observations: Readonly<Record<string, Observation>> | undefined;
};

/** One link's verdict in one region, and the declaration it contradicts, if any. */
export type LinkRegionAssessment = {
  verdict: RegionVerdict;
  conflict: LinkRegionConflict | undefined;
};

/** An inconclusive observation's note, kept as evidence of the verdict that decided instead. */
type ObservationNote = { observation?: string };

/**
 * Decides one region's access to one link. Decisions, strongest source first:
 * 1. An observation from the region that the comparison with the global one makes conclusive
 *    (see `compareObservations`): `open` or `vpn`, observed. A different declaration is a
 *    conflict, except declared `partial` seen `open`: one request cannot see throttling.
 * 2. A rule names the host (see `matchRegionSources` for which rule decides): its access, with
 *    that rule as evidence. A different declaration is a conflict; the rule still decides,
 *    since it says why and is dated.
 * 3. No rule names the host and the roadmap declares an access: the declaration. Declaring
 *    `vpn` or `partial` for a host no consulted list names is a conflict too: either the rules
 *    miss the host (add it) or the roadmap is wrong (fix it).
 * 4. No rule names the host, nothing is declared, and at least one rules file or list for the
 *    region was consulted: `open`, with rule `default-open` (level `unlisted`) as evidence.
 *    Rules lists name what is blocked, so a host on none of them is presumed open; a maintainer
 *    wants a verdict for every resource (`--offline` included) rather than a report full of
 *    `unknown`, and the evidence keeps the presumption visible (see `isPresumedOpen`).
 * 5. No rules at all for the region (or no URL) and nothing declared: `unknown`, source `none`.
 *
 * Rules files of other regions are ignored; AutoProxy lists apply to every region. An
 * inconclusive observation does not decide, but its note stays in `evidence.observation`.
 */
export function assessLinkRegion(
  region: string,
  link: LinkRegionFacts,
  sources: RegionRuleSources,
): LinkRegionAssessment {
  const global = link.observations?.[GLOBAL_VANTAGE];
  const comparison = compareObservations(link.observations?.[region], global);
  switch (comparison.kind) {
    case 'open':
    case 'blocked': {
      const found: Access = comparison.kind === 'open' ? 'open' : 'vpn';
      const verdict: RegionVerdict = {
        access: found,
        source: 'observed',
        evidence: {
          vantage: region,
          ...(global === undefined ? {} : { comparedWith: GLOBAL_VANTAGE }),
          ...(comparison.kind === 'blocked' ? { blocking: comparison.blocking } : {}),
          note: comparison.note,
        },
      };
      return {
        verdict,
        conflict: observedConflict(region, link.declared, found, comparison.note),
      };
    }
    case 'inconclusive':
      return assessByRulesAndDeclaration(region, link, sources, { observation: comparison.note });
    case 'unobserved':
      return assessByRulesAndDeclaration(region, link, sources, {});
    default:
      return assertNever(comparison);
  }
}

/** Decisions 2 to 5: what rules and the roadmap say when no observation decides. */
function assessByRulesAndDeclaration(
  region: string,
  { url, declared }: LinkRegionFacts,
  sources: RegionRuleSources,
  observation: ObservationNote,
): LinkRegionAssessment {
  const parsed = url !== null && URL.canParse(url) ? new URL(url) : undefined;
  if (parsed === undefined) {
    return {
      verdict:
        declared === undefined
          ? none('no URL to judge and nothing declared', observation)
          : declaredVerdict(region, declared, observation),
      conflict: undefined,
    };
  }
  const regionSources = sourcesForRegion(sources, region);
  const [deciding] = matchRegionSources(regionSources, parsed);
  if (deciding !== undefined) {
    const ruled = accessOfLevel(deciding.level);
    const evidence: RuleEvidence = {
      ruleId: deciding.ruleId,
      list: deciding.list,
      level: deciding.level,
      note: deciding.note,
      ...observation,
    };
    return {
      verdict: { access: ruled, source: 'rule', evidence },
      conflict:
        declared === undefined || declared === ruled
          ? undefined
          : ruleConflict(region, declared, ruled, evidence),
    };
  }
  const consulted = [
    ...regionSources.rules.map((rules) => rules.list),
    ...regionSources.lists.map((list) => list.name),
  ];
  const presumedOpen: RuleEvidence | undefined =
    consulted.length === 0
      ? undefined
      : {
          ruleId: DEFAULT_OPEN_RULE_ID,
          list: consulted.join(', '),
          level: 'unlisted',
          note: `no rule names ${parsed.hostname}; presumed open`,
          ...observation,
        };
  if (declared !== undefined) {
    return {
      verdict: declaredVerdict(region, declared, observation),
      conflict:
        presumedOpen === undefined || declared === 'open'
          ? undefined
          : ruleConflict(region, declared, 'open', presumedOpen),
    };
  }
  return {
    verdict:
      presumedOpen === undefined
        ? none(`curate has no rules for ${region} and the roadmap declares nothing`, observation)
        : { access: 'open', source: 'rule', evidence: presumedOpen },
    conflict: undefined,
  };
}

function declaredVerdict(
  region: string,
  declared: Access,
  observation: ObservationNote,
): RegionVerdict {
  return {
    access: declared,
    source: 'declared',
    evidence: { note: `the roadmap declares ${region}: ${declared}`, ...observation },
  };
}

function none(note: string, observation: ObservationNote): RegionVerdict {
  return { access: 'unknown', source: 'none', evidence: { note, ...observation } };
}

/** The roadmap declares one access and a rule (or the `default-open` presumption) another. */
function ruleConflict(
  region: string,
  declared: Access,
  ruled: Access,
  { ruleId, list, level }: RuleEvidence,
): LinkRegionConflict {
  const rule =
    ruleId === DEFAULT_OPEN_RULE_ID
      ? `no rule in ${list} names the host`
      : `rule ${ruleId} in ${list} says ${level} (${ruled})`;
  return {
    declared,
    found: ruled,
    source: 'rule',
    message: `the roadmap declares ${region}: ${declared}, but ${rule}; fix the roadmap's access or the rules`,
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
): LinkRegionConflict | undefined {
  if (declared === undefined || declared === found) return undefined;
  if (declared === 'partial' && found === 'open') return undefined;
  return {
    declared,
    found,
    source: 'observed',
    message: `the roadmap declares ${region}: ${declared}, but a run from ${region} found ${found}: ${note}; fix the roadmap's access`,
  };
}
