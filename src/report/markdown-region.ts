/**
 * The region part of the Markdown report: per region the counts, the resources that need a VPN
 * and have no working mirror (the maintainer's to-do list, first), the conflicts between the
 * roadmap and the evidence, and a resource × vantage table when several vantages were merged.
 * Also the short list of page titles that drifted.
 */
import { assertNever } from '../domain.js';
import type { RegionSummary, RegionVerdict } from '../region/verdict.js';
import { formatCodeSpan, formatText, formatUrl, lineRef } from './markdown-format.js';
import type { MirrorResult, Report, ResourceResult } from './schema.js';
import { accessWord, type Words } from './report-words.js';
import { describeReason } from './reasons.js';

/** The `## Regions` section; empty when the roadmap lists no regions. */
export function regionSection(report: Report, fileName: string, words: Words): string[] {
  const regions = Object.entries(report.regions ?? {});
  if (regions.length === 0) return [];
  const lines = [`## ${words.md('regions')}`, ''];
  for (const [region, summary] of regions) {
    lines.push(...oneRegion(report, region, summary, fileName, words));
  }
  lines.push(...vantageTable(report, words));
  return lines;
}

/** A region's name as people read it: `mainland China` / `中国大陆`; an unknown id as written. */
function regionLabel(region: string, words: Words): string {
  const names: Readonly<Record<string, string>> = words.catalog.region;
  return formatText(words.lang === 'en' ? region : (names[region] ?? region));
}

function oneRegion(
  report: Report,
  region: string,
  summary: RegionSummary,
  fileName: string,
  words: Words,
): string[] {
  const name = regionLabel(region, words);
  const byId = new Map(report.results.map((resource) => [resource.id, resource]));
  const lines = [
    `### ${words.md('regionHeading', {
      region: name,
      open: summary.open,
      vpn: summary.vpn,
      partial: summary.partial,
      unknown: summary.unknown,
    })}`,
    '',
  ];
  if (summary.uncovered.length > 0) {
    lines.push(words.mdCount('needsMirror', summary.uncovered.length, { region: name }), '');
    for (const id of summary.uncovered) {
      const resource = byId.get(id);
      if (resource !== undefined) lines.push(...uncoveredEntry(resource, region, fileName, words));
    }
    lines.push('');
  }
  const byEvidence = summary.coveredByEvidence ?? [];
  if (byEvidence.length > 0) {
    lines.push(
      words.mdCount('matchedByEvidence', byEvidence.length, {
        region: name,
        ids: byEvidence.join(words.md('separator')),
      }),
      '',
    );
  }
  if (summary.uncovered.length === 0) {
    lines.push(words.md(summary.vpn > 0 ? 'allCovered' : 'noneVpn', { region: name }), '');
  }
  if (summary.conflicts.length > 0) {
    lines.push(
      words.md('conflicts', { count: summary.conflicts.length }),
      '',
      ...summary.conflicts.map(
        (conflict) =>
          `- ${formatCodeSpan(conflict.resourceId)} (${lineRef(fileName, conflict.line)}): ${words.md('conflict', { declared: accessWord(conflict.declared, words), found: accessWord(conflict.found, words) })} — ${formatText(conflict.message)}`,
      ),
      '',
    );
  }
  if (summary.covered.length > 0) {
    const ids = summary.covered.map((id) => formatCodeSpan(id)).join(words.md('separator'));
    lines.push(words.md('coveredBy', { ids }), '');
  }
  return lines;
}

/** A to-do entry: the resource, why it needs a VPN, and the leads a maintainer can follow. */
function uncoveredEntry(
  resource: ResourceResult,
  region: string,
  fileName: string,
  words: Words,
): string[] {
  const verdict = resource.region?.[region];
  const why = verdict === undefined ? '' : ` — ${formatText(describeVerdict(verdict, words))}`;
  const head = `- **${formatText(resource.title)}** (${formatCodeSpan(resource.id)}, ${lineRef(fileName, resource.line)}): ${formatUrl(resource.url)}${why}`;
  const leads = [
    ...resource.mirrors
      .filter((mirror) => !isUsableIn(mirror, region) || !mirror.confirmed)
      .map(
        (mirror) =>
          `  - ${words.md('mirrorLead', { url: formatUrl(mirror.url), problem: mirrorProblem(mirror, region, words) })}`,
      ),
    ...(resource.suggestedMirrors ?? []).map(
      (suggestion) =>
        `  - ${words.md('suggestedLead', { platform: formatText(suggestion.platform), url: formatUrl(suggestion.url) })}`,
    ),
  ];
  return [head, ...leads];
}

function isUsableIn(mirror: MirrorResult, region: string): boolean {
  return mirror.outcome.status !== 'broken' && mirror.region?.[region]?.access === 'open';
}

function mirrorProblem(mirror: MirrorResult, region: string, words: Words): string {
  if (mirror.outcome.status === 'broken') {
    const reason =
      words.lang === 'en'
        ? mirror.outcome.reason
        : describeReason(mirror.outcome.reason, {}, words.lang);
    return words.md('mirrorBroken', { reason: formatText(reason) });
  }
  const access = mirror.region?.[region]?.access ?? 'unknown';
  if (access !== 'open') {
    return words.md('mirrorAccess', {
      access: accessWord(access, words),
      region: regionLabel(region, words),
    });
  }
  return words.md('mirrorUnconfirmed');
}

const LEVEL_KEYS = {
  blocked: 'levelBlocked',
  throttled: 'levelThrottled',
  'refuses-region': 'levelRefusesRegion',
} as const;

/**
 * One sentence saying where a verdict comes from. A rule's note is the rules file's English;
 * outside English the rule's level says the same in the reader's words.
 */
export function describeVerdict(verdict: RegionVerdict, words?: Words): string {
  switch (verdict.source) {
    case 'observed':
      return words === undefined
        ? `observed from ${verdict.evidence.vantage}: ${verdict.evidence.note}`
        : words.md('observed', { vantage: verdict.evidence.vantage, note: verdict.evidence.note });
    case 'rule': {
      const { ruleId, list, level, note } = verdict.evidence;
      if (words === undefined) {
        return level === 'unlisted' ? `presumed: ${note}` : `rule ${ruleId} (${list}): ${note}`;
      }
      if (level === 'unlisted') return words.md('presumed', { note });
      return words.md('rule', { rule: ruleId, list, note, level: words.md(LEVEL_KEYS[level]) });
    }
    case 'declared':
      return verdict.evidence.note;
    case 'none':
      return verdict.evidence.note;
    default:
      return assertNever(verdict);
  }
}

/** Resource × vantage: what each vantage saw, then each region's access; only for merged reports. */
function vantageTable(report: Report, words: Words): string[] {
  const vantages = report.vantages ?? [];
  if (vantages.length < 2) return [];
  const regions = Object.keys(report.regions ?? {});
  const header = [
    words.md('colResource'),
    ...vantages,
    ...regions.map((region) => words.md('colAccess', { region: regionLabel(region, words) })),
  ];
  const rows = report.results
    .filter((resource) => !isUnremarkable(resource, regions))
    .map((resource) => {
      const seen = vantages.map((vantage) => {
        const observation = resource.observations?.[vantage];
        return observation === undefined
          ? '—'
          : `${observation.outcome.status}: ${observation.outcome.reason}`;
      });
      const access = regions.map((region) => {
        const verdict = resource.region?.[region];
        return verdict === undefined ? '—' : `${verdict.access} (${verdict.source})`;
      });
      return [formatCodeSpan(resource.id), ...seen.map(formatText), ...access];
    });
  const help = words.md('vantageHelp');
  return [
    '<details>',
    `<summary>${words.md('vantageTable', { vantages: vantages.join(', ') })}</summary>`,
    '',
    ...(help === '' ? [] : [help, '']),
    `| ${header.map(formatText).join(' | ')} |`,
    `| ${header.map(() => ':--').join(' | ')} |`,
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
    '',
    '</details>',
    '',
  ];
}

/**
 * A row the maintainer need not read: every vantage saw it load and every region's access is
 * only presumed open because no rules list names the host (`default-open`, level `unlisted`).
 */
function isUnremarkable(resource: ResourceResult, regions: readonly string[]): boolean {
  const allOk = Object.values(resource.observations ?? {}).every(
    (observation) => observation.outcome.status === 'ok',
  );
  return (
    allOk &&
    regions.every((region) => {
      const verdict = resource.region?.[region];
      return verdict?.source === 'rule' && verdict.evidence.level === 'unlisted';
    })
  );
}
