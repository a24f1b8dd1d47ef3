/** Reads and writes the `--cache` file (result-cache.ts holds the pure logic). */
import { readFile } from 'node:fs/promises';
import { reportFilesTextOf, type Lang } from '../i18n/index.js';
import { writeFileAtomically } from '../report/write.js';
import {
  emptyResultCache,
  parseResultCache,
  renderResultCache,
  type ResultCache,
} from './result-cache.js';

/** What reading the cache found; `warning` says why an existing file was not used. */
export type LoadedCache = { cache: ResultCache; warning?: string };

/**
 * Reads the cache file; a missing file is an empty cache, an unusable one is ignored with a
 * warning in `lang`.
 */
export async function readCacheFile(path: string, lang: Lang = 'en'): Promise<LoadedCache> {
  const words = reportFilesTextOf(lang);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
      return { cache: emptyResultCache() };
    }
    return {
      cache: emptyResultCache(),
      warning: words.cacheUnreadable(path, String(error)),
    };
  }
  const cache = parseResultCache(text);
  if (cache !== undefined) return { cache };
  return {
    cache: emptyResultCache(),
    warning: words.cacheNotCurate(path),
  };
}

/** Writes the cache atomically, so an interrupted run never leaves half a file. */
export async function writeCacheFile(
  path: string,
  cache: ResultCache,
  lang: Lang = 'en',
): Promise<void> {
  await writeFileAtomically(path, renderResultCache(cache), 'cache', lang);
}
