/**
 * The Markdown report: what needs fixing first, grouped by status and roadmap section, with the
 * file line of every URL. Written to read well both rendered on GitHub and raw in a terminal.
 */
import { assertNever } from '../assert-never.js';
import { STATUSES } from '../domain.js';
import type { Status } from '../domain.js';
import {
  coverageWords,
  isOfflineOnly,
  notCheckedPhrase,
  reportCoverage,
  type ReportCoverage,
} from './coverage.js';
import { archivedText } from './markdown-archive.js';
import { formatCodeSpan, formatText, formatUrl } from './markdown-format.js';
import { worthALookSection } from './markdown-findings.js';
import { regionSection } from './markdown-region.js';
import { describeOutcome } from './reasons.js';
import { statusWord, wordsFor, type Words } from './report-words.js';
import type { Lang } from '../i18n/index.js';
import type { MirrorResult, Report, ReportEntry, ResourceResult } from './schema.js';

export { formatCodeSpan, formatText, formatUrl };

/** The statuses that ask for a person, most urgent first. */
const ATTENTION_ORDER = ['broken', 'unreachable', 'redirected', 'unverified'] as const;

/**
 * What was not checked, counting missing shards rather than naming them: a shard id means
 * nothing to a maintainer reading report.md (merge's own output names them).
 */
function uncheckedPhrase(coverage: ReportCoverage, words: Words): string {
  const links = notCheckedPhrase({ ...coverage, missingShards: [] }, undefined, words);
  const missing = coverage.missingShards.length;
  const shards = missing === 0 ? '' : words.coverageCount('shardsMissingCount', missing);
  return [links, shards].filter((part) => part !== '').join(words.coverage('partsSeparator'));
}

/** The heading of each status group. */
const HEADING_KEYS = {
  ok: 'headingOk',
  redirected: 'headingRedirected',
  broken: 'headingBroken',
  unreachable: 'headingUnreachable',
  unverified: 'headingUnverified',
  skipped: 'headingSkipped',
} as const satisfies Readonly<Record<Status, string>>;

/**
 * Renders a report as Markdown in `lang` (English by default); the same report and language
 * always give the same bytes. Status words are shown as the catalog labels them; report.json
 * keeps the English words.
 */
export function renderMarkdown(report: Report, lang: Lang = 'en'): string {
  return [...renderMarkdownChunks(report, lang)].join('');
}

/**
 * The same text as `renderMarkdown`, in chunks, one section at a time: only the section being
 * rendered is held, never the whole document (a 50,000-link report's ok list is most of it).
 */
export function* renderMarkdownChunks(report: Report, lang: Lang = 'en'): Generator<string> {
  const words = wordsFor(lang);
  const fileName = baseName(report.roadmap.path);
  const coverage = reportCoverage(report);
  const sections: (() => readonly string[])[] = [
    () => [
      `# ${words.md('title', { title: formatText(report.roadmap.title) })}`,
      '',
      summarySentence(report, coverage, words),
      '',
      ...banner(report, coverage, words),
      ...cacheNote(report, words),
      ...countsTable(report, words),
      '',
      `## ${words.md('needsAttention')}`,
      '',
    ],
    () => attentionSection(report, fileName, coverage, words),
    () => worthALookSection(report, fileName, lang),
    () => regionSection(report, fileName, words),
    () => detailsBlock(report, 'ok', words, (resource) => briefEntry(resource, 'ok', words)),
    () =>
      detailsBlock(report, 'skipped', words, (resource) =>
        fullEntry(resource, 'skipped', fileName, words),
      ),
  ];
  // As `lines.join('\n').trimEnd() + '\n'` of all the lines: lines with only whitespace are
  // held back until a line with text follows them, and the last line with text ends the text.
  let held: string | undefined;
  let whitespaceLines: string[] = [];
  for (const section of sections) {
    const out: string[] = [];
    for (const line of section()) {
      if (line.trim() === '') {
        whitespaceLines.push(line);
        continue;
      }
      if (held !== undefined) out.push(held, '\n');
      for (const blank of whitespaceLines) out.push(blank, '\n');
      held = line;
      whitespaceLines = [];
    }
    if (out.length > 0) yield out.join('');
  }
  yield `${(held ?? '').trimEnd()}\n`;
}

function summarySentence(report: Report, coverage: ReportCoverage, words: Words): string {
  const { summary, mirrorSummary } = report;
  const time = formatUtc(report.startedAt);
  if (summary.total === 0 && coverage.missingShards.length === 0) {
    // --changed-since with no change, or a shard with no resource: say so rather than "0 ok".
    return words.md('nothingToCheck', { time });
  }
  const mirrors =
    mirrorSummary.total > 0
      ? words.md('summaryMirrors', { mirrors: words.mdCount('mirrors', mirrorSummary.total) })
      : '';
  const counts = STATUSES.map((status) =>
    words.md('countItem', {
      count: words.number(summary[status]),
      status: statusWord(status, words),
    }),
  ).join(words.md('separator'));
  const vantages = formatText((report.vantages ?? [report.vantage]).join(', '));
  const unchecked = formatText(uncheckedPhrase(coverage, words));
  // The header says what happened to the links, from their outcomes (see coverage.ts).
  const what = isOfflineOnly(coverage)
    ? words.md('whatOffline')
    : words.md('whatChecked', { coverage: coverageWords(coverage, words), vantages });
  const why =
    coverage.kind === 'checked' || isOfflineOnly(coverage)
      ? ''
      : words.md('summaryWhy', { unchecked });
  return words.md('summary', {
    resources: words.mdCount('resources', summary.total),
    mirrors,
    what,
    time,
    counts,
    why,
  });
}

function banner(report: Report, coverage: ReportCoverage, words: Words): string[] {
  const notVerdict = words.md('notVerdict');
  const lines: string[] = [];
  const networkDown = coverage.notCheckedBy.get('network-down') ?? 0;
  // In flight at the interrupt, or never sent: both unchecked because the run stopped.
  const interrupted =
    (coverage.notCheckedBy.get('interrupted') ?? 0) +
    (coverage.notCheckedBy.get('not-started') ?? 0);
  const message =
    report.networkDown === undefined
      ? ''
      : words.md('networkMessage', { message: formatText(report.networkDown.message) });
  const offline = coverage.notCheckedBy.get('offline') ?? 0;
  const isAllNetworkDown = networkDown === coverage.notChecked && coverage.kind === 'not-checked';
  if (isAllNetworkDown) {
    lines.push(`> ${words.md('networkDownAll', { message })}`);
  } else if (networkDown > 0) {
    const checked =
      coverage.checked > 0
        ? words.md('checkedCount', { count: words.number(coverage.checked) })
        : '';
    const links = words.mdCount('links', networkDown);
    lines.push(`> ${words.md('networkDownPart', { message, links, checked })}`);
  }
  if (interrupted > 0) {
    lines.push(`> ${words.md('interrupted', { links: words.mdCount('links', interrupted) })}`);
  }
  if (offline > 0 && !isOfflineOnly(coverage)) {
    lines.push(`> ${words.md('offlineSome', { links: words.mdCount('links', offline) })}`);
  }
  if (coverage.missingShards.length > 0) {
    // How many, not which: shard ids mean nothing to a maintainer reading the report.
    const count = coverage.missingShards.length;
    const missing = words.coverageCount('shardsMissingCount', count);
    lines.push(`> ${words.mdCount('partialMerge', count, { missing })}`);
  }
  if (lines.length > 0) {
    const again = words.md(isAllNetworkDown ? 'againNetwork' : 'againSome', { notVerdict });
    return ['> [!WARNING]', ...lines, `> ${again}`, ''];
  }
  if (report.partial) {
    return [
      '> [!WARNING]',
      `> ${words.md('partialRun')}`,
      `> ${words.md('againUnreached', { notVerdict })}`,
      '',
    ];
  }
  return [];
}

/** Says how many ok results were reused from `--cache`, so no one mistakes them for new checks. */
function cacheNote(report: Report, words: Words): string[] {
  const cached = allChecks(report).filter((check) => check.cached === true).length;
  if (cached === 0) return [];
  return [`> ${words.mdCount('cached', cached)}`, ''];
}

/**
 * The counts per status; outside English the table labels the status words and a legend says
 * once what each one means (the first time a report uses them).
 */
function countsTable(report: Report, words: Words): string[] {
  const rows = STATUSES.map(
    (status) =>
      `| ${statusWord(status, words)} | ${report.summary[status]} | ${report.mirrorSummary[status]} |`,
  );
  const legend = words.md('legend', {
    items: STATUSES.map(
      (status) => `${words.catalog.status[status]}：${words.catalog.statusHelp[status]}`,
    ).join('；'),
  });
  return [
    `| ${words.md('colStatus')} | ${words.md('colResources')} | ${words.md('colMirrors')} |`,
    '| :-- | --: | --: |',
    ...rows,
    `| **${words.md('total')}** | ${report.summary.total} | ${report.mirrorSummary.total} |`,
    // English readers know the words; elsewhere the jargon is explained once, here.
    ...(words.lang === 'en' ? [] : ['', legend, '', words.md('vantageNote')]),
  ];
}

function attentionSection(
  report: Report,
  fileName: string,
  coverage: ReportCoverage,
  words: Words,
): string[] {
  const lines: string[] = [];
  for (const status of ATTENTION_ORDER) {
    const resources = report.results.filter((resource) => involves(resource, status));
    if (resources.length === 0) continue;
    lines.push(`### ${statusHeading(report, status, words)}`, '');
    for (const [heading, members] of groupBySection(resources)) {
      lines.push(`#### ${heading}`, '');
      lines.push(
        ...members.flatMap((resource) => fullEntry(resource, status, fileName, words)),
        '',
      );
    }
  }
  if (lines.length > 0) return lines;
  // "Nothing needs attention" would be a verdict on links that were never checked.
  switch (coverage.kind) {
    case 'checked':
      return [words.md('attentionNoneChecked'), ''];
    case 'not-checked':
      return [words.md('attentionNoneUnchecked'), ''];
    case 'partly-checked':
      return [
        words.md('attentionNonePartly', {
          links: words.mdCount('links', coverage.checked),
          unchecked: formatText(uncheckedPhrase(coverage, words)),
        }),
        '',
      ];
    default:
      return assertNever(coverage.kind);
  }
}

function statusHeading(report: Report, status: Status, words: Words): string {
  return words.md('statusHeading', {
    heading: words.md(HEADING_KEYS[status]),
    count: countPhrase(report, status, words),
  });
}

function detailsBlock(
  report: Report,
  status: 'ok' | 'skipped',
  words: Words,
  renderEntry: (resource: ResourceResult) => string[],
): string[] {
  const resources = report.results.filter((resource) => involves(resource, status));
  if (resources.length === 0) return [];
  return [
    '<details>',
    `<summary>${statusHeading(report, status, words)}</summary>`,
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
function fullEntry(
  resource: ResourceResult,
  status: Status,
  fileName: string,
  words: Words,
): string[] {
  const where = `${formatCodeSpan(resource.id)}, ${lineRef(fileName, resource.line)}`;
  const head = `- **${formatText(resource.title)}** (${where})`;
  const own =
    resource.outcome.status === status
      ? `${head}${checkText(resource, words)}`
      : `${head}: ${itself(resource, words)}`;
  const mirrors = resource.mirrors
    .filter((mirror) => mirror.outcome.status === status)
    .map(
      (mirror) =>
        `  - ${mirrorLabel(mirror, lineRef(fileName, mirror.line), words)}${checkText(mirror, words)}`,
    );
  return [own, ...mirrors];
}

function itself(resource: ResourceResult, words: Words): string {
  return words.md('itself', { status: statusWord(resource.outcome.status, words) });
}

/** A compact line for links that are fine: title and URL, plus the reason when it is not plain `ok`. */
function briefEntry(resource: ResourceResult, status: Status, words: Words): string[] {
  const note = (check: ReportEntry): string =>
    check.outcome.reason === 'ok'
      ? ''
      : ` — ${formatText(describeOutcome(check.outcome, words.lang))}`;
  const own =
    resource.outcome.status === status
      ? `- ${formatText(resource.title)} — ${formatUrl(resource.url)}${note(resource)}`
      : `- ${formatText(resource.title)}: ${itself(resource, words)}`;
  const mirrors = resource.mirrors
    .filter((mirror) => mirror.outcome.status === status)
    .map(
      (mirror) =>
        `  - ${mirrorLabel(mirror, undefined, words)} — ${formatUrl(mirror.url)}${note(mirror)}`,
    );
  return [own, ...mirrors];
}

/** `: <url> — reason → <new url>`; the URL is left out when the roadmap gives none. */
function checkText(check: ReportEntry, words: Words): string {
  const url = check.url === null ? '' : `: ${formatUrl(check.url)}`;
  const { outcome } = check;
  const reason = formatText(describeOutcome(outcome, words.lang));
  const moved = outcome.status === 'redirected' ? ` → ${formatUrl(outcome.finalUrl)}` : '';
  return `${url} — ${reason}${moved}${archivedText(check)}`;
}

function mirrorLabel(mirror: MirrorResult, where: string | undefined, words: Words): string {
  const parts = [
    ...(mirror.platform === undefined ? [] : [formatText(mirror.platform)]),
    ...(mirror.confirmed ? [] : [words.md('unconfirmed')]),
    ...(where === undefined ? [] : [where]),
  ];
  return parts.length === 0
    ? words.md('mirror')
    : words.md('mirrorWith', { parts: parts.join(words.md('separator')) });
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
function countPhrase(report: Report, status: Status, words: Words): string {
  const resources = words.mdCount('resources', report.summary[status]);
  const mirrorCount = report.mirrorSummary[status];
  return mirrorCount === 0
    ? resources
    : `${resources}${words.md('separator')}${words.mdCount('mirrors', mirrorCount)}`;
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
