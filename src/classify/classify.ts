/**
 * What an observation means for a learner: one FetchOutcome (what the network did) becomes one
 * CheckOutcome (ok, redirected, broken, unreachable, unverified or skipped, with a reason word).
 * Pure: no I/O, no clock; the rules below are the whole policy.
 *
 * For a response, the first rule that applies decides:
 *   1. a non-2xx code the maintainer accepts      → ok (accepted)
 *   2. a bot wall, by header or challenge page    → unverified (bot-wall), whatever the code
 *   3. any other non-2xx                          → its code (status-code.ts)
 *   4. a 2xx page that is parked, a soft 404, a login wall, a deep link sent to the site's
 *      home page, or one that lacks the fragment  → that reason
 *   5. a 2xx reached through a permanent redirect → redirected; a temporary one → ok
 * Transport failures and timeouts map through failure-outcome.ts.
 */
import { assertNever, type CheckOutcome, type FetchOutcome } from '../domain.js';
import { permanentMove } from '../outcome/model.js';
import { outcomeOfFailure, outcomeOfTimeout } from './failure-outcome.js';
import { isFragmentMissing } from './fragment.js';
import { isRedirectedHome } from './home-page.js';
import { isSignInUrl } from './login-wall.js';
import { readPageSignals, type PageSignals } from './page-signals.js';
import { verdictForStatus } from './status-code.js';

/** The slice of the options classification needs. */
export type AcceptRules = {
  /** Codes the maintainer declared fine (settings.accept plus the host's accept): status ok, reason `accepted`. */
  acceptStatuses: ReadonlySet<number>;
  /** Report `missing-fragment` when an HTML page lacks the URL's `#fragment`; `--no-fragments` turns it off. */
  checkFragments: boolean;
};

/** A target's outcome plus the page title read on the way (for the report). */
export type Classification = { outcome: CheckOutcome; pageTitle: string | undefined };

/** A fetch that got an HTTP answer. */
export type ResponseOutcome = Extract<FetchOutcome, { kind: 'response' }>;

/** Classifies what fetching `requested` produced, under the maintainer's accept rules. */
export function classifyOutcome(
  fetched: FetchOutcome,
  requested: URL,
  rules: AcceptRules,
): Classification {
  switch (fetched.kind) {
    case 'response':
      return classifyResponse(fetched, requested, rules);
    case 'network-failure':
      return { outcome: outcomeOfFailure(fetched.failure, fetched.hops), pageTitle: undefined };
    case 'timeout':
      return { outcome: outcomeOfTimeout(fetched), pageTitle: undefined };
    default:
      return assertNever(fetched);
  }
}

/** What the response says, once read: the parsed final URL, the HTML body and its signals. */
type ReadResponse = {
  response: ResponseOutcome;
  finalUrl: URL;
  html: string | undefined;
  page: PageSignals | undefined;
};

function classifyResponse(
  response: ResponseOutcome,
  requested: URL,
  rules: AcceptRules,
): Classification {
  const finalUrl = finalUrlOf(response, requested);
  const html = isHtml(response) ? response.body : undefined;
  const page = html === undefined ? undefined : readPageSignals(html, finalUrl, requested);
  const read: ReadResponse = { response, finalUrl, html, page };
  return { outcome: outcomeOfResponse(read, requested, rules), pageTitle: page?.title };
}

/** The URL the chain ended on; the requested one itself when nothing moved (no parse per link). */
function finalUrlOf(response: ResponseOutcome, requested: URL): URL {
  if (response.finalUrl === requested.href) return requested;
  return URL.canParse(response.finalUrl) ? new URL(response.finalUrl) : requested;
}

function isHtml(response: ResponseOutcome): boolean {
  // No Content-Type: browsers sniff, and so does the fetcher (it keeps such bodies as HTML).
  return (
    response.body !== undefined &&
    (response.contentType === undefined || /html/i.test(response.contentType))
  );
}

function isSuccess(status: number): boolean {
  return status >= 200 && status <= 299;
}

/** The response rules, in order: the first that applies decides. */
function outcomeOfResponse(read: ReadResponse, requested: URL, rules: AcceptRules): CheckOutcome {
  const { status } = read.response;
  // 1. The maintainer declared this code fine for the host (e.g. a 403 from a site that only
  //    blocks robots). 2xx are never "accepted": their pages are still read.
  if (!isSuccess(status) && rules.acceptStatuses.has(status)) {
    return { status: 'ok', reason: 'accepted', httpStatus: status };
  }
  // 2. A bot wall can answer with any code (AWS WAF: 202 challenge, 405 CAPTCHA; Cloudflare:
  //    403, 503 or even 200), so it is recognised before the code is believed.
  const wall = botWallEvidence(read);
  if (wall !== undefined) {
    return { status: 'unverified', reason: 'bot-wall', httpStatus: status, detail: wall };
  }
  // 3. Any other non-2xx: the code decides.
  if (!isSuccess(status)) return outcomeOfStatus(read.response);
  // 4. A 2xx: what the page says, then how we got there.
  return outcomeOfPage(read, requested, rules);
}

/**
 * A non-2xx answer by its code. A 429 or 5xx keeps the wait its `Retry-After` asked for: one
 * longer than curate waits ends the check at once, and the report says when to look again.
 */
function outcomeOfStatus(response: ResponseOutcome): CheckOutcome {
  const httpStatus = response.status;
  const verdict = verdictForStatus(httpStatus);
  if (response.retryAfterMs !== undefined) {
    const retryAfterSeconds = Math.ceil(response.retryAfterMs / 1000);
    if (verdict.reason === 'rate-limited') {
      return { status: 'unverified', reason: 'rate-limited', httpStatus, retryAfterSeconds };
    }
    if (verdict.reason === 'server-error') {
      return { status: 'unreachable', reason: 'server-error', httpStatus, retryAfterSeconds };
    }
  }
  return { ...verdict, httpStatus };
}

/** Why the response is a bot wall rather than the site's answer, or undefined. */
function botWallEvidence({ response, page }: ReadResponse): string | undefined {
  const { headers, status } = response;
  // Cloudflare labels every challenge it serves, whatever the status code.
  if (headers['cf-mitigated']?.toLowerCase() === 'challenge') return 'cf-mitigated: challenge';
  const wafAction = headers['x-amzn-waf-action']?.toLowerCase();
  if (wafAction === 'challenge' || wafAction === 'captcha') {
    return `x-amzn-waf-action: ${wafAction}`;
  }
  if (status === 403) {
    // DataDome stamps x-datadome on responses it filters; a 403 with it is its block.
    if (headers['x-datadome'] !== undefined) return 'blocked by DataDome';
    // Akamai's edge answers robots with a bare 403 "Access Denied" from server AkamaiGHost.
    if (/akamaighost/i.test(headers.server ?? '')) return 'blocked by Akamai';
  }
  if (page?.isBotChallenge === true) {
    return page.title === undefined ? 'a bot challenge page' : `challenge page "${page.title}"`;
  }
  return undefined;
}

/** The 2xx rules, in order. */
function outcomeOfPage(read: ReadResponse, requested: URL, rules: AcceptRules): CheckOutcome {
  const { response, finalUrl, html, page } = read;
  const httpStatus = response.status;
  const titled = page?.title === undefined ? {} : { detail: `page title: "${page.title}"` };
  // A parked page may also say "not found"; "the domain is for sale" is the more useful news.
  if (page?.isParked === true) {
    return { status: 'broken', reason: 'parked-domain', httpStatus, ...titled };
  }
  if (page?.isSoft404 === true) {
    return { status: 'broken', reason: 'soft-404', httpStatus, ...titled };
  }
  // Only a wall when content was expected: a roadmap may link to a sign-in page on purpose.
  if (page?.isLoginWall === true && !isSignInUrl(requested)) {
    return {
      status: 'unverified',
      reason: 'login-wall',
      httpStatus,
      detail: `landed on a sign-in page: ${withoutFragment(finalUrl)}`,
    };
  }
  // A deep link sent to the site's home page: the page was removed (home-page.ts). Before the
  // fragment, which the home page lacks too: "removed" is the more useful news.
  if (isRedirectedHome(requested, finalUrl, response.hops.length)) {
    return {
      status: 'broken',
      reason: 'redirected-to-home',
      httpStatus,
      detail: `redirected to ${withoutFragment(finalUrl)}`,
    };
  }
  // The fragment is looked for on the page the chain ended on, before any redirect verdict: a
  // moved page without the section is still broken for the reader.
  const fragment = finalUrl.hash === '' ? requested.hash : finalUrl.hash;
  if (rules.checkFragments && html !== undefined && isFragmentMissing(html, fragment)) {
    return {
      status: 'broken',
      reason: 'missing-fragment',
      httpStatus,
      detail: `no element with id or name "${fragment.slice(1)}"`,
    };
  }
  return outcomeOfHops(response, requested, rules);
}

/**
 * A permanent move anywhere in the chain means the roadmap should use the new URL. A 2xx hop is
 * a `<meta http-equiv="refresh">` the fetcher followed: search engines read an immediate
 * refresh as a permanent move, and that is what a reader experiences.
 */
function isPermanentHop(status: number): boolean {
  return status === 301 || status === 308 || isSuccess(status);
}

function outcomeOfHops(
  response: ResponseOutcome,
  requested: URL,
  rules: AcceptRules,
): CheckOutcome {
  const httpStatus = response.status;
  const permanent = response.hops.filter((hop) => isPermanentHop(hop.status));
  // A chain that ends where it began (a cookie wall's 301 to the same URL) moved nothing.
  const isBackHome =
    URL.canParse(response.finalUrl) &&
    withoutFragment(new URL(response.finalUrl)) === withoutFragment(requested);
  if (permanent.length > 0 && !isBackHome) {
    // `accept: [301]` means "do not ask me to update moved links".
    if (permanent.every((hop) => rules.acceptStatuses.has(hop.status))) {
      return { status: 'ok', reason: 'accepted', httpStatus };
    }
    const finalUrl = withFragment(response.finalUrl, requested);
    return permanentMove(httpStatus, finalUrl);
  }
  // 302/303/307: the site says "for now"; keep the URL the roadmap has.
  const reason = response.hops.length > 0 ? 'temporary-redirect' : 'ok';
  return { status: 'ok', reason, httpStatus };
}

/** `finalUrl` with the requested URL's `#fragment` when it has none of its own. */
function withFragment(finalUrl: string, requested: URL): string {
  if (finalUrl.includes('#') || requested.hash === '') return finalUrl;
  return `${finalUrl}${requested.hash}`;
}

function withoutFragment(url: URL): string {
  const copy = new URL(url);
  copy.hash = '';
  return copy.href;
}
