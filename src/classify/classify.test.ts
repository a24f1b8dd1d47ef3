import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CheckOutcome, FetchOutcome, Hop, NetworkFailureReason, Reason } from '../domain.js';
import { classifyOutcome, type AcceptRules, type ResponseOutcome } from './classify.js';

function fixture(name: string): string {
  return readFileSync(new URL(`../../test/fixtures/pages/${name}`, import.meta.url), 'utf8');
}

const GUIDE = 'https://example.test/guide';

function page(title: string, body = ''): string {
  return `<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`;
}

const ARTICLE = page(
  'Fine-tuning guide | Example',
  '<h1 id="fine-tuning">Fine-tuning</h1><h2 id="setup">Setup</h2><p>Install the tools.</p>',
);

/** A response that ended at `finalUrl` (default: the requested guide) with an HTML article. */
function response(status: number, overrides: Partial<ResponseOutcome> = {}): ResponseOutcome {
  return {
    kind: 'response',
    status,
    finalUrl: GUIDE,
    hops: [],
    headers: {},
    contentType: 'text/html; charset=utf-8',
    body: ARTICLE,
    durationMs: 120,
    ...overrides,
  };
}

function failure(
  reason: NetworkFailureReason,
  code: string | undefined,
  message: string,
  hops: readonly Hop[] = [],
): FetchOutcome {
  return { kind: 'network-failure', failure: { reason, code, message }, hops, durationMs: 80 };
}

const hop = (url: string, status: number): Hop => ({ url, status });

const DEFAULT_RULES: AcceptRules = { acceptStatuses: new Set(), checkFragments: true };
const accepting = (...codes: number[]): AcceptRules => ({
  acceptStatuses: new Set(codes),
  checkFragments: true,
});
const NO_FRAGMENTS: AcceptRules = { acceptStatuses: new Set(), checkFragments: false };

type Row = [
  name: string,
  fetched: FetchOutcome,
  requested: string,
  rules: AcceptRules,
  expected: CheckOutcome,
];

// prettier-ignore
const ROWS: Row[] = [
  // ok
  ['200, no redirect', response(200), GUIDE, DEFAULT_RULES, { status: 'ok', reason: 'ok', httpStatus: 200 }],
  ['204 with no body', response(204, { body: undefined, contentType: undefined }), GUIDE, DEFAULT_RULES, { status: 'ok', reason: 'ok', httpStatus: 204 }],
  ['200 after a 302', response(200, { hops: [hop('https://example.test/old', 302)] }), 'https://example.test/old', DEFAULT_RULES, { status: 'ok', reason: 'temporary-redirect', httpStatus: 200 }],
  ['200 after 303 and 307', response(200, { hops: [hop('https://example.test/a', 303), hop('https://example.test/b', 307)] }), 'https://example.test/a', DEFAULT_RULES, { status: 'ok', reason: 'temporary-redirect', httpStatus: 200 }],
  ['a PDF with an open parameter', response(200, { contentType: 'application/pdf', body: undefined }), `${GUIDE}.pdf#page=2`, DEFAULT_RULES, { status: 'ok', reason: 'ok', httpStatus: 200 }],
  ['a fragment that is there', response(200), `${GUIDE}#setup`, DEFAULT_RULES, { status: 'ok', reason: 'ok', httpStatus: 200 }],
  ['a text fragment', response(200), `${GUIDE}#:~:text=install`, DEFAULT_RULES, { status: 'ok', reason: 'ok', httpStatus: 200 }],
  ['a missing fragment with --no-fragments', response(200), `${GUIDE}#usage`, NO_FRAGMENTS, { status: 'ok', reason: 'ok', httpStatus: 200 }],
  ['a missing fragment on a plain-text page', response(200, { contentType: 'text/plain', body: 'Setup\n=====' }), `${GUIDE}#usage`, DEFAULT_RULES, { status: 'ok', reason: 'ok', httpStatus: 200 }],
  ['a missing fragment on a page cut off by the body cap', response(200, { body: '<html><body><h2 id="setup">Setup</h2><p>' + 'x'.repeat(200) }), `${GUIDE}#usage`, DEFAULT_RULES, { status: 'ok', reason: 'ok', httpStatus: 200 }],
  ['the sign-in page the roadmap links to', response(200, { finalUrl: 'https://github.com/login', body: page('Sign in to GitHub · GitHub', '<input type="password">') }), 'https://github.com/login', DEFAULT_RULES, { status: 'ok', reason: 'ok', httpStatus: 200 }],
  ['an article about 404 errors', response(200, { body: fixture('mdn-404-article.html') }), 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/404', DEFAULT_RULES, { status: 'ok', reason: 'ok', httpStatus: 200 }],

  // ok: accepted by the maintainer
  ['403 accepted', response(403), GUIDE, accepting(403), { status: 'ok', reason: 'accepted', httpStatus: 403 }],
  ['999 accepted', response(999, { body: undefined }), GUIDE, accepting(999), { status: 'ok', reason: 'accepted', httpStatus: 999 }],
  ['accepted wins over a bot wall', response(403, { headers: { 'cf-mitigated': 'challenge' } }), GUIDE, accepting(403), { status: 'ok', reason: 'accepted', httpStatus: 403 }],
  ['a 301 accepted', response(200, { finalUrl: 'https://example.test/new', hops: [hop(GUIDE, 301)] }), GUIDE, accepting(301), { status: 'ok', reason: 'accepted', httpStatus: 200 }],
  ['accepting 200 does not hide a soft 404', response(200, { body: fixture('github-404.html') }), GUIDE, accepting(200), { status: 'broken', reason: 'soft-404', httpStatus: 200, detail: 'page title: "Page not found · GitHub · GitHub"' }],

  // redirected
  ['301 then 200', response(200, { finalUrl: 'https://example.test/new-guide', hops: [hop(GUIDE, 301)] }), GUIDE, DEFAULT_RULES, { status: 'redirected', reason: 'permanent-redirect', httpStatus: 200, finalUrl: 'https://example.test/new-guide' }],
  ['302 then 308 then 200', response(200, { finalUrl: 'https://example.test/c', hops: [hop(GUIDE, 302), hop('https://example.test/b', 308)] }), GUIDE, DEFAULT_RULES, { status: 'redirected', reason: 'permanent-redirect', httpStatus: 200, finalUrl: 'https://example.test/c' }],
  ['http to https 301', response(200, { finalUrl: 'https://example.test/guide', hops: [hop('http://example.test/guide', 301)] }), 'http://example.test/guide', DEFAULT_RULES, { status: 'redirected', reason: 'permanent-redirect', httpStatus: 200, finalUrl: 'https://example.test/guide' }],
  ['keeps the requested fragment', response(200, { finalUrl: 'https://example.test/new-guide', hops: [hop(GUIDE, 301)] }), `${GUIDE}#setup`, DEFAULT_RULES, { status: 'redirected', reason: 'permanent-redirect', httpStatus: 200, finalUrl: 'https://example.test/new-guide#setup' }],
  ["keeps the final URL's own fragment", response(200, { finalUrl: 'https://example.test/new-guide#fine-tuning', hops: [hop(GUIDE, 301)] }), `${GUIDE}#setup`, DEFAULT_RULES, { status: 'redirected', reason: 'permanent-redirect', httpStatus: 200, finalUrl: 'https://example.test/new-guide#fine-tuning' }],
  ['a meta refresh followed', response(200, { finalUrl: 'https://new.example.test/guide', hops: [hop(GUIDE, 200)] }), GUIDE, DEFAULT_RULES, { status: 'redirected', reason: 'permanent-redirect', httpStatus: 200, finalUrl: 'https://new.example.test/guide' }],
  ['a deep link sent home by a 301', response(200, { finalUrl: 'https://www.example.test/', hops: [hop(GUIDE, 301)] }), GUIDE, DEFAULT_RULES, { status: 'broken', reason: 'redirected-to-home', httpStatus: 200, detail: 'redirected to https://www.example.test/' }],
  ['a deep link sent to a locale root by a 302', response(200, { finalUrl: 'https://example.test/zh-CN/', hops: [hop(GUIDE, 302)] }), GUIDE, DEFAULT_RULES, { status: 'broken', reason: 'redirected-to-home', httpStatus: 200, detail: 'redirected to https://example.test/zh-CN/' }],
  ['a deep link sent home, even with accept: [301]', response(200, { finalUrl: 'https://example.test/index.html', hops: [hop(GUIDE, 301)] }), GUIDE, accepting(301), { status: 'broken', reason: 'redirected-to-home', httpStatus: 200, detail: 'redirected to https://example.test/index.html' }],
  ['a home page moved to its locale root', response(200, { finalUrl: 'https://example.test/en-us/', hops: [hop('https://example.test/', 301)] }), 'https://example.test/', DEFAULT_RULES, { status: 'redirected', reason: 'permanent-redirect', httpStatus: 200, finalUrl: 'https://example.test/en-us/' }],
  ['a deep link sent to another site\'s home', response(200, { finalUrl: 'https://other.test/', hops: [hop(GUIDE, 301)] }), GUIDE, DEFAULT_RULES, { status: 'redirected', reason: 'permanent-redirect', httpStatus: 200, finalUrl: 'https://other.test/' }],
  ['a cookie wall\'s 301 back to the same URL', response(200, { finalUrl: GUIDE, hops: [hop(GUIDE, 301)] }), GUIDE, DEFAULT_RULES, { status: 'ok', reason: 'temporary-redirect', httpStatus: 200 }],
  ['accepting 308 does not hide a 301', response(200, { finalUrl: 'https://example.test/new', hops: [hop(GUIDE, 301)] }), GUIDE, accepting(308), { status: 'redirected', reason: 'permanent-redirect', httpStatus: 200, finalUrl: 'https://example.test/new' }],

  // broken
  ['404', response(404), GUIDE, DEFAULT_RULES, { status: 'broken', reason: 'http-404', httpStatus: 404 }],
  ['404 after a 301', response(404, { finalUrl: 'https://example.test/new', hops: [hop(GUIDE, 301)] }), GUIDE, DEFAULT_RULES, { status: 'broken', reason: 'http-404', httpStatus: 404 }],
  ['410', response(410), GUIDE, DEFAULT_RULES, { status: 'broken', reason: 'http-410', httpStatus: 410 }],
  ['400', response(400), GUIDE, DEFAULT_RULES, { status: 'broken', reason: 'http-client-error', httpStatus: 400 }],
  ['405', response(405), GUIDE, DEFAULT_RULES, { status: 'broken', reason: 'http-client-error', httpStatus: 405 }],
  ['414', response(414), GUIDE, DEFAULT_RULES, { status: 'broken', reason: 'http-client-error', httpStatus: 414 }],
  ['NXDOMAIN', failure('dns', 'ENOTFOUND', 'getaddrinfo ENOTFOUND gone.example.test'), GUIDE, DEFAULT_RULES, { status: 'broken', reason: 'nxdomain', errorCode: 'ENOTFOUND', detail: 'getaddrinfo ENOTFOUND gone.example.test' }],
  ['NXDOMAIN after a 301 elsewhere', failure('dns', 'ENOTFOUND', 'getaddrinfo ENOTFOUND gone.example.test', [hop(GUIDE, 301)]), GUIDE, DEFAULT_RULES, { status: 'broken', reason: 'nxdomain', errorCode: 'ENOTFOUND', detail: 'getaddrinfo ENOTFOUND gone.example.test' }],
  ['too many redirects', failure('too-many-redirects', undefined, 'More than 10 redirects', [hop(GUIDE, 302), hop('https://example.test/a', 301)]), GUIDE, DEFAULT_RULES, { status: 'broken', reason: 'too-many-redirects', httpStatus: 301, detail: 'More than 10 redirects' }],
  ['a redirect loop', failure('redirect-loop', undefined, 'Redirect loop', [hop(GUIDE, 302), hop('https://example.test/a', 302)]), GUIDE, DEFAULT_RULES, { status: 'broken', reason: 'redirect-loop', httpStatus: 302, detail: 'Redirect loop' }],
  ['a soft 404 (GitHub)', response(200, { finalUrl: 'https://github.com/example/gone', body: fixture('github-404.html') }), 'https://github.com/example/gone', DEFAULT_RULES, { status: 'broken', reason: 'soft-404', httpStatus: 200, detail: 'page title: "Page not found · GitHub · GitHub"' }],
  ['a soft 404 (CSDN, Chinese)', response(200, { body: fixture('csdn-page-missing.html') }), GUIDE, DEFAULT_RULES, { status: 'broken', reason: 'soft-404', httpStatus: 200, detail: 'page title: "抱歉，您访问的页面不存在_CSDN博客"' }],
  ['a soft 404 reached through a 302 to /404', response(200, { finalUrl: 'https://example.test/404', hops: [hop(GUIDE, 302)], body: page('Example') }), GUIDE, DEFAULT_RULES, { status: 'broken', reason: 'soft-404', httpStatus: 200, detail: 'page title: "Example"' }],
  ['a soft 404 through a 301 is not "redirected"', response(200, { finalUrl: 'https://example.test/not-found', hops: [hop(GUIDE, 301)], body: page('Page not found') }), GUIDE, DEFAULT_RULES, { status: 'broken', reason: 'soft-404', httpStatus: 200, detail: 'page title: "Page not found"' }],
  ['a parked domain', response(200, { finalUrl: 'https://llm-course-example.com/', body: fixture('parked-sedo.html') }), 'https://llm-course-example.com/', DEFAULT_RULES, { status: 'broken', reason: 'parked-domain', httpStatus: 200, detail: 'page title: "llm-course-example.com - This website is for sale! - llm course example Resources and Information."' }],
  ['a domain redirected to its sale listing', response(200, { finalUrl: 'https://www.hugedomains.com/domain_profile.cfm?d=llm-example.com', hops: [hop('https://llm-example.com/', 301)], body: page('LLM-Example.com is for sale | HugeDomains') }), 'https://llm-example.com/', DEFAULT_RULES, { status: 'broken', reason: 'parked-domain', httpStatus: 200, detail: 'page title: "LLM-Example.com is for sale | HugeDomains"' }],
  ['a missing fragment', response(200), `${GUIDE}#usage`, DEFAULT_RULES, { status: 'broken', reason: 'missing-fragment', httpStatus: 200, detail: 'no element with id or name "usage"' }],
  ['a missing fragment after a 301', response(200, { finalUrl: 'https://example.test/new#usage', hops: [hop(GUIDE, 301)] }), `${GUIDE}#usage`, DEFAULT_RULES, { status: 'broken', reason: 'missing-fragment', httpStatus: 200, detail: 'no element with id or name "usage"' }],
  ["the Location's fragment is the one looked for", response(200, { finalUrl: 'https://example.test/new#gone', hops: [hop(GUIDE, 302)] }), `${GUIDE}#setup`, DEFAULT_RULES, { status: 'broken', reason: 'missing-fragment', httpStatus: 200, detail: 'no element with id or name "gone"' }],

  // unreachable
  ['timeout while connecting', { kind: 'timeout', phase: 'connect', hops: [], durationMs: 15000 }, GUIDE, DEFAULT_RULES, { status: 'unreachable', reason: 'timeout', detail: 'timed out while connecting (after 15000 ms)' }],
  ['timeout waiting for headers', { kind: 'timeout', phase: 'headers', hops: [], durationMs: 15000 }, GUIDE, DEFAULT_RULES, { status: 'unreachable', reason: 'timeout', detail: 'timed out while waiting for the response headers (after 15000 ms)' }],
  ['timeout reading the body', { kind: 'timeout', phase: 'body', hops: [hop(GUIDE, 302)], durationMs: 15000 }, GUIDE, DEFAULT_RULES, { status: 'unreachable', reason: 'timeout', detail: 'timed out while reading the page (after 15000 ms)' }],
  ['408 Request Timeout', response(408), GUIDE, DEFAULT_RULES, { status: 'unreachable', reason: 'timeout', httpStatus: 408 }],
  ['connection refused', failure('refused', 'ECONNREFUSED', 'connect ECONNREFUSED 203.0.113.7:443'), GUIDE, DEFAULT_RULES, { status: 'unreachable', reason: 'refused', errorCode: 'ECONNREFUSED', detail: 'connect ECONNREFUSED 203.0.113.7:443' }],
  ['connection reset', failure('reset', 'ECONNRESET', 'read ECONNRESET'), GUIDE, DEFAULT_RULES, { status: 'unreachable', reason: 'reset', errorCode: 'ECONNRESET', detail: 'read ECONNRESET' }],
  ['TLS failure', failure('tls', 'CERT_HAS_EXPIRED', 'certificate has expired'), GUIDE, DEFAULT_RULES, { status: 'unreachable', reason: 'tls', errorCode: 'CERT_HAS_EXPIRED', detail: 'certificate has expired' }],
  ['temporary DNS failure', failure('dns-temporary', 'EAI_AGAIN', 'getaddrinfo EAI_AGAIN example.test'), GUIDE, DEFAULT_RULES, { status: 'unreachable', reason: 'dns-temporary', errorCode: 'EAI_AGAIN', detail: 'getaddrinfo EAI_AGAIN example.test' }],
  ['proxy failure', failure('proxy', 'UND_ERR_ABORTED', 'Proxy response (502) !== 200 when HTTP Tunneling'), GUIDE, DEFAULT_RULES, { status: 'unreachable', reason: 'proxy', errorCode: 'UND_ERR_ABORTED', detail: 'Proxy response (502) !== 200 when HTTP Tunneling' }],
  ['407 from the region proxy', response(407, { body: undefined }), GUIDE, DEFAULT_RULES, { status: 'unreachable', reason: 'proxy', httpStatus: 407 }],
  ['500', response(500), GUIDE, DEFAULT_RULES, { status: 'unreachable', reason: 'server-error', httpStatus: 500 }],
  ['502', response(502, { body: undefined }), GUIDE, DEFAULT_RULES, { status: 'unreachable', reason: 'server-error', httpStatus: 502 }],
  ['503 without a challenge', response(503, { headers: { server: 'cloudflare' }, body: page('503 Service Unavailable') }), GUIDE, DEFAULT_RULES, { status: 'unreachable', reason: 'server-error', httpStatus: 503 }],
  ['another transport error', failure('other', 'UND_ERR_SOCKET', 'other side closed'), GUIDE, DEFAULT_RULES, { status: 'unreachable', reason: 'network-error', errorCode: 'UND_ERR_SOCKET', detail: 'other side closed' }],
  ['other without a code', failure('other', undefined, 'socket hang up'), GUIDE, DEFAULT_RULES, { status: 'unreachable', reason: 'network-error', detail: 'socket hang up' }],
  ['a redirect to a non-http URL', { kind: 'network-failure', failure: { reason: 'unsupported-redirect', scheme: 'ftp', code: undefined, message: 'redirects to a ftp: URL' }, hops: [hop(GUIDE, 301)], durationMs: 80 }, GUIDE, DEFAULT_RULES, { status: 'broken', reason: 'unsupported-redirect', scheme: 'ftp', httpStatus: 301, detail: 'redirects to a ftp: URL' }],
  ['an unparsable Location', failure('invalid-redirect', undefined, 'Location "http://[bad" is not a valid URL', [hop(GUIDE, 302)]), GUIDE, DEFAULT_RULES, { status: 'unreachable', reason: 'network-error', httpStatus: 302, detail: 'Location "http://[bad" is not a valid URL' }],
  ['a 3xx with no Location', response(300, { body: undefined }), GUIDE, DEFAULT_RULES, { status: 'unreachable', reason: 'network-error', httpStatus: 300, detail: 'HTTP 300: a redirect status with no Location to follow' }],
  ['a code outside HTTP', response(600, { body: undefined }), GUIDE, DEFAULT_RULES, { status: 'unreachable', reason: 'network-error', httpStatus: 600, detail: 'unexpected HTTP status 600' }],

  // unverified
  ['401', response(401), GUIDE, DEFAULT_RULES, { status: 'unverified', reason: 'auth-required', httpStatus: 401 }],
  ['plain 403', response(403, { body: page('403 Forbidden') }), GUIDE, DEFAULT_RULES, { status: 'unverified', reason: 'forbidden', httpStatus: 403 }],
  ['plain 403 from a Cloudflare site', response(403, { headers: { server: 'cloudflare' }, body: page('403 Forbidden') }), GUIDE, DEFAULT_RULES, { status: 'unverified', reason: 'forbidden', httpStatus: 403 }],
  ['403 cf-mitigated: challenge', response(403, { headers: { server: 'cloudflare', 'cf-mitigated': 'challenge' }, body: fixture('cloudflare-challenge.html') }), GUIDE, DEFAULT_RULES, { status: 'unverified', reason: 'bot-wall', httpStatus: 403, detail: 'cf-mitigated: challenge' }],
  ['403 Cloudflare challenge page, no header', response(403, { headers: { server: 'cloudflare' }, body: fixture('cloudflare-challenge.html') }), GUIDE, DEFAULT_RULES, { status: 'unverified', reason: 'bot-wall', httpStatus: 403, detail: 'challenge page "Just a moment..."' }],
  ['403 "Attention Required!"', response(403, { headers: { server: 'cloudflare' }, body: page('Attention Required! | Cloudflare', '<h1>Sorry, you have been blocked</h1>') }), GUIDE, DEFAULT_RULES, { status: 'unverified', reason: 'bot-wall', httpStatus: 403, detail: 'challenge page "Attention Required! | Cloudflare"' }],
  ['503 Cloudflare challenge', response(503, { headers: { server: 'cloudflare' }, body: fixture('cloudflare-challenge.html') }), GUIDE, DEFAULT_RULES, { status: 'unverified', reason: 'bot-wall', httpStatus: 503, detail: 'challenge page "Just a moment..."' }],
  ['403 from DataDome', response(403, { headers: { 'x-datadome': 'protected' }, body: undefined, contentType: 'application/json' }), GUIDE, DEFAULT_RULES, { status: 'unverified', reason: 'bot-wall', httpStatus: 403, detail: 'blocked by DataDome' }],
  ['403 from Akamai', response(403, { headers: { server: 'AkamaiGHost' }, body: page('Access Denied') }), GUIDE, DEFAULT_RULES, { status: 'unverified', reason: 'bot-wall', httpStatus: 403, detail: 'blocked by Akamai' }],
  ['403 PerimeterX block page', response(403, { body: page('Access to this page has been denied.', '<div id="px-captcha"></div>') }), GUIDE, DEFAULT_RULES, { status: 'unverified', reason: 'bot-wall', httpStatus: 403, detail: 'challenge page "Access to this page has been denied."' }],
  ['202 AWS WAF challenge', response(202, { headers: { 'x-amzn-waf-action': 'challenge' }, body: '' }), GUIDE, DEFAULT_RULES, { status: 'unverified', reason: 'bot-wall', httpStatus: 202, detail: 'x-amzn-waf-action: challenge' }],
  ['405 AWS WAF CAPTCHA', response(405, { headers: { 'x-amzn-waf-action': 'captcha' } }), GUIDE, DEFAULT_RULES, { status: 'unverified', reason: 'bot-wall', httpStatus: 405, detail: 'x-amzn-waf-action: captcha' }],
  ['200 challenge page', response(200, { body: fixture('cloudflare-challenge.html') }), GUIDE, DEFAULT_RULES, { status: 'unverified', reason: 'bot-wall', httpStatus: 200, detail: 'challenge page "Just a moment..."' }],
  ['999 LinkedIn', response(999, { body: undefined }), 'https://www.linkedin.com/in/someone', DEFAULT_RULES, { status: 'unverified', reason: 'bot-wall', httpStatus: 999 }],
  ['429', response(429), GUIDE, DEFAULT_RULES, { status: 'unverified', reason: 'rate-limited', httpStatus: 429 }],
  ['429 asking for a day', response(429, { retryAfterMs: 86_400_000 }), GUIDE, DEFAULT_RULES, { status: 'unverified', reason: 'rate-limited', httpStatus: 429, retryAfterSeconds: 86_400 }],
  ['503 asking for 1.5 s', response(503, { retryAfterMs: 1500 }), GUIDE, DEFAULT_RULES, { status: 'unreachable', reason: 'server-error', httpStatus: 503, retryAfterSeconds: 2 }],
  ['404 with a Retry-After', response(404, { retryAfterMs: 60_000 }), GUIDE, DEFAULT_RULES, { status: 'broken', reason: 'http-404', httpStatus: 404 }],
  ['451', response(451), GUIDE, DEFAULT_RULES, { status: 'unverified', reason: 'unavailable-in-region', httpStatus: 451 }],
  ['redirected to a sign-in form', response(200, { finalUrl: 'https://github.com/login?return_to=%2Forg%2Frepo', hops: [hop('https://github.com/org/repo/settings', 302)], body: page('Sign in to GitHub · GitHub', '<form><input name="login"><input type="password"></form>') }), 'https://github.com/org/repo/settings', DEFAULT_RULES, { status: 'unverified', reason: 'login-wall', httpStatus: 200, detail: 'landed on a sign-in page: https://github.com/login?return_to=%2Forg%2Frepo' }],
  ['LinkedIn authwall', response(200, { finalUrl: 'https://www.linkedin.com/authwall?trk=gf', hops: [hop('https://www.linkedin.com/pulse/x', 302)], body: page('Sign Up | LinkedIn') }), 'https://www.linkedin.com/pulse/x', DEFAULT_RULES, { status: 'unverified', reason: 'login-wall', httpStatus: 200, detail: 'landed on a sign-in page: https://www.linkedin.com/authwall?trk=gf' }],

  // skipped
  ['a name resolving to a private address', failure('private-address', undefined, 'intranet.example.test resolves to 10.0.0.5'), 'https://intranet.example.test/', DEFAULT_RULES, { status: 'skipped', reason: 'private-address', detail: 'intranet.example.test resolves to 10.0.0.5' }],
];

describe('classifyOutcome', () => {
  it.each(ROWS)('%s', (_name, fetched, requested, rules, expected) => {
    expect(classifyOutcome(fetched, new URL(requested), rules).outcome).toEqual(expected);
  });

  // Every reason word classification can produce appears in the table above.
  // prettier-ignore
  const PRODUCED: readonly Reason[] = [
    'ok', 'temporary-redirect', 'accepted', 'permanent-redirect',
    'http-404', 'http-410', 'http-client-error', 'nxdomain', 'soft-404', 'missing-fragment',
    'parked-domain', 'too-many-redirects', 'redirect-loop',
    'timeout', 'refused', 'reset', 'tls', 'dns-temporary', 'proxy', 'server-error', 'network-error',
    'bot-wall', 'rate-limited', 'auth-required', 'forbidden', 'login-wall', 'unavailable-in-region',
    'private-address',
  ];
  it.each(PRODUCED)('the table covers %s', (reason) => {
    expect(ROWS.some((row) => row[4].reason === reason)).toBe(true);
  });
});

describe('classifyOutcome pageTitle', () => {
  it.each<[string, FetchOutcome, string | undefined]>([
    ['an HTML 200', response(200), 'Fine-tuning guide | Example'],
    ['an HTML 404 page', response(404, { body: page('Not Found') }), 'Not Found'],
    [
      'HTML without a content type',
      response(200, { contentType: undefined }),
      'Fine-tuning guide | Example',
    ],
    [
      'XHTML',
      response(200, { contentType: 'application/xhtml+xml' }),
      'Fine-tuning guide | Example',
    ],
    [
      'a plain-text body',
      response(200, { contentType: 'text/plain', body: '<title>not HTML</title>' }),
      undefined,
    ],
    ['a PDF', response(200, { contentType: 'application/pdf', body: undefined }), undefined],
    ['a network failure', failure('reset', 'ECONNRESET', 'read ECONNRESET'), undefined],
    ['a timeout', { kind: 'timeout', phase: 'headers', hops: [], durationMs: 10 }, undefined],
  ])('%s', (_name, fetched, expected) => {
    expect(classifyOutcome(fetched, new URL(GUIDE), DEFAULT_RULES).pageTitle).toBe(expected);
  });
});
