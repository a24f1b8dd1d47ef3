/**
 * The top of report.md: the summary sentence, the warning banner when links went unchecked,
 * the cache note and the counts table. What it says of coverage comes from coverage.ts, so it
 * agrees with every other header.
 */
import { STATUSES } from '../domain.js';
import { coverageWords, isOfflineOnly, notCheckedPhrase, type ReportCoverage } from './coverage.js';
import { formatText } from './markdown-format.js';
import { statusWord, type Words } from './report-words.js';
import type { Report, ReportEntry } from './schema.js';
import { networkDownDetail } from '../i18n/network-down.js';

/** The report's opening lines, up to and with the counts table. */
export function headerLines(report: Report, coverage: ReportCoverage, words: Words): string[] {
  return [
    summarySentence(report, coverage, words),
    '',
    ...banner(report, coverage, words),
    ...cacheNote(report, words),
    ...countsTable(report, words),
  ];
}

/**
 * What was not checked, counting missing shards rather than naming them: a shard id means
 * nothing to a maintainer reading report.md (merge's own output names them).
 */
export function uncheckedPhrase(coverage: ReportCoverage, words: Words): string {
  const links = notCheckedPhrase({ ...coverage, missingShards: [] }, undefined, words);
  const missing = coverage.missingShards.length;
  const shards = missing === 0 ? '' : words.coverageCount('shardsMissingCount', missing);
  return [links, shards].filter((part) => part !== '').join(words.coverage('partsSeparator'));
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
      : words.md('networkMessage', {
          message: formatText(networkDownDetail(report.networkDown, words.lang)),
        });
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

function allChecks(report: Report): ReportEntry[] {
  return report.results.flatMap((resource) => [resource, ...resource.mirrors]);
}

/** `2026-11-28 18:00 UTC`; an unparsable time is shown as written. */
function formatUtc(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return formatText(iso);
  const text = date.toISOString();
  return `${text.slice(0, 10)} ${text.slice(11, 16)} UTC`;
}
