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
import type { Dispatcher } from 'undici';
import type { FetchOutcome, Hop } from '../domain.js';
import { createAbortFanout, type AbortFanout } from './abort-fanout.js';
import { dispatchHop, type HopAnswer, type Progress } from './hop-request.js';
import {
  interruptedOutcome,
  networkFailureOutcome,
  timeoutPhaseOf,
  toNetworkFailure,
} from './network-failure.js';

export type { HopAnswer } from './hop-request.js';

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
  dispatcher: Dispatcher;
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

/** Why an attempt was given up: its deadline passed, or the run was cancelled. */
class AttemptStopped extends Error {
  override name = 'AttemptStopped';
}

async function sendHop(
  url: URL,
  headers: Readonly<Record<string, string>>,
  dispatcher: Dispatcher,
  progress: Progress,
  stopped: Promise<never>,
): Promise<HopAnswer> {
  progress.phase = 'connect';
  progress.stopRequest = undefined;
  // Raced: undici can only stop a request once it has a connection, so one still waiting for
  // it (a blackholed address, a proxy that never answers CONNECT) would otherwise outlive its
  // deadline. The handler stops it as soon as it gets one.
  const answer = await Promise.race([dispatchHop(url, headers, dispatcher, progress), stopped]);
  return {
    ...answer,
    readText: (maxBytes, extent) => Promise.race([answer.readText(maxBytes, extent), stopped]),
    discard: () => Promise.race([answer.discard(), stopped]),
  };
}
