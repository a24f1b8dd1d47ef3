/**
 * The redirect chain of one attempt, followed by hand (decision 2): each hop's headers computed
 * for its own host, every hop recorded, loops and over-long chains stopped, and a
 * `<meta http-equiv=refresh>` on a 2xx HTML page followed like a hop. The attempt
 * (attempt.ts) sends the requests and owns the deadline; this module only decides where to go.
 */
import type { FetchOutcome, Hop, NetworkFailure, NetworkFailureReason } from '../domain.js';
import type { AttemptSession, HopAnswer } from './attempt.js';
import { signalPart } from '../classify/page-extent.js';
import { resolveLocation } from './location.js';
import { findMetaRefresh } from './meta-refresh.js';
import { networkFailureOutcome } from './network-failure.js';
import { pageExtentFor } from './page-read.js';
import { SUPPORTED_ENCODINGS } from './read-body.js';
import { plural } from '../text/plural.js';
import type { RedirectCookies } from './redirect-cookies.js';

/** What the chain reads from the fetch settings. */
export type ChainSettings = {
  maxRedirects: number;
  maxBodyBytes: number;
  userAgent: string;
  headersFor: (url: URL) => Readonly<Record<string, string>>;
  followMetaRefresh: boolean;
  /** Read every text body to `maxBodyBytes` instead of as far as classification needs. */
  readWholeBody?: boolean;
  stopAtLocation?: (location: URL) => boolean;
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
  // Platform APIs: GitHub's quota left and when it comes back, the Hub's error code, ETags.
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'x-error-code',
  'etag',
] as const;

const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

const ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/**
 * Requests hop after hop until a final answer, recording each followed hop in `hops`; throws
 * only what the transport throws. The fragment is never sent; `finalUrl` carries it over.
 * `cookies` are the run's jars: a redirect's `Set-Cookie` goes back on the next hops.
 */
export async function followChain(
  url: URL,
  settings: ChainSettings,
  session: AttemptSession,
  hops: Hop[],
  cookies: RedirectCookies,
): Promise<FetchOutcome> {
  let current = withoutFragment(url);
  let fragment = url.hash;
  let previous: URL | undefined;
  // A loop is a request sent twice, URL and cookies alike: a cookie wall redirects to the very
  // URL it was asked for, and answers differently once the cookie comes back.
  const sent = new Set<string>();
  for (;;) {
    const headers = requestHeaders(current, url, settings, cookies);
    const request = `${current.href} ${headers.cookie ?? ''}`;
    if (previous !== undefined && sent.has(request)) {
      const message = `Redirect loop: ${previous.href} leads back to ${current.href}`;
      return chainFailure('redirect-loop', message, hops, session);
    }
    sent.add(request);
    const answer = await session.send(current, headers);
    let next: URL | NetworkFailure;
    const location = REDIRECT_STATUSES.has(answer.status) ? answer.header('location') : undefined;
    if (location === undefined) {
      const contentType = answer.header('content-type');
      // A page is read as far as classification needs (decision 31); an API's answer whole.
      const extent = settings.readWholeBody === true ? undefined : pageExtentFor(current, fragment);
      const text = await answer.readText(settings.maxBodyBytes, extent);
      const refresh = metaRefreshOf(answer.status, contentType, text, current, settings);
      if (refresh === undefined) {
        return {
          kind: 'response',
          status: answer.status,
          finalUrl: current.href + fragment,
          hops,
          headers: keptHeaders(answer),
          contentType,
          body: text,
          durationMs: session.elapsedMs(),
        };
      }
      next = refresh;
    } else {
      await answer.discard();
      next = resolveLocation(location, current);
      if (next instanceof URL && settings.stopAtLocation?.(next) === true) {
        return {
          kind: 'response',
          status: answer.status,
          finalUrl: current.href + fragment,
          hops,
          headers: { ...keptHeaders(answer), location: next.href },
          contentType: answer.header('content-type'),
          body: undefined,
          durationMs: session.elapsedMs(),
        };
      }
    }
    hops.push({ url: current.href, status: answer.status });
    if (!(next instanceof URL)) {
      return networkFailureOutcome(next, hops, session.elapsedMs());
    }
    cookies.keep(current, answer.setCookies);
    if (hops.length > settings.maxRedirects) {
      const message = `More than ${plural(settings.maxRedirects, 'redirect')}, last to ${next.href}`;
      return chainFailure('too-many-redirects', message, hops, session);
    }
    // RFC 9110 §10.2.2: a Location without a fragment inherits the original one.
    fragment = next.hash === '' ? fragment : next.hash;
    previous = current;
    current = withoutFragment(next);
  }
}

/** The page a 2xx HTML answer refreshes to at once, when meta refresh is followed. */
function metaRefreshOf(
  statusCode: number,
  contentType: string | undefined,
  text: string | undefined,
  current: URL,
  settings: ChainSettings,
): URL | undefined {
  const isHtml = contentType === undefined || /html/i.test(contentType);
  if (!settings.followMetaRefresh || statusCode < 200 || statusCode > 299 || !isHtml) {
    return undefined;
  }
  // Read from the page's signal part, as the title is: a page read on for its fragment is not
  // searched to the end for it.
  return text === undefined ? undefined : findMetaRefresh(signalPart(text, current), current);
}

/**
 * Headers for one hop: ours, then the host's configured ones (which may override ours), then
 * the cookies the run's redirects set for this origin. Configured headers are computed per hop,
 * so a token for one host never travels to another across a redirect; and they go only over
 * https or to the very origin the link names (the roadmap chose it), so a redirect from
 * `https://host` to `http://host` never sends a token in clear.
 */
function requestHeaders(
  url: URL,
  link: URL,
  settings: ChainSettings,
  cookies: RedirectCookies,
): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': settings.userAgent,
    accept: ACCEPT,
    'accept-encoding': SUPPORTED_ENCODINGS.join(', '),
  };
  if (url.protocol === 'https:' || url.origin === link.origin) {
    for (const [name, value] of Object.entries(settings.headersFor(url))) {
      headers[name.toLowerCase()] = value;
    }
  }
  const jarCookies = cookies.cookieHeaderFor(url);
  if (jarCookies !== undefined) {
    headers.cookie = headers.cookie === undefined ? jarCookies : `${headers.cookie}; ${jarCookies}`;
  }
  return headers;
}

function keptHeaders(answer: HopAnswer): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of KEPT_RESPONSE_HEADERS) {
    const value = answer.header(name);
    if (value !== undefined) {
      kept[name] = value;
    }
  }
  return kept;
}

/** `url` itself when it has no fragment (the usual case: no copy per link); never mutated here. */
function withoutFragment(url: URL): URL {
  if (url.hash === '') return url;
  const copy = new URL(url);
  copy.hash = '';
  return copy;
}

function failure(reason: NetworkFailureReason, message: string): NetworkFailure {
  return { reason, code: undefined, message };
}

function chainFailure(
  reason: 'too-many-redirects' | 'redirect-loop',
  message: string,
  hops: readonly Hop[],
  session: AttemptSession,
): FetchOutcome {
  return networkFailureOutcome(failure(reason, message), hops, session.elapsedMs());
}
