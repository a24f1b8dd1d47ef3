/**
 * What a dead network looked like to the probe, worded per language. report.json keeps the
 * facts (how many hosts were tried, what the first one failed with) beside the English
 * `message`, so every report can say it in its own language; a report written before the facts
 * were kept has only `message`, and that is what it shows.
 */
import type { Lang } from './catalog.js';

/** The probe's facts as report.json keeps them. */
export type NetworkDownFacts = {
  message: string;
  hostsTried?: number | undefined;
  /** An error code (ENOTFOUND), `timeout`, `no-answer` or `http-NNN`. */
  failure?: string | undefined;
};

type NetworkDownWords = {
  hosts: (count: number, failure: string) => string;
  timeout: string;
  noAnswer: string;
};

const WORDS: Readonly<Record<Lang, NetworkDownWords>> = {
  en: {
    hosts: (count, failure) =>
      `${count === 1 ? 'the one host tried could not' : `none of ${count} hosts could`} be reached (${failure})`,
    timeout: 'timed out',
    noAnswer: 'no answer',
  },
  'zh-CN': {
    hosts: (count, failure) =>
      `${count === 1 ? '试过的 1 个网站连不上' : `试过的 ${count} 个网站都连不上`}（${failure}）`,
    timeout: '超时',
    noAnswer: '没有应答',
  },
};

/** The detail of a dead network in `lang`: from the facts when the report has them. */
export function networkDownDetail(facts: NetworkDownFacts, lang: Lang): string {
  if (facts.hostsTried === undefined || facts.failure === undefined) return facts.message;
  const words = WORDS[lang];
  return words.hosts(facts.hostsTried, failureText(facts.failure, words));
}

function failureText(failure: string, words: NetworkDownWords): string {
  if (failure === 'timeout') return words.timeout;
  if (failure === 'no-answer') return words.noAnswer;
  const httpStatus = /^http-(\d{3})$/.exec(failure)?.[1];
  // Error codes (ENOTFOUND, ECONNREFUSED) are what a user searches for: kept as the system says them.
  return httpStatus === undefined ? failure : `HTTP ${httpStatus}`;
}
