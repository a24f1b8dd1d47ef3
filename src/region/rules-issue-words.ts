/**
 * The rules file schema's issues in the run's language. zod carries the schema's English
 * sentences (rules-schema.ts takes them from the catalog), so a sentence names its rule.
 */
import type { z } from 'zod';
import { regionRulesTextOf, roadmapLoadTextOf, type Lang } from '../i18n/index.js';
import { RULES_SCHEMA_RULES_EN } from '../i18n/region-rules-en.js';
import { SCHEMA_RULES_EN } from '../i18n/roadmap-load-en.js';
import { DEFAULT_OPEN_RULE_ID } from './verdict.js';

/** `region:` is checked by the roadmap's own region rule, so it is worded by that catalog. */
const ROADMAP_REGION_RULE: string = SCHEMA_RULES_EN.regionCode;

type StaticRule = {
  [R in keyof typeof RULES_SCHEMA_RULES_EN]: (typeof RULES_SCHEMA_RULES_EN)[R] extends string
    ? R
    : never;
}[keyof typeof RULES_SCHEMA_RULES_EN];

/** The schema's static sentences, to find which of its rules an issue is. */
const STATIC_RULE_BY_SENTENCE: ReadonlyMap<string, StaticRule> = new Map(
  Object.entries(RULES_SCHEMA_RULES_EN).flatMap(([rule, text]) =>
    typeof text === 'string' ? [[text, rule as StaticRule] as const] : [],
  ),
);

/**
 * Whether an issue is one of the rules file schema's own rules (a sentence of its catalog, or a
 * custom check), which schemaRuleMessage words; the others are zod's generic issues.
 */
export function isOwnRule(issue: z.core.$ZodIssue): boolean {
  return (
    issue.code === 'custom' ||
    issue.message === ROADMAP_REGION_RULE ||
    STATIC_RULE_BY_SENTENCE.has(issue.message)
  );
}

/**
 * An issue of the schema's own rules in the run's language: static sentences by their text,
 * the ones quoting a value by the rule the schema put in `params`. zod's generic messages (a
 * wrong type, an unknown key) keep zod's English.
 */
export function schemaRuleMessage(issue: z.core.$ZodIssue, lang: Lang): string {
  const rules = regionRulesTextOf(lang).schemaRule;
  if (issue.code === 'custom') {
    const params = issue.params as { rule?: unknown; value?: unknown } | undefined;
    if (typeof params?.value === 'string') {
      if (params.rule === 'duplicateId') return rules.duplicateId(params.value);
      if (params.rule === 'alreadyMatched') return rules.alreadyMatched(params.value);
    }
    if (issue.message === RULES_SCHEMA_RULES_EN.reservedId(DEFAULT_OPEN_RULE_ID)) {
      return rules.reservedId(DEFAULT_OPEN_RULE_ID);
    }
  }
  if (issue.message === ROADMAP_REGION_RULE) return roadmapLoadTextOf(lang).schemaRule.regionCode;
  const rule = STATIC_RULE_BY_SENTENCE.get(issue.message);
  return rule === undefined ? issue.message : rules[rule];
}
