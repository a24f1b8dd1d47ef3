/**
 * Bot challenges: an interstitial (Cloudflare, PerimeterX, DataDome, AWS WAF, Akamai, Baidu …)
 * standing in for the real page.
 */
import { anyWordHint } from './html-lookahead.js';
import type { HtmlScanRequest } from './html-scan-request.js';
import { collapse } from './page-text.js';

// Titles of interstitials that stand in for the real page: Cloudflare ("Just a moment...", its
// Chinese "请稍候…", "Attention Required! | Cloudflare" for WAF blocks), Imperva/Distil ("Pardon Our
// Interruption"), PerimeterX ("Access to this page has been denied", "Robot or human?"), Sucuri,
// DDoS-Guard, Baidu's "百度安全验证".
const CHALLENGE_TITLES: readonly RegExp[] = [
  /^just a moment(\.{3}|…)?$/i,
  /^attention required!/i,
  /^please wait(\.{3}|…)? \| cloudflare$/i,
  /^请稍候(\.{3}|…)?$/u,
  /^pardon our interruption/i,
  /^access to this page has been denied\.?$/i,
  /^robot or human\??$/i,
  /^are you a (robot|human)\??$/i,
  /^(human verification|verify you are (a )?human)$/i,
  /^sucuri website firewall/i,
  /^ddos-guard$/i,
  /(^|[-_|·\s])(百度)?(安全验证|人机验证)([-_|·\s]|$)/u,
];

// Markers that appear only on challenge or block pages, in any case: Cloudflare's challenge
// options, DataDome's captcha host, PerimeterX's captcha element, AWS WAF's challenge bootstrap,
// Imperva's resource path, Akamai's error reference and Bot Manager challenge.
// (Cloudflare's `/cdn-cgi/challenge-platform/` script is injected into ordinary pages too.)
// One case-insensitive pattern, so a 1 MiB page is searched once and never copied.
const CHALLENGE_MARKER = anyWordHint([
  '_cf_chl_opt',
  'cf-browser-verification',
  'captcha-delivery.com',
  'px-captcha',
  'window.gokuprops',
  '_incapsula_resource',
  'errors.edgesuite.net',
  '/_sec/cp_challenge/',
]);

// Challenge pages carry almost no text; a long page that merely mentions a marker is content.
const MAX_CHALLENGE_TEXT_CHARS = 2_000;

/** Whether the raw page carries a challenge marker anywhere, scripts included. */
export function hasChallengeMarker(html: string): boolean {
  return CHALLENGE_MARKER.test(html);
}

/**
 * What {@link isBotChallengePage} needs read from a page with a marker: its visible text.
 * Collapsed text is never shorter than its non-space characters, so reading can stop there.
 */
export const CHALLENGE_SCAN_REQUEST: HtmlScanRequest = {
  bodyText: { maxNonSpaceChars: MAX_CHALLENGE_TEXT_CHARS },
};

/**
 * Whether the page is a bot challenge: a challenge title, or a marker on a page with almost no
 * visible text. `bodyText` is the scanned visible text, undefined when the page has no marker.
 */
export function isBotChallengePage(
  title: string | undefined,
  bodyText: string | undefined,
): boolean {
  if (title !== undefined && CHALLENGE_TITLES.some((pattern) => pattern.test(title))) return true;
  return bodyText !== undefined && collapse(bodyText).length <= MAX_CHALLENGE_TEXT_CHARS;
}
