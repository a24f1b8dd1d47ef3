/**
 * The run as a whole, in-process, on real sockets: dead-network detection from DNS answers,
 * NXDOMAIN as a broken link when the network is up, per-host politeness with one slow host not
 * stalling the others, and an interrupted run that still reports what it has.
 */
import type { LookupFunction } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { delay, http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveOptions, type CurateFlags } from '../../src/options.js';
import { isInShard } from '../../src/ci/shard.js';
import { parseRoadmap } from '../../src/roadmap/load.js';

import { runCheck } from '../../src/run.js';
import { ANSWER_DEADLINE_MS } from '../helpers/deadlines.js';
import { startWebServer, type WebServer } from '../helpers/web-server.js';
import { readValidReport } from '../helpers/report-schema.js';

let out: string;
beforeEach(async () => {
  out = await mkdtemp(join(tmpdir(), 'curate-run-'));
});
afterEach(async () => {
  await rm(out, { recursive: true, force: true });
});

function roadmap(urls: readonly string[]) {
  const resources = urls.map(
    (url, index) =>
      `      - { id: r${String(index)}, title: r${String(index)}, url: '${url}', kind: article }`,
  );
  return parseRoadmap(
    [
      'version: 1',
      'title: run',
      'sections:',
      "  - id: '1'",
      '    title: s',
      '    resources:',
      ...resources,
    ].join('\n'),
    'run.yaml',
  );
}

/** A DNS that knows only `known` (mapped to 127.0.0.1) and answers NXDOMAIN for everything else. */
function fakeDns(known: readonly string[]): LookupFunction {
  return ((hostname: string, options: unknown, callback: (...args: unknown[]) => void) => {
    const done = typeof options === 'function' ? (options as typeof callback) : callback;
    const all =
      typeof options === 'object' &&
      options !== null &&
      (options as { all?: boolean }).all === true;
    if (!known.includes(hostname)) {
      const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
        code: 'ENOTFOUND',
        hostname,
      });
      setImmediate(() => {
        done(error);
      });
      return;
    }
    setImmediate(() => {
      if (all) done(null, [{ address: '127.0.0.1', family: 4 }]);
      else done(null, '127.0.0.1', 4);
    });
  }) as LookupFunction;
}

const flags = (extra: CurateFlags = {}): CurateFlags => ({
  out,
  retries: '0',
  allowPrivate: true,
  quiet: true,
  ...extra,
});
const deps = (lookup?: LookupFunction) => ({
  toolVersion: 'test',
  now: () => new Date(),
  ...(lookup ? { lookup } : {}),
});

describe('dead network or dead links', () => {
  it('calls the network down when no name resolves, not even well-known ones, and still writes reports', async () => {
    const loaded = roadmap([
      'http://a.example.test/',
      'http://b.example.test/',
      'http://c.example.test/',
    ]);
    const outcome = await runCheck(
      loaded,
      resolveOptions(flags(), undefined, {}),
      deps(fakeDns([])),
    );
    expect(outcome.isNetworkDown).toBe(true);
    expect(outcome.report.results.every((result) => result.outcome.reason === 'network-down')).toBe(
      true,
    );
    const written = await readValidReport(join(out, 'report.json'));
    expect(written.networkDown?.message).toMatch(/none of 3 hosts could be reached \(ENOTFOUND\)/);
  });

  it('calls NXDOMAIN a broken link when a well-known name resolves', async () => {
    const loaded = roadmap(['http://gone.example.test/']);
    const outcome = await runCheck(
      loaded,
      resolveOptions(flags(), undefined, {}),
      deps(fakeDns(['example.com'])),
    );
    expect(outcome.isNetworkDown).toBe(false);
    expect(outcome.report.results[0]).toMatchObject({
      outcome: { status: 'broken', reason: 'nxdomain', errorCode: 'ENOTFOUND' },
    });
  });
});

/**
 * How long a test's "slow" host holds an answer when a wrong implementation would otherwise wait
 * forever for something that never happens: it then answers anyway, and the test fails on what
 * it asserts instead of on its own timeout. A right implementation never waits this long.
 */
const BACKSTOP_MS = ANSWER_DEADLINE_MS;

describe('politeness and interruption', () => {
  let server: WebServer;
  let inFlight = new Map<string, number>();
  let maxInFlight = new Map<string, number>();
  const finishedOrder: string[] = [];
  /** Settles when `host` has answered `count` requests. */
  let answered: (host: string, count: number) => Promise<void>;
  /** Called with each request as it arrives, before it is answered. */
  let onArrival: (arrivals: number) => void;
  /** What the slow host waits for before it answers; the fast host answers after 20 ms. */
  let holdSlow: () => Promise<unknown>;

  beforeEach(async () => {
    inFlight = new Map();
    maxInFlight = new Map();
    finishedOrder.length = 0;
    const waiting: { host: string; count: number; resolve: () => void }[] = [];
    answered = (host, count) =>
      new Promise((resolve) => {
        waiting.push({ host, count, resolve });
      });
    onArrival = () => undefined;
    holdSlow = () => delay(400);
    let arrivals = 0;
    server = await startWebServer([
      http.get('*', async ({ request }) => {
        const url = new URL(request.url);
        const host = url.hostname;
        arrivals += 1;
        onArrival(arrivals);
        inFlight.set(host, (inFlight.get(host) ?? 0) + 1);
        maxInFlight.set(host, Math.max(maxInFlight.get(host) ?? 0, inFlight.get(host) ?? 0));
        await (host === 'slow.example.test' ? holdSlow() : delay(20));
        inFlight.set(host, (inFlight.get(host) ?? 1) - 1);
        finishedOrder.push(host);
        const done = finishedOrder.filter((finished) => finished === host).length;
        for (const waiter of waiting)
          if (waiter.host === host && waiter.count <= done) waiter.resolve();
        return HttpResponse.html('<title>ok</title>');
      }),
    ]);
  });

  /** Holds the slow host's answers until `event` (or the backstop). */
  const holdSlowUntil = (event: Promise<void>) => {
    const released = Promise.race([event, delay(BACKSTOP_MS)]);
    holdSlow = () => released;
  };
  afterEach(async () => {
    await server.close();
  });

  const connectTo = (names: readonly string[]) =>
    names.map((name) => `${name}:80:127.0.0.1:${String(server.port)}`);
  /** Options for a run whose slow and fast hosts are the local server. */
  const onBothHosts = (extra: CurateFlags = {}) =>
    resolveOptions(
      flags({ ...extra, connectTo: connectTo(['slow.example.test', 'fast.example.test']) }),
      undefined,
      {},
    );

  it('never has more than --per-host requests in flight on one host, and a slow host does not stall the others', async () => {
    const slow = Array.from(
      { length: 6 },
      (_, index) => `http://slow.example.test/${String(index)}`,
    );
    const fast = Array.from(
      { length: 12 },
      (_, index) => `http://fast.example.test/${String(index)}`,
    );
    // The slow host answers only once the fast one has answered everything: a run whose slow
    // host held the global slots could never get there, and would fail at the backstop.
    holdSlowUntil(answered('fast.example.test', fast.length));
    const options = onBothHosts({ perHost: '2', concurrency: '3' });
    const outcome = await runCheck(roadmap([...slow, ...fast]), options, deps());
    expect(outcome.report.summary.ok).toBe(18);
    expect(maxInFlight.get('slow.example.test')).toBe(2);
    expect(maxInFlight.get('fast.example.test')).toBeLessThanOrEqual(2);
    // The fast host finished all its work before the slow one was done, although the slow
    // host's targets came first in the roadmap and the global limit is only 3.
    expect(finishedOrder.lastIndexOf('fast.example.test')).toBeLessThan(
      finishedOrder.lastIndexOf('slow.example.test'),
    );
  });

  it("starts checking at the network probe's first answer, not its slowest, and asks each URL once", async () => {
    const urls = [
      'http://slow.example.test/0',
      ...Array.from({ length: 4 }, (_, index) => `http://fast.example.test/${String(index)}`),
    ];
    // The slow sample answers only after the fast host's four: a run that waited for every
    // sample before starting would wait for it until the backstop.
    holdSlowUntil(answered('fast.example.test', 4));
    const options = onBothHosts();
    const outcome = await runCheck(roadmap(urls), options, deps());
    expect(outcome.report.summary.ok).toBe(5);
    // Both hosts were sampled by the probe; the fast host's other URLs did not wait for the
    // slow sample, and the slow URL was fetched once (the probe's own fetch was reused).
    expect(finishedOrder).toEqual([
      ...Array.from({ length: 4 }, () => 'fast.example.test'),
      'slow.example.test',
    ]);
  });

  it("counts the network probe's fetches still in flight against --per-host, so no other URL of the host waits for a connection under its deadline", async () => {
    const urls = [
      'http://slow.example.test/0',
      'http://slow.example.test/1',
      'http://fast.example.test/0',
    ];
    // Each slow answer takes more than half the deadline: waiting for one and then getting
    // one cannot fit in it (a timer never fires early), while one answer fits with seconds to
    // spare for a loaded machine.
    const answerMs = 3_000;
    const deadlineMs = 5_000;
    holdSlow = () => delay(answerMs);
    const options = onBothHosts({ perHost: '1', timeout: `${String(deadlineMs)}ms` });
    const outcome = await runCheck(roadmap(urls), options, deps());
    // slow/0 was sampled by the probe; slow/1 starts only after it, so its deadline covers its
    // own request, not the wait for a connection.
    expect(outcome.report.results.map((result) => [result.id, result.outcome.status])).toEqual([
      ['r0', 'ok'],
      ['r1', 'ok'],
      ['r2', 'ok'],
    ]);
    expect(maxInFlight.get('slow.example.test')).toBe(1);
  });

  it('splits the work over shards run side by side, each polite on its own: n shards, at most n·c in flight', async () => {
    const urls = Array.from(
      { length: 24 },
      (_, index) => `http://slow.example.test/${String(index)}`,
    );
    const options = resolveOptions(
      flags({ perHost: '2', connectTo: connectTo(['slow.example.test']) }),
      undefined,
      {},
    );
    // Each answer waits until the host has had more than one shard's worth in flight, so the
    // shards surely overlap however the machine schedules them (the backstop ends a wait that
    // would never end), and takes 400 ms, so a shard that ignored its limit would be seen.
    const overlapped = new Promise<void>((resolve) => {
      onArrival = () => {
        if ((inFlight.get('slow.example.test') ?? 0) >= 2) resolve();
      };
    });
    holdSlow = () => Promise.all([delay(400), Promise.race([overlapped, delay(BACKSTOP_MS)])]);
    const shards = [1, 2, 3].map((index) => ({ index, total: 3 }));
    const outcomes = await Promise.all(
      shards.map(async (shard) => {
        const shardOut = join(out, `shard-${String(shard.index)}`);
        return runCheck(
          roadmap(urls),
          { ...options, report: { ...options.report, out: shardOut } },
          { ...deps(), select: (id) => isInShard(id, shard) },
        );
      }),
    );
    const checkedIds = outcomes.flatMap((outcome) =>
      outcome.report.results.map((result) => result.id),
    );
    // Every link is checked by exactly one shard…
    expect(checkedIds.toSorted()).toEqual(urls.map((_, index) => `r${String(index)}`).toSorted());
    // …each shard keeps --per-host 2 on its own, so three at once reach at most 3·2 on the host,
    // and more than one shard's limit: the work really ran side by side.
    expect(maxInFlight.get('slow.example.test')).toBeLessThanOrEqual(6);
    expect(maxInFlight.get('slow.example.test')).toBeGreaterThan(2);
  });

  it('calls a run stopped during the network probe interrupted (its sample) and not started, not offline', async () => {
    const controller = new AbortController();
    const options = resolveOptions(
      flags({ connectTo: connectTo(['slow.example.test']) }),
      undefined,
      {},
    );
    // Stopped as the probe's request reaches the server, which holds it for 400 ms.
    onArrival = () => {
      controller.abort();
    };
    const outcome = await runCheck(
      roadmap(['http://slow.example.test/0', 'http://slow.example.test/1']),
      options,
      { ...deps(), signal: controller.signal },
    );
    expect(outcome.isNetworkDown).toBe(false);
    expect(outcome.report.partial).toBe(true);
    // The probe's request for /0 was in flight; /1 was never asked.
    expect(outcome.report.results.map((result) => result.outcome.reason)).toEqual([
      'interrupted',
      'not-started',
    ]);
  });

  it('writes a partial report: the link in flight interrupted, the ones never begun not started', async () => {
    const controller = new AbortController();
    const urls = Array.from(
      { length: 8 },
      (_, index) => `http://slow.example.test/${String(index)}`,
    );
    const options = resolveOptions(
      flags({ perHost: '1', connectTo: connectTo(['slow.example.test']) }),
      undefined,
      {},
    );
    // One request at a time: when the fourth arrives, the first ones are done and the rest not.
    onArrival = (arrivals) => {
      if (arrivals === 4) controller.abort();
    };
    const outcome = await runCheck(roadmap(urls), options, {
      ...deps(),
      signal: controller.signal,
    });
    const reasons = outcome.report.results.map((result) => result.outcome.reason);
    expect(outcome.report.partial).toBe(true);
    // One at a time: /0 (the probe's), /1 and /2 answered; /3 was on the server; the rest waited.
    expect(reasons).toEqual([
      'ok',
      'ok',
      'ok',
      'interrupted',
      'not-started',
      'not-started',
      'not-started',
      'not-started',
    ]);
    expect(outcome.report.results[3]?.durationMs).toBeGreaterThan(0);
    const written = await readValidReport(join(out, 'report.json'));
    expect(written.partial).toBe(true);
  });
});
