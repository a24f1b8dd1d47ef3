/**
 * What a final HTTP status code means when nothing else about the answer decides: a few codes
 * with a meaning of their own, then the 4xx and 5xx ranges. Pure.
 */
import type { UnreachableReason } from '../domain.js';
import type { BrokenHttpReason, UnverifiedHttpReason } from '../outcome/model.js';

/** The verdict a status code gives, before the response's own fields are added. */
export type StatusVerdict =
  | { status: 'broken'; reason: BrokenHttpReason }
  | { status: 'unreachable'; reason: UnreachableReason }
  | { status: 'unverified'; reason: UnverifiedHttpReason };

// Final codes with a meaning of their own; the rest of 4xx and 5xx fall to the ranges below.
const STATUS_VERDICTS: ReadonlyMap<number, StatusVerdict> = new Map<number, StatusVerdict>([
  // The page may be fine behind the login; a checker cannot tell.
  [401, { status: 'unverified', reason: 'auth-required' }],
  // Mostly anti-bot rules that let browsers through (bot walls are recognised before this table).
  [403, { status: 'unverified', reason: 'forbidden' }],
  [404, { status: 'broken', reason: 'http-404' }],
  // Proxy Authentication Required: our region proxy wants credentials, not the site.
  [407, { status: 'unreachable', reason: 'proxy' }],
  // Request Timeout: the server gave up waiting on us; the fetcher already retried.
  [408, { status: 'unreachable', reason: 'timeout' }],
  [410, { status: 'broken', reason: 'http-410' }],
  // The fetcher already retried and honoured Retry-After (or it asked for longer than curate
  // waits); the site may be fine.
  [429, { status: 'unverified', reason: 'rate-limited' }],
  // Unavailable For Legal Reasons: blocked where the check ran, not gone.
  [451, { status: 'unverified', reason: 'unavailable-in-region' }],
  // 999: LinkedIn's bot wall; cannot tell dead from blocked.
  [999, { status: 'unverified', reason: 'bot-wall' }],
]);

/** The verdict of a non-2xx code nobody accepted and no bot wall explains. */
export function verdictForStatus(status: number): StatusVerdict & { detail?: string } {
  const known = STATUS_VERDICTS.get(status);
  if (known !== undefined) return known;
  if (status >= 400 && status <= 499) return { status: 'broken', reason: 'http-client-error' };
  // The fetcher already retried 5xx; still failing means down for now, not gone.
  if (status >= 500 && status <= 599) return { status: 'unreachable', reason: 'server-error' };
  // The fetcher follows 301/302/303/307/308 with a Location; any 3xx left is one it could not.
  if (status >= 300 && status <= 399) {
    const detail = `HTTP ${status}: a redirect status with no Location to follow`;
    return { status: 'unreachable', reason: 'network-error', detail };
  }
  return {
    status: 'unreachable',
    reason: 'network-error',
    detail: `unexpected HTTP status ${status}`,
  };
}
