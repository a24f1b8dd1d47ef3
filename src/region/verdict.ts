/**
 * Region verdicts: can a learner in a region open a resource without a VPN, and on what evidence.
 * These types live here until the report takes them over.
 */
import { assertNever, type Access } from '../domain.js';

/** How a learner in a region can open a resource; `unknown` when nothing says. */
export type RegionAccess = Access | 'unknown';

/** What a rule says about a host: blocked by the firewall, throttled, or refused by the server itself. */
export type RuleLevel = 'blocked' | 'throttled' | 'refuses-region';

/** Why a verdict says what it says, strongest source first. */
export type RegionEvidence =
  | { source: 'observed'; vantage: string; detail: string }
  | {
      source: 'rule';
      /** The rule's id in a rules file, the rule text of an AutoProxy list, or `default-open`. */
      ruleId: string;
      /** The rules file or list the rule comes from (several, comma-separated, for `default-open`). */
      list: string;
      /**
       * `unlisted` goes only with the `default-open` rule: no consulted list names the host, and
       * rules lists name blocked hosts, so it is presumed open.
       */
      level: RuleLevel | 'unlisted';
      note: string;
    }
  | { source: 'declared' };

/** The rule branch of {@link RegionEvidence}. */
export type RuleEvidence = Extract<RegionEvidence, { source: 'rule' }>;

/** One region's verdict for one URL. */
export type RegionVerdict = {
  region: string;
  access: RegionAccess;
  evidence: RegionEvidence | undefined;
};

/**
 * The roadmap declares one access and the rules say another: a finding for a maintainer, who
 * fixes either the roadmap's `access:` or the rules file.
 */
export type RegionConflict = {
  region: string;
  declared: Access;
  /** What the rules say: a matched rule's access, or `open` when no rule lists the host. */
  ruled: Access;
  evidence: RuleEvidence;
  /** One sentence for the report, naming the rule and both sides. */
  message: string;
};

/** The `ruleId` of the verdict given to a host that no consulted rules list names. */
export const DEFAULT_OPEN_RULE_ID = 'default-open';

/** Whether a verdict is only presumed: open because no list names the host, not because anyone looked. */
export function isPresumedOpen(verdict: RegionVerdict): boolean {
  return verdict.evidence?.source === 'rule' && verdict.evidence.ruleId === DEFAULT_OPEN_RULE_ID;
}

/** The access a rule level grants: a server that refuses the region needs a VPN as a block does. */
export function accessOfLevel(level: RuleLevel): Access {
  switch (level) {
    case 'blocked':
    case 'refuses-region':
      return 'vpn';
    case 'throttled':
      return 'partial';
    default:
      return assertNever(level);
  }
}
