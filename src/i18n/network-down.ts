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
  http: (status: string) => string;
  /** Error codes (ENOTFOUND, ECONNREFUSED) are what a user searches for: kept as printed. */
  code: (code: string) => string;
};

const WORDS: Readonly<Record<Lang, NetworkDownWords>> = {
  en: {
    hosts: (count, failure) =>
      `${count === 1 ? 'the one host tried could not' : `none of ${count} hosts could`} be reached (${failure})`,
    timeout: 'timed out',
    noAnswer: 'no answer',
    http: (status) => `HTTP ${status}`,
    code: (code) => code,
  },
  // The detail sits inside the report's own （…）, so it reads as a clause, not a bracket.
  'zh-CN': {
    hosts: (count, failure) =>
      `${count === 1 ? '试过的 1 个网站连不上' : `试过的 ${count} 个网站都连不上`}，${failure}`,
    timeout: '连接超时',
    noAnswer: '没有应答',
    http: (status) => `返回 HTTP ${status}`,
    code: (code) => `错误码 ${code}`,
  },
};

/** The detail of a dead network in `lang`: from the facts when the report has them. */
export function networkDownDetail(facts: NetworkDownFacts, lang: Lang): string {
  if (facts.hostsTried === undefined || facts.failure === undefined) return facts.message;
  return describeNetworkDown(facts.hostsTried, facts.failure, lang);
}

/** "None of `hostsTried` hosts could be reached (`failure`)", in `lang`. */
export function describeNetworkDown(hostsTried: number, failure: string, lang: Lang): string {
  const words = WORDS[lang];
  return words.hosts(hostsTried, failureText(failure, words));
}

function failureText(failure: string, words: NetworkDownWords): string {
  if (failure === 'timeout') return words.timeout;
  if (failure === 'no-answer') return words.noAnswer;
  const httpStatus = /^http-(\d{3})$/.exec(failure)?.[1];
  return httpStatus === undefined ? words.code(failure) : words.http(httpStatus);
}
