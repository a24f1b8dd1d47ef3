/**
 * The progress line and the verbose result line as text. Pure. Every word a user reads is in
 * one `ProgressText` per language (en the reference, zh-CN typed against it).
 */
import { assertNever } from '../assert-never.js';
import type { CheckResult } from '../domain.js';
import type { Lang } from '../i18n/index.js';
import { pluralForm } from '../text/plural.js';
import type { Estimate, PendingFetch, ProgressSnapshot } from './state.js';

/** How many of the fetches waited on are named; the rest are counted. */
export const NAMED_PENDING_COUNT = 3;

/** The human text of the progress output, in one place for translators. */
export const PROGRESS_TEXT_EN = {
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
  workersStarted: (workers: number, links: number) =>
    `${workers} worker threads share the other ${links} ${pluralForm(links, 'link')}`,
} as const;

/** The shape every language's progress text has (en is the reference). */
export type ProgressText = {
  readonly [K in keyof typeof PROGRESS_TEXT_EN]: (typeof PROGRESS_TEXT_EN)[K] extends string
    ? string
    : (typeof PROGRESS_TEXT_EN)[K];
};

// Terms as docs/glossary.md fixes them; "failing" is what --fail-on counts (失败), not only 失效.
const PROGRESS_TEXT_ZH_CN: ProgressText = {
  checked: (done, total, percent) => `已检查 ${done}/${total}（${percent}%）`,
  failing: (count) => `${count} 个失败`,
  requestsOut: (requests, hosts) =>
    requests === 0 ? '没有进行中的请求' : `${hosts} 个站点上有 ${requests} 个请求进行中`,
  eta: (duration) => `预计还需 ${duration}`,
  waitingOn: (count, named) => `还在等 ${count} 个：${named}`,
  andMore: (count) => `另有 ${count} 个`,
  attemptOut: (attempt, maxAttempts) => `第 ${attempt}/${maxAttempts} 次尝试`,
  retryingAfter: (attempt, maxAttempts) => `第 ${attempt}/${maxAttempts} 次失败后等待重试`,
  seconds: (seconds) => `${seconds} 秒`,
  minutes: (minutes, seconds) => `${minutes} 分 ${seconds} 秒`,
  listSeparator: '，',
  workersStarted: (workers, links) => `其余 ${links} 个链接交给 ${workers} 个工作线程分头检查`,
};

const PROGRESS_TEXTS: Readonly<Record<Lang, ProgressText>> = {
  en: PROGRESS_TEXT_EN,
  'zh-CN': PROGRESS_TEXT_ZH_CN,
};

/** The verbose line saying the run shares its links among worker threads. */
export function renderWorkersLine(workers: number, links: number, lang: Lang = 'en'): string {
  return PROGRESS_TEXTS[lang].workersStarted(workers, links);
}

/**
 * One progress line: done/total, failing so far, requests out and on how many hosts, then
 * either the ETA from the pace so far or, once nothing is left but waiting, what it waits on.
 */
export function renderProgressLine(snapshot: ProgressSnapshot, lang: Lang = 'en'): string {
  const text = PROGRESS_TEXTS[lang];
  const percent = snapshot.total === 0 ? 100 : Math.floor((snapshot.done / snapshot.total) * 100);
  const parts = [
    text.checked(snapshot.done, snapshot.total, percent),
    text.failing(snapshot.failing),
    text.requestsOut(snapshot.requestsOut, snapshot.hostsOut),
  ];
  const tail = renderEstimate(snapshot.estimate, text);
  if (tail !== undefined) parts.push(tail);
  return parts.join(text.listSeparator);
}

function renderEstimate(estimate: Estimate, text: ProgressText): string | undefined {
  switch (estimate.kind) {
    case 'pace':
      return text.eta(renderDuration(Math.ceil(estimate.remainingMs / 1000), text));
    case 'waiting': {
      const named = estimate.pending
        .slice(0, NAMED_PENDING_COUNT)
        .map((pending) => renderPending(pending, text));
      const more = estimate.pending.length - named.length;
      if (more > 0) named.push(text.andMore(more));
      return text.waitingOn(estimate.pending.length, named.join(text.listSeparator));
    }
    case 'unknown':
      return undefined;
    default:
      return assertNever(estimate);
  }
}

function renderPending(pending: PendingFetch, text: ProgressText): string {
  const attempt = pending.isRequestOut
    ? text.attemptOut(pending.attempt, pending.maxAttempts)
    : text.retryingAfter(pending.attempt, pending.maxAttempts);
  const waited = renderDuration(Math.floor(pending.waitedMs / 1000), text);
  return `${pending.url} (${waited}${text.listSeparator}${attempt})`;
}

/** Whole seconds (an ETA rounded up, a wait down: neither reads better than it is). */
function renderDuration(wholeSeconds: number, text: ProgressText): string {
  const seconds = Math.max(0, wholeSeconds);
  return seconds < 60
    ? text.seconds(seconds)
    : text.minutes(Math.floor(seconds / 60), seconds % 60);
}

/** The `--verbose` line for one result: status, reason, target id. */
export function renderResultLine(result: CheckResult): string {
  return `${result.status.padEnd(11)} ${result.reason.padEnd(18)} ${result.targetId}`;
}
