/**
 * What `curate validate` finds in a roadmap that passed the schema: things a schema cannot see
 * (duplicates across the file, regions, mirrors) and URLs that will not work as written. Pure:
 * every finding is positioned through the loaded file, no network involved.
 */
import type { InputProblem } from '../errors.js';
import { assertNever } from '../domain.js';
import { parseLinkUrl } from '../plan/normalize-url.js';
import type { UrlProblemKind } from '../plan/normalize-url.js';
import type { LoadedRoadmap } from './load.js';
import type { Resource } from './schema.js';
import { resourceAt } from './issues.js';
import {
  findUncoveredResources,
  NO_REGION_RULES,
  type LintRegionRules,
  type UncoveredResource,
} from './lint-region.js';
import { suggestNearest } from './suggest.js';
import { repairUrl, suggestionFor, type StrayCharacter } from './suggest-url.js';
import { formatFieldPath, listResources, listSections } from './walk.js';
import type { FieldPath, ResourceEntry, SectionEntry } from './walk.js';

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

type Report = (rule: LintRule, path: FieldPath, message: string, hint?: string) => LintFinding;

/**
 * Runs every lint rule over a loaded roadmap; findings are sorted by position. Region verdicts
 * follow `regionRules` (pass the shipped rules, as `validate` and `check` do, so the VPN count
 * is the report's); without them only the roadmap's own `access:` counts.
 */
export function lintRoadmap(
  loaded: LoadedRoadmap,
  regionRules: LintRegionRules = NO_REGION_RULES,
): LintFinding[] {
  const report: Report = (rule, path, message, hint) => ({
    file: loaded.file,
    ...loaded.locate(path),
    path: formatFieldPath(path),
    message,
    ...(hint === undefined ? {} : { hint }),
    ...withResource(resourceAt(loaded.roadmap, path)),
    severity: LINT_RULES[rule],
    rule,
  });
  const lineOf = (path: FieldPath): number => loaded.locate(path).line;
  const sections = listSections(loaded.roadmap);
  const resources = listResources(loaded.roadmap);
  const sourceUrl = loaded.roadmap.source?.url;

  return [
    ...duplicateIds(
      sections.map(({ section, path }) => ({ id: section.id, path: [...path, 'id'] })),
      (id, path, firstPath) =>
        report(
          'duplicate-section-id',
          path,
          `duplicate section id "${id}" (first at line ${lineOf(firstPath)})`,
        ),
    ),
    ...duplicateIds(
      resources.map(({ resource, path }) => ({ id: resource.id, path: [...path, 'id'] })),
      (id, path, firstPath) =>
        report(
          'duplicate-resource-id',
          path,
          `duplicate resource id "${id}" (first at line ${lineOf(firstPath)})`,
          'ids name resources in reports and in --only; give each resource its own',
        ),
    ),
    ...sections.flatMap((entry) => emptySection(entry, report)),
    ...resources.flatMap((entry) => resourceFindings(entry, loaded.roadmap.regions ?? [], report)),
    ...(sourceUrl === undefined ? [] : urlFindings(sourceUrl, ['source', 'url'], report)),
    ...duplicateUrls(resources, report, lineOf),
    ...findUncoveredResources(loaded.roadmap, regionRules).map((uncovered) =>
      vpnWithoutMirror(uncovered, report),
    ),
  ].sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
}

function duplicateIds(
  entries: readonly { id: string; path: FieldPath }[],
  toFinding: (id: string, path: FieldPath, firstPath: FieldPath) => LintFinding,
): LintFinding[] {
  const firstPaths = new Map<string, FieldPath>();
  return entries.flatMap(({ id, path }) => {
    const firstPath = firstPaths.get(id);
    if (firstPath === undefined) {
      firstPaths.set(id, path);
      return [];
    }
    return [toFinding(id, path, firstPath)];
  });
}

function emptySection({ section, path }: SectionEntry, report: Report): LintFinding[] {
  const isEmpty = [section.topics, section.resources, section.sections].every(
    (list) => list === undefined || list.length === 0,
  );
  return isEmpty
    ? [
        report(
          'empty-section',
          path,
          `section "${section.id}" is empty`,
          'add topics, resources or subsections, or remove the section',
        ),
      ]
    : [];
}

function resourceFindings(
  { resource, path }: ResourceEntry,
  regions: readonly string[],
  report: Report,
): LintFinding[] {
  const mirrors = resource.mirrors ?? [];
  const findings =
    resource.url === undefined
      ? [
          report(
            'missing-url',
            path,
            'no URL; check will skip it',
            'add url: once the resource is found',
          ),
        ]
      : urlFindings(resource.url, [...path, 'url'], report);
  const ownId = resource.url === undefined ? undefined : urlKey(resource.url);
  mirrors.forEach((mirror, index) => {
    const mirrorPath = [...path, 'mirrors', index, 'url'];
    findings.push(...urlFindings(mirror.url, mirrorPath, report));
    if (ownId !== undefined && urlKey(mirror.url) === ownId) {
      findings.push(
        report(
          'mirror-same-as-resource',
          mirrorPath,
          'the mirror has the same URL as its resource',
          'a mirror is another copy (e.g. a Bilibili re-upload); fix its URL or remove it',
        ),
      );
    }
  });
  return [...findings, ...accessFindings(resource, path, regions, report)];
}

function accessFindings(
  resource: Resource,
  path: FieldPath,
  regions: readonly string[],
  report: Report,
): LintFinding[] {
  return Object.keys(resource.access ?? {}).flatMap((region) => {
    const accessPath = [...path, 'access', region];
    const findings: LintFinding[] = [];
    if (!regions.includes(region)) {
      const nearest = suggestNearest(region, regions);
      const listed =
        regions.length === 0 ? 'no regions are listed' : `listed: ${regions.join(', ')}`;
      findings.push(
        report(
          'unknown-region',
          accessPath,
          `region "${region}" is not in regions: (${listed})${nearest === undefined ? '' : `; did you mean "${nearest}"?`}`,
          `add it to the top-level list, e.g. regions: [${[...regions, region].join(', ')}]`,
        ),
      );
    }
    return findings;
  });
}

function vpnWithoutMirror(
  { entry, region, byRule }: UncoveredResource,
  report: Report,
): LintFinding {
  const { resource, path } = entry;
  const hasMirror = (resource.mirrors ?? []).length > 0;
  const where =
    resource.access?.[region] !== undefined
      ? [...path, 'access', region]
      : resource.url !== undefined
        ? [...path, 'url']
        : path;
  const why = byRule === undefined ? '' : ` (${byRule})`;
  return hasMirror
    ? report(
        'vpn-without-mirror',
        where,
        `needs a VPN in ${region}${why}, and none of its mirrors is confirmed and open there`,
        `check a mirror that opens in ${region} and mark it confirmed: true, or add one`,
      )
    : report(
        'vpn-without-mirror',
        where,
        `needs a VPN in ${region}${why}, and no mirror is listed`,
        `add a copy that opens in ${region} under mirrors:`,
      );
}

const URL_RULES: Readonly<Record<UrlProblemKind, LintRule>> = {
  unparseable: 'invalid-url',
  'contains-space': 'url-whitespace',
  'unsupported-scheme': 'unsupported-scheme',
  'insecure-http': 'insecure-http',
};

function urlFindings(url: string, path: FieldPath, report: Report): LintFinding[] {
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
function duplicateUrls(
  resources: readonly ResourceEntry[],
  report: Report,
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
function urlKey(url: string): string {
  const parsed = parseLinkUrl(url);
  return parsed.kind === 'ok' ? parsed.id : url.trim();
}

function withResource(resource: InputProblem['resource']): Pick<InputProblem, 'resource'> {
  return resource === undefined ? {} : { resource };
}
