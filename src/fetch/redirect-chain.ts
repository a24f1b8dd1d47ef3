/**
 * The redirect chain of one attempt, followed by hand (decision 2): each hop's headers computed
 * for its own host, every hop recorded, loops and over-long chains stopped, and a
 * `<meta http-equiv=refresh>` on a 2xx HTML page followed like a hop. The attempt
 * (attempt.ts) sends the requests and owns the deadline; this module only decides where to go.
 */
import type { FetchOutcome, Hop, NetworkFailure } from '../domain.js';
import type { AttemptSession, HopAnswer } from './attempt.js';
import { findMetaRefresh } from './meta-refresh.js';
import { networkFailureOutcome } from './network-failure.js';
import { SUPPORTED_ENCODINGS } from './read-body.js';
import { plural } from '../text/plural.js';

/** What the chain reads from the fetch settings. */
export type ChainSettings = {
  maxRedirects: number;
  maxBodyBytes: number;
  userAgent: string;
  headersFor: (url: URL) => Readonly<Record<string, string>>;
  followMetaRefresh: boolean;
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
] as const;

const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

const ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/**
 * Requests hop after hop until a final answer, recording each followed hop in `hops`; throws
 * only what the transport throws. The fragment is never sent; `finalUrl` carries it over.
 */
export async function followChain(
  url: URL,
  settings: ChainSettings,
  session: AttemptSession,
  hops: Hop[],
): Promise<FetchOutcome> {
  let current = withoutFragment(url);
  let fragment = url.hash;
  const seen = new Set([current.href]);
  for (;;) {
    const answer = await session.send(current, requestHeaders(current, settings));
    let next: URL | NetworkFailure;
    const location = REDIRECT_STATUSES.has(answer.status) ? answer.header('location') : undefined;
    if (location === undefined) {
      const contentType = answer.header('content-type');
      const text = await answer.readText(settings.maxBodyBytes);
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
    }
    hops.push({ url: current.href, status: answer.status });
    if (!(next instanceof URL)) {
      return networkFailureOutcome(next, hops, session.elapsedMs());
    }
    if (hops.length > settings.maxRedirects) {
      const message = `More than ${plural(settings.maxRedirects, 'redirect')}, last to ${next.href}`;
      return chainFailure('too-many-redirects', message, hops, session);
    }
    const nextUrl = withoutFragment(next);
    if (seen.has(nextUrl.href)) {
      const message = `Redirect loop: ${current.href} leads back to ${nextUrl.href}`;
      return chainFailure('redirect-loop', message, hops, session);
    }
    seen.add(nextUrl.href);
    // RFC 9110 §10.2.2: a Location without a fragment inherits the original one.
    fragment = next.hash === '' ? fragment : next.hash;
    current = nextUrl;
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
  return text === undefined ? undefined : findMetaRefresh(text, current);
}

function resolveLocation(location: string, current: URL): URL | NetworkFailure {
  if (!URL.canParse(location, current.href)) {
    return failure('unsupported-redirect', `Location "${location}" is not a valid URL`);
  }
  const next = new URL(location, current);
  if (next.protocol !== 'http:' && next.protocol !== 'https:') {
    return failure('unsupported-redirect', `Redirect to a ${next.protocol} URL: ${next.href}`);
  }
  return next;
}

/**
 * Headers for one hop: ours, then the host's configured ones (which may override ours). They are
 * computed per hop, so a token for one host never travels to another across a redirect.
 */
function requestHeaders(url: URL, settings: ChainSettings): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': settings.userAgent,
    accept: ACCEPT,
    'accept-encoding': SUPPORTED_ENCODINGS.join(', '),
  };
  for (const [name, value] of Object.entries(settings.headersFor(url))) {
    headers[name.toLowerCase()] = value;
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

function withoutFragment(url: URL): URL {
  const copy = new URL(url);
  copy.hash = '';
  return copy;
}

function failure(reason: NetworkFailure['reason'], message: string): NetworkFailure {
  return { reason, code: undefined, message };
}

function chainFailure(
  reason: NetworkFailure['reason'],
  message: string,
  hops: readonly Hop[],
  session: AttemptSession,
): FetchOutcome {
  return networkFailureOutcome(failure(reason, message), hops, session.elapsedMs());
}
