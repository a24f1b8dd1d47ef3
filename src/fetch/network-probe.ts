/**
 * Tells a dead network from dead links before a run starts, so that a laptop on a train (or a
 * sandbox without internet) gets one clear line and exit 3 instead of 150 links called broken.
 */
import { lookup as dnsLookup } from 'node:dns';
import type { CheckTarget, FetchOutcome } from '../domain.js';
import type { TransportSettings } from './dispatchers.js';
import type { FetchSettings } from './http-client.js';
import type { RunFetches } from './run-fetches.js';
import { describeNetworkDown } from '../i18n/network-down.js';

/** The probe's answer. */
export type NetworkVerdict =
  /**
   * Something answered. The verdict comes with the first answer; the other sampled fetches may
   * still be in flight, and the run's fetches of those targets pick them up (run-fetches.ts).
   */
  | { kind: 'up' }
  /**
   * `failure` is what the first sampled host failed with (an error code, `timeout`, `no-answer` or `http-NNN`);
   * `message` says it in English, e.g. "none of 5 hosts could be reached (ENOTFOUND)".
   */
  | { kind: 'down'; message: string; failure: string; hostsTried: readonly string[] }
  /**
   * The run was cancelled (Ctrl-C) before anything answered: every fetch failed because of it,
   * which says nothing about the network. The report marks every link interrupted.
   */
  | { kind: 'interrupted' };

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
  /**
   * The run's fetches: the probe's are the sampled targets' first fetches, so they take the
   * run's slots and the run reuses their answers.
   */
  fetches: Pick<RunFetches, 'sample'>;
  lookup?: TransportSettings['lookup'];
  /** Hosts the run's vantage is known to block (region rules), sampled last. */
  isLikelyBlocked?: (url: URL) => boolean;
  /** Run-wide cancellation (Ctrl-C): once it fires, no answer means an interruption. */
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
  if (sample.length === 0) return { kind: 'up' };
  const fetches = sample.map((target) => deps.fetches.sample(target, probeSettings));
  // One answer proves the network is there: the run need not wait for a slow sampled host.
  if (
    await isAnyTrue(fetches.map((fetch) => fetch.then((outcome) => !isBelowHttpFailure(outcome))))
  ) {
    return { kind: 'up' };
  }
  const outcomes = await Promise.all(fetches);
  if (deps.signal?.aborted === true) return { kind: 'interrupted' };
  const hostsTried = sample.map((target) => target.url.host);
  const isAllNxdomain = outcomes.every(
    (outcome) => outcome.kind === 'network-failure' && outcome.failure.reason === 'dns',
  );
  if (isAllNxdomain && (await canResolveAny(WELL_KNOWN_NAMES, deps.lookup))) {
    return { kind: 'up' };
  }
  const failure = failureOf(outcomes[0]);
  return {
    kind: 'down',
    hostsTried,
    failure,
    message: describeNetworkDown(hostsTried.length, failure, 'en'),
  };
}

/** The probe's fetch of a target: one attempt, no retries, the short deadline. */
function probeSettings(settings: FetchSettings): FetchSettings {
  return { ...settings, retries: 0, timeoutMs: Math.min(settings.timeoutMs, PROBE_TIMEOUT_MS) };
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

function failureOf(outcome: FetchOutcome | undefined): string {
  if (outcome === undefined) return 'no-answer';
  if (outcome.kind === 'timeout') return 'timeout';
  if (outcome.kind === 'network-failure') return outcome.failure.code ?? outcome.failure.reason;
  return `http-${outcome.status}`;
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
