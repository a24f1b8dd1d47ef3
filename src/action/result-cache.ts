/**
 * The `cache` input: the result cache file of `curate check --cache`, restored from and saved to
 * GitHub's Actions cache by the action itself. A JavaScript action cannot use another action
 * (`actions/cache`), but the toolkit package behind it, @actions/cache, talks to the same cache
 * service from inside this one; saving in the action's own `finally` saves also when the check
 * failed, which is when a re-run most wants the ok results kept.
 */
import * as cache from '@actions/cache';
import { actionTextOf, type Lang } from '../i18n/index.js';

/** The keys of one cache entry: each run saves its own; a run restores the newest earlier one. */
export type CacheKeys = { key: string; restorePrefix: string };

/**
 * Keys per roadmap and shard: `curate-results-<roadmap>-<i>-of-<n>-<run id>-<attempt>`, since an
 * entry cannot be overwritten and each shard holds only its own part's results.
 */
export function resultCacheKeys(
  roadmap: string,
  shard: { index: number; total: number } | undefined,
  run: { id: string; attempt: string },
): CacheKeys {
  const part = shard === undefined ? 'all' : `${shard.index}-of-${shard.total}`;
  const name = roadmap.replace(/[^A-Za-z0-9._-]+/g, '_');
  const restorePrefix = `curate-results-${name}-${part}-`;
  return { key: `${restorePrefix}${run.id}-${run.attempt}`, restorePrefix };
}

/** What happened to the cache, for the log. */
export type CacheEvent = string;

/** Restores `file` from the newest entry under the prefix; says what it did. */
export async function restoreResultCache(
  file: string,
  keys: CacheKeys,
  lang: Lang = 'en',
): Promise<CacheEvent> {
  const words = actionTextOf(lang);
  if (!cache.isFeatureAvailable()) return words.cacheUnavailable;
  try {
    const hit = await cache.restoreCache([file], keys.key, [keys.restorePrefix]);
    return hit === undefined ? words.cacheMiss : words.cacheRestored(hit);
  } catch (error) {
    // A cache is an optimisation: never fail the check for it.
    return words.cacheNotRestored((error as Error).message);
  }
}

/** Saves `file` under the run's key. */
export async function saveResultCache(
  file: string,
  keys: CacheKeys,
  lang: Lang = 'en',
): Promise<CacheEvent> {
  const words = actionTextOf(lang);
  if (!cache.isFeatureAvailable()) return words.cacheNotSavedUnavailable;
  try {
    await cache.saveCache([file], keys.key);
    return words.cacheSaved(keys.key);
  } catch (error) {
    return words.cacheNotSaved((error as Error).message);
  }
}
