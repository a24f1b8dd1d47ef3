/**
 * The `--cache` file's Bilibili section: the first-party cookie (`buvid3`) and the WBI keys the
 * YouTube → Bilibili finder opened its session with, so the next `curate mirrors --cache` run
 * signs its searches without asking `finger/spi` and `nav` again (two fewer requests to an API
 * that answers floods with risk control). Bilibili rotates the WBI keys about daily, so a session
 * is reused for 12 hours from when it was opened; a risk-control answer to a reused one makes the
 * finder open a fresh one (bilibili.ts).
 */
import { z } from 'zod';
import type { BilibiliSession } from '../mirrors/finders/bilibili-api.js';

/** How long an opened session is reused, counted from when it was opened (not last used). */
export const BILIBILI_SESSION_KEPT_MS = 12 * 60 * 60 * 1000;

export const BilibiliSessionCacheSchema = z.strictObject({
  cookie: z.string().min(1),
  imgKey: z.string().min(1),
  subKey: z.string().min(1),
  /** ISO time the session was opened (cookie and keys asked). */
  openedAt: z.iso.datetime(),
});

export type BilibiliSessionCache = z.infer<typeof BilibiliSessionCacheSchema>;

/** A session with the time it was opened, as the finder hands it back to be kept. */
export type OpenedBilibiliSession = { session: BilibiliSession; openedAt: string };

function isFresh(entry: { openedAt: string }, nowMs: number): boolean {
  const ageMs = nowMs - Date.parse(entry.openedAt);
  // A time in the future (a clock that jumped back) is not trusted either.
  return ageMs >= 0 && ageMs <= BILIBILI_SESSION_KEPT_MS;
}

/** The cached session, or undefined when there is none still fresh. */
export function cachedBilibiliSession(
  entry: BilibiliSessionCache | undefined,
  nowMs: number,
): OpenedBilibiliSession | undefined {
  if (entry === undefined || !isFresh(entry, nowMs)) return undefined;
  const { cookie, imgKey, subKey, openedAt } = entry;
  return { session: { cookie, keys: { imgKey, subKey } }, openedAt };
}

/** The section to write: the session the run used, else the cached one while it is fresh. */
export function updateBilibiliSessionCache(
  entry: BilibiliSessionCache | undefined,
  used: OpenedBilibiliSession | undefined,
  nowMs: number,
): BilibiliSessionCache | undefined {
  if (used !== undefined) {
    const { session, openedAt } = used;
    return { cookie: session.cookie, ...session.keys, openedAt };
  }
  return entry !== undefined && isFresh(entry, nowMs) ? entry : undefined;
}
