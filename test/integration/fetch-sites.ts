/**
 * The fake internet of the fetch integration tests (http-*.test.ts): fetchTarget +
 * createDispatcher on real sockets, against the local web and proxy servers. Real-looking names
 * reach 127.0.0.1 through `connectTo` or an injected lookup; nothing here touches the network.
 * Each test file calls {@link useFetchSites} once and gets its own servers.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LookupFunction } from 'node:net';
import { createGzip } from 'node:zlib';
import { http, HttpResponse } from 'msw';
import type { Dispatcher } from 'undici';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createDispatcher, type TransportSettings } from '../../src/fetch/dispatchers.js';
import type { FetchDeps, FetchSettings } from '../../src/fetch/http-client.js';
import { testCaPem } from '../helpers/tls.js';
import { startWebServer, type WebServer } from '../helpers/web-server.js';
import { ANSWER_DEADLINE_MS, CONNECT_DEADLINE_MS } from '../helpers/deadlines.js';

export const MIB = 2 ** 20;

/** The fetch settings of every test: a short deadline, no retries unless a test asks. */
export const fetchSettings: FetchSettings = {
  // Tests that prove a timeout set NO_ANSWER_DEADLINE_MS against a server that never answers.
  timeoutMs: ANSWER_DEADLINE_MS,
  maxTimePerLinkMs: 4 * ANSWER_DEADLINE_MS,
  maxRedirects: 20,
  maxBodyBytes: MIB,
  userAgent: 'curate-test/1.0',
  headersFor: () => ({}),
  retries: 0,
  retryBaseDelayMs: 10,
  maxRetryAfterMs: 5000,
  followMetaRefresh: true,
};

/** Names the sites answer for. */
export const SITE_HOSTS = ['www.example.test', 'cdn.example.test', 'www.youtube.test'];

/** Counts requests per route, for handlers that answer differently the second time. */
const hits = new Map<string, number>();
function hit(route: string): number {
  const count = (hits.get(route) ?? 0) + 1;
  hits.set(route, count);
  return count;
}

/** The routes of the fake sites. */
export const handlers = [
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
export const bigBody = { bytesWritten: 0 };
export const videoBody = { bytesWritten: 0 };
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
    void writeUntilClosed(response, Buffer.alloc(64 * 1024, 'a'), 20 * MIB, bigBody);
  },
  '/video': (response) => {
    response.writeHead(200, { 'content-type': 'video/mp4' });
    void writeUntilClosed(response, Buffer.alloc(64 * 1024, 1), 20 * MIB, videoBody);
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
  counter: { bytesWritten: number },
): Promise<void> {
  while (counter.bytesWritten < totalBytes && !response.destroyed) {
    counter.bytesWritten += chunk.length;
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

/** Transport settings that reach `server` for every site name, with the test CA trusted. */
export function transport(
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
    maxHeaderBytes: 256 * 1024,
    ...overrides,
  };
}

/** An injected resolver: listed names resolve to 127.0.0.1, others are NXDOMAIN. */
export function fakeLookup(names: readonly string[]): LookupFunction {
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

/** The HTTPS site (live binding: set by {@link useFetchSites} before the tests run). */
export let site: WebServer;
/** The same routes over plain HTTP. */
export let plainSite: WebServer;
let dispatcher: Dispatcher;
const extraDispatchers: Dispatcher[] = [];
const extraServers: AsyncDisposable[] = [];

/** A dispatcher closed after the test. */
export function dispatcherFor(settings: TransportSettings): Dispatcher {
  const created = createDispatcher(settings);
  extraDispatchers.push(created);
  return created;
}

/** A server (a proxy, an impostor site) closed after the test. */
export function closeAfterTest<T extends AsyncDisposable>(server: T): T {
  extraServers.push(server);
  return server;
}

/** The fetch deps of a test: the site's dispatcher, no real waits, no jitter. */
export function deps(extra: Partial<FetchDeps> = {}): FetchDeps {
  return { dispatcher, sleep: () => Promise.resolve(), random: () => 0, ...extra };
}

/** Starts the sites before the file's tests and closes everything after them. */
export function useFetchSites(): void {
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
}
