/**
 * How much of a report was actually checked: every link checked, none, or only part. Derived
 * from the outcomes themselves (and the shards a merge lacks), never from `partial` or
 * `networkDown` alone, so that a header can no longer say "checked" of links the network never
 * reached, or "not checked" of a merge whose other shards were checked. Every header (report.md,
 * the job summary, the tracking issue, the command's summary line) says what this says.
 */
import { shardOf } from '../ci/shard.js';
import { uncheckedReasonOf, type UncheckedReason } from '../outcome/unfetched.js';
import { formatText } from './markdown-format.js';
import type { MissingShard, Report } from './schema.js';
import { wordsFor, type Words } from './report-words.js';
import { networkDownDetail } from '../i18n/network-down.js';

/** What a report covers. */
export type ReportCoverage = {
  /**
   * `checked`: every link the plan meant to fetch was judged (and no shard is missing);
   * `not-checked`: none was; `partly-checked`: some were, or a shard is missing.
   */
  kind: 'checked' | 'not-checked' | 'partly-checked';
  /** Links (resources and mirrors) that were judged (any status but `skipped`). */
  checked: number;
  /** Links the run left unchecked, in total and per reason. */
  notChecked: number;
  notCheckedBy: ReadonlyMap<UncheckedReason, number>;
  /** Shards `curate merge --allow-partial` went without: their links are not in the report. */
  missingShards: readonly MissingShard[];
};

/** Counts what the report's outcomes say was checked, and what was not. */
export function reportCoverage(report: Report): ReportCoverage {
  const notCheckedBy = new Map<UncheckedReason, number>();
  let checked = 0;
  for (const result of report.results) {
    for (const entry of [result, ...result.mirrors]) {
      const reason = uncheckedReasonOf(entry.outcome);
      if (reason !== undefined) notCheckedBy.set(reason, (notCheckedBy.get(reason) ?? 0) + 1);
      // A skip the plan or the address guard chose (excluded, no URL, …) was never to be
      // fetched: it counts as neither checked nor not checked.
      else if (entry.outcome.status !== 'skipped') checked += 1;
    }
  }
  const notChecked = [...notCheckedBy.values()].reduce((sum, count) => sum + count, 0);
  const missingShards = report.missingShards ?? [];
  const kind =
    notChecked > 0 && checked === 0
      ? 'not-checked'
      : notChecked > 0 || missingShards.length > 0
        ? 'partly-checked'
        : 'checked';
  return { kind, checked, notChecked, notCheckedBy, missingShards };
}

/**
 * Whether a resource belongs to a shard that a partial merge (`--allow-partial`) went without:
 * its absence from the report says nothing about it (it was not checked, not removed).
 */
export function isInMissingShard(report: Report, resourceId: string): boolean {
  return (report.missingShards ?? []).some(
    (shard) => shardOf(resourceId, shard.total) === shard.index,
  );
}

/** Whether the only reason links went unchecked is `--offline` (nothing was meant to be fetched). */
export function isOfflineOnly(coverage: ReportCoverage): boolean {
  return coverage.notCheckedBy.size === 1 && coverage.notCheckedBy.has('offline');
}

/**
 * The coverage as a Markdown quote for the CI texts (job summary, tracking issue), e.g.
 * `> **Not checked:** 8 of 8 links not checked (the network was unavailable: …).`; nothing for a
 * fully checked report. `after` is added to the sentence (what the reader should make of it).
 */
export function coverageQuote(
  report: Report,
  coverage: ReportCoverage,
  after = '',
  words: Words = wordsFor(),
): string[] {
  if (coverage.kind === 'checked') return [];
  const said = coverageWords(coverage, words);
  const heading = `${said.charAt(0).toUpperCase()}${said.slice(1)}`;
  const phrase = notCheckedPhrase(
    coverage,
    report.networkDown && networkDownDetail(report.networkDown, words.lang).replace(/\.$/, ''),
    words,
  );
  const [colon, stop] = words.lang === 'en' ? [':', '.'] : ['：', '。'];
  return ['', `> **${heading}${colon}** ${formatText(phrase)}${stop}${after}`];
}

type CoverageKey = Parameters<Words['coverage']>[0];

/** The catalog key of each coverage word: a Record, so a new kind needs its words to build. */
const COVERAGE_KEYS = {
  checked: 'checked',
  'not-checked': 'notChecked',
  'partly-checked': 'partlyChecked',
} as const satisfies Readonly<Record<ReportCoverage['kind'], CoverageKey>>;

/** `checked`, `not checked` or `partly checked`. */
export function coverageWords(coverage: ReportCoverage, words: Words = wordsFor()): string {
  return words.coverage(COVERAGE_KEYS[coverage.kind]);
}

/**
 * The catalog keys that say why links went unchecked: a clause for one reason, a label for a
 * count among several. A Record over every reason, so a new one breaks the build until it has
 * its words; a run stopped before a check started reads like one interrupted during it.
 */
const WHY_KEYS: Readonly<Record<UncheckedReason, { clause: CoverageKey; label: CoverageKey }>> = {
  'network-down': { clause: 'networkDownClause', label: 'networkDownLabel' },
  interrupted: { clause: 'interruptedClause', label: 'interruptedLabel' },
  'not-started': { clause: 'interruptedClause', label: 'notStartedLabel' },
  offline: { clause: 'offlineClause', label: 'offlineLabel' },
};

/** Why links went unchecked: a clause for one reason, a label for a count among several. */
function whyWords(
  reason: UncheckedReason,
  count: number,
  words: Words,
): { clause: string; label: string } {
  const keys = WHY_KEYS[reason];
  return {
    clause: words.coverage(keys.clause),
    label: words.coverage(keys.label, { count: words.number(count) }),
  };
}

/**
 * What was not checked and why, e.g. `3 of 5 links not checked (the network was unavailable)`
 * or `2 of 6 links not checked (1 network down, 1 interrupted)`; then the missing shards.
 * Empty for a fully checked report. `networkMessage` (the network probe's) follows a sole
 * network-down reason.
 */
export function notCheckedPhrase(
  coverage: ReportCoverage,
  networkMessage?: string,
  words: Words = wordsFor(),
): string {
  const parts: string[] = [];
  if (coverage.notChecked > 0) {
    const reasons = [...coverage.notCheckedBy];
    const [only] = reasons;
    let why: string;
    if (reasons.length === 1 && only !== undefined) {
      const clause = whyWords(only[0], only[1], words).clause;
      why =
        only[0] === 'network-down' && networkMessage !== undefined
          ? words.coverage('detail', { why: clause, message: networkMessage })
          : clause;
    } else {
      why = reasons
        .map(([reason, count]) => whyWords(reason, count, words).label)
        .join(words.coverage('labelsSeparator'));
    }
    const links = coverage.checked + coverage.notChecked;
    parts.push(
      words.coverage('notCheckedOf', {
        count: words.number(coverage.notChecked),
        links: words.mdCount('links', links),
        why,
      }),
    );
  }
  if (coverage.missingShards.length > 0) {
    parts.push(missingShardsPhrase(coverage.missingShards, words));
  }
  return parts.join(words.coverage('partsSeparator'));
}

/** `shard 2/3 is missing`, `shards 1/4 and 3/4 (cn) are missing`. */
export function missingShardsPhrase(
  missing: readonly MissingShard[],
  words: Words = wordsFor(),
): string {
  const list = words.list(missing.map((shard) => shardName(shard, words)));
  return words.coverageCount('shardsMissing', missing.length, { list });
}

/** `2/3`, with the vantage when it is not the global one. */
export function shardName(shard: MissingShard, words: Words = wordsFor()): string {
  const name = `${shard.index}/${shard.total}`;
  return shard.vantage === 'global'
    ? name
    : words.coverage('shardVantage', { shard: name, vantage: shard.vantage });
}
