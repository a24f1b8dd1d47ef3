/**
 * The fetches of one run, behind one object: every request takes the run's slots (the checks',
 * the network probe's and the platform probes' alike), and each target is asked once. The
 * network probe's look at a sampled target is that target's first fetch (decisions 4 and 14):
 * the run's fetch of it reuses the answer when no retry could change it, and otherwise asks
 * again in full, so the probe's short deadline never decides a link (the sample's time still
 * comes out of the link's `maxTimePerLinkMs`).
 */
import type { CheckTarget, FetchOutcome } from '../domain.js';
import { createAbortFanout } from './abort-fanout.js';
import type { Dispatcher } from 'undici';
import type { FetchEvent, FetchIdentity } from './fetch-events.js';
import { fetchTarget, type FetchDeps, type FetchSettings } from './http-client.js';
import { createRedirectCookies } from './redirect-cookies.js';
import { isTransient } from './retry.js';
import type { Slots } from './slots.js';

/** What the run's fetches share. */
export type RunFetchDeps = Pick<FetchDeps, 'sleep' | 'signal' | 'now'> & {
  dispatcher: Dispatcher;
  slots: Slots;
  /** Told about every attempt of every fetch of the run (the progress line); nobody when absent. */
  onFetchEvent?: (event: FetchEvent) => void;
};

/** How a URL outside the plan (a platform API) is asked. */
export type ExtraRequest = {
  /** Headers for each hop on top of ours; the host's configured headers still override them. */
  headersFor: (url: URL) => Readonly<Record<string, string>>;
  followMetaRefresh: boolean;
  /** A redirect to a Location this says yes to is the answer, not followed (see `FetchSettings`). */
  stopAtLocation?: (location: URL) => boolean;
};

/** The fetches of one run. */
export type RunFetches = {
  /**
   * The outcome of a planned target. The run asks each target once; a sampled target's answer
   * is handed over here once and then forgotten, so no page body outlives its check.
   */
  target(target: CheckTarget): Promise<FetchOutcome>;
  /**
   * The network probe's first fetch of a target, with its own settings (a short deadline, no
   * retries); settles as soon as that fetch does.
   */
  sample(
    target: CheckTarget,
    adjust: (settings: FetchSettings) => FetchSettings,
  ): Promise<FetchOutcome>;
  /**
   * Waits for the network probe's sampled fetches still held (each has the probe's short
   * deadline), keeps those whose answer the target's fetch would reuse, forgets the others (the
   * target is then fetched in full, wherever it is checked) and returns the ids of those kept.
   * For handing links to worker threads (workers/check-everywhere.ts).
   */
  settleSamples(): Promise<ReadonlySet<string>>;
  /** A URL that is not a planned target (a platform API), under the URL host's slots. */
  extra(url: URL, request: ExtraRequest): Promise<FetchOutcome>;
};

/** Creates the fetches of one run over its dispatcher and slots. */
export function createRunFetches(settings: FetchSettings, deps: RunFetchDeps): RunFetches {
  const sampled = new Map<string, Promise<FetchOutcome>>();
  const isNotToday = (outcome: FetchOutcome): boolean =>
    outcome.kind === 'response' && (outcome.retryAfterMs ?? 0) > settings.maxRetryAfterMs;
  // Only HTTP answers a retry would not change (or one asking for a longer wait than the run
  // would give it); anything else is checked again in full.
  const isReusable = (outcome: FetchOutcome): boolean =>
    outcome.kind === 'response' && (!isTransient(outcome) || isNotToday(outcome));
  // One listener on the run's signal for all its attempts in flight, however many there are.
  const abortFanout = createAbortFanout(deps.signal);
  // One set of jars for the run: a cookie wall passed once stays passed for the site's links.
  const cookies = createRedirectCookies();
  const observe = observerOf(deps.onFetchEvent);
  const fetchWith = (url: URL, urlSettings: FetchSettings): Promise<FetchOutcome> => {
    const observed = observe(url);
    const fetched = fetchTarget(url, urlSettings, {
      dispatcher: deps.dispatcher,
      schedule: deps.slots.on(url.hostname),
      cookies,
      ...(deps.sleep ? { sleep: deps.sleep } : {}),
      ...(deps.signal ? { signal: deps.signal } : {}),
      abortFanout,
      ...(deps.now ? { now: deps.now } : {}),
      ...(observed ? { onAttempt: observed.onAttempt } : {}),
    });
    return observed ? fetched.finally(observed.onFinished) : fetched;
  };
  return {
    async target(target) {
      const first = sampled.get(target.id);
      if (first !== undefined) {
        sampled.delete(target.id);
        const outcome = await first;
        // Interrupted in flight: asking again would only say it never started.
        if (deps.signal?.aborted === true) return outcome;
        if (isReusable(outcome)) return outcome;
        // The sample was this link's first attempt: its time comes out of the link's budget,
        // or a sampled link that never answers would cost the probe's deadline on top.
        const leftMs = settings.maxTimePerLinkMs - outcome.durationMs;
        if (leftMs <= 0) return outcome;
        return fetchWith(target.url, { ...settings, maxTimePerLinkMs: leftMs });
      }
      return fetchWith(target.url, settings);
    },
    sample(target, adjust) {
      const first = fetchWith(target.url, adjust(settings));
      sampled.set(target.id, first);
      return first;
    },
    async settleSamples() {
      const kept = new Set<string>();
      for (const [targetId, first] of [...sampled]) {
        if (isReusable(await first)) kept.add(targetId);
        else sampled.delete(targetId);
      }
      return kept;
    },
    extra(url, request) {
      return fetchWith(url, {
        ...settings,
        followMetaRefresh: request.followMetaRefresh,
        // Probes and mirror finders read what they asked for in full (a watch page's player).
        readWholeBody: true,
        ...(request.stopAtLocation ? { stopAtLocation: request.stopAtLocation } : {}),
        headersFor: (hop) => ({ ...request.headersFor(hop), ...settings.headersFor(hop) }),
      });
    },
  };
}

/** The attempt hook and the end of one fetch, told to `onFetchEvent` with the fetch's identity. */
type ObservedFetch = Required<Pick<FetchDeps, 'onAttempt'>> & { onFinished: () => void };

/** Gives each fetch its identity for `onFetchEvent`; nothing to observe when it is absent. */
function observerOf(
  onFetchEvent: RunFetchDeps['onFetchEvent'],
): (url: URL) => ObservedFetch | undefined {
  if (onFetchEvent === undefined) return () => undefined;
  let lastFetchId = 0;
  return (url) => {
    lastFetchId += 1;
    const identity: FetchIdentity = { fetchId: lastFetchId, url: url.href, host: url.hostname };
    return {
      onAttempt: (event) => {
        onFetchEvent({ ...event, ...identity });
      },
      onFinished: () => {
        onFetchEvent({ kind: 'fetch-finished', ...identity });
      },
    };
  };
}
