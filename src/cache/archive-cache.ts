/**
 * The `--cache` file's archive section: what the Wayback Machine answered for each dead link,
 * so a re-run does not ask again. A found snapshot is kept 30 days (a capture does not go away);
 * "no snapshot" only 7, since anyone may save the page meanwhile. An unanswered lookup (rate
 * limited, down) is never kept: the next run asks again.
 */
import { z } from 'zod';
import { NoSnapshotSchema, SnapshotSchema, type ArchivedCopy } from '../archive/archived-copy.js';
import { parseLinkUrl } from '../plan/normalize-url.js';
import type { Report } from '../report/schema.js';

/** How long a found snapshot is reused. */
export const SNAPSHOT_KEPT_MS = 30 * 24 * 60 * 60 * 1000;
/** How long "no snapshot" is reused: shorter, since the page may be archived any day. */
export const NO_SNAPSHOT_KEPT_MS = 7 * 24 * 60 * 60 * 1000;

/** One dead link's archive answer and when it was asked. */
export const ArchiveCacheEntrySchema = z.discriminatedUnion('kind', [
  SnapshotSchema.extend({ lookedUpAt: z.iso.datetime() }),
  NoSnapshotSchema.extend({ lookedUpAt: z.iso.datetime() }),
]);

/** The archive section, keyed like the result entries (the plan's target id). */
export const ArchiveCacheSchema = z.record(z.string(), ArchiveCacheEntrySchema);

export type ArchiveCache = z.infer<typeof ArchiveCacheSchema>;
type ArchiveCacheEntry = z.infer<typeof ArchiveCacheEntrySchema>;

function isFresh(entry: ArchiveCacheEntry, nowMs: number): boolean {
  const ageMs = nowMs - Date.parse(entry.lookedUpAt);
  const keptMs = entry.kind === 'snapshot' ? SNAPSHOT_KEPT_MS : NO_SNAPSHOT_KEPT_MS;
  return ageMs >= 0 && ageMs <= keptMs;
}

/** The cached archive answer for a target, or undefined when there is none still fresh. */
export function cachedArchivedCopy(
  cache: ArchiveCache | undefined,
  targetId: string,
  nowMs: number,
): ArchivedCopy | undefined {
  const entry = cache?.[targetId];
  if (entry === undefined || !isFresh(entry, nowMs)) return undefined;
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { lookedUpAt, ...copy } = entry;
  return copy;
}

/**
 * The archive section after a run: every answer the report carries is (re)stored with its
 * original lookup time when it came from the cache, unanswered ones are left out, and stale
 * entries are dropped.
 */
export function updateArchiveCache(
  cache: ArchiveCache | undefined,
  report: Report,
  nowMs: number,
): ArchiveCache {
  const entries = new Map(Object.entries(cache ?? {}));
  const links = report.results.flatMap((result) => [result, ...result.mirrors]);
  for (const link of links) {
    const archived = link.archived;
    if (link.url === null || archived === undefined || archived.kind === 'unanswered') continue;
    const parsed = parseLinkUrl(link.url);
    if (parsed.kind !== 'ok') continue;
    const previous = entries.get(parsed.id);
    const isSame =
      previous !== undefined && previous.kind === archived.kind && isFresh(previous, nowMs);
    const lookedUpAt = isSame ? previous.lookedUpAt : new Date(nowMs).toISOString();
    const { kind } = archived;
    entries.set(
      parsed.id,
      kind === 'snapshot'
        ? { kind, url: archived.url, timestamp: archived.timestamp, lookedUpAt }
        : { kind, reason: archived.reason, lookedUpAt },
    );
  }
  return Object.fromEntries([...entries].filter(([, entry]) => isFresh(entry, nowMs)));
}
