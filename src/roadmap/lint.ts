/**
 * What `curate validate` finds in a roadmap that passed the schema: things a schema cannot see
 * (duplicates across the file, regions, mirrors) and URLs that will not work as written. Pure:
 * every finding is positioned through the loaded file, no network involved.
 */
import type { InputProblem } from '../errors.js';
import { validateTextOf, type Lang, type ValidateText } from '../i18n/index.js';
import type { LoadedRoadmap } from './load.js';
import type { Resource } from './schema.js';
import { resourceAt } from './issues.js';
import { LINT_RULES, type LintFinding, type ReportFinding } from './lint-finding.js';
import {
  findUncoveredResources,
  NO_REGION_RULES,
  type LintRegionRules,
  type UncoveredResource,
} from './lint-region.js';
import { duplicateUrls, urlFindings, urlKey } from './lint-url.js';
import { suggestNearest } from './suggest.js';
import { formatFieldPath, listResources, listSections } from './walk.js';
import type { FieldPath, ResourceEntry, SectionEntry } from './walk.js';

/**
 * Runs every lint rule over a loaded roadmap; findings are sorted by position. Region verdicts
 * follow `regionRules` (pass the shipped rules, as `validate` and `check` do, so the VPN count
 * is the report's); without them only the roadmap's own `access:` counts.
 */
export function lintRoadmap(
  loaded: LoadedRoadmap,
  regionRules: LintRegionRules = NO_REGION_RULES,
  lang: Lang = 'en',
): LintFinding[] {
  const text = validateTextOf(lang);
  const report: ReportFinding = (rule, path, message, hint) => ({
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
      'duplicate-section-id',
      sections.map(({ section, path }) => ({ id: section.id, path: [...path, 'id'] })),
      { noun: 'section', report, lineOf, text },
    ),
    ...duplicateIds(
      'duplicate-resource-id',
      resources.map(({ resource, path }) => ({ id: resource.id, path: [...path, 'id'] })),
      {
        noun: 'resource',
        hint: text.duplicateResourceIdHint,
        report,
        lineOf,
        text,
      },
    ),
    ...sections.flatMap((entry) => emptySection(entry, report, text)),
    ...resources.flatMap((entry) =>
      resourceFindings(entry, loaded.roadmap.regions ?? [], report, text),
    ),
    ...(sourceUrl === undefined ? [] : urlFindings(sourceUrl, ['source', 'url'], report, text)),
    ...duplicateUrls(resources, report, lineOf, text),
    ...findUncoveredResources(loaded.roadmap, regionRules).map((uncovered) =>
      vpnWithoutMirror(uncovered, report, text),
    ),
  ].sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
}

/** An id used again: a finding at each later use, naming the line of the first. */
function duplicateIds(
  rule: 'duplicate-section-id' | 'duplicate-resource-id',
  entries: readonly { id: string; path: FieldPath }[],
  how: {
    noun: 'section' | 'resource';
    hint?: string;
    report: ReportFinding;
    lineOf: (path: FieldPath) => number;
    text: ValidateText;
  },
): LintFinding[] {
  const firstPaths = new Map<string, FieldPath>();
  return entries.flatMap(({ id, path }) => {
    const firstPath = firstPaths.get(id);
    if (firstPath === undefined) {
      firstPaths.set(id, path);
      return [];
    }
    const message = how.text.duplicateId(how.noun, id, how.lineOf(firstPath));
    return [how.report(rule, path, message, how.hint)];
  });
}

function emptySection(
  { section, path }: SectionEntry,
  report: ReportFinding,
  text: ValidateText,
): LintFinding[] {
  const isEmpty = [section.topics, section.resources, section.sections].every(
    (list) => list === undefined || list.length === 0,
  );
  return isEmpty
    ? [report('empty-section', path, text.emptySection(section.id), text.emptySectionHint)]
    : [];
}

function resourceFindings(
  { resource, path }: ResourceEntry,
  regions: readonly string[],
  report: ReportFinding,
  text: ValidateText,
): LintFinding[] {
  const mirrors = resource.mirrors ?? [];
  const findings =
    resource.url === undefined
      ? [report('missing-url', path, text.missingUrl, text.missingUrlHint)]
      : urlFindings(resource.url, [...path, 'url'], report, text);
  const ownId = resource.url === undefined ? undefined : urlKey(resource.url);
  mirrors.forEach((mirror, index) => {
    const mirrorPath = [...path, 'mirrors', index, 'url'];
    findings.push(...urlFindings(mirror.url, mirrorPath, report, text));
    if (ownId !== undefined && urlKey(mirror.url) === ownId) {
      findings.push(
        report(
          'mirror-same-as-resource',
          mirrorPath,
          text.mirrorSameAsResource,
          text.mirrorSameAsResourceHint,
        ),
      );
    }
  });
  return [...findings, ...accessFindings(resource, path, regions, report, text)];
}

function accessFindings(
  resource: Resource,
  path: FieldPath,
  regions: readonly string[],
  report: ReportFinding,
  text: ValidateText,
): LintFinding[] {
  return Object.keys(resource.access ?? {}).flatMap((region) => {
    const accessPath = [...path, 'access', region];
    const findings: LintFinding[] = [];
    if (!regions.includes(region)) {
      findings.push(
        report(
          'unknown-region',
          accessPath,
          text.unknownRegion(region, regions, suggestNearest(region, regions)),
          text.unknownRegionHint([...regions, region]),
        ),
      );
    }
    return findings;
  });
}

function vpnWithoutMirror(
  { entry, region, byRule }: UncoveredResource,
  report: ReportFinding,
  text: ValidateText,
): LintFinding {
  const { resource, path } = entry;
  const hasMirror = (resource.mirrors ?? []).length > 0;
  const where =
    resource.access?.[region] !== undefined
      ? [...path, 'access', region]
      : resource.url !== undefined
        ? [...path, 'url']
        : path;
  const why = byRule === undefined ? undefined : text.byRule(byRule.ruleId, byRule.list);
  return hasMirror
    ? report(
        'vpn-without-mirror',
        where,
        text.vpnMirrorsClosed(region, why),
        text.vpnMirrorsClosedHint(region),
      )
    : report(
        'vpn-without-mirror',
        where,
        text.vpnNoMirror(region, why),
        text.vpnNoMirrorHint(region),
      );
}

function withResource(resource: InputProblem['resource']): Pick<InputProblem, 'resource'> {
  return resource === undefined ? {} : { resource };
}
