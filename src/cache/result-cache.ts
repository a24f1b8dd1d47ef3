/**
 * The `--cache` file: when each URL last answered ok, so that a contributor's re-run skips what
 * was fine a moment ago. Only ok results are kept: a failing link is always asked again, so a
 * cache can make a run faster but never hide a new failure for longer than `--max-age`.
 */
import { z } from 'zod';
import { ArchiveCacheSchema } from './archive-cache.js';
import type { CheckResult } from '../domain.js';
import { FindingsSchema } from '../outcome/findings.js';
import { ApiValidatorSchema, type ApiValidator } from './api-validators.js';
import {
  BilibiliSessionCacheSchema,
  updateBilibiliSessionCache,
} from './bilibili-session-cache.js';
import { OkOutcomeSchema } from '../outcome/model.js';
import { parseLinkUrl } from '../plan/normalize-url.js';
import type { Report } from '../report/schema.js';

/** Bumped only for a breaking change of the cache file (an older file is then ignored). */
export const CACHE_SCHEMA_VERSION = 1;

/** Entries this old are dropped when the cache is written, whatever `--max-age` says. */
export const CACHE_FORGET_AFTER_MS = 30 * 24 * 60 * 60 * 1000;

/** One URL's last ok answer: the model's ok outcome without its status word, and its time. */
export const CacheEntrySchema = OkOutcomeSchema.pick({ reason: true, httpStatus: true }).extend({
  /** ISO time of the check that answered ok. */
  checkedAt: z.iso.datetime(),
  /** What the platform said beside the ok (archived, gated …), so a cached run still says it. */
  findings: FindingsSchema,
});

/** The whole cache file, keyed by normalised URL (the plan's target id, fragment included). */
export const ResultCacheSchema = z.strictObject({
  schemaVersion: z.literal(CACHE_SCHEMA_VERSION),
  entries: z.record(z.string(), CacheEntrySchema),
  /** Platform API answers' ETags by API URL (`api-validators.ts`); absent in older files. */
  validators: z.record(z.string(), ApiValidatorSchema).optional(),
  /** Wayback Machine answers for dead links (archive-cache.ts); absent before any was asked. */
  archive: ArchiveCacheSchema.optional(),
  /** The mirror finder's Bilibili cookie and WBI keys (bilibili-session-cache.ts). */
  bilibiliSession: BilibiliSessionCacheSchema.optional(),
});

export type CacheEntry = z.infer<typeof CacheEntrySchema>;
export type ResultCache = z.infer<typeof ResultCacheSchema>;

/** A cache with nothing in it (no file yet). */
export function emptyResultCache(): ResultCache {
  return { schemaVersion: CACHE_SCHEMA_VERSION, entries: {} };
}

/**
 * Reads cache text; `undefined` when it is not a cache this version understands. A cache is
 * disposable, so the caller warns and starts afresh rather than failing the run.
 */
export function parseResultCache(text: string): ResultCache | undefined {
  try {
    const parsed = ResultCacheSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Cache file text: sorted keys and a final newline. */
export function renderResultCache(cache: ResultCache): string {
  const sorted = <T>(record: Readonly<Record<string, T>>) =>
    Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((key) => [key, record[key]]),
    );
  const validators = cache.validators ?? {};
  const file = {
    schemaVersion: cache.schemaVersion,
    entries: sorted(cache.entries),
    ...(Object.keys(validators).length === 0 ? {} : { validators: sorted(validators) }),
    ...(cache.archive === undefined || Object.keys(cache.archive).length === 0
      ? {}
      : { archive: sorted(cache.archive) }),
    ...(cache.bilibiliSession === undefined ? {} : { bilibiliSession: cache.bilibiliSession }),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** When a cached answer may stand in for a request. */
export type CacheClock = { nowMs: number; maxAgeMs: number };

/**
 * The cached ok result for a target, or `undefined` when there is none younger than `maxAgeMs`.
 * It keeps the time of the real check and says it is cached, so the report never passes an old
 * answer off as a new one.
 */
export function cachedResult(
  cache: ResultCache,
  targetId: string,
  clock: CacheClock,
): CheckResult | undefined {
  const entry = cache.entries[targetId];
  if (entry === undefined) return undefined;
  const ageMs = clock.nowMs - Date.parse(entry.checkedAt);
  // A time in the future (a clock that jumped back) is not trusted either.
  if (ageMs < 0 || ageMs > clock.maxAgeMs) return undefined;
  return {
    status: 'ok',
    reason: entry.reason,
    httpStatus: entry.httpStatus,
    targetId,
    hops: [],
    durationMs: 0,
    checkedAt: entry.checkedAt,
    isCached: true,
    ...(entry.findings === undefined ? {} : { findings: entry.findings }),
  };
}

/**
 * The cache after a run: every link the report saw answer ok is (re)stored, every link it saw
 * fail is forgotten, skipped links and cached results leave their entry as it was, and entries
 * older than `CACHE_FORGET_AFTER_MS` are dropped.
 */
export function updateResultCache(
  cache: ResultCache,
  report: Report,
  nowMs: number,
  validators: Readonly<Record<string, ApiValidator>> = cache.validators ?? {},
): ResultCache {
  const entries = new Map(Object.entries(cache.entries));
  const links = report.results.flatMap((result) => [result, ...result.mirrors]);
  for (const link of links) {
    const { outcome } = link;
    if (link.url === null || link.cached === true || outcome.status === 'skipped') continue;
    const parsed = parseLinkUrl(link.url);
    if (parsed.kind !== 'ok') continue;
    // A link whose API was not asked (quota) is asked again next time, not remembered as ok.
    const isProbed = !(link.findings ?? []).some((finding) => finding.kind === 'unprobed');
    if (outcome.status === 'ok' && isProbed) {
      const { reason, httpStatus } = outcome;
      const findings = link.findings?.filter((finding) => finding.kind !== 'title-drift');
      entries.set(parsed.id, {
        reason,
        httpStatus,
        checkedAt: link.checkedAt,
        ...(findings === undefined || findings.length === 0 ? {} : { findings }),
      });
    } else {
      entries.delete(parsed.id);
    }
  }
  const isRecent = (entry: { checkedAt: string }): boolean =>
    nowMs - Date.parse(entry.checkedAt) <= CACHE_FORGET_AFTER_MS;
  const recentValidators = Object.entries(validators).filter(([, entry]) => isRecent(entry));
  // `mirrors --cache` keeps its Bilibili session here: a check leaves it as long as it is fresh.
  const bilibiliSession = updateBilibiliSessionCache(cache.bilibiliSession, undefined, nowMs);
  return {
    schemaVersion: CACHE_SCHEMA_VERSION,
    entries: Object.fromEntries([...entries].filter(([, entry]) => isRecent(entry))),
    ...(recentValidators.length === 0 ? {} : { validators: Object.fromEntries(recentValidators) }),
    ...(bilibiliSession === undefined ? {} : { bilibiliSession }),
  };
}
