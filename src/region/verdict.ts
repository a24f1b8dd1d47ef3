/**
 * The region verdict model: can a learner in a region open a resource without a VPN, and on
 * what evidence. These zod schemas are the only definition: report.json embeds them
 * (`report/schema.ts`), the region stage builds their `z.infer` types, and `curate merge`
 * reads them back, so there is nothing to translate between the stage and the report.
 */
import { z } from 'zod';
import { assertNever, type Access } from '../domain.js';
import { ACCESS_LEVELS } from '../roadmap/schema.js';

const AccessSchema = z.enum(ACCESS_LEVELS);

/** A region verdict's access: `unknown` when nothing says. */
export const RegionAccessSchema = z.enum([...ACCESS_LEVELS, 'unknown']);

/** How a learner in a region can open a resource; `unknown` when nothing says. */
export type RegionAccess = z.infer<typeof RegionAccessSchema>;

/** What a rule says about a host: blocked by the firewall, throttled, or refused by the server itself. */
export const RULE_LEVELS = ['blocked', 'throttled', 'refuses-region'] as const;

/** One of {@link RULE_LEVELS}; mapped to access by {@link accessOfLevel}. */
export type RuleLevel = (typeof RULE_LEVELS)[number];

/** Where the region's request failed while the global one worked (OONI's `blocking` values). */
export const BLOCKING_STYLES = ['dns', 'tcp', 'tls', 'http-diff'] as const;

/** One of {@link BLOCKING_STYLES}. */
export type Blocking = (typeof BLOCKING_STYLES)[number];

/** Why an observation did not decide a region verdict (a failure from the region alone, or from everywhere). */
const observationNote = z.string().optional();

/**
 * One region's verdict for one URL, discriminated by `source`, strongest first: `observed` (an
 * observation from the region, compared with a global one OONI-style), `rule` (a rules file or
 * AutoProxy list; rule `default-open`, level `unlisted`, means no list names the host: presumed
 * open), `declared` (the roadmap's `access:`), `none` (nothing says: access `unknown`).
 */
export const RegionVerdictSchema = z.discriminatedUnion('source', [
  z.strictObject({
    access: RegionAccessSchema,
    source: z.literal('observed'),
    evidence: z.strictObject({
      /** The vantage inside the region that observed it. */
      vantage: z.string(),
      /** The vantage its outcome was compared with (`global`), when there was one. */
      comparedWith: z.string().optional(),
      /** Where the region's request failed while the global one worked (OONI's `blocking`). */
      blocking: z.enum(BLOCKING_STYLES).optional(),
      note: z.string(),
    }),
  }),
  z.strictObject({
    access: RegionAccessSchema,
    source: z.literal('rule'),
    evidence: z.strictObject({
      /** The rule's id in a rules file, the rule text of an AutoProxy list, or `default-open`. */
      ruleId: z.string(),
      /** The rules file or list the rule comes from (several, comma-separated, for `default-open`). */
      list: z.string(),
      /** `unlisted` goes only with the `default-open` rule: no consulted list names the host. */
      level: z.enum([...RULE_LEVELS, 'unlisted']),
      note: z.string(),
      observation: observationNote,
    }),
  }),
  z.strictObject({
    access: RegionAccessSchema,
    source: z.literal('declared'),
    evidence: z.strictObject({ note: z.string(), observation: observationNote }),
  }),
  z.strictObject({
    access: z.literal('unknown'),
    source: z.literal('none'),
    evidence: z.strictObject({ note: z.string(), observation: observationNote }),
  }),
]);

/** One region's verdict for one URL (see {@link RegionVerdictSchema}). */
export type RegionVerdict = z.infer<typeof RegionVerdictSchema>;

/** The evidence of a `rule` verdict: which rule of which list, at what level. */
export type RuleEvidence = Extract<RegionVerdict, { source: 'rule' }>['evidence'];

/** The fields of a conflict that one link's assessment knows, before the report places it. */
const linkConflictShape = {
  declared: AccessSchema,
  found: AccessSchema,
  /** What contradicts the declaration: a rule (or the `default-open` presumption), or an observation. */
  source: z.enum(['rule', 'observed']),
  /** One sentence for the report, naming both sides and what to fix. */
  message: z.string(),
};

/** A declaration the evidence contradicts: a finding for the maintainer, who fixes the roadmap. */
export const RegionConflictSchema = z.strictObject({
  resourceId: z.string(),
  url: z.string().nullable(),
  line: z.number().int().min(0),
  ...linkConflictShape,
});

/** A conflict as report.json lists it under `regions.<id>.conflicts`. */
export type RegionConflict = z.infer<typeof RegionConflictSchema>;

/** A conflict on one link, without the resource it belongs to (see {@link RegionConflict}). */
export type LinkRegionConflict = Omit<RegionConflict, 'resourceId' | 'url' | 'line'>;

/** One region's totals over resources, its to-do list (uncovered) and its conflicts. */
export const RegionSummarySchema = z.strictObject({
  open: z.number().int().min(0),
  vpn: z.number().int().min(0),
  partial: z.number().int().min(0),
  unknown: z.number().int().min(0),
  /** Resources needing a VPN (access `vpn`) with a confirmed mirror open in the region and not broken. */
  covered: z.array(z.string()),
  /** Resources needing a VPN without such a mirror: the maintainer's to-do list. */
  uncovered: z.array(z.string()),
  /** Of `covered`, those covered only by a mirror matched by evidence, not confirmed by a maintainer. */
  coveredByEvidence: z.array(z.string()).optional(),
  conflicts: z.array(RegionConflictSchema),
});

/** One region's totals, coverage and conflicts (see {@link RegionSummarySchema}). */
export type RegionSummary = z.infer<typeof RegionSummarySchema>;

/** The `ruleId` of the verdict given to a host that no consulted rules list names. */
export const DEFAULT_OPEN_RULE_ID = 'default-open';

/** Whether a verdict is only presumed: open because no list names the host, not because anyone looked. */
export function isPresumedOpen(verdict: RegionVerdict): boolean {
  return verdict.source === 'rule' && verdict.evidence.ruleId === DEFAULT_OPEN_RULE_ID;
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
