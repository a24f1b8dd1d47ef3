/**
 * Whether the reports given to `curate merge` form whole partitions: for each vantage, the
 * reports that record a `shard` must be parts 1…n of one `n`, each exactly once. A glob that
 * missed a failed shard's artifact, or caught an old `reports-*` directory, would otherwise be
 * merged without a word into a report that looks complete. Reports without a `shard` (a whole
 * run, a merge, or version 1) are not part of any partition and merge as before.
 */
import { UsageError } from '../errors.js';
import { reportFilesTextOf, type Lang } from '../i18n/index.js';
import { missingShardsPhrase, shardName } from './coverage.js';
import { wordsFor } from './report-words.js';
import type { MissingShard, Report } from './schema.js';

/** One report given to `curate merge`, with the file it came from (for the messages). */
export type MergeInput = { file: string; report: Report };

/** How strict {@link checkShardSet} is. */
export type ShardSetOptions = {
  /** Merge even when shards are missing (`--allow-partial`); doubled shards are refused anyway. */
  allowPartial: boolean;
  /** The language of the errors; English when not given. */
  lang?: Lang | undefined;
};

/**
 * Returns the shards missing from the inputs (empty when every partition is whole). Throws a
 * `UsageError` (exit 2) for a shard given twice, for shards of different splits of one vantage,
 * and for missing shards unless `allowPartial`.
 */
export function checkShardSet(
  inputs: readonly MergeInput[],
  options: ShardSetOptions,
): MissingShard[] {
  const lang = options.lang ?? 'en';
  const words = reportFilesTextOf(lang);
  const reportWords = wordsFor(lang);
  const missing: MissingShard[] = [];
  for (const [vantage, sharded] of shardedByVantage(inputs)) {
    const total = commonTotal(vantage, sharded, lang);
    for (let index = 1; index <= total; index += 1) {
      const files = sharded
        .filter(({ report }) => report.shard?.index === index)
        .map(({ file }) => file);
      const name = shardName({ vantage, index, total }, reportWords);
      if (files.length > 1) {
        // Never allowed: two reports of one part mean two runs, and either could be the truth.
        throw new UsageError(words.shardTwice(name, files), { hint: words.shardTwiceHint, lang });
      }
      if (files.length === 0) missing.push({ vantage, index, total });
    }
  }
  if (missing.length > 0 && !options.allowPartial) {
    throw new UsageError(words.shardsMissing(missingShardsPhrase(missing, reportWords)), {
      hint: words.shardsMissingHint(inputs.length, missing.length),
      lang,
    });
  }
  return missing;
}

/** The inputs that record a shard, grouped by vantage (a shard i/n per vantage is no double). */
function shardedByVantage(inputs: readonly MergeInput[]): Map<string, MergeInput[]> {
  const groups = new Map<string, MergeInput[]>();
  for (const input of inputs) {
    if (input.report.shard === undefined) continue;
    const group = groups.get(input.report.vantage) ?? [];
    group.push(input);
    groups.set(input.report.vantage, group);
  }
  return groups;
}

/** The `n` every shard of one vantage shares; two splits of one roadmap cannot be joined. */
function commonTotal(vantage: string, sharded: readonly MergeInput[], lang: Lang): number {
  const totals = [...new Set(sharded.map(({ report }) => report.shard?.total ?? 0))];
  if (totals.length === 1) return totals[0] ?? 0;
  const shards = sharded.map(({ file, report }) => ({
    file,
    index: String(report.shard?.index ?? '?'),
    total: String(report.shard?.total ?? '?'),
  }));
  const words = reportFilesTextOf(lang);
  throw new UsageError(words.shardSplits(vantage === 'global' ? undefined : vantage, shards), {
    hint: words.shardSplitsHint,
    lang,
  });
}
