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
    const ids = new Set<string>();
    const domains = new Set<string>();
    file.rules.forEach((rule, index) => {
      if (ids.has(rule.id)) {
        context.addIssue({
          code: 'custom',
          path: ['rules', index, 'id'],
          message: RULE.duplicateId(rule.id),
          params: { rule: 'duplicateId', value: rule.id },
        });
      }
      if (domains.has(rule.match)) {
        context.addIssue({
          code: 'custom',
          path: ['rules', index, 'match'],
          message: RULE.alreadyMatched(rule.match),
          params: { rule: 'alreadyMatched', value: rule.match },
        });
      }
      ids.add(rule.id);
      domains.add(rule.match);
    });
  });

/** A rules file as written. */
export type RegionRulesFile = z.infer<typeof RegionRulesFileSchema>;

/** One rule of a rules file. */
export type RegionRule = z.infer<typeof RegionRuleSchema>;

/** A loaded rules file plus the name verdicts cite it by (e.g. `cn.yaml`). */
export type RegionRules = RegionRulesFile & { list: string };
