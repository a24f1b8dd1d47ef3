/**
 * The Markdown report: what needs fixing first, grouped by status and roadmap section, with the
 * file line of every URL. Written to read well both rendered on GitHub and raw in a terminal.
 */
import { assertNever } from '../assert-never.js';
import { STATUSES } from '../domain.js';
import type { Status } from '../domain.js';
import { plural, pluralForm } from '../text/plural.js';
import {
  coverageWords,
  isOfflineOnly,
  missingShardsPhrase,
  notCheckedPhrase,
  reportCoverage,
  type ReportCoverage,
} from './coverage.js';
import { archivedText } from './markdown-archive.js';
import { formatCodeSpan, formatText, formatUrl } from './markdown-format.js';
import { worthALookSection } from './markdown-findings.js';
import { regionSection } from './markdown-region.js';
import { describeOutcome } from './reasons.js';
import type { MirrorResult, Report, ReportEntry, ResourceResult } from './schema.js';

export { formatCodeSpan, formatText, formatUrl };

/** The statuses that ask for a person, most urgent first. */
const ATTENTION_ORDER = ['broken', 'unreachable', 'redirected', 'unverified'] as const;

const HEADINGS: Readonly<Record<Status, string>> = {
  ok: 'OK',
  redirected: 'Redirected',
  broken: 'Broken',
  unreachable: 'Unreachable',
  unverified: 'Unverified',
  skipped: 'Skipped',
};

/** Renders a report as Markdown; the same report always gives the same bytes. */
export function renderMarkdown(report: Report): string {
  const fileName = baseName(report.roadmap.path);
  const coverage = reportCoverage(report);
  const lines = [
    `# Link report: ${formatText(report.roadmap.title)}`,
    '',
    summarySentence(report, coverage),
    '',
    ...banner(report, coverage),
    ...cacheNote(report),
    ...countsTable(report),
    '',
    '## Needs attention',
    '',
    ...attentionSection(report, fileName, coverage),
    ...worthALookSection(report, fileName),
    ...regionSection(report, fileName),
    ...detailsBlock(report, 'ok', (resource) => briefEntry(resource, 'ok')),
    ...detailsBlock(report, 'skipped', (resource) => fullEntry(resource, 'skipped', fileName)),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}

function summarySentence(report: Report, coverage: ReportCoverage): string {
  const { summary, mirrorSummary } = report;
  if (summary.total === 0 && coverage.missingShards.length === 0) {
    // --changed-since with no change, or a shard with no resource: say so rather than "0 ok".
    return `Nothing to check: no resource was selected for this run (${formatUtc(report.startedAt)}).`;
  }
  const mirrors = mirrorSummary.total > 0 ? ` and ${plural(mirrorSummary.total, 'mirror')}` : '';
  const counts = STATUSES.map((status) => `${summary[status]} ${status}`).join(', ');
  const vantages = formatText((report.vantages ?? [report.vantage]).join(', '));
  const unchecked = formatText(notCheckedPhrase(coverage));
  // The header says what happened to the links, from their outcomes (see coverage.ts).
  const what = isOfflineOnly(coverage)
    ? 'listed without fetching (--offline)'
    : `${coverageWords(coverage)} from ${vantages}`;
  const why = coverage.kind === 'checked' || isOfflineOnly(coverage) ? '' : `; ${unchecked}`;
  return (
    `${plural(summary.total, 'resource')}${mirrors} ${what}, ` +
    `${formatUtc(report.startedAt)}: ${counts}${why}.`
  );
}

function banner(report: Report, coverage: ReportCoverage): string[] {
  const notVerdict = 'These results are not a verdict on the links';
  const lines: string[] = [];
  const networkDown = coverage.notCheckedBy.get('network-down') ?? 0;
  // In flight at the interrupt, or never sent: both unchecked because the run stopped.
  const interrupted =
    (coverage.notCheckedBy.get('interrupted') ?? 0) +
    (coverage.notCheckedBy.get('not-started') ?? 0);
  const message =
    report.networkDown === undefined ? '' : ` (${formatText(report.networkDown.message)})`;
  const offline = coverage.notCheckedBy.get('offline') ?? 0;
  const isAllNetworkDown = networkDown === coverage.notChecked && coverage.kind === 'not-checked';
  if (isAllNetworkDown) {
    lines.push(`> The network was unavailable${message}, so the links were not checked.`);
  } else if (networkDown > 0) {
    const checked = coverage.checked > 0 ? `, ${coverage.checked} checked` : '';
    lines.push(
      `> The network was unavailable${message} for part of this run: ${plural(networkDown, 'link')} not checked${checked}.`,
    );
  }
  if (interrupted > 0) {
    lines.push(`> This run was interrupted: ${plural(interrupted, 'link')} not checked.`);
  }
  if (offline > 0 && !isOfflineOnly(coverage)) {
    lines.push(`> ${plural(offline, 'link')} listed without fetching (--offline).`);
  }
  const missing = coverage.missingShards.length;
  if (missing > 0) {
    lines.push(
      `> This report is partial: ${formatText(missingShardsPhrase(coverage.missingShards))} (merged with \`--allow-partial\`), so ${pluralForm(missing, 'its', 'their')} resources are not listed.`,
    );
  }
  if (lines.length > 0) {
    const again = isAllNetworkDown
      ? `> ${notVerdict}: run the check again once the network is back.`
      : `> ${notVerdict} that were not checked: run the check again for a full report.`;
    return ['> [!WARNING]', ...lines, again, ''];
  }
  if (report.partial) {
    return [
      '> [!WARNING]',
      '> This run was interrupted, so the report may be incomplete.',
      `> ${notVerdict} that were not reached: run the check again for a full report.`,
      '',
    ];
  }
  return [];
}

/** Says how many ok results were reused from `--cache`, so no one mistakes them for new checks. */
function cacheNote(report: Report): string[] {
  const cached = allChecks(report).filter((check) => check.cached === true).length;
  if (cached === 0) return [];
  return [
    `> ${plural(cached, 'ok result')} reused from the cache (\`"cached": true\` in report.json), not fetched in this run.`,
    '',
  ];
}

function countsTable(report: Report): string[] {
  const rows = STATUSES.map(
    (status) => `| ${status} | ${report.summary[status]} | ${report.mirrorSummary[status]} |`,
  );
  return [
    '| Status | Resources | Mirrors |',
    '| :-- | --: | --: |',
    ...rows,
    `| **total** | ${report.summary.total} | ${report.mirrorSummary.total} |`,
  ];
}

function attentionSection(report: Report, fileName: string, coverage: ReportCoverage): string[] {
  const lines: string[] = [];
  for (const status of ATTENTION_ORDER) {
    const resources = report.results.filter((resource) => involves(resource, status));
    if (resources.length === 0) continue;
    lines.push(`### ${HEADINGS[status]} (${countPhrase(report, status)})`, '');
    for (const [heading, members] of groupBySection(resources)) {
      lines.push(`#### ${heading}`, '');
      lines.push(...members.flatMap((resource) => fullEntry(resource, status, fileName)), '');
    }
  }
  if (lines.length > 0) return lines;
  // "Nothing needs attention" would be a verdict on links that were never checked.
  switch (coverage.kind) {
    case 'checked':
      return [
        'Nothing needs attention: no link is broken, unreachable, redirected or unverified.',
        '',
      ];
    case 'not-checked':
      return ['Nothing is known to need attention: no link was checked.', ''];
    case 'partly-checked':
      return [
        `Nothing needs attention among the ${plural(coverage.checked, 'link')} checked; ${formatText(notCheckedPhrase(coverage))}.`,
        '',
      ];
    default:
      return assertNever(coverage.kind);
  }
}

function detailsBlock(
  report: Report,
  status: 'ok' | 'skipped',
  renderEntry: (resource: ResourceResult) => string[],
): string[] {
  const resources = report.results.filter((resource) => involves(resource, status));
  if (resources.length === 0) return [];
  return [
    '<details>',
    `<summary>${HEADINGS[status]} (${countPhrase(report, status)})</summary>`,
    '',
    ...resources.flatMap(renderEntry),
    '',
    '</details>',
    '',
  ];
}

/**
 * A resource's lines for one status: its own check when it has that status, then the mirrors
 * that do, nested so a failing mirror is read under the resource it copies.
 */
function fullEntry(resource: ResourceResult, status: Status, fileName: string): string[] {
  const where = `${formatCodeSpan(resource.id)}, ${lineRef(fileName, resource.line)}`;
  const head = `- **${formatText(resource.title)}** (${where})`;
  const own =
    resource.outcome.status === status
      ? `${head}${checkText(resource)}`
      : `${head}: the resource itself is ${resource.outcome.status}`;
  const mirrors = resource.mirrors
    .filter((mirror) => mirror.outcome.status === status)
    .map(
      (mirror) => `  - ${mirrorLabel(mirror, lineRef(fileName, mirror.line))}${checkText(mirror)}`,
    );
  return [own, ...mirrors];
}

/** A compact line for links that are fine: title and URL, plus the reason when it is not plain `ok`. */
function briefEntry(resource: ResourceResult, status: Status): string[] {
  const note = (check: ReportEntry): string =>
    check.outcome.reason === 'ok' ? '' : ` — ${formatText(describeOutcome(check.outcome))}`;
  const own =
    resource.outcome.status === status
      ? `- ${formatText(resource.title)} — ${formatUrl(resource.url)}${note(resource)}`
      : `- ${formatText(resource.title)}: the resource itself is ${resource.outcome.status}`;
  const mirrors = resource.mirrors
    .filter((mirror) => mirror.outcome.status === status)
    .map(
      (mirror) => `  - ${mirrorLabel(mirror, undefined)} — ${formatUrl(mirror.url)}${note(mirror)}`,
    );
  return [own, ...mirrors];
}

/** `: <url> — reason → <new url>`; the URL is left out when the roadmap gives none. */
function checkText(check: ReportEntry): string {
  const url = check.url === null ? '' : `: ${formatUrl(check.url)}`;
  const { outcome } = check;
  const reason = formatText(describeOutcome(outcome));
  const moved = outcome.status === 'redirected' ? ` → ${formatUrl(outcome.finalUrl)}` : '';
  return `${url} — ${reason}${moved}${archivedText(check)}`;
}

function mirrorLabel(mirror: MirrorResult, where: string | undefined): string {
  const parts = [
    ...(mirror.platform === undefined ? [] : [formatText(mirror.platform)]),
    ...(mirror.confirmed ? [] : ['unconfirmed']),
    ...(where === undefined ? [] : [where]),
  ];
  return parts.length === 0 ? 'mirror' : `mirror (${parts.join(', ')})`;
}

function involves(resource: ResourceResult, status: Status): boolean {
  return (
    resource.outcome.status === status ||
    resource.mirrors.some((mirror) => mirror.outcome.status === status)
  );
}

/** Groups resources under `2.1 Section title` headings, in the order the sections first appear. */
function groupBySection(resources: readonly ResourceResult[]): [string, ResourceResult[]][] {
  const groups = new Map<string, ResourceResult[]>();
  for (const resource of resources) {
    const heading = `${formatText(resource.sectionId)} ${formatText(resource.sectionTitle)}`;
    const members = groups.get(heading) ?? [];
    members.push(resource);
    groups.set(heading, members);
  }
  return [...groups];
}

function allChecks(report: Report): ReportEntry[] {
  return report.results.flatMap((resource) => [resource, ...resource.mirrors]);
}

/** `3 resources, 1 mirror`, leaving out mirrors when none has the status. */
function countPhrase(report: Report, status: Status): string {
  const resources = plural(report.summary[status], 'resource');
  const mirrorCount = report.mirrorSummary[status];
  return mirrorCount === 0 ? resources : `${resources}, ${plural(mirrorCount, 'mirror')}`;
}

/** `roadmap.yaml:42`, or just the file name when the line is unknown. */
function lineRef(fileName: string, line: number): string {
  return line > 0 ? `${fileName}:${line}` : fileName;
}

/** The last path segment, for POSIX and Windows paths alike (the report may come from either). */
function baseName(path: string): string {
  return path.split(/[\\/]/).at(-1) ?? path;
}

/** `2026-11-28 18:00 UTC`; an unparsable time is shown as written. */
function formatUtc(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return formatText(iso);
  const text = date.toISOString();
  return `${text.slice(0, 10)} ${text.slice(11, 16)} UTC`;
}
