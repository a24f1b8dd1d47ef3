/**
 * The HTTP adapter's entry: a target fetched as a browser would open it, attempt after attempt
 * while the retry policy (retry.ts) says another one could change the answer. One attempt
 * (attempt.ts) follows the redirect chain (redirect-chain.ts) under one deadline. It never throws
 * for network trouble: whatever happens becomes a `FetchOutcome`.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { Dispatcher } from 'undici';
import type { FetchOutcome } from '../domain.js';
import type { AbortFanout } from './abort-fanout.js';
import { runAttempt } from './attempt.js';
import type { AttemptEvent } from './fetch-events.js';
import { interruptedOutcome } from './network-failure.js';
import { followChain } from './redirect-chain.js';
import { createRedirectCookies, type RedirectCookies } from './redirect-cookies.js';
import { requestedWaitMs, retryDelayMs, shouldRetry } from './retry.js';
import type { Schedule } from './slots.js';

/** How one target is fetched; built once per run by `options.ts`/`run.ts`. */
export type FetchSettings = {
  /** One deadline per attempt, covering connect, headers and body of every hop together. */
  timeoutMs: number;
  /**
   * The most a target may take, attempts and the waits between them together: an attempt's
   * deadline is cut to what is left, and no retry starts once its wait would use the rest.
   */
  maxTimePerLinkMs: number;
  /** Redirects (and meta refreshes) followed before giving up; browsers stop at 20. */
  maxRedirects: number;
  /** Decoded bytes kept from an HTML/text body; the rest is discarded and the socket released. */
  maxBodyBytes: number;
  userAgent: string;
  /** Configured per-host headers for this hop's URL (secrets already expanded). */
  headersFor: (url: URL) => Readonly<Record<string, string>>;
  /** Extra attempts for 408/429/5xx, resets and temporary DNS failures (timeouts: one at most). */
  retries: number;
  /** Base of the exponential backoff between attempts. */
  retryBaseDelayMs: number;
  /**
   * Longest wait between attempts. A `Retry-After` asking for more is not waited for: the
   * answer is returned at once, with the wait it asked for.
   */
  maxRetryAfterMs: number;
  /** Whether `<meta http-equiv="refresh">` on a 2xx HTML page counts as a redirect. */
  followMetaRefresh: boolean;
  /**
   * Read every text body to `maxBodyBytes` (an API's JSON, a page a probe reads whole) instead
   * of a page only as far as classification needs (decision 31).
   */
  readWholeBody?: boolean;
  /**
   * A redirect whose Location this says yes to is not followed: its answer is the outcome, with
   * the resolved Location kept in `headers.location` (the Wayback Machine's redirect is the
   * snapshot's address). Every redirect is followed when absent.
   */
  stopAtLocation?: (location: URL) => boolean;
};

/** The adapter's collaborators, injectable so tests control time, dice and transport. */
export type FetchDeps = {
  /**
   * Always passed explicitly (never undici's global one); closing it is the caller's job.
   */
  dispatcher: Dispatcher;
  sleep?: (ms: number) => Promise<void>;
  /** Jitter source in [0, 1). */
  random?: () => number;
  /** Monotonic clock in milliseconds, for `durationMs`. */
  now?: () => number;
  /**
   * Run-wide cancellation (Ctrl-C): aborts the request in flight and any wait, and makes
   * `fetchTarget` return a network failure with code `ABORTED_CODE`.
   */
  signal?: AbortSignal;
  /** The run's one listener on `signal`, shared by its attempts (see abort-fanout.ts). */
  abortFanout?: AbortFanout;
  /**
   * Runs one attempt once there is room for it (in a run: the host's and the run's limits), so
   * the wait before a retry holds no slot that another URL could use. At once when absent.
   */
  schedule?: Schedule;
  /** The run's cookie jars for following redirects; fresh ones for this fetch when absent. */
  cookies?: RedirectCookies;
  /** Told when each attempt starts and ends (for the progress line); nobody when absent. */
  onAttempt?: (event: AttemptEvent) => void;
};

/**
 * Fetches a URL the way a browser would open it (GET, redirects, meta refresh), retrying
 * transient failures, and reports what happened. The fragment is never sent; `finalUrl`
 * carries it over as browsers do. `durationMs` covers the attempts and the waits between them,
 * not the time spent queued for a slot, and never passes `maxTimePerLinkMs` by more than the
 * lateness of a timer. An answer with a readable `Retry-After` carries it as `retryAfterMs`.
 */
export async function fetchTarget(
  url: URL,
  settings: FetchSettings,
  deps: FetchDeps,
): Promise<FetchOutcome> {
  const now = deps.now ?? (() => performance.now());
  const sleep = deps.sleep ?? ((ms: number) => sleepUnlessAborted(ms, deps.signal));
  const random = deps.random ?? Math.random;
  const schedule = deps.schedule ?? ((attempt) => attempt());
  const cookies = deps.cookies ?? createRedirectCookies();
  let spentMs = 0;
  let timedOutAttempts = 0;
  for (let attempt = 1; ; attempt += 1) {
    const outcome = await schedule(async () => {
      const startedMs = now();
      const elapsedMs = (): number => Math.round(spentMs + now() - startedMs);
      if (isAborted(deps.signal)) {
        // Stopped while waiting for a slot: after a retry wait it had been in flight already.
        return interruptedOutcome([], elapsedMs(), attempt > 1);
      }
      deps.onAttempt?.({ kind: 'attempt-started', attempt, maxAttempts: settings.retries + 1 });
      const deadlineMs = Math.min(settings.timeoutMs, settings.maxTimePerLinkMs - spentMs);
      const attempted = await runAttempt(deadlineMs, deps, elapsedMs, (session, hops) =>
        followChain(url, settings, session, hops, cookies),
      );
      spentMs += now() - startedMs;
      deps.onAttempt?.({ kind: 'attempt-ended', attempt });
      return attempted;
    });
    if (outcome.kind === 'timeout') timedOutAttempts += 1;
    const askedMs = requestedWaitMs(outcome, Date.now());
    const answered =
      outcome.kind === 'response' && askedMs !== undefined
        ? { ...outcome, retryAfterMs: askedMs }
        : outcome;
    if (
      isAborted(deps.signal) ||
      !shouldRetry(outcome, attempt, settings.retries, timedOutAttempts) ||
      // "Not today": waiting longer than we ever wait would hold the run for one link.
      (askedMs !== undefined && askedMs > settings.maxRetryAfterMs)
    ) {
      return answered;
    }
    const waitMs = retryDelayMs(outcome, attempt, settings, random, Date.now());
    // No time left in the link's budget for the wait and another attempt: this answer stands.
    if (spentMs + waitMs >= settings.maxTimePerLinkMs) {
      return answered;
    }
    const waitStartedMs = now();
    await sleep(waitMs);
    spentMs += now() - waitStartedMs;
  }
}

/** A function, not `signal?.aborted` inline, so TypeScript re-reads it after every await. */
function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

/** Waits, but gives up at once when the run is cancelled (the caller then sees the signal). */
async function sleepUnlessAborted(ms: number, signal: AbortSignal | undefined): Promise<void> {
  try {
    await delay(ms, undefined, signal === undefined ? {} : { signal });
  } catch {
    // Aborted: fetchTarget checks the signal next.
  }
}
