/**
 * What the fetch stage tells an observer while it works (the progress line): when an attempt at
 * a URL starts and ends, and when the fetch of that URL is over. Facts only, no clock: the
 * observer stamps them with its own time.
 */

/** What `fetchTarget` tells `FetchDeps.onAttempt` about one attempt of its URL. */
export type AttemptEvent =
  /** The attempt has its slots and its request is going out. */
  | { kind: 'attempt-started'; attempt: number; maxAttempts: number }
  /** The attempt is over, whatever it ended in; another may follow after a wait. */
  | { kind: 'attempt-ended'; attempt: number };

/** One fetch of a run (a target, the network probe's sample, a platform API call). */
export type FetchIdentity = {
  /** Unique within a run: the same URL may be fetched twice (a sample, then in full). */
  fetchId: number;
  url: string;
  host: string;
};

/** What a run's fetches tell `RunFetchDeps.onFetchEvent`. */
export type FetchEvent =
  | (AttemptEvent & FetchIdentity)
  /** The fetch has its outcome: no more attempts, no more waiting. */
  | ({ kind: 'fetch-finished' } & FetchIdentity);
