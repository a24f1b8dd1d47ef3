/**
 * The HTTP adapter: one GET per hop with undici's `request()`, redirects and meta refreshes
 * followed by hand, the body read capped, retries with backoff. It never throws for network
 * trouble: whatever happens becomes a `FetchOutcome`.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { request, type Dispatcher } from 'undici';
import type { FetchOutcome, Hop, NetworkFailure } from '../domain.js';
import { onAbort } from './abort-fanout.js';
import { findMetaRefresh } from './meta-refresh.js';
import {
  ABORTED_CODE,
  timeoutPhaseOf,
  toNetworkFailure,
  type TimeoutPhase,
} from './network-failure.js';
import { readBody, SUPPORTED_ENCODINGS } from './read-body.js';
import { retryDelayMs, shouldRetry } from './retry.js';
import type { Schedule } from './slots.js';

/** How one target is fetched; built once per run by `options.ts`/`run.ts`. */
export type FetchSettings = {
  /** One deadline per attempt, covering connect, headers and body of every hop together. */
  timeoutMs: number;
  /** Redirects (and meta refreshes) followed before giving up; browsers stop at 20. */
  maxRedirects: number;
  /** Decoded bytes kept from an HTML/text body; the rest is discarded and the socket released. */
  maxBodyBytes: number;
  userAgent: string;
  /** Configured per-host headers for this hop's URL (secrets already expanded). */
  headersFor: (url: URL) => Readonly<Record<string, string>>;
  /** Extra attempts for 408/429/5xx, resets, temporary DNS failures and timeouts. */
  retries: number;
  /** Base of the exponential backoff between attempts. */
  retryBaseDelayMs: number;
  /** Longest wait between attempts, including one a `Retry-After` asks for. */
  maxRetryAfterMs: number;
  /** Whether `<meta http-equiv="refresh">` on a 2xx HTML page counts as a redirect. */
  followMetaRefresh: boolean;
};

/** The adapter's collaborators, injectable so tests control time, dice and transport. */
export type FetchDeps = {
  /** Always passed explicitly (never undici's global one); closing it is the caller's job. */
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
  /**
   * Runs one attempt once there is room for it (in a run: the host's and the run's limits), so
   * the wait before a retry holds no slot that another URL could use. At once when absent.
   */
  schedule?: Schedule;
};

/** Response headers kept in the outcome: the few that classification and retries read. */
export const KEPT_RESPONSE_HEADERS = [
  'content-type',
  'content-length',
  'content-language',
  'retry-after',
  'server',
  'www-authenticate',
  'x-robots-tag',
  // Bot walls: Cloudflare, AWS WAF, DataDome.
  'cf-mitigated',
  'x-amzn-waf-action',
  'x-datadome',
] as const;

const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

const ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/**
 * Fetches a URL the way a browser would open it (GET, redirects, meta refresh), retrying
 * transient failures, and reports what happened. The fragment is never sent; `finalUrl`
 * carries it over as browsers do. `durationMs` covers the attempts and the waits between them,
 * not the time spent queued for a slot.
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
  let spentMs = 0;
  for (let attempt = 1; ; attempt += 1) {
    const outcome = await schedule(async () => {
      const startedMs = now();
      const elapsedMs = (): number => Math.round(spentMs + now() - startedMs);
      if (isAborted(deps.signal)) {
        return aborted([], elapsedMs());
      }
      const attempted = await attemptFetch(url, settings, deps, elapsedMs);
      spentMs += now() - startedMs;
      return attempted;
    });
    if (isAborted(deps.signal) || !shouldRetry(outcome, attempt, settings.retries)) {
      return outcome;
    }
    const waitStartedMs = now();
    await sleep(retryDelayMs(outcome, attempt, settings, random, Date.now()));
    spentMs += now() - waitStartedMs;
  }
}

/**
 * Hop-by-hop state of one attempt: read when the deadline fires, and the way to stop the
 * request on the wire. It rides along as undici's `opaque` option, so one interceptor per
 * dispatcher serves every request (see {@link observed}).
 */
type Progress = {
  phase: TimeoutPhase;
  hops: Hop[];
  /** Stops the request in flight; set once undici has put it on a connection. */
  stopRequest: ((reason: Error) => void) | undefined;
  /** Why the attempt was given up, if it was; a request that reaches a connection later stops at once. */
  stopReason: Error | undefined;
};

/** Why an attempt was given up: its deadline passed, or the run was cancelled. */
class AttemptStopped extends Error {
  override name = 'AttemptStopped';
}

/**
 * One attempt: the whole redirect chain under one deadline. Cancellation is plain callbacks, not
 * an AbortSignal handed to undici: a signal per request (its listeners, and racing it) cost
 * about a fifth of curate's CPU time on a 10,000-link run.
 */
async function attemptFetch(
  url: URL,
  settings: FetchSettings,
  deps: FetchDeps,
  elapsedMs: () => number,
): Promise<FetchOutcome> {
  const progress: Progress = {
    phase: 'connect',
    hops: [],
    stopRequest: undefined,
    stopReason: undefined,
  };
  let giveUp: (reason: Error) => void = () => undefined;
  // Settles only by rejecting: the attempt is given up. Raced against each step that waits.
  const stopped = new Promise<never>((_resolve, reject) => {
    giveUp = (reason) => {
      if (progress.stopReason !== undefined) return;
      progress.stopReason = reason;
      progress.stopRequest?.(reason);
      reject(reason);
    };
  });
  // Nobody may be racing it when it rejects (between two steps); that is not an error.
  stopped.catch(() => undefined);
  const timer = setTimeout(() => {
    giveUp(new AttemptStopped(`No answer within ${String(settings.timeoutMs)} ms`));
  }, settings.timeoutMs);
  const stopFollowing = onAbort(deps.signal, () => {
    giveUp(new AttemptStopped('Interrupted'));
  });
  try {
    return await followChain(url, settings, deps.dispatcher, stopped, progress, elapsedMs);
  } catch (error) {
    if (isAborted(deps.signal)) {
      return aborted(progress.hops, elapsedMs());
    }
    // Not cancelled, so a given-up attempt is one whose deadline passed. Any timeout before the
    // request reached a socket (a connect or proxy-tunnel timer) is a connect timeout, whichever
    // timer fired.
    const hasDeadlinePassed = progress.stopReason !== undefined;
    const timerPhase = timeoutPhaseOf(error);
    const phase =
      hasDeadlinePassed || (timerPhase !== undefined && progress.phase === 'connect')
        ? progress.phase
        : timerPhase;
    if (phase !== undefined) {
      return { kind: 'timeout', phase, hops: progress.hops, durationMs: elapsedMs() };
    }
    return failed(toNetworkFailure(error), progress.hops, elapsedMs());
  } finally {
    clearTimeout(timer);
    stopFollowing();
  }
}

/** Requests hop after hop until a final answer; throws only what the transport throws. */
async function followChain(
  url: URL,
  settings: FetchSettings,
  dispatcher: Dispatcher,
  stopped: Promise<never>,
  progress: Progress,
  elapsedMs: () => number,
): Promise<FetchOutcome> {
  const { hops } = progress;
  let current = withoutFragment(url);
  let fragment = url.hash;
  const seen = new Set([current.href]);
  for (;;) {
    progress.phase = 'connect';
    progress.stopRequest = undefined;
    const pending = request(current, {
      method: 'GET',
      headers: requestHeaders(current, settings),
      dispatcher: observed(dispatcher),
      opaque: progress,
    });
    const response = await untilStopped(pending, stopped);
    progress.phase = 'body';
    const { statusCode, headers, body } = response;
    let next: URL | NetworkFailure;
    const location = REDIRECT_STATUSES.has(statusCode) ? headerValue(headers.location) : undefined;
    if (location === undefined) {
      const contentType = headerValue(headers['content-type']);
      const text = await Promise.race([
        readBody(
          body,
          contentType,
          headerValue(headers['content-encoding']),
          settings.maxBodyBytes,
        ),
        stopped,
      ]);
      const refresh = metaRefreshOf(statusCode, contentType, text, current, settings);
      if (refresh === undefined) {
        return {
          kind: 'response',
          status: statusCode,
          finalUrl: current.href + fragment,
          hops,
          headers: keptHeaders(headers),
          contentType,
          body: text,
          durationMs: elapsedMs(),
        };
      }
      next = refresh;
    } else {
      await Promise.race([body.dump(), stopped]);
      next = resolveLocation(location, current);
    }
    hops.push({ url: current.href, status: statusCode });
    if (!(next instanceof URL)) {
      return failed(next, hops, elapsedMs());
    }
    if (hops.length > settings.maxRedirects) {
      const message = `More than ${settings.maxRedirects} redirects, last to ${next.href}`;
      return failed({ reason: 'too-many-redirects', code: undefined, message }, hops, elapsedMs());
    }
    const nextUrl = withoutFragment(next);
    if (seen.has(nextUrl.href)) {
      const message = `Redirect loop: ${current.href} leads back to ${nextUrl.href}`;
      return failed({ reason: 'redirect-loop', code: undefined, message }, hops, elapsedMs());
    }
    seen.add(nextUrl.href);
    // RFC 9110 §10.2.2: a Location without a fragment inherits the original one.
    fragment = next.hash === '' ? fragment : next.hash;
    current = nextUrl;
  }
}

/** The page a 2xx HTML answer refreshes to at once, when meta refresh is followed. */
function metaRefreshOf(
  statusCode: number,
  contentType: string | undefined,
  text: string | undefined,
  current: URL,
  settings: FetchSettings,
): URL | undefined {
  const isHtml = contentType === undefined || /html/i.test(contentType);
  if (!settings.followMetaRefresh || statusCode < 200 || statusCode > 299 || !isHtml) {
    return undefined;
  }
  return text === undefined ? undefined : findMetaRefresh(text, current);
}

function resolveLocation(location: string, current: URL): URL | NetworkFailure {
  if (!URL.canParse(location, current.href)) {
    return failure('unsupported-redirect', `Location "${location}" is not a valid URL`);
  }
  const next = new URL(location, current);
  if (next.protocol !== 'http:' && next.protocol !== 'https:') {
    return failure('unsupported-redirect', `Redirect to a ${next.protocol} URL: ${next.href}`);
  }
  return next;
}

/** Headers for one hop: ours, then the host's configured ones (which may override ours). */
function requestHeaders(url: URL, settings: FetchSettings): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': settings.userAgent,
    accept: ACCEPT,
    'accept-encoding': SUPPORTED_ENCODINGS.join(', '),
  };
  for (const [name, value] of Object.entries(settings.headersFor(url))) {
    headers[name.toLowerCase()] = value;
  }
  return headers;
}

const observedDispatchers = new WeakMap<Dispatcher, Dispatcher>();

/** The dispatcher with {@link observeRequest} on top, composed once per dispatcher. */
function observed(dispatcher: Dispatcher): Dispatcher {
  let composed = observedDispatchers.get(dispatcher);
  if (composed === undefined) {
    composed = dispatcher.compose(observeRequest);
    observedDispatchers.set(dispatcher, composed);
  }
  return composed;
}

function isProgress(value: unknown): value is Progress {
  return typeof value === 'object' && value !== null && 'stopReason' in value && 'hops' in value;
}

/**
 * An interceptor that notes when undici puts a request on a connection, which is what tells a
 * connect timeout (blackholed host, hung proxy) from a server that never answers, and that hands
 * the attempt the controller that stops the request.
 */
const observeRequest: Dispatcher.DispatcherComposeInterceptor =
  (dispatch) => (options, handler) => {
    const { opaque } = options as { opaque?: unknown };
    if (!isProgress(opaque)) return dispatch(options, handler);
    const progress = opaque;
    return dispatch(options, {
      onRequestStart: (controller, context) => {
        progress.phase = 'headers';
        progress.stopRequest = (reason) => {
          controller.abort(reason);
        };
        handler.onRequestStart?.(controller, context);
        // Given up while it waited for a connection: stop it before it is sent.
        if (progress.stopReason !== undefined) controller.abort(progress.stopReason);
      },
      onRequestUpgrade: (...args) => handler.onRequestUpgrade?.(...args),
      onResponseStart: (...args) => handler.onResponseStart?.(...args),
      onResponseData: (...args) => handler.onResponseData?.(...args),
      onResponseEnd: (...args) => handler.onResponseEnd?.(...args),
      onResponseError: (...args) => handler.onResponseError?.(...args),
    });
  };

function keptHeaders(headers: Dispatcher.ResponseData['headers']): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of KEPT_RESPONSE_HEADERS) {
    const value = headerValue(headers[name]);
    if (value !== undefined) {
      kept[name] = value;
    }
  }
  return kept;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

function withoutFragment(url: URL): URL {
  const copy = new URL(url);
  copy.hash = '';
  return copy;
}

function failure(reason: NetworkFailure['reason'], message: string): NetworkFailure {
  return { reason, code: undefined, message };
}

function failed(failure: NetworkFailure, hops: readonly Hop[], durationMs: number): FetchOutcome {
  return { kind: 'network-failure', failure, hops, durationMs };
}

function aborted(hops: readonly Hop[], durationMs: number): FetchOutcome {
  const message = 'Interrupted before the check finished';
  return failed({ reason: 'other', code: ABORTED_CODE, message }, hops, durationMs);
}

/**
 * Settles with `pending`, or rejects as soon as the attempt is given up. undici can only stop a
 * request once it has a connection, so one still waiting for it (a blackholed address, a proxy
 * that never answers CONNECT) would otherwise outlive its deadline.
 */
async function untilStopped<T>(
  pending: Promise<Dispatcher.ResponseData<T>>,
  stopped: Promise<never>,
): Promise<Dispatcher.ResponseData<T>> {
  try {
    return await Promise.race([pending, stopped]);
  } catch (error) {
    // Given up: free the connection if the answer still comes, and never leave it unhandled.
    pending.then(
      (late) => late.body.destroy(),
      () => undefined,
    );
    throw error;
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
