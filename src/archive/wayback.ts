/**
 * The Wayback Machine's closest snapshot of a URL, asked the way lychee does since it left the
 * availability API (lycheeverse/lychee#2167: that API is rate-limited and often answers empty
 * for pages that are archived): `GET https://web.archive.org/web/<url>`, not followed.
 *
 * | answer                                        | meaning                                  |
 * | --------------------------------------------- | ---------------------------------------- |
 * | 3xx, Location `/web/<YYYYMMDDhhmmss>[flags]/…` | the snapshot: that URL, taken at that time |
 * | 3xx, Location on web.archive.org, no timestamp | a normalising hop: followed (by the chain) |
 * | 404 (`ResourceNotInArchiveException`)          | never archived: `none`, `not-archived`     |
 * | 403 (`RobotAccessControlException`, exclusion) | excluded from the archive: `none`          |
 * | 429 (after the run's retries and Retry-After)  | `unanswered`, `rate-limited`: shown, never hidden |
 * | 5xx, timeout, reset                            | `unanswered`, `unreachable`                |
 * | anything else (200, a Location elsewhere)      | `unanswered`, `unexpected`                 |
 *
 * The snapshot is not opened: a capture that is itself a redirect is replayed by the archive
 * when the learner opens it, and reading archived pages costs the archive far more than a 302.
 */
import type { ArchivedCopy } from './archived-copy.js';

/** The archive's host; tests point this real name at a local server through a proxy. */
export const WAYBACK_ORIGIN = 'https://web.archive.org';

/** What the lookup reads of the archive's answer (the run's fetch, redirects handled per `stopAtLocation`). */
export type ArchiveAnswer =
  | { kind: 'response'; status: number; location: string | undefined }
  | { kind: 'failure'; detail: string };

/** The lookup's request: a GET of `url` that stops at the redirects `stopAtLocation` names. */
export type ArchiveFetch = (
  url: URL,
  stopAtLocation: (location: URL) => boolean,
) => Promise<ArchiveAnswer>;

// `/web/20240102030405/…`, `/web/20240102030405id_/…`: 14 digits, then optional flags.
const SNAPSHOT_PATH = /^\/web\/(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:[a-z]{2}_)*\//;

/** The URL that asks for the closest snapshot of `url` (its fragment is never archived). */
export function snapshotRequestUrl(url: URL): URL {
  const target = new URL(url);
  target.hash = '';
  return new URL(`${WAYBACK_ORIGIN}/web/${target.href}`);
}

/** The capture time of a snapshot URL as an ISO string, or undefined when it names none. */
export function snapshotTimestamp(location: URL): string | undefined {
  if (location.origin !== WAYBACK_ORIGIN) return undefined;
  const match = SNAPSHOT_PATH.exec(location.pathname);
  if (match === null) return undefined;
  const [, year, month, day, hour, minute, second] = match;
  const iso = `${year}-${month}-${day}T${hour}:${minute}:${second}Z`;
  const parsed = new Date(iso);
  // 20241399… is not a date; Date would roll it over silently.
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString() === iso.replace('Z', '.000Z')
    ? iso
    : undefined;
}

/**
 * Whether the lookup stops at a redirect: at a snapshot (the answer) and at anything off the
 * archive (not ours to follow); only the archive's own timestamp-less hops are followed.
 */
export function isLookupEnd(location: URL): boolean {
  return location.origin !== WAYBACK_ORIGIN || snapshotTimestamp(location) !== undefined;
}

/** Judges the archive's answer (the table above). */
export function judgeArchiveAnswer(answer: ArchiveAnswer): ArchivedCopy {
  if (answer.kind === 'failure') {
    return { kind: 'unanswered', reason: 'unreachable', detail: answer.detail };
  }
  const { status, location } = answer;
  if (status >= 300 && status < 400 && location !== undefined) {
    const url = new URL(location);
    const timestamp = snapshotTimestamp(url);
    if (timestamp !== undefined) return { kind: 'snapshot', url: url.href, timestamp };
    return { kind: 'unanswered', reason: 'unexpected', detail: `redirected to ${url.href}` };
  }
  if (status === 404) return { kind: 'none', reason: 'not-archived' };
  if (status === 403) return { kind: 'none', reason: 'excluded' };
  if (status === 429) {
    return { kind: 'unanswered', reason: 'rate-limited', detail: 'HTTP 429 after the retries' };
  }
  if (status >= 500) {
    return { kind: 'unanswered', reason: 'unreachable', detail: `HTTP ${String(status)}` };
  }
  return { kind: 'unanswered', reason: 'unexpected', detail: `HTTP ${String(status)}` };
}

/** Asks the Wayback Machine for the closest snapshot of `url`; never throws for network trouble. */
export async function lookUpSnapshot(url: URL, fetch: ArchiveFetch): Promise<ArchivedCopy> {
  return judgeArchiveAnswer(await fetch(snapshotRequestUrl(url), isLookupEnd));
}
