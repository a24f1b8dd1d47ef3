/**
 * The lint rules `curate validate` knows, their severities, and the shape of one finding.
 */
import type { InputProblem } from '../errors.js';
import type { FieldPath } from './walk.js';

/** Every lint rule and its severity; errors make `validate` exit 1, warnings do not. */
export const LINT_RULES = {
  'duplicate-resource-id': 'error',
  'duplicate-section-id': 'error',
  'duplicate-url': 'warning',
  'invalid-url': 'error',
  'url-whitespace': 'error',
  'url-stray-character': 'error',
  'unsupported-scheme': 'error',
  'insecure-http': 'warning',
  'missing-url': 'warning',
  'vpn-without-mirror': 'warning',
  'unknown-region': 'error',
  'empty-section': 'warning',
  'mirror-same-as-resource': 'error',
} as const satisfies Record<string, 'error' | 'warning'>;

/** The name of a lint rule, shown in brackets after each finding. */
export type LintRule = keyof typeof LINT_RULES;

/** One lint finding: an input problem with a severity and the rule that found it. */
export type LintFinding = InputProblem & { severity: 'error' | 'warning'; rule: LintRule };

/** Makes a finding of `rule` at `path`, positioned through the loaded file. */
export type ReportFinding = (
  rule: LintRule,
  path: FieldPath,
  message: string,
  hint?: string,
) => LintFinding;
