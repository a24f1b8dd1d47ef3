/**
 * `--workers`, end to end on the built CLI: three worker threads write the same report as the
 * main thread alone, send the same requests, and keep `--per-host` on the wire; the verbose
 * output says the workers ran, so the comparison is not one thread against itself.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { http, HttpResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, localNetworkFlags, runCurate } from '../helpers/cli.js';
import { htmlPage } from '../helpers/responses.js';
import { startWebServer, type WebServer } from '../helpers/web-server.js';

const HOSTS = Array.from({ length: 9 }, (_, index) => `h${String(index)}.example.test`);
const SLOW_LINKS = 8;
const PER_HOST = 2;

const ROADMAP = [
  'version: 1',
  'title: workers',
  'sections:',
  "  - id: '1'",
  '    title: s',
  '    resources:',
  ...HOSTS.flatMap((host, index) =>
    ['ok', 'gone', 'moved', 'soft'].map(
      (path) =>
        `      - { id: ${path}-${String(index)}, title: t, url: 'https://${host}/${path}', kind: article }`,
    ),
  ),
  ...Array.from(
    { length: SLOW_LINKS },
    (_, index) =>
      `      - { id: slow-${String(index)}, title: t, url: 'https://h0.example.test/slow/${String(index)}', kind: article }`,
  ),
].join('\n');

const handlers = [
  http.get(/\/ok$/, () => htmlPage('A page')),
  http.get(/\/gone$/, () => new HttpResponse('gone', { status: 404 })),
  http.get(/\/moved$/, () => new HttpResponse(null, { status: 301, headers: { location: '/ok' } })),
  http.get(/\/soft$/, () =>
    HttpResponse.html('<html><head><title>Page not found</title></head><body>404</body></html>'),
  ),
];

/** Requests in flight per host right now, and the most seen at once. */
const inFlight = new Map<string, number>();
const mostInFlight = new Map<string, number>();
/** Slow requests that arrived this run, and the answers held until a second one is in flight. */
let slowArrivals = 0;
const held: (() => void)[] = [];
/** How long a held answer waits for company before it answers anyway (well below --timeout). */
const BACKSTOP_MS = 3_000;

/**
 * `/slow/N` (all on h0): each answer is held until --per-host requests are in flight on the
 * host (or the last slow link arrived), so a run that keeps the limit always reaches it,
 * however busy the machine; a run that kept fewer would fail on the count, after the backstop.
 */
function raw(request: IncomingMessage, response: ServerResponse): boolean {
  if (!(request.url ?? '').startsWith('/slow/')) return false;
  const host = (request.headers.host ?? '').replace(/:\d+$/, '');
  const now = (inFlight.get(host) ?? 0) + 1;
  inFlight.set(host, now);
  mostInFlight.set(host, Math.max(now, mostInFlight.get(host) ?? 0));
  slowArrivals += 1;
  const answer = (): void => {
    inFlight.set(host, (inFlight.get(host) ?? 1) - 1);
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<!doctype html><title>Slow</title><p>slow</p>');
  };
  const backstop = setTimeout(answer, BACKSTOP_MS);
  held.push(() => {
    clearTimeout(backstop);
    setTimeout(answer, 20);
  });
  if (now >= PER_HOST || slowArrivals === SLOW_LINKS) {
    for (const release of held.splice(0)) release();
  }
  return true;
}

let server: WebServer;
let dir: string;

beforeAll(async () => {
  assertCliBuilt();
  server = await startWebServer(handlers, { tls: 'valid', raw });
  dir = await mkdtemp(join(tmpdir(), 'curate-workers-'));
  await writeFile(join(dir, 'roadmap.yaml'), ROADMAP);
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

/** The report without what differs between any two runs: times and durations. */
function withoutTimes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTimes);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !/(At|Ms)$/.test(key))
      .map(([key, inner]) => [key, withoutTimes(inner)]),
  );
}

async function check(workers: string, out: string) {
  server.requests.length = 0;
  mostInFlight.clear();
  slowArrivals = 0;
  const run = await runCurate(
    [
      'check',
      'roadmap.yaml',
      '-o',
      out,
      '--workers',
      workers,
      '--per-host',
      String(PER_HOST),
      '--verbose',
      ...localNetworkFlags(server.port, HOSTS),
    ],
    { cwd: dir },
  );
  const report = JSON.parse(await readFile(join(dir, out, 'report.json'), 'utf8')) as unknown;
  const requests = server.requests.map((request) => `${request.method} ${request.url}`).sort();
  return { run, report, requests, mostOnH0: mostInFlight.get('h0.example.test') };
}

describe('check --workers', () => {
  it('writes the report one thread writes, with the same requests and --per-host kept', async () => {
    const alone = await check('1', 'alone');
    const shared = await check('3', 'shared');

    expect({ code: alone.run.code, stderr: alone.run.stderr }).toMatchObject({ code: 1 });
    expect({ code: shared.run.code, stderr: shared.run.stderr }).toMatchObject({ code: 1 });
    expect(alone.run.stderr).not.toContain('worker threads');
    expect(shared.run.stderr).toMatch(/3 worker threads share the other \d+ links/);
    expect(withoutTimes(shared.report)).toEqual(withoutTimes(alone.report));
    expect(shared.requests).toEqual(alone.requests);
    // Both runs had the host's two slots busy at once, and never more.
    expect(alone.mostOnH0).toBe(PER_HOST);
    expect(shared.mostOnH0).toBe(PER_HOST);
  });

  it('refuses a --workers that is neither auto nor a whole number', async () => {
    const run = await runCurate(['check', 'roadmap.yaml', '--workers', 'many'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--workers: "many" is neither auto nor a whole number ≥ 1.');
  });
});
