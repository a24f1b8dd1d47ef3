/**
 * What a fetch that got no answer means: one row per transport reason, and a timeout by the
 * phase it struck in. Pure.
 */
import type {
  CheckOutcome,
  FetchOutcome,
  NetworkFailure,
  NetworkFailureReason,
  SkipReason,
} from '../domain.js';
import type { BrokenTransportReason, UnreachableTransportReason } from '../outcome/model.js';

type FailureVerdict =
  | { status: 'broken'; reason: BrokenTransportReason }
  | { status: 'unreachable'; reason: UnreachableTransportReason }
  | { status: 'skipped'; reason: SkipReason };

// An unsupported redirect carries its scheme and has its own rule (outcomeOfFailure).
const FAILURE_VERDICTS: Readonly<
  Record<Exclude<NetworkFailureReason, 'unsupported-redirect'>, FailureVerdict>
> = {
  // NXDOMAIN: the name is not registered any more, so the link is dead, not merely down.
  dns: { status: 'broken', reason: 'nxdomain' },
  // SERVFAIL/EAI_AGAIN: the resolver could not answer just now; that says nothing about the site.
  'dns-temporary': { status: 'unreachable', reason: 'dns-temporary' },
  refused: { status: 'unreachable', reason: 'refused' },
  reset: { status: 'unreachable', reason: 'reset' },
  tls: { status: 'unreachable', reason: 'tls' },
  // The region's proxy failed, not the site.
  proxy: { status: 'unreachable', reason: 'proxy' },
  // The name resolves to 127.0.0.1, 10.x, …: never fetched (no requests into the checker's own
  // network), so there is nothing to say about it.
  'private-address': { status: 'skipped', reason: 'private-address' },
  // A chain that never reaches a page is as dead for a reader as a 404.
  'too-many-redirects': { status: 'broken', reason: 'too-many-redirects' },
  'redirect-loop': { status: 'broken', reason: 'redirect-loop' },
  // A Location that cannot be parsed as a URL, or any other transport error.
  'invalid-redirect': { status: 'unreachable', reason: 'network-error' },
  other: { status: 'unreachable', reason: 'network-error' },
};

// Failures that are about the redirect responses themselves, so the last hop's code is the one
// the server gave (an nxdomain after a 301 elsewhere is not "HTTP 301").
const REDIRECT_FAILURES: ReadonlySet<NetworkFailureReason> = new Set([
  'too-many-redirects',
  'redirect-loop',
  'unsupported-redirect',
  'invalid-redirect',
]);

/** The outcome of a transport failure; a redirect failure keeps the last hop's code. */
export function outcomeOfFailure(
  failure: NetworkFailure,
  hops: FetchOutcome['hops'],
): CheckOutcome {
  const detail = { detail: failure.message };
  const lastHop = REDIRECT_FAILURES.has(failure.reason) ? hops.at(-1) : undefined;
  const lastStatus = lastHop === undefined ? {} : { httpStatus: lastHop.status };
  if (failure.reason === 'unsupported-redirect') {
    // file:, javascript:, data:, gopher: … no browser follows one from a web page, so the link is
    // dead for a reader; and the site said so, not the network.
    const scheme = failure.scheme ?? 'unknown';
    return { status: 'broken', reason: 'unsupported-redirect', scheme, ...lastStatus, ...detail };
  }
  const verdict = FAILURE_VERDICTS[failure.reason];
  if (verdict.status === 'skipped') return { ...verdict, ...detail };
  return {
    ...verdict,
    ...lastStatus,
    ...(failure.code === undefined ? {} : { errorCode: failure.code }),
    ...detail,
  };
}

/** The outcome of an attempt whose deadline passed in `phase`. */
export function outcomeOfTimeout(
  timeout: Extract<FetchOutcome, { kind: 'timeout' }>,
): CheckOutcome {
  return {
    status: 'unreachable',
    reason: 'timeout',
    detail: `timed out while ${TIMEOUT_PHASES[timeout.phase]} (after ${timeout.durationMs} ms)`,
  };
}

const TIMEOUT_PHASES = {
  connect: 'connecting',
  headers: 'waiting for the response headers',
  body: 'reading the page',
} as const;
