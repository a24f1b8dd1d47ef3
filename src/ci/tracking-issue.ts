/**
 * The audit's tracking issue: one issue, found by a fixed title and label, whose body the
 * scheduled audit rewrites each run; the workflow opens it, updates it, or closes it when
 * `shouldBeOpen` turns false.
 */
import {
  type FailingLink,
  type Flakiness,
  type RecoveredLink,
  type ReportLink,
  reportLinks,
} from '../report/history.js';
import { coverageQuote, reportCoverage } from '../report/coverage.js';
import { describeReason } from '../report/reasons.js';
import type { Report } from '../report/schema.js';
import { formatCodeSpan, formatText } from '../report/markdown-format.js';
import type { Lang } from '../i18n/index.js';
import { statusWord, wordsFor, type Words } from '../report/report-words.js';

/** How the workflow finds the issue again: by this title and label (and the marker in the body). */
export const TRACKING_ISSUE = {
  title: 'Link audit: failing links in the roadmap',
  label: 'link-audit',
  marker: '<!-- curate:tracking-issue -->',
} as const;

/** What the workflow writes to the tracking issue. */
export type TrackingIssue = { title: string; body: string; shouldBeOpen: boolean };

/** Where the audit ran and how it judged, for the issue's wording. */
export type TrackingIssueOptions = {
  /** The Actions run that produced the report. */
  runUrl: string;
  /** The published report.html (GitHub Pages), linked next to the run log when given. */
  reportUrl?: string | undefined;
  /** The `--fail-after` the flakiness was assessed with. @default 2 */
  failAfter?: number;
  /** Links listed per group before "…and N more". @default 100 */
  maxListed?: number;
  /** The language of the body; the title stays English, as the workflow finds the issue by it. */
  lang?: Lang | undefined;
};

// GitHub refuses issue bodies over 65,536 characters; stay clear of it.
const MAX_BODY_CHARS = 60_000;

/**
 * The tracking issue for an audit: persistent failures (with since when), new failures still
 * being watched, and recoveries. It should be open exactly while something fails persistently.
 */
export function renderTrackingIssue(
  report: Report,
  flakiness: Flakiness,
  options: TrackingIssueOptions,
): TrackingIssue {
  const failAfter = options.failAfter ?? 2;
  const words = wordsFor(options.lang);
  const listing: Listing = {
    links: new Map(reportLinks(report).map((link) => [link.key, link])),
    file: report.roadmap.path,
    maxListed: options.maxListed ?? 100,
    words,
  };
  const shouldBeOpen = flakiness.persistent.length > 0;
  const headline = shouldBeOpen
    ? words.issueCount('failingHeadline', flakiness.persistent.length, { failAfter })
    : flakiness.newFailures.length > 0
      ? words.issueCount('noneFailedInARow', failAfter)
      : words.issue('allWork');
  const intro = words.issue('intro', {
    file: formatCodeSpan(report.roadmap.path),
    title: formatText(report.roadmap.title),
    vantage: formatText(report.vantage),
    time: report.finishedAt,
    runUrl: options.runUrl,
  });
  const reportLink =
    options.reportUrl === undefined
      ? ''
      : words.issue('reportLink', { reportUrl: options.reportUrl });
  const lines = [TRACKING_ISSUE.marker, `## ${headline}`, '', `${intro}${reportLink}`];
  // What this run checked, from its outcomes (report/coverage.ts); the history keeps the rest.
  const coverage = reportCoverage(report);
  lines.push(...coverageQuote(report, coverage, words.issue('earlierStand'), words));
  if (coverage.kind === 'checked' && report.partial) {
    lines.push('', words.issue('partialRun'));
  }
  const watching = words.issueCount('watching', failAfter);
  lines.push(
    ...failingSection(
      words.issue('failing', { count: flakiness.persistent.length }),
      flakiness.persistent,
      listing,
    ),
    ...failingSection(
      words.issue('newFailures', { count: flakiness.newFailures.length, watching }),
      flakiness.newFailures,
      listing,
    ),
    ...recoveredSection(flakiness.recovered, listing),
    '',
    words.issue(shouldBeOpen ? 'footerOpen' : 'footerClosed'),
  );
  return {
    title: TRACKING_ISSUE.title,
    body: capBody(`${lines.join('\n')}\n`, words),
    shouldBeOpen,
  };
}

/** What every listed row needs: the report's links by key, the file, the row cap, the words. */
type Listing = {
  links: ReadonlyMap<string, ReportLink>;
  file: string;
  maxListed: number;
  words: Words;
};

function failingSection(
  heading: string,
  failing: readonly FailingLink[],
  listing: Listing,
): string[] {
  if (failing.length === 0) return [];
  const rows = inFileOrder(failing, listing)
    .slice(0, listing.maxListed)
    .map((entry) => {
      const [where, name, url, link] = linkCells(entry.key, listing);
      const { status, reason } = entry.latest;
      // The report's status code and detail make the sentence precise; the error code is left
      // out, as the tracking issue always did.
      const extras = link === undefined ? {} : { ...link.outcome, errorCode: undefined };
      const { words } = listing;
      const label = statusWord(status, words);
      const now = `${label}: ${formatText(describeReason(reason, extras, words.lang))}`;
      const since = `${entry.since.slice(0, 10)} (${words.issueCount('audits', entry.streak)})`;
      return `| ${where} | ${name} | ${now} | ${since} | ${url} |`;
    });
  return [
    '',
    `### ${heading}`,
    '',
    tableHeader(listing.words, 'colSince'),
    '|---|---|---|---|---|',
    ...rows,
    ...moreLine(failing.length, listing),
  ];
}

function recoveredSection(recovered: readonly RecoveredLink[], listing: Listing): string[] {
  if (recovered.length === 0) return [];
  const rows = inFileOrder(recovered, listing)
    .slice(0, listing.maxListed)
    .map((entry) => {
      const [where, name, url] = linkCells(entry.key, listing);
      const failed = `${entry.since.slice(0, 10)} – ${entry.recoveredAt.slice(0, 10)}`;
      const { words } = listing;
      const status = statusWord(entry.latest.status, words);
      return `| ${where} | ${name} | ${status} | ${failed} | ${url} |`;
    });
  return [
    '',
    `### ${listing.words.issue('recovered', { count: recovered.length })}`,
    '',
    tableHeader(listing.words, 'colFailed'),
    '|---|---|---|---|---|',
    ...rows,
    ...moreLine(recovered.length, listing),
  ];
}

function tableHeader(words: Words, when: 'colSince' | 'colFailed'): string {
  const columns = ['colWhere', 'colResource', 'colNow', when, 'colUrl'] as const;
  return `| ${columns.map((column) => words.issue(column)).join(' | ')} |`;
}

/** Rows in the order of the roadmap file; links it no longer has go last, by key. */
function inFileOrder<T extends { key: string }>(entries: readonly T[], listing: Listing): T[] {
  const lineOf = (entry: T): number =>
    listing.links.get(entry.key)?.line ?? Number.MAX_SAFE_INTEGER;
  return [...entries].sort(
    (a, b) => lineOf(a) - lineOf(b) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

/** Where, which resource and which URL, from the report; by history key when it lacks the link. */
function linkCells(
  key: string,
  listing: Listing,
): [where: string, name: string, url: string, link: ReportLink | undefined] {
  const link = listing.links.get(key);
  if (link === undefined)
    return [formatCodeSpan(key), formatCodeSpan(key.split('#')[0] ?? key), '', undefined];
  const title = formatText(link.title);
  return [
    formatCodeSpan(`${listing.file}:${link.line}`),
    link.role === 'mirror' ? listing.words.issue('mirror', { title }) : title,
    link.url === null ? '' : formatCodeSpan(link.url),
    link,
  ];
}

function moreLine(count: number, { maxListed, words }: Listing): string[] {
  return count > maxListed ? ['', words.issue('more', { count: count - maxListed })] : [];
}

function capBody(body: string, words: Words): string {
  if (body.length <= MAX_BODY_CHARS) return body;
  const cut = body.lastIndexOf('\n', MAX_BODY_CHARS);
  return `${body.slice(0, cut)}\n\n${words.issue('cut')}\n`;
}
