/**
 * The reference texts of a region rules source that cannot be used: a YAML rules file
 * (rules/cn.yaml or a --region-rules file) or an AutoProxy list (gfwlist.txt), read from disk or
 * a URL. zh-CN (region-rules-zh-CN.ts) is typed against this.
 */
import type { TextsOf } from './catalog.js';

/**
 * The rules file schema's own rules (region/rules-schema.ts), by name. The schema gives zod
 * these English sentences, so load-rules.ts finds a rule by its sentence and says it in the
 * run's language.
 */
export const RULES_SCHEMA_RULES_EN = {
  notEmpty: 'must not be empty',
  bareDomain: 'write the bare domain: a rule already covers every subdomain',
  domain: 'must be a lower-case domain name such as "example.com" (no scheme, path or port)',
  slug: 'must be a slug: lower-case letters, digits, ".", "_" or "-"',
  reservedId: (id: string) => `"${id}" is reserved for hosts no rule names`,
  date: 'must be a date such as 2026-11-28',
  duplicateId: (id: string) => `duplicate id "${id}"`,
  alreadyMatched: (domain: string) => `"${domain}" is already matched by an earlier rule`,
} as const;

export const REGION_RULES_TEXT_EN = {
  notYaml: (file: string) => `${file} is not valid YAML`,
  notRulesFile: (file: string) => `${file} is not a valid region rules file`,
  notRulesFileHint: 'see rules/cn.yaml for the format',
  cannotRead: (path: string) => `cannot read ${path}`,
  cannotReadFile: (code: string | undefined) => `cannot read the file (${code ?? 'unknown error'})`,
  urlWithoutNetwork: (source: string) =>
    `--region-rules ${source}: a URL needs the network, and this run has none.`,
  urlWithoutNetworkHint: 'Download the list once and pass the file instead, or drop --offline.',
  // fetch/download-text.ts: a --region-rules URL that gave no text; the problem says why.
  cannotDownload: (url: string) => `cannot download ${url}`,
  cannotDownloadHint: 'Download it by hand and pass the file instead.',
  notTextFile: (contentType: string | undefined) =>
    `not a text file (${contentType ?? 'no content type'})`,
  downloadTimedOut: (phase: string) => `timed out (${phase})`,
  notAutoProxy: (name: string) => `${name} is not an AutoProxy list`,
  notAutoProxyProblem: 'neither a plain AutoProxy list nor base64 of one',
  notAutoProxyHint:
    'a plain list starts with "[AutoProxy 0.2.9]" (after any "!" comment lines) or has "||domain" lines',
  schemaRule: RULES_SCHEMA_RULES_EN,
} as const;

/** The shape every language's region rules texts have: en's keys, strings widened. */
export type RegionRulesText = Omit<TextsOf<typeof REGION_RULES_TEXT_EN>, 'schemaRule'> & {
  readonly schemaRule: TextsOf<typeof RULES_SCHEMA_RULES_EN>;
};
