/**
 * The Markdown report: what needs fixing first, grouped by status and roadmap section, with the
 * file line of every URL. Written to read well both rendered on GitHub and raw in a terminal.
 */
import { assertNever } from '../assert-never.js';
import type { Status } from '../domain.js';
import type { Lang } from '../i18n/index.js';
import { reportCoverage, type ReportCoverage } from './coverage.js';
import { briefEntry, fullEntry, groupBySection, involves } from './markdown-entries.js';
import { formatCodeSpan, formatText, formatUrl } from './markdown-format.js';
import { worthALookSection } from './markdown-findings.js';
import { headerLines, uncheckedPhrase } from './markdown-header.js';
import { regionSection } from './markdown-region.js';
import { wordsFor, type Words } from './report-words.js';
import type { Report, ResourceResult } from './schema.js';

export { formatCodeSpan, formatText, formatUrl };

/** The statuses that ask for a person, most urgent first. */
const ATTENTION_ORDER = ['broken', 'unreachable', 'redirected', 'unverified'] as const;

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
      ...headerLines(report, coverage, words),
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

/** `3 resources, 1 mirror`, leaving out mirrors when none has the status. */
function countPhrase(report: Report, status: Status, words: Words): string {
  const resources = words.mdCount('resources', report.summary[status]);
  const mirrorCount = report.mirrorSummary[status];
  return mirrorCount === 0
    ? resources
    : `${resources}${words.md('separator')}${words.mdCount('mirrors', mirrorCount)}`;
}

/** The last path segment, for POSIX and Windows paths alike (the report may come from either). */
function baseName(path: string): string {
  return path.split(/[\\/]/).at(-1) ?? path;
}
