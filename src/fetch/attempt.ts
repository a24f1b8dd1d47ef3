/**
 * One attempt at a target: every hop of its redirect chain under one deadline, stopped at once
 * by Ctrl-C, each hop's answer read with a capped body. This is the only module that sends a
 * request; the redirect chain (redirect-chain.ts) decides where to go, the retry loop
 * (http-client.ts) whether to try again. What the transport throws becomes an outcome here.
 *
 * Cancellation is plain callbacks, not an AbortSignal handed to undici: a signal per request
 * (its listeners, and racing it) cost about a fifth of curate's CPU time on a 10,000-link run
 * (decision 14).
 */
import { request, type Dispatcher } from 'undici';
import type { FetchOutcome, Hop } from '../domain.js';
import { createAbortFanout, type AbortFanout } from './abort-fanout.js';
import {
  interruptedOutcome,
  networkFailureOutcome,
  timeoutPhaseOf,
  toNetworkFailure,
  type TimeoutPhase,
} from './network-failure.js';
import { readBody } from './read-body.js';

declare const observesAttempts: unique symbol;

/**
 * A dispatcher with the attempt observer composed on top, once, when it is built
 * (`createDispatcher`, or {@link observeAttempts} for one a test or the run was handed).
 */
export type AttemptDispatcher = Dispatcher & { readonly [observesAttempts]: true };

/** The head of one hop's answer; its body is read or discarded next, within the attempt. */
export type HopAnswer = {
  status: number;
  /** A response header, several values joined with ", ". */
  header(name: string): string | undefined;
  /** Every `Set-Cookie` value, one each (they cannot be joined: `Expires` has a comma). */
  setCookies: readonly string[];
  /** The body as text, at most `maxBytes` decoded, or undefined when it is not text. */
  readText(maxBytes: number): Promise<string | undefined>;
  /** Reads the body to its end without keeping it, so the connection can be reused. */
  discard(): Promise<void>;
};

/** What the redirect chain may do within one attempt. */
export type AttemptSession = {
  /** Sends one GET and waits for its head; throws what the transport throws. */
  send(url: URL, headers: Readonly<Record<string, string>>): Promise<HopAnswer>;
  /** Time spent on this target so far, for `durationMs`. */
  elapsedMs(): number;
};

/**
 * What an attempt needs: the transport and the run-wide cancellation. `abortFanout` is the run's
 * one listener on `signal` (`createRunFetches` makes it); without it the attempt listens itself.
 */
export type AttemptDeps = {
  dispatcher: AttemptDispatcher;
  signal?: AbortSignal | undefined;
  abortFanout?: AbortFanout | undefined;
};

/**
 * Runs `follow` (the redirect chain) as one attempt: `timeoutMs` covers connect, headers and
 * body of every hop together. The hops it records are kept in whatever outcome ends it.
 */
export async function runAttempt(
  timeoutMs: number,
  deps: AttemptDeps,
  elapsedMs: () => number,
  follow: (session: AttemptSession, hops: Hop[]) => Promise<FetchOutcome>,
): Promise<FetchOutcome> {
  const progress: Progress = {
    phase: 'connect',
    stopRequest: undefined,
    stopReason: undefined,
  };
  const hops: Hop[] = [];
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
    giveUp(new AttemptStopped(`No answer within ${String(timeoutMs)} ms`));
  }, timeoutMs);
  const abortFanout = deps.abortFanout ?? createAbortFanout(deps.signal);
  const stopFollowing = abortFanout.onAbort(() => {
    giveUp(new AttemptStopped('Interrupted'));
  });
  const session: AttemptSession = {
    send: (url, headers) => sendHop(url, headers, deps.dispatcher, progress, stopped),
    elapsedMs,
  };
  try {
    return await follow(session, hops);
  } catch (error) {
    if (deps.signal?.aborted === true) {
      return interruptedOutcome(hops, elapsedMs());
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
      return { kind: 'timeout', phase, hops, durationMs: elapsedMs() };
    }
    return networkFailureOutcome(toNetworkFailure(error), hops, elapsedMs());
  } finally {
    clearTimeout(timer);
    stopFollowing();
  }
}

/** Composes the attempt observer onto a dispatcher; do it once per dispatcher, not per request. */
export function observeAttempts(dispatcher: Dispatcher): AttemptDispatcher {
  return dispatcher.compose(observeRequest) as AttemptDispatcher;
}

/**
 * The state of the hop in flight: read when the deadline fires, and the way to stop the request
 * on the wire. It rides along as undici's `opaque` option, so one interceptor per dispatcher
 * serves every request.
 */
type Progress = {
  phase: TimeoutPhase;
  /** Stops the request in flight; set once undici has put it on a connection. */
  stopRequest: ((reason: Error) => void) | undefined;
  /** Why the attempt was given up, if it was; a request that reaches a connection later stops at once. */
  stopReason: Error | undefined;
};

/** Why an attempt was given up: its deadline passed, or the run was cancelled. */
class AttemptStopped extends Error {
  override name = 'AttemptStopped';
}

async function sendHop(
  url: URL,
  headers: Readonly<Record<string, string>>,
  dispatcher: AttemptDispatcher,
  progress: Progress,
  stopped: Promise<never>,
): Promise<HopAnswer> {
  progress.phase = 'connect';
  progress.stopRequest = undefined;
  const pending = request(url, { method: 'GET', headers, dispatcher, opaque: progress });
  const response = await untilStopped(pending, stopped);
  progress.phase = 'body';
  const header = (name: string): string | undefined => headerValue(response.headers[name]);
  return {
    status: response.statusCode,
    header,
    setCookies: [response.headers['set-cookie'] ?? []].flat(),
    readText: (maxBytes) =>
      Promise.race([
        readBody(response.body, header('content-type'), header('content-encoding'), maxBytes),
        stopped,
      ]),
    discard: () => Promise.race([response.body.dump(), stopped]),
  };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
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

function isProgress(value: unknown): value is Progress {
  return typeof value === 'object' && value !== null && 'stopReason' in value && 'phase' in value;
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
