/**
 * The lint rules about URLs: one URL that will not work as written (spaces, stray full-width
 * punctuation, a missing or unsupported scheme, plain http), and a URL listed twice.
 */
import type { ValidateText } from '../i18n/index.js';
import { parseLinkUrl, type UrlProblemKind } from '../plan/normalize-url.js';
import type { LintFinding, LintRule, ReportFinding } from './lint-finding.js';
import { repairUrl, suggestionFor } from './suggest-url.js';
import { formatFieldPath, type FieldPath, type ResourceEntry } from './walk.js';

const URL_RULES: Readonly<Record<UrlProblemKind, LintRule>> = {
  unparseable: 'invalid-url',
  'contains-space': 'url-whitespace',
  'unsupported-scheme': 'unsupported-scheme',
  'insecure-http': 'insecure-http',
};

/** What is wrong with one URL as written, with the spelling that would work where there is one. */
export function urlFindings(
  url: string,
  path: FieldPath,
  report: ReportFinding,
  text: ValidateText,
): LintFinding[] {
  const repair = repairUrl(url);
  const writeItAs = (suggestion: string | undefined): string | undefined =>
    suggestion === undefined ? undefined : text.writeItAs(suggestion);
  return [
    ...repair.stray.map((stray) =>
      report('url-stray-character', path, text.stray(stray), writeItAs(repair.suggestion)),
    ),
    ...repair.problems.map((problem) =>
      report(
        URL_RULES[problem.kind],
        path,
        text.urlProblem(problem.detail),
        writeItAs(suggestionFor(problem, repair)),
      ),
    ),
  ];
}

/** Reports every URL that already appeared elsewhere, naming the first place it appeared. */
export function duplicateUrls(
  resources: readonly ResourceEntry[],
  report: ReportFinding,
  lineOf: (path: FieldPath) => number,
  text: ValidateText,
): LintFinding[] {
  const firstPaths = new Map<string, FieldPath>();
  const findings: LintFinding[] = [];
  const visit = (url: string, path: FieldPath, ownId: string | undefined): void => {
    const id = urlKey(url);
    const firstPath = firstPaths.get(id);
    if (firstPath === undefined) {
      firstPaths.set(id, path);
      return;
    }
    // A mirror repeating its own resource's URL is already an error of its own.
    if (id !== ownId) {
      findings.push(
        report(
          'duplicate-url',
          path,
          text.duplicateUrl(formatFieldPath(firstPath), lineOf(firstPath)),
          text.duplicateUrlHint,
        ),
      );
    }
  };
  for (const { resource, path } of resources) {
    if (resource.url !== undefined) {
      visit(resource.url, [...path, 'url'], undefined);
    }
    const ownId = resource.url === undefined ? undefined : urlKey(resource.url);
    (resource.mirrors ?? []).forEach((mirror, index) => {
      visit(mirror.url, [...path, 'mirrors', index, 'url'], ownId);
    });
  }
  return findings;
}

/** Two spellings of one URL are the same link; unparseable URLs compare as written. */
export function urlKey(url: string): string {
  const parsed = parseLinkUrl(url);
  return parsed.kind === 'ok' ? parsed.id : url.trim();
}
