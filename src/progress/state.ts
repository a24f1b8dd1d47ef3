/**
 * The facts behind the progress line, kept from the run's events: how many targets are done and
 * failing, which fetches have a request out or are waiting to retry, since when and on which
 * attempt. Pure: no clock and no timer; every event and every look comes with its time, so
 * tests replay a run exactly.
 */
import { assertNever } from '../assert-never.js';
import type { CheckResult } from '../domain.js';
import type { FetchEvent } from '../fetch/fetch-events.js';

/** What a run tells its progress, in order. */
export type ProgressEvent =
  /** The run knows how many targets it will fetch (cached ones excluded); fetching starts. */
  | { kind: 'targets-planned'; total: number }
  /** A target is judged; `failingRefs` is how many roadmap entries it fails (0 when it passes). */
  | { kind: 'target-checked'; result: CheckResult; failingRefs: number }
  /** The links not yet judged are shared among `workers` worker threads (`--workers`). */
  | { kind: 'workers-started'; workers: number; links: number }
  | FetchEvent;

/** A fetch that has begun and not ended: its request is out, or it waits to try again. */
export type PendingFetch = {
  url: string;
  /** Since its first attempt went out. */
  waitedMs: number;
  /** The attempt under way, or the last one when waiting to retry. */
  attempt: number;
  maxAttempts: number;
  /** False while it waits before its next attempt. */
  isRequestOut: boolean;
};

/**
 * When the run will end, as far as anyone can tell.
 * - `pace`: some targets are not started yet, so the pace so far (elapsed ÷ done × remaining)
 *   is the best guess;
 * - `waiting`: every unfinished target has its fetch under way, so the pace says nothing (each
 *   ends by its own answer, timeout or retries): the fetches waited on, longest first;
 * - `unknown`: nothing done yet to take a pace from, or nothing left.
 */
export type Estimate =
  | { kind: 'pace'; remainingMs: number }
  | { kind: 'waiting'; pending: readonly PendingFetch[] }
  | { kind: 'unknown' };

/** What the progress line shows at one moment. */
export type ProgressSnapshot = {
  done: number;
  total: number;
  failing: number;
  /** Attempts whose request is out right now, and the distinct hosts they are on. */
  requestsOut: number;
  hostsOut: number;
  estimate: Estimate;
};

/** The progress of one run. */
export type ProgressState = {
  apply(event: ProgressEvent, atMs: number): void;
  snapshot(nowMs: number): ProgressSnapshot;
  /** Whether every planned target is judged (cheaper than a snapshot). */
  isDone(): boolean;
};

type FetchUnderWay = {
  url: string;
  host: string;
  firstStartedMs: number;
  attempt: number;
  maxAttempts: number;
  isRequestOut: boolean;
};

/** Creates the progress of a run before its first event. */
export function createProgressState(): ProgressState {
  let startedAtMs: number | undefined;
  let total = 0;
  let done = 0;
  let failing = 0;
  const underWay = new Map<number, FetchUnderWay>();

  return {
    apply(event, atMs) {
      switch (event.kind) {
        case 'targets-planned':
          startedAtMs = atMs;
          total = event.total;
          break;
        case 'target-checked':
          done += 1;
          failing += event.failingRefs;
          break;
        case 'attempt-started': {
          const known = underWay.get(event.fetchId);
          underWay.set(event.fetchId, {
            url: event.url,
            host: event.host,
            firstStartedMs: known?.firstStartedMs ?? atMs,
            attempt: event.attempt,
            maxAttempts: event.maxAttempts,
            isRequestOut: true,
          });
          break;
        }
        case 'attempt-ended': {
          const known = underWay.get(event.fetchId);
          if (known !== undefined) known.isRequestOut = false;
          break;
        }
        case 'fetch-finished':
          underWay.delete(event.fetchId);
          break;
        case 'workers-started':
          // How the links are checked, not how far: nothing to count.
          break;
        default:
          assertNever(event);
      }
    },
    snapshot(nowMs) {
      const out = [...underWay.values()].filter((fetch) => fetch.isRequestOut);
      return {
        done,
        total,
        failing,
        requestsOut: out.length,
        hostsOut: new Set(out.map((fetch) => fetch.host)).size,
        estimate: estimate(nowMs),
      };
    },
    isDone: () => startedAtMs !== undefined && done >= total,
  };

  function estimate(nowMs: number): Estimate {
    const remaining = total - done;
    if (remaining <= 0 || startedAtMs === undefined) return { kind: 'unknown' };
    // Every unfinished target has a fetch under way: what is left is waiting, not throughput.
    if (underWay.size >= remaining) {
      const pending = [...underWay.values()]
        .map((fetch): PendingFetch => ({
          url: fetch.url,
          waitedMs: nowMs - fetch.firstStartedMs,
          attempt: fetch.attempt,
          maxAttempts: fetch.maxAttempts,
          isRequestOut: fetch.isRequestOut,
        }))
        .sort((a, b) => b.waitedMs - a.waitedMs);
      return { kind: 'waiting', pending };
    }
    if (done === 0) return { kind: 'unknown' };
    return { kind: 'pace', remainingMs: ((nowMs - startedAtMs) / done) * remaining };
  }
}
