/**
 * Waiting, and not waiting, through whole runs on real sockets with the private-address guard
 * on: the site's name reaches 127.0.0.1 only through a forward proxy (as in
 * platform-probes.test.ts). A Retry-After longer than curate waits ends the check at once, a link
 * that never answers costs one retry at most within its budget, and response headers are read
 * up to a browser's limit. Waits between attempts go through an injected sleep that records them
 * and returns at once, so nothing here sleeps for real; only the deadlines of the server that
 * never answers are real, and short (test/helpers/deadlines.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { http, HttpResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveOptions, type CurateFlags } from '../../src/options.js';
import { parseRoadmap } from '../../src/roadmap/load.js';
import { runCheck } from '../../src/run.js';
import { NO_ANSWER_DEADLINE_MS } from '../helpers/deadlines.js';
import { startProxyServer, type ProxyServer } from '../helpers/proxy-server.js';
import { startWebServer, type WebServer } from '../helpers/web-server.js';

const ORIGIN = 'https://www.example.test';
const DAY_S = 86_400;

let brieflyHits = 0;
const handlers = [
  http.get('*/ok', () => HttpResponse.html('<!doctype html><title>Lesson</title><p>hello</p>')),
  http.get(
    '*/rate-limited/day',
    () => new Response('come back tomorrow', { status: 429, headers: { 'retry-after': '86400' } }),
  ),
  http.get(
    '*/rate-limited/date',
    () =>
      new Response('come back later', {
        status: 429,
        headers: { 'retry-after': new Date(Date.now() + 2 * 3600_000).toUTCString() },
      }),
  ),
  http.get('*/rate-limited/briefly', () => {
    brieflyHits += 1;
    return brieflyHits === 1
      ? new Response('one moment', { status: 429, headers: { 'retry-after': '1' } })
      : HttpResponse.html('<!doctype html><title>Lesson</title><p>welcome back</p>');
  }),
  http.get(
    '*/maintenance/day',
    () =>
      new Response('down for maintenance', { status: 503, headers: { 'retry-after': '86400' } }),
  ),
];

/** Answers msw cannot give: none at all, and headers of a given size. */
function raw(request: IncomingMessage, response: ServerResponse): boolean {
  if (request.url === '/silent') return true; // accepted, never answered
  const huge = /^\/set-cookie\/(\d+)k$/.exec(request.url ?? '');
  if (huge === null) return false;
  response.writeHead(200, {
    'content-type': 'text/html',
    'set-cookie': `session=${'x'.repeat(Number(huge[1]) * 1024)}; Path=/`,
  });
  response.end('<!doctype html><title>Lesson</title><p>behind a big cookie</p>');
  return true;
}

let site: WebServer;
let proxy: ProxyServer;
let out: string;
const caFile = fileURLToPath(new URL('../fixtures/tls/ca.pem', import.meta.url));

beforeAll(async () => {
  site = await startWebServer(handlers, { tls: 'valid', raw });
  proxy = await startProxyServer({ connectTo: site.connectTo('www.example.test') });
  out = await mkdtemp(join(tmpdir(), 'curate-waiting-'));
});

afterAll(async () => {
  await Promise.all([site.close(), proxy.close()]);
  await rm(out, { recursive: true, force: true });
});

/**
 * Runs `paths` of the site (after /ok, which the network probe samples, being the host's first)
 * with the guard on, and returns each entry by path, the waits slept and the requests per path.
 */
async function check(paths: readonly string[], flags: CurateFlags = {}) {
  const roadmapText = [
    'version: 1',
    'title: waiting',
    'sections:',
    "  - id: '1'",
    '    title: links',
    '    resources:',
    ...['/ok', ...paths].map(
      (path, index) =>
        `      - { id: r${index}, title: r${index}, url: '${ORIGIN}${path}', kind: article }`,
    ),
  ].join('\n');
  const loaded = parseRoadmap(roadmapText, 'waiting.yaml');
  const options = resolveOptions(
    { out, caFile, quiet: true, proxy: proxy.url, ...flags },
    loaded.roadmap.settings,
    {},
  );
  expect(options.transport.dispatcher.isPrivateAllowed).toBe(false);
  const requestsBefore = site.requests.length;
  const waits: number[] = [];
  const { report } = await runCheck(loaded, options, {
    toolVersion: 'test',
    now: () => new Date(),
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
  });
  const requests = site.requests.slice(requestsBefore).map((request) => new URL(request.url));
  const byPath = Object.fromEntries(
    report.results.map((result) => [new URL(result.url ?? ORIGIN).pathname, result]),
  );
  const requestsTo = (path: string): number =>
    requests.filter((url) => url.pathname === path).length;
  return { byPath, waits, requestsTo };
}

describe('a Retry-After longer than curate waits', () => {
  it('reports the link at once with the wait asked for, and honours a short one', async () => {
    const { byPath, waits, requestsTo } = await check([
      '/rate-limited/day',
      '/rate-limited/date',
      '/rate-limited/briefly',
      '/maintenance/day',
    ]);

    expect(byPath['/rate-limited/day']?.outcome).toEqual({
      status: 'unverified',
      reason: 'rate-limited',
      httpStatus: 429,
      retryAfterSeconds: DAY_S,
    });
    const dated = byPath['/rate-limited/date']?.outcome;
    expect(dated).toMatchObject({ status: 'unverified', reason: 'rate-limited' });
    // An HTTP-date two hours ahead (whole seconds, so a little under on a slow machine).
    const datedSeconds =
      dated !== undefined && 'retryAfterSeconds' in dated ? dated.retryAfterSeconds : 0;
    expect(datedSeconds).toBeGreaterThan(7000);
    expect(datedSeconds).toBeLessThanOrEqual(7200);
    expect(byPath['/maintenance/day']?.outcome).toEqual({
      status: 'unreachable',
      reason: 'server-error',
      httpStatus: 503,
      retryAfterSeconds: DAY_S,
    });
    // Asked once each, never waited for: the only wait is the one second the short one asked.
    expect(['/rate-limited/day', '/rate-limited/date', '/maintenance/day'].map(requestsTo)).toEqual(
      [1, 1, 1],
    );
    expect(byPath['/rate-limited/briefly']?.outcome).toMatchObject({ status: 'ok' });
    expect(waits).toEqual([1000]);
  });
});

describe('a link that never answers', () => {
  it('is asked again once at most, whatever --retries allows', async () => {
    const { byPath, requestsTo } = await check(['/silent'], {
      timeout: `${NO_ANSWER_DEADLINE_MS}ms`,
      retries: '3',
      maxTimePerLink: '20s',
    });

    expect(byPath['/silent']?.outcome).toMatchObject({ status: 'unreachable', reason: 'timeout' });
    expect(requestsTo('/silent')).toBe(2);
    expect(byPath['/ok']?.outcome).toMatchObject({ status: 'ok' });
  });

  it('gets no retry once its --max-time-per-link is spent', async () => {
    // The deadline alone would allow a 20 s attempt and a retry; the budget ends it first.
    const { byPath, requestsTo, waits } = await check(['/silent'], {
      timeout: '20s',
      maxTimePerLink: `${NO_ANSWER_DEADLINE_MS}ms`,
    });

    expect(byPath['/silent']?.outcome).toMatchObject({ status: 'unreachable', reason: 'timeout' });
    expect(requestsTo('/silent')).toBe(1);
    expect(waits).toEqual([]);
  });
});

describe('huge response headers', () => {
  it('reads a 40 KB Set-Cookie as a browser does, and fails clearly past 256 KiB', async () => {
    const { byPath } = await check(['/set-cookie/40k', '/set-cookie/300k']);

    expect(byPath['/set-cookie/40k']?.outcome).toMatchObject({ status: 'ok', httpStatus: 200 });
    expect(byPath['/set-cookie/300k']?.outcome).toEqual({
      status: 'unreachable',
      reason: 'network-error',
      errorCode: 'UND_ERR_HEADERS_OVERFLOW',
      detail: 'the response headers are larger than browsers accept, so the page cannot load',
    });
  });
});
