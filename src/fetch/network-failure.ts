/**
 * The one table that turns what undici and Node throw into a `NetworkFailure` (as ky keeps one
 * place that knows its errors). Everything the HTTP adapter catches goes through here.
 */
import { inspect } from 'node:util';
import type { FetchOutcome, Hop, NetworkFailure, NetworkFailureReason } from '../domain.js';

/** Code of the error the address guard raises for a loopback/private/link-local target. */
export const PRIVATE_ADDRESS_CODE = 'ERR_CURATE_PRIVATE_ADDRESS';

/** Code of the error raised when the configured proxy itself cannot be reached. */
export const PROXY_UNREACHABLE_CODE = 'ERR_CURATE_PROXY_UNREACHABLE';

/**
 * Code of the failure `fetchTarget` returns when the run-wide signal (Ctrl-C) aborted it; the
 * caller reports such targets as `skipped: interrupted`, not as a link problem.
 */
export const ABORTED_CODE = 'ABORTED';

/** The outcome of a fetch that ended in `failure` after `hops`. */
export function networkFailureOutcome(
  failure: NetworkFailure,
  hops: readonly Hop[],
  durationMs: number,
): FetchOutcome {
  return { kind: 'network-failure', failure, hops, durationMs };
}

/** Code of the failure of a fetch the run-wide signal stopped before its first attempt. */
export const NOT_STARTED_CODE = 'NOT_STARTED';

/**
 * The outcome of a fetch the run-wide signal stopped: code `ABORTED_CODE` once an attempt was
 * sent, `NOT_STARTED_CODE` when none was (it was still waiting for a slot), so the report can
 * tell a check in flight at Ctrl-C from one the run never began.
 */
export function interruptedOutcome(
  hops: readonly Hop[],
  durationMs: number,
  hasStarted = true,
): FetchOutcome {
  const failure = hasStarted
    ? {
        reason: 'other' as const,
        code: ABORTED_CODE,
        message: 'Interrupted before the check finished',
      }
    : {
        reason: 'other' as const,
        code: NOT_STARTED_CODE,
        message: 'Interrupted before the check started',
      };
  return networkFailureOutcome(failure, hops, durationMs);
}

/** Whether a fetch sent anything: false only for one stopped before its first attempt. */
export function hasFetchStarted(outcome: FetchOutcome): boolean {
  return !(outcome.kind === 'network-failure' && outcome.failure.code === NOT_STARTED_CODE);
}

/** Where a per-attempt deadline fired. */
export type TimeoutPhase = Extract<FetchOutcome, { kind: 'timeout' }>['phase'];

const REASON_BY_CODE: Readonly<Record<string, NetworkFailureReason>> = {
  // NXDOMAIN, or a name without A/AAAA records: the name does not exist for us.
  ENOTFOUND: 'dns',
  ENODATA: 'dns',
  EAI_NONAME: 'dns',
  // SERVFAIL and resolver timeouts say nothing about the link; try again later.
  EAI_AGAIN: 'dns-temporary',
  ESERVFAIL: 'dns-temporary',
  ECONNREFUSED: 'refused',
  ECONNRESET: 'reset',
  ECONNABORTED: 'reset',
  EPIPE: 'reset',
  // undici's SocketError: "other side closed" mid-response.
  UND_ERR_SOCKET: 'reset',
  CERT_HAS_EXPIRED: 'tls',
  CERT_NOT_YET_VALID: 'tls',
  CERT_REVOKED: 'tls',
  CERT_UNTRUSTED: 'tls',
  CERT_SIGNATURE_FAILURE: 'tls',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'tls',
  SELF_SIGNED_CERT_IN_CHAIN: 'tls',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'tls',
  UNABLE_TO_GET_ISSUER_CERT: 'tls',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'tls',
  EPROTO: 'tls',
  // Proxy TLS failures and our own "proxy unreachable" wrapper come before their causes.
  UND_ERR_PRX_TLS: 'proxy',
  [PROXY_UNREACHABLE_CODE]: 'proxy',
  [PRIVATE_ADDRESS_CODE]: 'private-address',
};

/** Code families too many to list (OpenSSL alerts, SOCKS5 replies). */
const REASON_BY_CODE_PREFIX: readonly (readonly [prefix: string, reason: NetworkFailureReason])[] =
  [
    ['ERR_TLS_', 'tls'],
    ['ERR_SSL_', 'tls'],
    ['UND_ERR_SOCKS5', 'proxy'],
  ];

/**
 * undici reports a refused CONNECT tunnel and a 407 only through generic error classes, so
 * the message is the one thing that tells them apart (lib/dispatcher/proxy-agent.js).
 */
const REASON_BY_MESSAGE: readonly (readonly [pattern: RegExp, reason: NetworkFailureReason])[] = [
  [/^Proxy response \(\d+\) !== 200 when HTTP Tunneling/, 'proxy'],
  [/^Proxy Authentication Required/, 'proxy'],
];

/** Codes whose own message says too little for a report (undici's "Headers Overflow Error"). */
const MESSAGE_BY_CODE: Readonly<Record<string, string>> = {
  UND_ERR_HEADERS_OVERFLOW:
    'the response headers are larger than browsers accept, so the page cannot load',
};

const PHASE_BY_CODE: Readonly<Record<string, TimeoutPhase>> = {
  UND_ERR_CONNECT_TIMEOUT: 'connect',
  // The kernel gave up on the TCP handshake.
  ETIMEDOUT: 'connect',
  UND_ERR_HEADERS_TIMEOUT: 'headers',
  UND_ERR_BODY_TIMEOUT: 'body',
};

/** Turns anything thrown by the transport into a `NetworkFailure`, searching the `cause` chain. */
export function toNetworkFailure(error: unknown): NetworkFailure {
  const chain = causeChain(error);
  for (const link of chain) {
    const reason = reasonOf(link);
    if (reason !== undefined) {
      return { reason, code: link.code, message: link.message };
    }
  }
  const first = chain[0];
  const code = chain.find((link) => link.code !== undefined)?.code;
  return {
    reason: 'other',
    code,
    message:
      (code === undefined ? undefined : MESSAGE_BY_CODE[code]) ?? first?.message ?? 'unknown error',
  };
}

/** The phase of one of undici's own timeouts found in the `cause` chain, if it is one. */
export function timeoutPhaseOf(error: unknown): TimeoutPhase | undefined {
  for (const link of causeChain(error)) {
    const phase = link.code === undefined ? undefined : PHASE_BY_CODE[link.code];
    if (phase !== undefined) {
      return phase;
    }
  }
  return undefined;
}

type ChainLink = { code: string | undefined; message: string };

function reasonOf(link: ChainLink): NetworkFailureReason | undefined {
  const { code, message } = link;
  if (code !== undefined) {
    const exact = REASON_BY_CODE[code];
    if (exact !== undefined) {
      return exact;
    }
    const byPrefix = REASON_BY_CODE_PREFIX.find(([prefix]) => code.startsWith(prefix));
    if (byPrefix !== undefined) {
      return byPrefix[1];
    }
  }
  return REASON_BY_MESSAGE.find(([pattern]) => pattern.test(message))?.[1];
}

/**
 * The error, its `cause`s and, for `AggregateError` (Node's happy-eyeballs connect), its inner
 * errors, outermost first, so a wrapper's own code wins over its cause's.
 */
function causeChain(error: unknown): ChainLink[] {
  const links: ChainLink[] = [];
  const queue: unknown[] = [error];
  const visited = new Set<unknown>();
  while (queue.length > 0 && links.length < 20) {
    const current = queue.shift();
    if (current === undefined || current === null || visited.has(current)) {
      continue;
    }
    visited.add(current);
    if (!(current instanceof Error)) {
      links.push({
        code: undefined,
        message: typeof current === 'string' ? current : inspect(current),
      });
      continue;
    }
    const code: unknown = (current as { code?: unknown }).code;
    links.push({ code: typeof code === 'string' ? code : undefined, message: current.message });
    queue.push(current.cause);
    if (current instanceof AggregateError) {
      queue.push(...(current.errors as unknown[]));
    }
  }
  return links;
}
