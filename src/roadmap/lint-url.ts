/**
 * The lint rules about URLs: one URL that will not work as written (spaces, stray full-width
 * punctuation, a missing or unsupported scheme, plain http), and a URL listed twice.
 */
import { assertNever } from '../domain.js';
import { parseLinkUrl, type UrlProblemKind } from '../plan/normalize-url.js';
import type { LintFinding, LintRule, ReportFinding } from './lint-finding.js';
import { repairUrl, suggestionFor, type StrayCharacter } from './suggest-url.js';
import { formatFieldPath, type FieldPath, type ResourceEntry } from './walk.js';

const URL_RULES: Readonly<Record<UrlProblemKind, LintRule>> = {
  unparseable: 'invalid-url',
  'contains-space': 'url-whitespace',
  'unsupported-scheme': 'unsupported-scheme',
  'insecure-http': 'insecure-http',
};

/** What is wrong with one URL as written, with the spelling that would work where there is one. */
export function urlFindings(url: string, path: FieldPath, report: ReportFinding): LintFinding[] {
  const repair = repairUrl(url);
  const writeItAs = (suggestion: string | undefined): string | undefined =>
    suggestion === undefined ? undefined : `write it as ${suggestion}`;
  return [
    ...repair.stray.map((stray) =>
      report('url-stray-character', path, strayMessage(stray), writeItAs(repair.suggestion)),
    ),
    ...repair.problems.map((problem) =>
      report(
        URL_RULES[problem.kind],
        path,
        problem.message,
        writeItAs(suggestionFor(problem, repair)),
      ),
    ),
  ];
}

function strayMessage(stray: StrayCharacter): string {
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
}

/** Reports every URL that already appeared elsewhere, naming the first place it appeared. */
export function duplicateUrls(
  resources: readonly ResourceEntry[],
  report: ReportFinding,
  lineOf: (path: FieldPath) => number,
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
          `same URL as ${formatFieldPath(firstPath)} (line ${lineOf(firstPath)})`,
          'list the resource once, or point each entry at its own page',
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
