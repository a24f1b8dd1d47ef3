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
import { plural, pluralForm } from '../text/plural.js';

/** The `## Regions` section; empty when the roadmap lists no regions. */
export function regionSection(report: Report, fileName: string): string[] {
  const regions = Object.entries(report.regions ?? {});
  if (regions.length === 0) return [];
  const lines = ['## Regions', ''];
  for (const [region, summary] of regions) {
    lines.push(...oneRegion(report, region, summary, fileName));
  }
  lines.push(...vantageTable(report));
  return lines;
}

function oneRegion(
  report: Report,
  region: string,
  summary: RegionSummary,
  fileName: string,
): string[] {
  const name = formatText(region);
  const byId = new Map(report.results.map((resource) => [resource.id, resource]));
  const lines = [
    `### ${name}: ${summary.open} open, ${summary.vpn} vpn, ${summary.partial} partial, ${summary.unknown} unknown (resources)`,
    '',
  ];
  if (summary.uncovered.length > 0) {
    lines.push(
      `**Needs a mirror**: ${plural(summary.uncovered.length, 'resource')} ${pluralForm(summary.uncovered.length, 'needs', 'need')} a VPN in ${name} and ${pluralForm(summary.uncovered.length, 'has', 'have')} no confirmed mirror open there.`,
      '',
    );
    for (const id of summary.uncovered) {
      const resource = byId.get(id);
      if (resource !== undefined) lines.push(...uncoveredEntry(resource, region, fileName));
    }
    lines.push('');
  }
  if (summary.coveredByEvidence !== undefined && summary.coveredByEvidence.length > 0) {
    lines.push(
      `**Matched by evidence**: ${plural(summary.coveredByEvidence.length, 'resource')} ${pluralForm(summary.coveredByEvidence.length, 'counts', 'count')} as covered in ${name} by a mirror \`curate mirrors\` matched by evidence, not yet confirmed by a maintainer: ${summary.coveredByEvidence.join(', ')}.`,
      '',
    );
  }
  if (summary.uncovered.length === 0) {
    lines.push(
      summary.vpn > 0
        ? `Every resource that needs a VPN in ${name} has a working mirror.`
        : `No resource needs a VPN in ${name}.`,
      '',
    );
  }
  if (summary.conflicts.length > 0) {
    lines.push(
      `**Conflicts**: the roadmap's \`access:\` disagrees with the evidence (${summary.conflicts.length}).`,
      '',
      ...summary.conflicts.map(
        (conflict) =>
          `- ${formatCodeSpan(conflict.resourceId)} (${lineRef(fileName, conflict.line)}): declared ${conflict.declared}, found ${conflict.found} — ${formatText(conflict.message)}`,
      ),
      '',
    );
  }
  if (summary.covered.length > 0) {
    lines.push(
      `Covered by a mirror: ${summary.covered.map((id) => formatCodeSpan(id)).join(', ')}.`,
      '',
    );
  }
  return lines;
}

/** A to-do entry: the resource, why it needs a VPN, and the leads a maintainer can follow. */
function uncoveredEntry(resource: ResourceResult, region: string, fileName: string): string[] {
  const verdict = resource.region?.[region];
  const why = verdict === undefined ? '' : ` — ${formatText(describeVerdict(verdict))}`;
  const head = `- **${formatText(resource.title)}** (${formatCodeSpan(resource.id)}, ${lineRef(fileName, resource.line)}): ${formatUrl(resource.url)}${why}`;
  const leads = [
    ...resource.mirrors
      .filter((mirror) => !isUsableIn(mirror, region) || !mirror.confirmed)
      .map((mirror) => `  - mirror ${formatUrl(mirror.url)}: ${mirrorProblem(mirror, region)}`),
    ...(resource.suggestedMirrors ?? []).map(
      (suggestion) =>
        `  - suggested mirror (${formatText(suggestion.platform)}, answered ok): ${formatUrl(suggestion.url)}`,
    ),
  ];
  return [head, ...leads];
}

function isUsableIn(mirror: MirrorResult, region: string): boolean {
  return mirror.outcome.status !== 'broken' && mirror.region?.[region]?.access === 'open';
}

function mirrorProblem(mirror: MirrorResult, region: string): string {
  if (mirror.outcome.status === 'broken') return `broken (${formatText(mirror.outcome.reason)})`;
  const access = mirror.region?.[region]?.access ?? 'unknown';
  if (access !== 'open') return `${access} in ${formatText(region)}`;
  return 'unconfirmed: confirm it (`confirmed: true`) if it is a faithful copy';
}

/** One sentence saying where a verdict comes from. */
export function describeVerdict(verdict: RegionVerdict): string {
  switch (verdict.source) {
    case 'observed':
      return `observed from ${verdict.evidence.vantage}: ${verdict.evidence.note}`;
    case 'rule': {
      const { ruleId, list, level, note } = verdict.evidence;
      return level === 'unlisted' ? `presumed: ${note}` : `rule ${ruleId} (${list}): ${note}`;
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
function vantageTable(report: Report): string[] {
  const vantages = report.vantages ?? [];
  if (vantages.length < 2) return [];
  const regions = Object.keys(report.regions ?? {});
  const header = ['Resource', ...vantages, ...regions.map((region) => `${region} access`)];
  const rows = report.results.map((resource) => {
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
  return [
    '<details>',
    `<summary>Resources × vantages (${vantages.join(', ')})</summary>`,
    '',
    `| ${header.map(formatText).join(' | ')} |`,
    `| ${header.map(() => ':--').join(' | ')} |`,
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
    '',
    '</details>',
    '',
  ];
}
