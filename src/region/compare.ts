/**
 * Compares what a vantage inside a region saw of a URL with what the global vantage saw, the way
 * OONI's web_connectivity test does: a failure from the region alone cannot be told from a dead
 * link, so it only counts as blocking when the global observation worked.
 * https://github.com/ooni/spec/blob/master/nettests/ts-017-web-connectivity.md
 */
import { assertNever, type Reason } from '../domain.js';
import type { Observation } from '../report/schema.js';
import type { Blocking } from './verdict.js';

/** What the comparison concludes; only `open` and `blocked` decide a verdict. */
export type Comparison =
  | { kind: 'open'; note: string }
  | { kind: 'blocked'; blocking: Blocking; note: string }
  /** The region's observation says nothing about the region (see `note`): rules decide. */
  | { kind: 'inconclusive'; note: string }
  /** Nothing was observed from the region. */
  | { kind: 'unobserved' };

/**
 * TLS codes that mean the server presented a certificate for another name, or one no trusted
 * CA signed: the name resolved to the wrong address, as a poisoned DNS answer makes it.
 */
const WRONG_CERTIFICATE_CODES: ReadonlySet<string> = new Set([
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
]);

/** Failures from the region that say nothing about blocking: transient, or about the checker. */
const INCONCLUSIVE_REASONS: ReadonlySet<Reason> = new Set<Reason>([
  'dns-temporary',
  'server-error',
  'network-error',
  'rate-limited',
  'bot-wall',
  'login-wall',
  'auth-required',
  'network-down',
  'interrupted',
  'not-started',
  'offline',
]);

/** Whether an observation reached the page (the statuses a learner can read). */
export function isReachedObservation(observation: Observation): boolean {
  return observation.outcome.status === 'ok' || observation.outcome.status === 'redirected';
}

/**
 * Compares the region's observation of one URL with the global one.
 *
 * - region ok: `open`, unless the global page had another title (a block page served with 200).
 * - region failed, global ok: `blocked` at the step that failed, if that step is a blocking
 *   style (DNS: NXDOMAIN, a private address or a certificate for another name; TCP: refused,
 *   reset, timeout or a refused proxy tunnel; TLS: any other handshake failure; HTTP: another
 *   page, such as 403, 451 or 404). Transient failures (rate limits, 5xx, resolver timeouts)
 *   are inconclusive.
 * - region failed, global failed too: the link itself is bad, not a region problem: inconclusive.
 * - region failed, no global observation: inconclusive (a dead link looks the same).
 */
export function compareObservations(
  regional: Observation | undefined,
  global: Observation | undefined,
): Comparison {
  if (regional === undefined) return { kind: 'unobserved' };
  const seen = `${regional.outcome.status}: ${regional.outcome.reason}`;
  if (isReachedObservation(regional)) {
    if (global !== undefined && isReachedObservation(global) && titlesDiffer(regional, global)) {
      return {
        kind: 'blocked',
        blocking: 'http-diff',
        note: `the page has another title than from global ("${regional.pageTitle ?? ''}" instead of "${global.pageTitle ?? ''}"): a block page`,
      };
    }
    return { kind: 'open', note: `the page answered (${seen})` };
  }
  if (global === undefined) {
    return {
      kind: 'inconclusive',
      note: `${seen} from the region alone, which a dead link would give too; merge with a global report to tell`,
    };
  }
  if (!isReachedObservation(global)) {
    return {
      kind: 'inconclusive',
      note: `${seen} from the region, and ${global.outcome.status}: ${global.outcome.reason} from global too: the link itself is bad, not a region problem`,
    };
  }
  const blocking = blockingOf(regional);
  if (blocking === undefined) {
    return {
      kind: 'inconclusive',
      note: `${seen} from the region while global worked, but that failure is transient`,
    };
  }
  return {
    kind: 'blocked',
    blocking,
    note: `${describeBlocking(blocking, regional)} (${seen}), while global worked`,
  };
}

/** Connection failures: the style of IP blocking and of injected resets. */
const TCP_REASONS: ReadonlySet<Reason> = new Set<Reason>(['refused', 'reset', 'timeout', 'proxy']);

function blockingOf({ outcome }: Observation): Blocking | undefined {
  if (INCONCLUSIVE_REASONS.has(outcome.reason)) return undefined;
  switch (outcome.status) {
    // Any other answered page from the region is another page than the global one.
    case 'ok':
    case 'redirected':
    case 'unverified':
      return 'http-diff';
    case 'broken':
      return outcome.reason === 'nxdomain' ? 'dns' : 'http-diff';
    case 'unreachable':
      if (outcome.reason === 'tls') {
        const { errorCode } = outcome;
        return errorCode !== undefined && WRONG_CERTIFICATE_CODES.has(errorCode) ? 'dns' : 'tls';
      }
      if (TCP_REASONS.has(outcome.reason)) return 'tcp';
      return outcome.httpStatus === undefined ? undefined : 'http-diff';
    case 'skipped':
      return outcome.reason === 'private-address' ? 'dns' : undefined;
    default:
      return assertNever(outcome);
  }
}

function describeBlocking(blocking: Blocking, observation: Observation): string {
  switch (blocking) {
    case 'dns':
      return observation.outcome.reason === 'tls'
        ? 'the region got a certificate for another name: its DNS answer pointed elsewhere (poisoning)'
        : 'the name did not resolve to the site from the region (DNS poisoning)';
    case 'tcp':
      return 'the connection failed from the region (IP blocking or a reset)';
    case 'tls':
      return 'the TLS handshake failed from the region (SNI blocking)';
    case 'http-diff':
      return 'the region got another page (a block page, or the server refuses the region)';
    default:
      return assertNever(blocking);
  }
}

/** Both pages have titles, and they differ once case and spacing are ignored. */
function titlesDiffer(a: Observation, b: Observation): boolean {
  if (a.pageTitle === undefined || b.pageTitle === undefined) return false;
  const normal = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();
  return normal(a.pageTitle) !== normal(b.pageTitle);
}
