/**
 * The run's request slots: at most `perHost` requests in flight on a host (or the host's own
 * limit from `settings.hosts`) and at most `concurrency` in all. Every request of a run takes
 * them — the network probe's, the checks' and the platform probes' — so the limits hold on the
 * wire whoever sends. Slots are taken per attempt, not per URL: the wait before a retry holds
 * none.
 */
import pLimit, { type LimitFunction } from 'p-limit';

/** Runs one attempt once its host and the run have room for it. */
export type Schedule = <T>(attempt: () => Promise<T>) => Promise<T>;

/** The slots of one run. */
export type Slots = {
  /** The schedule for attempts on `host` (a URL's hostname). */
  on(host: string): Schedule;
};

/** Creates the slots for a run; `perHostFor` gives a host's own limit. */
export function createSlots(concurrency: number, perHostFor: (host: string) => number): Slots {
  // The host limit is taken before the global one, so an attempt waiting for a busy host never
  // holds a global slot: one slow host cannot stall the others (head-of-line blocking).
  const globalLimit = pLimit(concurrency);
  const hostLimits = new Map<string, LimitFunction>();
  const hostLimitFor = (host: string): LimitFunction => {
    let limit = hostLimits.get(host);
    if (limit === undefined) {
      limit = pLimit(perHostFor(host));
      hostLimits.set(host, limit);
    }
    return limit;
  };
  return {
    on:
      (host) =>
      <T>(attempt: () => Promise<T>): Promise<T> =>
        hostLimitFor(host)(() => globalLimit(attempt)),
  };
}
