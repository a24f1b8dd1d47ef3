/**
 * Human sentences for reason words, shared by every report format that speaks to people.
 */
import type { CheckOutcome, Reason } from '../domain.js';
import { CATALOGS, type Lang } from '../i18n/index.js';

/** What a report records next to a reason that can make its sentence more precise. */
export type ReasonExtras = {
  httpStatus?: number | undefined;
  errorCode?: string | undefined;
  detail?: string | undefined;
  /** The scheme an `unsupported-redirect` led to. */
  scheme?: string | undefined;
  /** The wait a server's `Retry-After` asked for. */
  retryAfterSeconds?: number | undefined;
};

type Describe = (extras: ReasonExtras) => string;

/** `; it asks to wait 24 h` when the server's Retry-After is known (whole units, rounded up). */
function askedWait(extras: ReasonExtras): string {
  const seconds = extras.retryAfterSeconds;
  if (seconds === undefined) return '';
  const [size, unit] =
    seconds < 120
      ? [seconds, 's']
      : seconds < 2 * 3600
        ? [Math.ceil(seconds / 60), 'min']
        : seconds < 2 * 86_400
          ? [Math.ceil(seconds / 3600), 'h']
          : [Math.ceil(seconds / 86_400), 'days'];
  return ` (Retry-After: wait ${size} ${unit})`;
}

/** `HTTP 503: ` when the status is known, so a sentence can lead with the code people search for. */
function httpPrefix(extras: ReasonExtras): string {
  return extras.httpStatus === undefined ? '' : `HTTP ${extras.httpStatus}: `;
}

// A Record over every reason word: adding a reason to domain.ts breaks the build until it is described.
// A sentence that reads the extras is a function; the rest are the sentence itself.
const SENTENCES: Readonly<Record<Reason, string | Describe>> = {
  ok: (extras) => `${httpPrefix(extras)}the page loads`,
  'temporary-redirect': 'the page loads after a temporary redirect; keep the URL',
  accepted: (extras) => `${httpPrefix(extras)}accepted by the roadmap's rules`,
  'permanent-redirect': 'moved permanently; use the new URL',
  'http-404': 'HTTP 404: the page is gone',
  'http-410': 'HTTP 410: the page was removed for good',
  'http-client-error': (extras) => `${httpPrefix(extras)}the server refuses this URL`,
  nxdomain: 'the domain does not exist (NXDOMAIN)',
  'soft-404': 'the page answers 200 but says it was not found',
  'missing-fragment': 'the page loads but lacks the anchor (fragment) the URL points to',
  'parked-domain': 'the domain is parked or for sale; the site is gone',
  'too-many-redirects': 'too many redirects; the chain never reaches a page',
  'redirect-loop': 'the redirects go round in a loop',
  'video-removed': 'the video was removed or the account closed',
  'unsupported-redirect': (extras) =>
    `redirects to a ${extras.scheme ?? 'non-web'}: URL, which no browser follows from a web page`,
  'redirected-to-home':
    "redirects to the site's home page: the page was removed; find where its content went",
  'invalid-url': 'the URL as written cannot be parsed',
  'content-removed': 'the page answers 200 but the platform says the content was removed',
  'part-missing': 'the video has no such part (?p=N beyond its parts)',
  'notebook-missing': 'the notebook this Colab link opens is gone',
  'repo-missing': 'the platform has no such repository: deleted, or private',
  'path-missing': 'the repository lives, but this file or folder is gone from it',
  'repo-disabled': 'the platform disabled the repository',
  'repo-blocked': 'the platform blocked access to the repository for legal reasons',
  'paper-missing': 'arXiv has no paper with this id',
  timeout: 'the server did not answer in time',
  refused: 'the server refused the connection',
  reset: 'the connection was reset',
  tls: 'the secure connection failed (TLS certificate or handshake)',
  'dns-temporary': 'the domain could not be looked up just now (temporary DNS failure)',
  proxy: 'the proxy used for this check failed',
  'server-error': (extras) =>
    `${httpPrefix(extras)}the server failed${askedWait(extras)}; try again later`,
  'network-error': () => 'the request failed on the network',
  'bot-wall': () =>
    'a bot wall (e.g. a Cloudflare challenge) would not let a checker in; open it in a browser',
  'rate-limited': (extras) =>
    `${httpPrefix(extras)}the site asked the checker to slow down${askedWait(extras)}; try again later`,
  'auth-required': (extras) => `${httpPrefix(extras)}the page needs a login or a key`,
  forbidden: (extras) =>
    `${httpPrefix(extras)}the server forbids automated access; open it in a browser`,
  'login-wall': () => 'the page shows a login wall instead of the content',
  'video-private': () => 'the video is private',
  'embedding-disabled': () => 'the video plays only on its own site (embedding disabled)',
  'unavailable-in-region': () => 'the content is not available from where it was checked',
  'under-review': () => 'the content is under review by the platform',
  scheduled: () => 'the video is scheduled and not yet public',
  'content-moved': () => 'the platform says the content moved but gives no new address',
  excluded: () => 'not checked: excluded by the roadmap settings',
  'no-url': () => 'not checked: the resource has no URL',
  'unsupported-scheme': () => 'not checked: only http and https URLs are checked',
  offline: () => 'not checked: offline run',
  'network-down': () => 'not checked: the network was unavailable',
  'private-address': () => 'not checked: the URL points to a private or local address',
  interrupted: () => 'not checked: the check was in flight when the run was interrupted',
  'not-started': () => 'not checked: the run was interrupted before starting it',
};

/**
 * A short human sentence for a reason word, e.g. `http-404` → "HTTP 404: the page is gone"; the
 * error code and detail are appended when given.
 */
export function describeReason(
  reason: Reason,
  extras: ReasonExtras = {},
  lang: Lang = 'en',
): string {
  if (lang !== 'en') return describeReasonFromCatalog(reason, extras, lang);
  const code = extras.errorCode === undefined ? '' : ` (${extras.errorCode})`;
  const detail = extras.detail === undefined ? '' : ` — ${extras.detail}`;
  const sentence = SENTENCES[reason];
  const text = typeof sentence === 'string' ? sentence : sentence(extras);
  return `${text}${code}${detail}`;
}

/** The reasons whose sentence leads with the HTTP status (see httpPrefix above). */
const HTTP_LED: ReadonlySet<Reason> = new Set<Reason>([
  'ok',
  'accepted',
  'http-client-error',
  'server-error',
  'rate-limited',
  'auth-required',
  'forbidden',
]);

/**
 * A translated reason: the catalog's label, led by the HTTP status people search for when the
 * label does not already name one. The detail (a server's own words) stays as recorded.
 */
function describeReasonFromCatalog(reason: Reason, extras: ReasonExtras, lang: Lang): string {
  const label = CATALOGS[lang].reason[reason];
  // Led by the code only where the English sentence is (the code is the news there).
  const status =
    extras.httpStatus === undefined || !HTTP_LED.has(reason) ? '' : `HTTP ${extras.httpStatus}：`;
  const code = extras.errorCode === undefined ? '' : `（${extras.errorCode}）`;
  const detail = extras.detail === undefined ? '' : ` — ${extras.detail}`;
  return `${status}${label}${code}${detail}`;
}

/** The sentence for an outcome, with its own status code, error code and detail. */
export function describeOutcome(outcome: CheckOutcome, lang: Lang = 'en'): string {
  return describeReason(outcome.reason, outcome, lang);
}
