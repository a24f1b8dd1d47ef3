/**
 * The region rules file format (`rules/<region>.yaml`): a curated, dated list of hosts that
 * learners in a region cannot open freely, each with its level and a note saying why.
 */
import { z } from 'zod';
import { RegionIdSchema } from '../roadmap/schema.js';
import { DEFAULT_OPEN_RULE_ID, RULE_LEVELS } from './verdict.js';

const label = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';

/** A lower-case ASCII domain name of two labels or more (IDNs in their `xn--` form). */
const DOMAIN_PATTERN = new RegExp(`^(?=.{1,253}$)(?:${label}\\.)+${label}$`);

const nonEmpty = z.string().trim().min(1, 'must not be empty');

const DomainSchema = z
  .string()
  .refine((value) => !value.startsWith('*.'), {
    error: 'write the bare domain: a rule already covers every subdomain',
  })
  .refine((value) => value.startsWith('*.') || DOMAIN_PATTERN.test(value), {
    error: 'must be a lower-case domain name such as "example.com" (no scheme, path or port)',
  });

/** One rule: `match` names a domain, and the rule covers it and all its subdomains. */
export const RegionRuleSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be a slug: lower-case letters, digits, ".", "_" or "-"')
    .refine((id) => id !== DEFAULT_OPEN_RULE_ID, {
      error: `"${DEFAULT_OPEN_RULE_ID}" is reserved for hosts no rule names`,
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
    updated: z.iso.date('must be a date such as 2026-11-28'),
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
          message: `duplicate id "${rule.id}"`,
        });
      }
      if (domains.has(rule.match)) {
        context.addIssue({
          code: 'custom',
          path: ['rules', index, 'match'],
          message: `"${rule.match}" is already matched by an earlier rule`,
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
