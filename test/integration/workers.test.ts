/**
 * `--workers` in-process, on real sockets: a worker that dies mid-run loses no link (its
 * unjudged ones are checked again on the main thread) and the crash is told; a run interrupted
 * while workers check still ends every link with a result and a partial report. Needs the built
 * worker (dist/workers/check-worker.js), which `npm test` builds first.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { delay, http, HttpResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveOptions } from '../../src/options.js';
import { parseRoadmap } from '../../src/roadmap/load.js';
import { runCheck } from '../../src/run.js';
import { assertCliBuilt } from '../helpers/cli.js';
import { readValidReport } from '../helpers/report-schema.js';
import { startWebServer, type WebServer } from '../helpers/web-server.js';

const HOSTS = Array.from({ length: 6 }, (_, index) => `w${String(index)}.example.test`);
const LINKS_PER_HOST = 4;
const URLS = HOSTS.flatMap((host) =>
  Array.from({ length: LINKS_PER_HOST }, (_, index) => `http://${host}/${String(index)}`),
);

const roadmap = () =>
  parseRoadmap(
    [
      'version: 1',
      'title: workers',
      'sections:',
      "  - id: '1'",
      '    title: s',
      '    resources:',
      ...URLS.map(
        (url, index) => `      - { id: r${String(index)}, title: t, url: '${url}', kind: article }`,
      ),
    ].join('\n'),
    'workers.yaml',
  );

let server: WebServer;
let out: string;
/** Called with each request as it arrives, before it is answered. */
let onArrival: () => void = () => undefined;

beforeAll(async () => {
  assertCliBuilt();
  server = await startWebServer([
    http.get('*', async () => {
      onArrival();
      await delay(30);
      return HttpResponse.html('<html><head><title>A page</title></head><body>ok</body></html>');
    }),
  ]);
  out = await mkdtemp(join(tmpdir(), 'curate-workers-'));
});
afterAll(async () => {
  await server.close();
  await rm(out, { recursive: true, force: true });
});

const options = (name: string) =>
  resolveOptions(
    {
      out: join(out, name),
      retries: '0',
      allowPrivate: true,
      quiet: true,
      workers: '3',
      perHost: '1',
      connectTo: HOSTS.map((host) => `${host}:80:127.0.0.1:${String(server.port)}`),
    },
    undefined,
    {},
  );
const deps = { toolVersion: 'test', now: () => new Date() };

describe('check --workers', () => {
  it('checks a crashed worker’s links on the main thread and says the worker died', async () => {
    const crashes: string[] = [];
    const events: string[] = [];
    const outcome = await runCheck(roadmap(), options('crash'), {
      ...deps,
      onProgress: (event) => events.push(event.kind),
      workerCrash: { worker: 0, afterResults: 1 },
      onWorkerCrash: (message) => crashes.push(message),
    });
    expect(events).toContain('workers-started');
    expect(crashes).toHaveLength(1);
    expect(crashes[0]).toMatch(/crash asked for by a test/);
    expect(outcome.report.partial).toBeFalsy();
    expect(outcome.report.results.map((result) => result.outcome.reason)).toEqual(
      URLS.map(() => 'ok'),
    );
    // Every link once: none lost with the worker, none judged twice.
    expect(outcome.report.results.map((result) => result.url).sort()).toEqual([...URLS].sort());
  });

  it('ends every link with a result and writes a partial report when stopped while workers check', async () => {
    const controller = new AbortController();
    // Past the network probe's samples, so the abort lands while the workers hold the links.
    let arrivals = 0;
    onArrival = () => {
      arrivals += 1;
      if (arrivals === HOSTS.length + 4) controller.abort();
    };
    const events: string[] = [];
    const outcome = await runCheck(roadmap(), options('stop'), {
      ...deps,
      signal: controller.signal,
      onProgress: (event) => events.push(event.kind),
    });
    // The workers were running when the stop came, not the main thread alone.
    expect(events).toContain('workers-started');
    onArrival = () => undefined;
    const reasons = outcome.report.results.map((result) => result.outcome.reason);
    expect(outcome.report.partial).toBe(true);
    expect(reasons).toHaveLength(URLS.length);
    expect(new Set(reasons)).toEqual(new Set(['ok', 'interrupted', 'not-started']));
    const written = await readValidReport(join(out, 'stop', 'report.json'));
    expect(written.partial).toBe(true);
    expect(written.results).toHaveLength(URLS.length);
  });
});
