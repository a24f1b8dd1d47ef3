/**
 * Tells a dead network from dead links before a run starts, so that a laptop on a train (or a
 * sandbox without internet) gets one clear line and exit 3 instead of 150 links called broken.
 */
import { lookup as dnsLookup } from 'node:dns';
import type { Dispatcher } from 'undici';
import type { CheckTarget, FetchOutcome } from '../domain.js';
import type { TransportSettings } from './dispatchers.js';
import { fetchTarget, type FetchSettings } from './http-client.js';
import { isTransient } from './retry.js';
import type { Slots } from './slots.js';

/** The probe's answer. */
export type NetworkVerdict =
  /**
   * `answered`: the probe's own fetches, keyed by target id, so the run reuses them instead of
   * asking the host twice. Each settles with the outcome when it is final (an HTTP answer that
   * would not be retried), or undefined when the target must be checked in full. The verdict
   * comes with the first answer, so these may still be in flight.
   */
  | { kind: 'up'; answered: ReadonlyMap<string, Promise<FetchOutcome | undefined>> }
  /** `message` says what failed, e.g. "none of 5 hosts could be reached (ENOTFOUND)". */
  | { kind: 'down'; message: string; hostsTried: readonly string[] };

/** Distinct hosts sampled from the run's own targets. */
export const PROBE_HOST_COUNT = 5;
/** Deadline of one probe request; all run at once, so the probe takes at most about this long. */
export const PROBE_TIMEOUT_MS = 8_000;
/**
 * Names resolved (never connected to) when every sampled host answered NXDOMAIN: a resolver
 * that knows these is working, so the run's hosts are dead, not the network. One global, one
 * reachable from mainland China.
 */
export const WELL_KNOWN_NAMES = ['example.com', 'www.baidu.com'] as const;

/** What the probe needs from the run. */
export type ProbeDeps = {
  dispatcher: Dispatcher;
  settings: FetchSettings;
  lookup?: TransportSettings['lookup'];
  /** Hosts the run's vantage is known to block (region rules), sampled last. */
  isLikelyBlocked?: (url: URL) => boolean;
  /**
   * The run's slots: the probe's fetches take them like any other, since the run starts at the
   * first answer while the others may still be in flight.
   */
  slots?: Slots;
  /** Run-wide cancellation (Ctrl-C) for the probe's fetches. */
  signal?: AbortSignal;
};

/**
 * Fetches the first target of up to PROBE_HOST_COUNT distinct hosts at once (no retries,
 * short deadline). The network is down only when every one fails below HTTP: DNS, connect,
 * reset or timeout. A single HTTP answer or TLS handshake proves it is up.
 */
export async function probeNetwork(
  targets: readonly CheckTarget[],
  deps: ProbeDeps,
): Promise<NetworkVerdict> {
  const sample = sampleHosts(targets, deps.isLikelyBlocked);
  if (sample.length === 0) return { kind: 'up', answered: new Map() };
  const settings: FetchSettings = {
    ...deps.settings,
    retries: 0,
    timeoutMs: Math.min(deps.settings.timeoutMs, PROBE_TIMEOUT_MS),
    followMetaRefresh: false,
  };
  const fetches = sample.map((target) =>
    fetchTarget(target.url, settings, {
      dispatcher: deps.dispatcher,
      ...(deps.slots ? { schedule: deps.slots.on(target.url.hostname) } : {}),
      ...(deps.signal ? { signal: deps.signal } : {}),
    }),
  );
  // One answer proves the network is there: the run need not wait for a slow sampled host.
  if (
    await isAnyTrue(fetches.map((fetch) => fetch.then((outcome) => !isBelowHttpFailure(outcome))))
  ) {
    return { kind: 'up', answered: finalAnswers(sample, fetches) };
  }
  const outcomes = await Promise.all(fetches);
  const hostsTried = sample.map((target) => target.url.host);
  const isAllNxdomain = outcomes.every(
    (outcome) => outcome.kind === 'network-failure' && outcome.failure.reason === 'dns',
  );
  if (isAllNxdomain && (await canResolveAny(WELL_KNOWN_NAMES, deps.lookup))) {
    return { kind: 'up', answered: finalAnswers(sample, fetches) };
  }
  return {
    kind: 'down',
    hostsTried,
    message: `none of ${hostsTried.length} hosts could be reached (${describe(outcomes[0])})`,
  };
}

function finalAnswers(
  sample: readonly CheckTarget[],
  fetches: readonly Promise<FetchOutcome>[],
): Map<string, Promise<FetchOutcome | undefined>> {
  const answered = new Map<string, Promise<FetchOutcome | undefined>>();
  sample.forEach((target, index) => {
    const fetch = fetches[index];
    if (fetch === undefined) return;
    // Only HTTP answers a retry would not change; anything else is checked again in full.
    answered.set(
      target.id,
      fetch.then((outcome) =>
        outcome.kind === 'response' && !isTransient(outcome) ? outcome : undefined,
      ),
    );
  });
  return answered;
}

/** Settles with true as soon as one of `checks` does, or with false once all settle false. */
export async function isAnyTrue(checks: readonly Promise<boolean>[]): Promise<boolean> {
  return new Promise((resolve, reject) => {
    let pending = checks.length;
    if (pending === 0) resolve(false);
    for (const check of checks) {
      check.then((isTrue) => {
        pending -= 1;
        if (isTrue) resolve(true);
        else if (pending === 0) resolve(false);
      }, reject);
    }
  });
}

/**
 * The first target of each of the first PROBE_HOST_COUNT hosts, taking hosts the vantage is
 * known to block last: from inside a censored region, five blocked hosts in a row would
 * otherwise look exactly like a dead network.
 */
export function sampleHosts(
  targets: readonly CheckTarget[],
  isLikelyBlocked: (url: URL) => boolean = () => false,
): CheckTarget[] {
  const byHost = new Map<string, CheckTarget>();
  for (const target of targets) {
    if (!byHost.has(target.url.host)) byHost.set(target.url.host, target);
  }
  const hosts = [...byHost.values()];
  const open = hosts.filter((target) => !isLikelyBlocked(target.url));
  const blocked = hosts.filter((target) => isLikelyBlocked(target.url));
  return [...open, ...blocked].slice(0, PROBE_HOST_COUNT);
}

function isBelowHttpFailure(outcome: FetchOutcome): boolean {
  if (outcome.kind === 'response') return false;
  if (outcome.kind === 'timeout') return outcome.phase === 'connect' || outcome.hops.length === 0;
  // A TLS failure or a refused private address means something answered or policy stopped us.
  return ['dns', 'dns-temporary', 'refused', 'reset', 'proxy', 'other'].includes(
    outcome.failure.reason,
  );
}

function describe(outcome: FetchOutcome | undefined): string {
  if (outcome === undefined) return 'no answer';
  if (outcome.kind === 'timeout') return 'timed out';
  if (outcome.kind === 'network-failure') return outcome.failure.code ?? outcome.failure.reason;
  return `HTTP ${outcome.status}`;
}

async function canResolveAny(
  names: readonly string[],
  lookup: TransportSettings['lookup'],
): Promise<boolean> {
  const resolve = (name: string) =>
    new Promise<boolean>((done) => {
      const timer = setTimeout(() => {
        done(false);
      }, 3_000);
      const callback = (error: NodeJS.ErrnoException | null) => {
        clearTimeout(timer);
        done(error === null);
      };
      if (lookup) lookup(name, {}, callback);
      else dnsLookup(name, {}, callback);
    });
  const answers = await Promise.all(names.map(resolve));
  return answers.some(Boolean);
}
