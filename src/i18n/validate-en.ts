/**
 * The reference texts of `curate validate` (and of the lint `check` runs first): what each lint
 * rule says and what to do about it, the problems of a roadmap that does not load (the file,
 * its YAML, its schema), and the labels and summary around them. Functions, since every
 * message is built from what was found; zh-CN (validate-zh-CN.ts) is typed against this.
 * Rule ids and problem codes are not here: they stay English, as does `--format json`.
 */
import type { TextsOf } from './catalog.js';
import { assertNever } from '../assert-never.js';
import type { UrlProblemDetail } from '../plan/normalize-url.js';
import { plural, pluralForm } from '../text/plural.js';

/** Where a stray character sits in a URL (roadmap/suggest-url.ts). */
export type StrayText = { where: 'scheme' | 'space' | 'end'; character: string; name: string };

const codePoint = (character: string): string =>
  (character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');

export const VALIDATE_TEXT_EN = {
  // Lint rules (roadmap/lint.ts, lint-url.ts, lint-region.ts).
  duplicateId: (noun: 'section' | 'resource', id: string, firstLine: number) =>
    `duplicate ${noun} id "${id}" (first at line ${firstLine})`,
  duplicateResourceIdHint:
    'ids name resources in reports and in --only; give each resource its own',
  emptySection: (id: string) => `section "${id}" is empty`,
  emptySectionHint: 'add topics, resources or subsections, or remove the section',
  missingUrl: 'no URL; check will skip it',
  missingUrlHint: 'add url: once the resource is found',
  mirrorSameAsResource: 'the mirror has the same URL as its resource',
  mirrorSameAsResourceHint:
    'a mirror is another copy (e.g. a Bilibili re-upload); fix its URL or remove it',
  unknownRegion: (region: string, listed: readonly string[], nearest: string | undefined) =>
    `region "${region}" is not in regions: (${listed.length === 0 ? 'no regions are listed' : `listed: ${listed.join(', ')}`})${nearest === undefined ? '' : `; did you mean "${nearest}"?`}`,
  unknownRegionHint: (regions: readonly string[]) =>
    `add it to the top-level list, e.g. regions: [${regions.join(', ')}]`,
  byRule: (ruleId: string, list: string) => `rule ${ruleId} in ${list}`,
  vpnMirrorsClosed: (region: string, byRule: string | undefined) =>
    `needs a VPN in ${region}${byRule === undefined ? '' : ` (${byRule})`}, and none of its mirrors is confirmed and open there`,
  vpnMirrorsClosedHint: (region: string) =>
    `check a mirror that opens in ${region} and mark it confirmed: true, or add one`,
  vpnNoMirror: (region: string, byRule: string | undefined) =>
    `needs a VPN in ${region}${byRule === undefined ? '' : ` (${byRule})`}, and no mirror is listed`,
  vpnNoMirrorHint: (region: string) => `add a copy that opens in ${region} under mirrors:`,
  writeItAs: (suggestion: string) => `write it as ${suggestion}`,
  stray: (stray: StrayText): string => {
    switch (stray.where) {
      case 'scheme':
        return `the URL has ${stray.name} in its scheme (a Chinese keyboard's punctuation?)`;
      case 'space':
        return `the URL contains ${stray.name}`;
      case 'end':
        return `the URL ends with ${stray.name}, copied from the text around it?`;
      default:
        return assertNever(stray.where);
    }
  },
  urlProblem: (problem: UrlProblemDetail): string => {
    switch (problem.kind) {
      case 'empty':
        return 'the URL is empty';
      case 'no-scheme':
        return `"${problem.url}" has no scheme`;
      case 'malformed':
        return `"${problem.url}" is not a valid URL`;
      case 'unsupported-scheme':
        return `"${problem.scheme}:" is not an http(s) URL, so it cannot be checked`;
      case 'contains-space':
        return `the URL contains ${problem.spaces
          .map((space) => (space === ' ' ? 'a space' : `whitespace U+${codePoint(space)}`))
          .join(' and ')}`;
      case 'insecure-http':
        return 'the URL uses http://; prefer https://';
      default:
        return assertNever(problem);
    }
  },
  duplicateUrl: (firstPath: string, firstLine: number) =>
    `same URL as ${firstPath} (line ${firstLine})`,
  duplicateUrlHint: 'list the resource once, or point each entry at its own page',

  // How validate shows a problem (roadmap/lint-output.ts).
  severity: (severity: 'error' | 'warning'): string => severity,
  resourceSubject: (id: string, title: string | undefined) =>
    `resource "${id}"${title === undefined ? '' : ` (${title})`}`,
  atLabel: 'at',
  hintLabel: 'hint',
  annotationAt: (path: string) => `at ${path}`,
  annotationHint: (hint: string) => `hint: ${hint}`,
  /** Under the warnings `check` prints before it starts, when it printed only the first ones. */
  moreWarnings: (count: number, file: string) =>
    `… and ${plural(count, 'more warning')}: \`curate validate ${file}\` lists them all`,
  summary: (file: string, valid: boolean, errors: number, warnings: number, notLinted: boolean) =>
    `${file}: ${valid ? 'valid' : 'invalid'} — ${plural(errors, 'error')}, ${plural(warnings, 'warning')}${notLinted ? ' (lint runs once the file is valid YAML that matches the schema)' : ''}.`,
  needsMirror: (file: string, count: number, region: string) =>
    `${file}: ${plural(count, 'resource')} ${pluralForm(count, 'needs', 'need')} a VPN in ${region} and ${pluralForm(count, 'has', 'have')} no confirmed mirror open there.`,
} as const;

/** The shape every language's validate texts have: en's keys, strings widened. */
export type ValidateText = TextsOf<typeof VALIDATE_TEXT_EN>;
