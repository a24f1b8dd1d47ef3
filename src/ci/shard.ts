/**
 * `--shard i/n`: a stable partition of the roadmap's resources, so that a matrix of CI jobs can
 * check one part each and `curate merge` can put the parts back together.
 */
import { createHash } from 'node:crypto';
import { UsageError } from '../errors.js';
import { flagTextOf, type Lang } from '../i18n/index.js';

/** One part of a partition: `index` is 1-based and at most `total`. */
export type Shard = { index: number; total: number };

const SHARD_PATTERN = /^(\d+)\/(\d+)$/;

/** Parses `--shard` text such as `2/4` into a 1-based shard. */
export function parseShard(text: string, lang: Lang = 'en'): Shard {
  const match = SHARD_PATTERN.exec(text.trim());
  const words = flagTextOf(lang);
  const hint = words.shardHint;
  if (match === null) {
    throw new UsageError(words.shardNotForm(text), { hint, lang });
  }
  const index = Number(match[1]);
  const total = Number(match[2]);
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(total) || total < 1) {
    throw new UsageError(words.shardTooFew(text), { hint, lang });
  }
  if (index < 1 || index > total) {
    throw new UsageError(words.shardMissing(text, index, total), { hint, lang });
  }
  return { index, total };
}

/**
 * The 1-based shard a resource belongs to among `total`.
 * The part depends only on the id, never on list order, so adding or moving a resource never
 * moves another one to a different shard (and a shard's cache stays warm).
 */
export function shardOf(resourceId: string, total: number): number {
  // SHA-1 rather than a short string hash: its low bits are uniform, so `% total` splits evenly.
  const digest = createHash('sha1').update(resourceId, 'utf8').digest();
  return (digest.readUInt32BE(0) % total) + 1;
}

/** Whether a resource is checked by the given shard. */
export function isInShard(resourceId: string, shard: Shard): boolean {
  return shardOf(resourceId, shard.total) === shard.index;
}
