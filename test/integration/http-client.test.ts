/**
 * fetchTarget + createDispatcher on real sockets, against the local web and proxy servers.
 * Real-looking names reach 127.0.0.1 through `connectTo` or an injected lookup; nothing here
 * touches the network.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LookupFunction } from 'node:net';
import { createGzip } from 'node:zlib';
import { http, HttpResponse } from 'msw';
import type { Dispatcher } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, type TransportSettings } from '../../src/fetch/dispatchers.js';
import { fetchTarget, type FetchDeps, type FetchSettings } from '../../src/fetch/http-client.js';
import { PRIVATE_ADDRESS_CODE, PROXY_UNREACHABLE_CODE } from '../../src/fetch/network-failure.js';
import {
  startProxyServer,
  startSocks5ProxyServer,
  type BlockStyle,
} from '../helpers/proxy-server.js';
import {
  ANSWER_DEADLINE_MS,
  CONNECT_DEADLINE_MS,
  NO_ANSWER_DEADLINE_MS,
} from '../helpers/deadlines.js';
import { testCaPem } from '../helpers/tls.js';
import { startWebServer, type WebServer } from '../helpers/web-server.js';

const MIB = 2 ** 20;

const fetchSettings: FetchSettings = {
  // Tests that prove a timeout set NO_ANSWER_DEADLINE_MS against a server that never answers.
  timeoutMs: ANSWER_DEADLINE_MS,
  maxRedirects: 20,
  maxBodyBytes: MIB,
  userAgent: 'curate-test/1.0',
  headersFor: () => ({}),
  retries: 0,
  retryBaseDelayMs: 10,
  maxRetryAfterMs: 5000,
  followMetaRefresh: true,
};

const SITE_HOSTS = ['www.example.test', 'cdn.example.test', 'www.youtube.test'];

/** Counts requests per route, for handlers that answer differently the second time. */
const hits = new Map<string, number>();
function hit(route: string): number {
  const count = (hits.get(route) ?? 0) + 1;
  hits.set(route, count);
  return count;
}

const handlers = [
  http.get('*/ok', () => HttpResponse.html('<!doctype html><title>OK</title><p>hello</p>')),
  http.get(
    'https://www.example.test/chain/1',
    () => new Response(null, { status: 301, headers: { location: '../chain/2?x=1' } }),
  ),
  http.get(
    'https://www.example.test/chain/2',
    () =>
      new Response(null, {
        status: 302,
        headers: { location: 'https://cdn.example.test/chain/3' },
      }),
  ),
  http.get('https://cdn.example.test/chain/3', () => HttpResponse.text('arrived')),
  http.get('*/loop/a', () => new Response(null, { status: 301, headers: { location: '/loop/b' } })),
  http.get('*/loop/b', () => new Response(null, { status: 301, headers: { location: '/loop/a' } })),
  http.get('*/hops/:n', ({ params }) => {
    const left = Number(params['n']);
    return left === 0
      ? HttpResponse.text('done')
      : new Response('moving on', { status: 302, headers: { location: `/hops/${left - 1}` } });
  }),
  http.get('*/meta', () =>
    HttpResponse.html('<head><meta http-equiv="refresh" content="0; url=/ok"></head>'),
  ),
  http.get('*/rate-limited', () =>
    hit('rate-limited') === 1
      ? new Response('slow down', { status: 429, headers: { 'retry-after': '2' } })
      : HttpResponse.text('welcome back'),
  ),
  http.get('*/flaky', () =>
    hit('flaky') === 1 ? new Response('busy', { status: 503 }) : HttpResponse.text('better now'),
  ),
  http.get(
    'https://www.example.test/private',
    () =>
      new Response(null, {
        status: 302,
        headers: { location: 'https://cdn.example.test/landing' },
      }),
  ),
  http.get('https://cdn.example.test/landing', () => HttpResponse.text('public')),
];

/** Answers that msw cannot give: a dripping, a silent and a torn response, huge bodies. */
const bigBody = { bytesWritten: 0 };
const rawRoutes: Readonly<Record<string, (response: ServerResponse) => void>> = {
  '/drip': (response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    const timer = setInterval(() => {
      response.write('<p>drop</p>');
    }, 50);
    response.once('close', () => {
      clearInterval(timer);
    });
  },
  '/silent': () => {
    // Accept the request, never answer.
  },
  '/torn': (response) => {
    response.writeHead(200, { 'content-type': 'text/html', 'content-length': '10000' });
    response.write('<p>the first bytes', () => response.socket?.destroy());
  },
  '/bomb': (response) => {
    // A gzip bomb with no end: a mebibyte of spaces (about a kilobyte on the wire) every 20 ms
    // until the client hangs up. Only a reader that stops at maxBodyBytes ever returns.
    response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
    const gzip = createGzip();
    gzip.pipe(response);
    const spaces = Buffer.alloc(MIB, ' ');
    const timer = setInterval(() => {
      gzip.write(spaces);
      gzip.flush();
    }, 20);
    response.once('close', () => {
      clearInterval(timer);
      gzip.destroy();
    });
  },
  '/big': (response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    void writeUntilClosed(response, Buffer.alloc(64 * 1024, 'a'), 20 * MIB);
  },
};

function raw(request: IncomingMessage, response: ServerResponse): boolean {
  const route = rawRoutes[request.url ?? ''];
  route?.(response);
  return route !== undefined;
}

async function writeUntilClosed(
  response: ServerResponse,
  chunk: Buffer,
  totalBytes: number,
): Promise<void> {
  while (bigBody.bytesWritten < totalBytes && !response.destroyed) {
    bigBody.bytesWritten += chunk.length;
    if (!response.write(chunk)) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          response.off('drain', done).off('close', done);
          resolve();
        };
        response.on('drain', done).on('close', done);
      });
    }
  }
  response.end();
}

function transport(
  server: WebServer,
  overrides: Partial<TransportSettings> = {},
): TransportSettings {
  return {
    proxy: undefined,
    isPrivateAllowed: true,
    connectTo: server.connectTo(...SITE_HOSTS),
    extraCaPem: testCaPem,
    connectionsPerOrigin: 4,
    connectTimeoutMs: CONNECT_DEADLINE_MS,
    ...overrides,
  };
}

/** An injected resolver: listed names resolve to 127.0.0.1, others are NXDOMAIN. */
function fakeLookup(names: readonly string[]): LookupFunction {
  return (hostname, options, callback) => {
    if (!names.includes(hostname)) {
      const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
        code: 'ENOTFOUND',
        syscall: 'getaddrinfo',
        hostname,
      });
      callback(error, '');
    } else if (options.all === true) {
      callback(null, [{ address: '127.0.0.1', family: 4 }]);
    } else {
      callback(null, '127.0.0.1', 4);
    }
  };
}

let site: WebServer;
let plainSite: WebServer;
let dispatcher: Dispatcher;
const extraDispatchers: Dispatcher[] = [];
const extraServers: AsyncDisposable[] = [];

/** A dispatcher closed after the test. */
function dispatcherFor(settings: TransportSettings): Dispatcher {
  const created = createDispatcher(settings);
  extraDispatchers.push(created);
  return created;
}

function deps(extra: Partial<FetchDeps> = {}): FetchDeps {
  return { dispatcher, sleep: () => Promise.resolve(), random: () => 0, ...extra };
}

beforeAll(async () => {
  site = await startWebServer(handlers, { tls: 'valid', raw });
  plainSite = await startWebServer(handlers, { raw });
  dispatcher = createDispatcher(transport(site));
});

afterEach(async () => {
  await Promise.all(extraDispatchers.splice(0).map((created) => created.close()));
  await Promise.all(extraServers.splice(0).map((server) => server[Symbol.asyncDispose]()));
});

afterAll(async () => {
  await dispatcher.close();
  await site.close();
  await plainSite.close();
});

describe('responses', () => {
  it('reads a 200 page over HTTPS with the test CA', async () => {
    const outcome = await fetchTarget(
      new URL('https://www.example.test/ok'),
      fetchSettings,
      deps(),
    );

    expect(outcome).toMatchObject({
      kind: 'response',
      status: 200,
      finalUrl: 'https://www.example.test/ok',
      hops: [],
      contentType: 'text/html',
      body: '<!doctype html><title>OK</title><p>hello</p>',
    });
  });

  it('reads a 200 page over plain HTTP', async () => {
    const plain = dispatcherFor(transport(plainSite));

    const outcome = await fetchTarget(
      new URL('http://www.example.test/ok'),
      fetchSettings,
      deps({ dispatcher: plain }),
    );

    expect(outcome).toMatchObject({ kind: 'response', status: 200 });
    expect(outcome.kind === 'response' && outcome.body).toContain('hello');
    expect(plainSite.requests.at(-1)).toMatchObject({
      url: 'http://www.example.test/ok',
      headers: { 'user-agent': 'curate-test/1.0' },
    });
  });

  it('never sends the fragment, and carries it to finalUrl', async () => {
    const outcome = await fetchTarget(
      new URL('https://www.example.test/ok#section-2'),
      fetchSettings,
      deps(),
    );

    expect(site.requests.at(-1)?.url).toBe('https://www.example.test/ok');
    expect(outcome).toMatchObject({ finalUrl: 'https://www.example.test/ok#section-2' });
  });

  it('keeps only maxBodyBytes of a 20 MB body and stops the download', async () => {
    const outcome = await fetchTarget(
      new URL('https://www.example.test/big'),
      fetchSettings,
      deps(),
    );

    expect(outcome.kind === 'response' && outcome.body?.length).toBe(MIB);
    expect(bigBody.bytesWritten).toBeLessThan(10 * MIB);
  });

  it('stops reading an endless gzip bomb at maxBodyBytes of decompressed text', async () => {
    const outcome = await fetchTarget(
      new URL('https://www.example.test/bomb'),
      fetchSettings,
      deps(),
    );

    // A response at all (not a timeout) proves the reader stopped: the stream never ends.
    expect(outcome).toMatchObject({ kind: 'response', status: 200 });
    expect(outcome.kind === 'response' && outcome.body?.length).toBe(MIB);
  });
});

describe('redirects', () => {
  it('follows a relative 301 and a cross-host 302, recording both hops', async () => {
    const outcome = await fetchTarget(
      new URL('https://www.example.test/chain/1'),
      fetchSettings,
      deps(),
    );

    expect(outcome).toMatchObject({
      kind: 'response',
      status: 200,
      finalUrl: 'https://cdn.example.test/chain/3',
      hops: [
        { url: 'https://www.example.test/chain/1', status: 301 },
        { url: 'https://www.example.test/chain/2?x=1', status: 302 },
      ],
      body: 'arrived',
    });
  });

  it('detects a loop', async () => {
    const outcome = await fetchTarget(
      new URL('https://www.example.test/loop/a'),
      fetchSettings,
      deps(),
    );

    expect(outcome).toMatchObject({
      kind: 'network-failure',
      failure: { reason: 'redirect-loop' },
      hops: [
        { url: 'https://www.example.test/loop/a', status: 301 },
        { url: 'https://www.example.test/loop/b', status: 301 },
      ],
    });
  });

  it.each([
    [20, { kind: 'response', status: 200 }],
    [21, { kind: 'network-failure', failure: { reason: 'too-many-redirects' } }],
  ])('with %i redirects in a row answers %o', async (count, expected) => {
    const outcome = await fetchTarget(
      new URL(`https://www.example.test/hops/${count}`),
      fetchSettings,
      deps(),
    );

    expect(outcome).toMatchObject(expected);
    expect(outcome.hops).toHaveLength(count);
  });

  it('follows a meta refresh, recording the page with its 200', async () => {
    const outcome = await fetchTarget(
      new URL('https://www.example.test/meta'),
      fetchSettings,
      deps(),
    );

    expect(outcome).toMatchObject({
      kind: 'response',
      finalUrl: 'https://www.example.test/ok',
      hops: [{ url: 'https://www.example.test/meta', status: 200 }],
    });
  });

  it('sends per-host headers only to their host, never across a redirect', async () => {
    const headersFor = (url: URL): Record<string, string> =>
      url.hostname === 'www.example.test' ? { authorization: 'Bearer s3cret' } : {};

    await fetchTarget(
      new URL('https://www.example.test/private'),
      { ...fetchSettings, headersFor },
      deps(),
    );

    const [first, second] = site.requests.slice(-2);
    expect(first).toMatchObject({
      url: 'https://www.example.test/private',
      headers: { authorization: 'Bearer s3cret' },
    });
    expect(second?.url).toBe('https://cdn.example.test/landing');
    expect(second?.headers).not.toHaveProperty('authorization');
  });
});

describe('retries', () => {
  it('waits as long as Retry-After asks, then returns the 200', async () => {
    const waits: number[] = [];

    const outcome = await fetchTarget(
      new URL('https://www.example.test/rate-limited'),
      { ...fetchSettings, retries: 2 },
      deps({
        sleep: (ms) => {
          waits.push(ms);
          return Promise.resolve();
        },
      }),
    );

    expect(outcome).toMatchObject({ kind: 'response', status: 200, body: 'welcome back' });
    expect(waits).toEqual([2000]);
  });

  it('retries a 503 with backoff', async () => {
    const waits: number[] = [];

    const outcome = await fetchTarget(
      new URL('https://www.example.test/flaky'),
      { ...fetchSettings, retries: 1 },
      deps({
        sleep: (ms) => {
          waits.push(ms);
          return Promise.resolve();
        },
      }),
    );

    expect(outcome).toMatchObject({ kind: 'response', status: 200 });
    expect(waits).toEqual([5]);
  });
});

describe('deadlines and broken connections', () => {
  it.each([
    ['a body that drips slower than the deadline', '/drip', 'body'],
    ['headers that never come', '/silent', 'headers'],
  ])('times out on %s', async (_name, path, phase) => {
    const outcome = await fetchTarget(
      new URL(`https://www.example.test${path}`),
      { ...fetchSettings, timeoutMs: NO_ANSWER_DEADLINE_MS },
      deps(),
    );

    // One deadline for the whole attempt: the drip never pauses long enough for an idle
    // timeout, so only that deadline can end it, and not before it passed (give or take the
    // rounding of timers). No upper bound: how late a timer fires depends on the machine.
    expect(outcome).toMatchObject({ kind: 'timeout', phase, hops: [] });
    expect(outcome.durationMs).toBeGreaterThanOrEqual(NO_ANSWER_DEADLINE_MS - 10);
  });

  it('reports a connection torn mid-response as reset', async () => {
    const outcome = await fetchTarget(
      new URL('https://www.example.test/torn'),
      fetchSettings,
      deps(),
    );

    expect(outcome).toMatchObject({ kind: 'network-failure', failure: { reason: 'reset' } });
  });

  it('reports a closed port as refused', async () => {
    const closed = await startWebServer([]);
    await closed.close();
    const down = dispatcherFor(
      transport(site, { connectTo: closed.connectTo('down.example.test') }),
    );

    const outcome = await fetchTarget(
      new URL('http://down.example.test/'),
      fetchSettings,
      deps({ dispatcher: down }),
    );

    expect(outcome).toMatchObject({
      kind: 'network-failure',
      failure: { reason: 'refused', code: 'ECONNREFUSED' },
    });
  });

  it('reports a certificate for another host as tls', async () => {
    const impostor = await startWebServer(handlers, { tls: 'wrong-host' });
    extraServers.push(impostor);
    const viaImpostor = dispatcherFor(transport(impostor));

    const outcome = await fetchTarget(
      new URL('https://www.example.test/ok'),
      fetchSettings,
      deps({ dispatcher: viaImpostor }),
    );

    expect(outcome).toMatchObject({
      kind: 'network-failure',
      failure: { reason: 'tls', code: 'ERR_TLS_CERT_ALTNAME_INVALID' },
    });
    expect(impostor.requests).toHaveLength(0);
  });

  it('reports a certificate from an unknown CA as tls', async () => {
    const untrusting = dispatcherFor(transport(site, { extraCaPem: undefined }));

    const outcome = await fetchTarget(
      new URL('https://www.example.test/ok'),
      fetchSettings,
      deps({ dispatcher: untrusting }),
    );

    expect(outcome).toMatchObject({ kind: 'network-failure', failure: { reason: 'tls' } });
  });

  it('reports NXDOMAIN from the resolver as dns', async () => {
    const resolving = dispatcherFor(
      transport(site, { connectTo: new Map(), lookup: fakeLookup([]) }),
    );

    const outcome = await fetchTarget(
      new URL('https://gone.example.test/'),
      fetchSettings,
      deps({ dispatcher: resolving }),
    );

    expect(outcome).toMatchObject({
      kind: 'network-failure',
      failure: { reason: 'dns', code: 'ENOTFOUND' },
    });
  });

  it('resolves names through the injected lookup', async () => {
    const resolving = dispatcherFor(
      transport(plainSite, { connectTo: new Map(), lookup: fakeLookup(['www.example.test']) }),
    );

    const outcome = await fetchTarget(
      new URL(`http://www.example.test:${plainSite.port}/ok`),
      fetchSettings,
      deps({ dispatcher: resolving }),
    );

    expect(outcome).toMatchObject({ kind: 'response', status: 200 });
  });
});

describe('private addresses', () => {
  it.each([
    ['a literal loopback URL', () => `${plainSite.origin}/ok`, new Map()],
    [
      'a name that resolves to loopback',
      () => `http://www.example.test:${plainSite.port}/ok`,
      new Map(),
    ],
    [
      'a connectTo pin to loopback',
      () => 'http://www.example.test/ok',
      new Map([['www.example.test', { address: '127.0.0.1', port: 1 }]]),
    ],
  ])('refuses %s unless private addresses are allowed', async (_name, url, connectTo) => {
    const guarded = dispatcherFor(
      transport(plainSite, {
        isPrivateAllowed: false,
        connectTo,
        lookup: fakeLookup(['www.example.test']),
      }),
    );
    const requestsBefore = plainSite.requests.length;

    const outcome = await fetchTarget(new URL(url()), fetchSettings, deps({ dispatcher: guarded }));

    expect(outcome).toMatchObject({
      kind: 'network-failure',
      failure: { reason: 'private-address', code: PRIVATE_ADDRESS_CODE },
    });
    expect(plainSite.requests).toHaveLength(requestsBefore);
  });

  it('refuses a literal private target even through a proxy', async () => {
    const proxy = await startProxyServer();
    extraServers.push(proxy);
    const guarded = dispatcherFor(
      transport(plainSite, { isPrivateAllowed: false, proxy: { httpProxy: proxy.url } }),
    );

    const outcome = await fetchTarget(
      new URL(`${plainSite.origin}/ok`),
      fetchSettings,
      deps({ dispatcher: guarded }),
    );

    expect(outcome).toMatchObject({ failure: { reason: 'private-address' } });
    expect(proxy.requests).toHaveLength(0);
  });
});

describe('proxies', () => {
  it('tunnels HTTPS through the proxy, which really carries the request', async () => {
    const proxy = await startProxyServer({ connectTo: site.connectTo(...SITE_HOSTS) });
    extraServers.push(proxy);
    const proxied = dispatcherFor(
      transport(site, {
        connectTo: new Map(),
        proxy: { httpProxy: proxy.url, httpsProxy: proxy.url },
      }),
    );

    const outcome = await fetchTarget(
      new URL('https://www.youtube.test/ok'),
      fetchSettings,
      deps({ dispatcher: proxied }),
    );

    expect(outcome).toMatchObject({ kind: 'response', status: 200 });
    expect(proxy.requests).toEqual([
      { method: 'CONNECT', hostname: 'www.youtube.test', port: 443, isBlocked: false },
    ]);
    expect(site.requests.at(-1)?.url).toBe('https://www.youtube.test/ok');
  });

  it('goes direct for NO_PROXY hosts', async () => {
    const proxy = await startProxyServer({ connectTo: site.connectTo(...SITE_HOSTS) });
    extraServers.push(proxy);
    const proxied = dispatcherFor(
      transport(site, { proxy: { httpsProxy: proxy.url, noProxy: 'example.test' } }),
    );

    const outcome = await fetchTarget(
      new URL('https://www.example.test/ok'),
      fetchSettings,
      deps({ dispatcher: proxied }),
    );

    expect(outcome).toMatchObject({ kind: 'response', status: 200 });
    expect(proxy.requests).toHaveLength(0);
  });

  it.each<[BlockStyle, object, number]>([
    ['refuse', { kind: 'network-failure', failure: { reason: 'proxy' } }, ANSWER_DEADLINE_MS],
    ['reset', { kind: 'network-failure', failure: { reason: 'reset' } }, ANSWER_DEADLINE_MS],
    // Only a proxy that never answers gets a short deadline: a timeout is what it proves.
    ['hang', { kind: 'timeout', phase: 'connect' }, NO_ANSWER_DEADLINE_MS],
  ])('fails a host the proxy blocks with %s', async (blockStyle, expected, deadlineMs) => {
    const proxy = await startProxyServer({
      connectTo: site.connectTo(...SITE_HOSTS),
      blockHosts: ['youtube.test'],
      blockStyle,
    });
    extraServers.push(proxy);
    const proxied = dispatcherFor(
      transport(site, { proxy: { httpsProxy: proxy.url }, connectTimeoutMs: deadlineMs }),
    );

    const outcome = await fetchTarget(
      new URL('https://www.youtube.test/ok'),
      { ...fetchSettings, timeoutMs: deadlineMs },
      deps({ dispatcher: proxied }),
    );

    expect(outcome).toMatchObject(expected);
    expect(proxy.requests).toMatchObject([{ hostname: 'www.youtube.test', isBlocked: true }]);
  });

  it('tunnels through a SOCKS5 proxy', async () => {
    const socks = await startSocks5ProxyServer({ connectTo: site.connectTo(...SITE_HOSTS) });
    extraServers.push(socks);
    const proxied = dispatcherFor(
      transport(site, { connectTo: new Map(), proxy: { httpsProxy: socks.url } }),
    );

    const outcome = await fetchTarget(
      new URL('https://www.youtube.test/ok'),
      fetchSettings,
      deps({ dispatcher: proxied }),
    );

    expect(outcome).toMatchObject({ kind: 'response', status: 200 });
    expect(socks.hostnames()).toEqual(['www.youtube.test']);
  });

  it('fails a host a SOCKS5 proxy refuses as proxy', async () => {
    const socks = await startSocks5ProxyServer({
      connectTo: site.connectTo(...SITE_HOSTS),
      blockHosts: ['youtube.test'],
    });
    extraServers.push(socks);
    const proxied = dispatcherFor(transport(site, { proxy: { httpsProxy: socks.url } }));

    const outcome = await fetchTarget(
      new URL('https://www.youtube.test/ok'),
      fetchSettings,
      deps({ dispatcher: proxied }),
    );

    expect(outcome).toMatchObject({
      kind: 'network-failure',
      failure: { reason: 'proxy', code: 'UND_ERR_SOCKS5_REPLY_2' },
    });
  });

  it('reports a proxy that is not running as proxy', async () => {
    const closed = await startProxyServer();
    await closed.close();
    const proxied = dispatcherFor(transport(site, { proxy: { httpsProxy: closed.url } }));

    const outcome = await fetchTarget(
      new URL('https://www.example.test/ok'),
      fetchSettings,
      deps({ dispatcher: proxied }),
    );

    expect(outcome).toMatchObject({
      kind: 'network-failure',
      failure: { reason: 'proxy', code: PROXY_UNREACHABLE_CODE },
    });
  });
});
