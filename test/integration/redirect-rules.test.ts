/**
 * Redirects as real sites do them, with the private-address guard on: credentials kept to their
 * origin, schemes no browser follows, cookie walls, raw UTF-8 in Location.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createRedirectCookies } from '../../src/fetch/redirect-cookies.js';
import { fetchSettings } from './fetch-sites.js';
import { useGuardedWeb } from './guarded-web.js';

const TOKEN = 'Bearer s3cret';
const settings = {
  ...fetchSettings,
  headersFor: (url: URL) => (url.hostname.endsWith('github.test') ? { Authorization: TOKEN } : {}),
};

const redirect = (location: string, status = 302, headers: Record<string, string> = {}) =>
  new Response(null, { status, headers: { location, ...headers } });

const page = (title: string) => HttpResponse.html(`<!doctype html><title>${title}</title>`);

/** A cookie wall: a redirect to the same URL with the cookie, the page once it comes back. */
const cookieWall = (cookie: string, setCookie: string) =>
  http.get('*/wall/:name', ({ request }) =>
    (request.headers.get('cookie') ?? '').includes(cookie)
      ? page('behind the wall')
      : redirect(request.url, 302, { 'set-cookie': setCookie }),
  );

const handlers = [
  http.get('https://www.github.test/secure', () =>
    redirect('http://www.github.test/plain', 302, { 'set-cookie': 'session=abc; Path=/' }),
  ),
  http.get('http://www.github.test/start', () => redirect('https://www.github.test/upgraded', 301)),
  http.get('https://www.github.test/away', () =>
    redirect('https://cdn.example.test/landing', 302, {
      'set-cookie': 'wide=1; Domain=github.test; Path=/',
    }),
  ),
  http.get('https://www.example.test/to-sibling', () =>
    redirect('https://cdn.example.test/landing', 302, {
      'set-cookie': 'wide=1; Domain=example.test; Path=/',
    }),
  ),
  http.get('*/plain', () => page('plain')),
  http.get('*/upgraded', () => page('upgraded')),
  http.get('*/landing', () => page('landing')),
  http.get('https://www.example.test/to/:scheme', ({ params }) => {
    const targets: Record<string, string> = {
      file: 'file:///etc/passwd',
      gopher: 'gopher://www.example.test/1',
      data: 'data:text/html,<script>alert(1)</script>',
      javascript: 'javascript:alert(document.cookie)',
      ftp: 'ftp://files.example.test/pub/x',
    };
    return redirect(targets[String(params['scheme'])] ?? '/', 301);
  }),
  http.get('https://www.example.test/wall/sticky', () =>
    redirect('https://www.example.test/wall/sticky', 302, { 'set-cookie': 'seen=1; Path=/' }),
  ),
  http.get('https://www.example.test/wall/expired', ({ request }) =>
    redirect(request.url, 302, { 'set-cookie': 'gone=1; Path=/; Max-Age=0' }),
  ),
  http.get('https://www.example.test/wall/elsewhere', () =>
    redirect('https://www.example.test/members/page', 302, {
      'set-cookie': 'scoped=1; Path=/wall',
    }),
  ),
  http.get('*/members/page', () => page('members')),
  http.get('https://www.example.test/permanent-wall', ({ request }) =>
    (request.headers.get('cookie') ?? '').includes('consent=1')
      ? page('behind a 301 wall')
      : redirect(request.url, 301, { 'set-cookie': 'consent=1; Path=/' }),
  ),
  cookieWall('pass=yes', 'pass=yes; Path=/; Secure; HttpOnly; Max-Age=600'),
  http.get('*/%E6%96%87%E6%A1%A3/%E9%A1%B5%E9%9D%A2', ({ request }) =>
    new URL(request.url).search === '?q=%E4%B8%AD%E6%96%87' ? page('文档') : page('wrong query'),
  ),
  http.get('*/caf%C3%A9', () => page('café')),
];

/** Location headers written as raw bytes, the way many servers do. */
function raw(request: IncomingMessage, response: ServerResponse): boolean {
  // Node writes header strings as latin1, one byte per character: these are the UTF-8 bytes.
  const bytes: Record<string, Buffer> = {
    '/raw/utf8': Buffer.from('/文档/页面?q=中文', 'utf8'),
    '/raw/latin1': Buffer.from('/caf\u00e9', 'latin1'),
  };
  const location = bytes[request.url ?? ''];
  if (location === undefined) return false;
  response.writeHead(302, { location: location.toString('latin1') }).end();
  return true;
}

const web = useGuardedWeb(handlers, raw);

const authorizationOf = (requests: typeof web.secure.requests, url: string) =>
  requests.find((request) => request.url === url)?.headers['authorization'];
const cookieOf = (requests: typeof web.secure.requests, url: string) =>
  requests.findLast((request) => request.url === url)?.headers['cookie'];

describe('credentials stay with their origin', () => {
  it('never resends host headers or cookies when https redirects to http on the same host', async () => {
    const outcome = await web.fetch('https://www.github.test/secure', settings);

    expect(outcome).toMatchObject({ kind: 'response', status: 200 });
    expect(authorizationOf(web.secure.requests, 'https://www.github.test/secure')).toBe(TOKEN);
    const downgraded = web.plain.requests.find(
      (request) => request.url === 'http://www.github.test/plain',
    );
    expect(downgraded).toBeDefined();
    expect(downgraded?.headers['authorization']).toBeUndefined();
    expect(downgraded?.headers['cookie']).toBeUndefined();
  });

  it('sends them on an upgrade to https of the same host', async () => {
    await web.fetch('http://www.github.test/start', settings);

    expect(authorizationOf(web.plain.requests, 'http://www.github.test/start')).toBe(TOKEN);
    expect(authorizationOf(web.secure.requests, 'https://www.github.test/upgraded')).toBe(TOKEN);
  });

  it('strips them on a hop to another host, even one a cookie Domain names', async () => {
    await web.fetch('https://www.github.test/away', settings);
    await web.fetch('https://www.example.test/to-sibling', settings);

    const landings = web.secure.requests.filter(
      (request) => request.url === 'https://cdn.example.test/landing',
    );
    expect(landings).toHaveLength(2);
    for (const landing of landings) {
      expect(landing.headers['authorization']).toBeUndefined();
      expect(landing.headers['cookie']).toBeUndefined();
    }
  });
});

describe('redirects to schemes no browser follows', () => {
  it.each(['file', 'gopher', 'data', 'javascript', 'ftp'])(
    'reports a redirect to %s: as broken unsupported-redirect',
    async (scheme) => {
      const before = web.secure.requests.length + web.plain.requests.length;

      const outcome = await web.check(`https://www.example.test/to/${scheme}`, settings);

      expect(outcome).toMatchObject({
        status: 'broken',
        reason: 'unsupported-redirect',
        scheme,
        httpStatus: 301,
      });
      // Only the redirect itself was requested: nothing was sent to the other scheme's target.
      expect(web.secure.requests.length + web.plain.requests.length).toBe(before + 1);
    },
  );
});

describe('cookie walls', () => {
  it('gets through a 302 to the same URL once the cookie comes back', async () => {
    const outcome = await web.fetch('https://www.example.test/wall/paper', settings);

    expect(outcome).toMatchObject({
      kind: 'response',
      status: 200,
      finalUrl: 'https://www.example.test/wall/paper',
      hops: [{ url: 'https://www.example.test/wall/paper', status: 302 }],
    });
    expect(cookieOf(web.secure.requests, 'https://www.example.test/wall/paper')).toBe('pass=yes');
  });

  it("keeps the run's cookies: the next link to the site passes at once", async () => {
    const cookies = createRedirectCookies();
    await web.fetch('https://www.example.test/wall/one', settings, { cookies });

    const second = await web.fetch('https://www.example.test/wall/two', settings, { cookies });

    expect(second).toMatchObject({ kind: 'response', status: 200, hops: [] });
  });

  it('reports a 301 wall back to the same URL as ok, not as a move to itself', async () => {
    const outcome = await web.check('https://www.example.test/permanent-wall', settings);

    expect(outcome).toEqual({ status: 'ok', reason: 'temporary-redirect', httpStatus: 200 });
  });

  it('calls it a loop when the same request, cookies and all, comes round again', async () => {
    const outcome = await web.fetch('https://www.example.test/wall/sticky', settings);

    expect(outcome).toMatchObject({
      kind: 'network-failure',
      failure: { reason: 'redirect-loop' },
      hops: [
        { url: 'https://www.example.test/wall/sticky', status: 302 },
        { url: 'https://www.example.test/wall/sticky', status: 302 },
      ],
    });
  });

  it('never sends an expired cookie, so a wall that sets one loops at once', async () => {
    const outcome = await web.fetch('https://www.example.test/wall/expired', settings);

    expect(outcome).toMatchObject({ failure: { reason: 'redirect-loop' }, hops: [{}] });
    expect(cookieOf(web.secure.requests, 'https://www.example.test/wall/expired')).toBeUndefined();
  });

  it('sends a cookie only under its Path', async () => {
    await web.fetch('https://www.example.test/wall/elsewhere', settings);

    expect(cookieOf(web.secure.requests, 'https://www.example.test/members/page')).toBeUndefined();
  });
});

describe('raw bytes in Location', () => {
  it('reads UTF-8 bytes as UTF-8 and percent-encodes them as a browser does', async () => {
    const outcome = await web.fetch('https://www.example.test/raw/utf8', settings);

    expect(outcome).toMatchObject({
      kind: 'response',
      status: 200,
      finalUrl:
        'https://www.example.test/%E6%96%87%E6%A1%A3/%E9%A1%B5%E9%9D%A2?q=%E4%B8%AD%E6%96%87',
      body: '<!doctype html><title>文档</title>',
    });
  });

  it('leaves bytes that are not UTF-8 as latin1', async () => {
    const outcome = await web.fetch('http://www.example.test/raw/latin1', settings);

    expect(outcome).toMatchObject({
      status: 200,
      finalUrl: 'http://www.example.test/caf%C3%A9',
    });
  });
});
