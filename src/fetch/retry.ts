/**
 * When to try a target again and how long to wait first. Pure: the clock and the dice come in as
 * parameters, so the schedule is exact in tests.
 */
import { assertNever, type FetchOutcome, type NetworkFailureReason } from '../domain.js';

/** The part of `FetchSettings` that shapes the wait between attempts. */
export type RetryDelaySettings = { retryBaseDelayMs: number; maxRetryAfterMs: number };

/**
 * 5xx answers that will not change on a second try: 501 Not Implemented, 505 HTTP Version Not
 * Supported and 511 (a captive portal wants a login).
 */
const PERMANENT_SERVER_ERRORS: ReadonlySet<number> = new Set([501, 505, 511]);

/**
 * Transport failures worth a second try. Not `refused`: a closed port answers the same a second
 * later, and a check run should not spend its time on it.
 */
const TRANSIENT_FAILURES: ReadonlySet<NetworkFailureReason> = new Set(['reset', 'dns-temporary']);

/**
 * Timed-out attempts a target gets again, whatever `retries` allows: a server that let one
 * deadline pass rarely answers the next, so a second wait of the same length mostly doubles the
 * run. One retry still rescues a lost packet or a stuck connection; a link that is slow now and
 * then is told apart by history (`--fail-after`), not by waiting longer.
 */
export const MAX_TIMEOUT_RETRIES = 1;

/**
 * Whether to make another attempt after `attempt` attempts (1 after the first) ended in
 * `outcome`, allowing `maxRetries` extra attempts in all and {@link MAX_TIMEOUT_RETRIES} after
 * timeouts (`timedOutAttempts` counts the attempts so far that timed out, this one included).
 */
export function shouldRetry(
  outcome: FetchOutcome,
  attempt: number,
  maxRetries: number,
  timedOutAttempts = 0,
): boolean {
  if (outcome.kind === 'timeout' && timedOutAttempts > MAX_TIMEOUT_RETRIES) return false;
  return attempt <= maxRetries && isTransient(outcome);
}

/** Whether an outcome might be different on another attempt (408, 429, most 5xx, resets, timeouts). */
export function isTransient(outcome: FetchOutcome): boolean {
  switch (outcome.kind) {
    case 'response':
      return (
        outcome.status === 408 ||
        outcome.status === 429 ||
        (outcome.status >= 500 &&
          outcome.status <= 599 &&
          !PERMANENT_SERVER_ERRORS.has(outcome.status))
      );
    case 'network-failure':
      return TRANSIENT_FAILURES.has(outcome.failure.reason);
    case 'timeout':
      return true;
    default:
      return assertNever(outcome);
  }
}

/**
 * How long to wait before the next attempt: the server's `Retry-After` when it sent one,
 * otherwise exponential backoff (`retryBaseDelayMs`·2^(attempt−1), the upper half jittered);
 * never more than `maxRetryAfterMs`.
 */
export function retryDelayMs(
  outcome: FetchOutcome,
  attempt: number,
  settings: RetryDelaySettings,
  random: () => number,
  nowMs: number,
): number {
  const askedMs = requestedWaitMs(outcome, nowMs);
  if (askedMs !== undefined) {
    return Math.min(askedMs, settings.maxRetryAfterMs);
  }
  const backoffMs = settings.retryBaseDelayMs * 2 ** Math.max(0, attempt - 1);
  // "Equal jitter": keeps a floor of half the backoff while spreading out retries that a
  // rate limiter made start at the same moment.
  const jitteredMs = backoffMs / 2 + random() * (backoffMs / 2);
  return Math.min(Math.round(jitteredMs), settings.maxRetryAfterMs);
}

/**
 * The wait an answer's `Retry-After` asks for, in milliseconds from `nowMs`, or undefined when
 * it is not an answer or carries no readable `Retry-After`.
 */
export function requestedWaitMs(outcome: FetchOutcome, nowMs: number): number | undefined {
  const retryAfter = outcome.kind === 'response' ? outcome.headers['retry-after'] : undefined;
  return retryAfter === undefined ? undefined : parseRetryAfterMs(retryAfter, nowMs);
}

/**
 * Milliseconds from `nowMs` that a `Retry-After` value asks for (delay-seconds or an HTTP-date,
 * RFC 9110 §10.2.3), or undefined when it is neither.
 */
export function parseRetryAfterMs(value: string, nowMs: number): number | undefined {
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) {
    return Number(trimmed) * 1000;
  }
  const dateMs = Date.parse(trimmed);
  if (Number.isNaN(dateMs) || !/[a-z]/i.test(trimmed)) {
    return undefined;
  }
  return Math.max(0, dateMs - nowMs);
}
