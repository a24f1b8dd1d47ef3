/**
 * The progress line and the verbose result line as text. Pure. Every word a user reads is in
 * `PROGRESS_TEXT`, so a translation replaces that one object.
 */
import { assertNever } from '../assert-never.js';
import type { CheckResult } from '../domain.js';
import { pluralForm } from '../text/plural.js';
import type { Estimate, PendingFetch, ProgressSnapshot } from './state.js';

/** How many of the fetches waited on are named; the rest are counted. */
export const NAMED_PENDING_COUNT = 3;

/** The human text of the progress output, in one place for translators. */
export const PROGRESS_TEXT = {
  checked: (done: number, total: number, percent: number) =>
    `checked ${done}/${total} (${percent}%)`,
  failing: (count: number) => `${count} failing`,
  requestsOut: (requests: number, hosts: number) =>
    requests === 0
      ? 'no request out'
      : `${requests} ${pluralForm(requests, 'request')} out on ${hosts} ${pluralForm(hosts, 'host')}`,
  eta: (duration: string) => `ETA ${duration}`,
  waitingOn: (count: number, named: string) => `waiting on ${count}: ${named}`,
  andMore: (count: number) => `and ${count} more`,
  attemptOut: (attempt: number, maxAttempts: number) => `attempt ${attempt}/${maxAttempts}`,
  retryingAfter: (attempt: number, maxAttempts: number) =>
    `retrying after attempt ${attempt}/${maxAttempts}`,
  seconds: (seconds: number) => `${seconds} s`,
  minutes: (minutes: number, seconds: number) => `${minutes} min ${seconds} s`,
  listSeparator: ', ',
} as const;

/**
 * One progress line: done/total, failing so far, requests out and on how many hosts, then
 * either the ETA from the pace so far or, once nothing is left but waiting, what it waits on.
 */
export function renderProgressLine(snapshot: ProgressSnapshot): string {
  const text = PROGRESS_TEXT;
  const percent = snapshot.total === 0 ? 100 : Math.floor((snapshot.done / snapshot.total) * 100);
  const parts = [
    text.checked(snapshot.done, snapshot.total, percent),
    text.failing(snapshot.failing),
    text.requestsOut(snapshot.requestsOut, snapshot.hostsOut),
  ];
  const tail = renderEstimate(snapshot.estimate);
  if (tail !== undefined) parts.push(tail);
  return parts.join(text.listSeparator);
}

function renderEstimate(estimate: Estimate): string | undefined {
  switch (estimate.kind) {
    case 'pace':
      return PROGRESS_TEXT.eta(renderDuration(Math.ceil(estimate.remainingMs / 1000)));
    case 'waiting': {
      const named = estimate.pending.slice(0, NAMED_PENDING_COUNT).map(renderPending);
      const more = estimate.pending.length - named.length;
      if (more > 0) named.push(PROGRESS_TEXT.andMore(more));
      return PROGRESS_TEXT.waitingOn(
        estimate.pending.length,
        named.join(PROGRESS_TEXT.listSeparator),
      );
    }
    case 'unknown':
      return undefined;
    default:
      return assertNever(estimate);
  }
}

function renderPending(pending: PendingFetch): string {
  const attempt = pending.isRequestOut
    ? PROGRESS_TEXT.attemptOut(pending.attempt, pending.maxAttempts)
    : PROGRESS_TEXT.retryingAfter(pending.attempt, pending.maxAttempts);
  return `${pending.url} (${renderDuration(Math.floor(pending.waitedMs / 1000))}, ${attempt})`;
}

/** Whole seconds (an ETA rounded up, a wait down: neither reads better than it is). */
function renderDuration(wholeSeconds: number): string {
  const seconds = Math.max(0, wholeSeconds);
  return seconds < 60
    ? PROGRESS_TEXT.seconds(seconds)
    : PROGRESS_TEXT.minutes(Math.floor(seconds / 60), seconds % 60);
}

/** The `--verbose` line for one result: status, reason, target id. */
export function renderResultLine(result: CheckResult): string {
  return `${result.status.padEnd(11)} ${result.reason.padEnd(18)} ${result.targetId}`;
}
