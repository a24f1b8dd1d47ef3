/**
 * The region rules file format (`rules/<region>.yaml`): a curated, dated list of hosts that
 * learners in a region cannot open freely, each with its level and a note saying why.
 */
import { z } from 'zod';
import { RegionIdSchema } from '../roadmap/schema.js';
import { RULES_SCHEMA_RULES_EN as RULE } from '../i18n/region-rules-en.js';
import { DEFAULT_OPEN_RULE_ID, RULE_LEVELS } from './verdict.js';

const label = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';

/** A lower-case ASCII domain name of two labels or more (IDNs in their `xn--` form). */
const DOMAIN_PATTERN = new RegExp(`^(?=.{1,253}$)(?:${label}\\.)+${label}$`);

const nonEmpty = z.string().trim().min(1, RULE.notEmpty);

const DomainSchema = z
  .string()
  .refine((value) => !value.startsWith('*.'), {
    error: RULE.bareDomain,
  })
  .refine((value) => value.startsWith('*.') || DOMAIN_PATTERN.test(value), {
    error: RULE.domain,
  });

/** One rule: `match` names a domain, and the rule covers it and all its subdomains. */
export const RegionRuleSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]*$/, RULE.slug)
    .refine((id) => id !== DEFAULT_OPEN_RULE_ID, {
      error: RULE.reservedId(DEFAULT_OPEN_RULE_ID),
    }),
  match: DomainSchema,
  level: z.enum(RULE_LEVELS),
  note: nonEmpty,
});

/** The whole rules file. Ids and domains are unique so that a verdict names one rule. */
/** Fields no two rules of a file may share, with the problem a repeat is. */
const UNIQUE_RULE_FIELDS = [
  { field: 'id', problem: 'duplicateId' },
  { field: 'match', problem: 'alreadyMatched' },
] as const;

export const RegionRulesFileSchema = z
  .strictObject({
    region: RegionIdSchema,
    /** When the list was last checked against reality (ISO date): rules age. */
    updated: z.iso.date(RULE.date),
    /** Where the facts come from. */
    source: nonEmpty,
    note: z.string().optional(),
    rules: z.array(RegionRuleSchema),
  })
  .superRefine((file, context) => {
    for (const { field, problem } of UNIQUE_RULE_FIELDS) {
      const seen = new Set<string>();
      file.rules.forEach((rule, index) => {
        const value = rule[field];
        if (seen.has(value)) {
          context.addIssue({
            code: 'custom',
            path: ['rules', index, field],
            message: RULE[problem](value),
            params: { rule: problem, value },
          });
        }
        seen.add(value);
      });
    }
  });

/** A rules file as written. */
export type RegionRulesFile = z.infer<typeof RegionRulesFileSchema>;

/** One rule of a rules file. */
export type RegionRule = z.infer<typeof RegionRuleSchema>;

/** A loaded rules file plus the name verdicts cite it by (e.g. `cn.yaml`). */
export type RegionRules = RegionRulesFile & { list: string };
