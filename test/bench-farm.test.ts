/**
 * The benchmark's own parts: the loopback farm answers what each path names and counts what it
 * saw, the generated cases are the same for the same seed and valid roadmaps, the lower bound
 * matches the issue's formula, and the tools' outputs are scored the same way. No timing of
 * tools; only the farm's first-request and last-answer times, against the test's own clock.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { lowerBound } from '../bench/bound.mjs';
import { startFarm, type Farm } from '../bench/farm.mjs';
import {
  caseStem,
  countKinds,
  generateCase,
  toMarkdown,
  toRoadmapYaml,
  type BenchResource,
} from '../bench/generate.mjs';
import { evaluateTargets, renderTargets, runPhases, type BenchRecord } from '../bench/summary.mjs';
import { curateVerdicts, markdownLinkCheckVerdicts, scoreVerdicts } from '../bench/verdicts.mjs';
import { RoadmapSchema } from '../src/roadmap/schema.js';

type Answer = { status: number; location: string | undefined };

/** One GET; `agent` decides whether the connection is shared. */
function get(url: string, agent: http.Agent | false = false): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (response) => {
        response.resume();
        response.once('end', () => {
          resolve({ status: response.statusCode ?? 0, location: response.headers.location });
        });
      })
      .once('error', reject);
  });
}

describe('farm', () => {
  let farm: Farm | undefined;
  afterEach(async () => {
    await farm?.close();
    farm = undefined;
  });

  it.each([
    ['/ok/1', 200, undefined],
    ['/404/2', 404, undefined],
    ['/moved/3', 301, '/ok/moved-3'],
    ['/found/4', 302, '/ok/found-4'],
    ['/slow/5', 200, undefined],
    ['/big/6', 200, undefined],
    ['/nothing', 404, undefined],
  ])('answers %s with %i', async (path, status, location) => {
    farm = await startFarm({ hosts: 2, latencyMs: 5, jitterMs: 0, slowMs: 5, bigBodyBytes: 1024 });
    expect(await get(`${farm.origins[1]!}${path}`)).toEqual({ status, location });
  });

  it('fails a flaky path once per host, then serves it, until reset', async () => {
    farm = await startFarm({ hosts: 2, latencyMs: 5, jitterMs: 0 });
    const [first, second] = farm.origins as [string, string];
    const statuses = [];
    for (const url of [`${first}/flaky/1`, `${first}/flaky/1`, `${second}/flaky/1`]) {
      statuses.push((await get(url)).status);
    }
    farm.reset();
    statuses.push((await get(`${first}/flaky/1`)).status);
    expect(statuses).toEqual([500, 200, 500, 500]);
  });

  it('counts requests, kinds and methods per host', async () => {
    farm = await startFarm({ hosts: 2, latencyMs: 5, jitterMs: 0 });
    const [first, second] = farm.origins as [string, string];
    await Promise.all([get(`${first}/ok/1`), get(`${first}/404/2`), get(`${second}/ok/3`)]);
    const stats = farm.stats();
    expect(stats).toMatchObject({
      requests: 3,
      unexpected: 0,
      byMethod: { GET: 3 },
      byKind: { ok: 2, '404': 1 },
    });
    expect(stats.hosts['127.0.0.2']?.requests).toBe(2);
    expect(stats.hosts['127.0.0.3']?.requests).toBe(1);
  });

  it('counts requests in flight and open connections on one host', async () => {
    // Slow answers far longer than it can take, even on a loaded machine, to send three
    // requests at once: so the three are surely held at the same time.
    farm = await startFarm({ hosts: 2, latencyMs: 5, jitterMs: 0, slowMs: 2_000 });
    const origin = farm.origins[0]!;
    await Promise.all([1, 2, 3].map((id) => get(`${origin}/slow/${id}`)));
    const host = farm.stats().hosts['127.0.0.2'];
    expect(host).toMatchObject({ requests: 3, maxInFlight: 3, maxOpenConnections: 3, inFlight: 0 });
    expect(farm.stats().hosts['127.0.0.3']?.requests).toBe(0);
  });

  it('records when the first request arrived and the last answer was done, until reset', async () => {
    farm = await startFarm({ hosts: 2, latencyMs: 5, jitterMs: 0, slowMs: 200 });
    const [first, second] = farm.origins as [string, string];
    expect(farm.stats()).toMatchObject({ firstRequestAt: undefined, lastAnswerAt: undefined });
    const before = performance.now();
    await Promise.all([get(`${first}/ok/1`), get(`${second}/slow/2`)]);
    const after = performance.now();
    const { firstRequestAt, lastAnswerAt } = farm.stats();
    expect(firstRequestAt).toBeGreaterThanOrEqual(before);
    expect(lastAnswerAt).toBeLessThanOrEqual(after);
    // The slow answer is the last one: it cannot be done before its 200 ms are up (a timer
    // may fire up to a millisecond early).
    expect(lastAnswerAt! - firstRequestAt!).toBeGreaterThanOrEqual(199);
    farm.reset();
    expect(farm.stats()).toMatchObject({ firstRequestAt: undefined, lastAnswerAt: undefined });
  });

  it('does not count an answer to a request from before the reset', async () => {
    farm = await startFarm({ hosts: 2, latencyMs: 5, jitterMs: 0, slowMs: 100 });
    const pending = get(`${farm.origins[0]!}/slow/1`);
    // Reset once the farm holds the request, then let the answer go out.
    while (farm.stats().inFlight === 0) await sleep(5);
    farm.reset();
    await pending;
    expect(farm.stats()).toMatchObject({ firstRequestAt: undefined, lastAnswerAt: undefined });
  });

  it('never answers a hang path, and counts it done when the client gives up', async () => {
    farm = await startFarm({ hosts: 1, latencyMs: 5, jitterMs: 0 });
    const request = http.get(`${farm.origins[0]!}/hang/1`, { agent: false });
    const isAnswered = new Promise<boolean>((resolve) => {
      request.once('response', () => {
        resolve(true);
      });
      request.once('close', () => {
        resolve(false);
      });
    });
    request.once('error', () => undefined);
    while (farm.stats().inFlight === 0) await sleep(5);
    // Far past the farm's 5 ms latency: an answer would have come.
    await sleep(200);
    expect(farm.stats()).toMatchObject({
      inFlight: 1,
      byKind: { hang: 1 },
      lastAnswerAt: undefined,
    });
    request.destroy();
    expect(await isAnswered).toBe(false);
    while (farm.stats().inFlight > 0) await sleep(5);
    expect(farm.stats().lastAnswerAt).toBeDefined();
  });

  it('counts one connection for requests that reuse it', async () => {
    farm = await startFarm({ hosts: 2, latencyMs: 5, jitterMs: 0 });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      for (const id of [1, 2, 3]) await get(`${farm.origins[0]!}/ok/${id}`, agent);
    } finally {
      agent.destroy();
    }
    expect(farm.stats()).toMatchObject({
      requests: 3,
      connectionsOpened: 1,
      maxInFlightPerHost: 1,
    });
  });
});

describe('generateCase', () => {
  it('draws the same case from the same seed and another from another seed', () => {
    const spec = { n: 300, hosts: 7, mix: 'mixed', port: 8080 } as const;
    const first = generateCase({ ...spec, seed: 42 });
    expect(generateCase({ ...spec, seed: 42 })).toEqual(first);
    expect(generateCase({ ...spec, seed: 43 }).resources).not.toEqual(first.resources);
  });

  it('spreads the URLs evenly over the hosts', () => {
    const benchCase = generateCase({ n: 1000, hosts: 50, mix: 'mixed', port: 8080 });
    const perHost = new Map<string, number>();
    for (const resource of benchCase.resources) {
      const host = new URL(resource.url).hostname;
      perHost.set(host, (perHost.get(host) ?? 0) + 1);
    }
    expect(perHost.size).toBe(50);
    expect(new Set(perHost.values())).toEqual(new Set([20]));
  });

  it('names the answer in each path and draws roughly the mix', () => {
    const benchCase = generateCase({ n: 4000, hosts: 5, mix: 'mixed', port: 8080 });
    for (const resource of benchCase.resources) {
      expect(new URL(resource.url).pathname.split('/')[1]).toBe(resource.kind);
    }
    const kinds = countKinds(benchCase);
    expect(kinds.ok).toBeGreaterThan(4000 * 0.8);
    expect(kinds['404']).toBeGreaterThan(4000 * 0.03);
    expect(kinds.slow).toBeGreaterThan(0);
  });

  it('adds duplicates that repeat earlier URLs', () => {
    const benchCase = generateCase({
      n: 200,
      hosts: 5,
      mix: 'all-200',
      port: 8080,
      duplicateShare: 0.1,
    });
    expect(benchCase.resources).toHaveLength(220);
    expect(new Set(benchCase.resources.map((resource) => resource.url)).size).toBe(200);
    expect(new Set(benchCase.resources.map((resource) => resource.id)).size).toBe(220);
  });

  it('turns the first `hangs` URLs into ones the farm never answers', () => {
    const spec = { n: 100, hosts: 5, mix: 'all-200', port: 8080 } as const;
    const benchCase = generateCase({ ...spec, hangs: 1 });
    expect(countKinds(benchCase)).toEqual({ ok: 99, hang: 1 });
    expect(caseStem(benchCase)).toBe('all-200-n100-h5-hang1');
    // The rest of the case is the one without hangs.
    expect(benchCase.resources.slice(1)).toEqual(generateCase(spec).resources.slice(1));
  });

  it('writes a roadmap curate accepts and a Markdown list with every URL', () => {
    const benchCase = generateCase({ n: 50, hosts: 5, mix: 'mixed', port: 8080 });
    const parsed = RoadmapSchema.safeParse(parse(toRoadmapYaml(benchCase)));
    expect(parsed.success).toBe(true);
    const urls = [...toMarkdown(benchCase).matchAll(/\]\((http[^)]+)\)/g)].map((match) => match[1]);
    expect(urls).toEqual(benchCase.resources.map((resource) => resource.url));
  });
});

describe('lowerBound', () => {
  const timing = { latencyMs: 50, slowMs: 1000, retryWaitMs: 250, timeoutMs: 20_000 };
  const allOk = (n: number, hosts: number) =>
    generateCase({ n, hosts, mix: 'all-200', port: 8080 }).resources;

  it.each([
    // ceil(N/(H·c))·L binds: 10,000 / (50·8) = 25 rounds of 50 ms.
    [10_000, 50, 8, 512, 1250],
    // ceil(N/G)·L binds: ceil(10,000 / 64) = 157 rounds.
    [10_000, 50, 8, 64, 7850],
    [10_000, 5, 8, 512, 12_500],
    [500, 50, 10, 512, 50],
  ])(
    'N=%i H=%i c=%i G=%i: %i ms on the all-200 mix',
    (n, hosts, perHost, concurrency, expected) => {
      const bound = lowerBound(allOk(n, hosts), { ...timing, perHost, concurrency });
      expect(bound).toEqual({ boundMs: expected, simpleMs: expected, distinct: n });
    },
  );

  it.each([
    ['a slow answer', [{ kind: 'slow', url: 'http://127.0.0.2:1/slow/1' }], 1000],
    ['a 500 then a retry', [{ kind: 'flaky', url: 'http://127.0.0.2:1/flaky/1' }], 350],
    ['a redirect', [{ kind: 'moved', url: 'http://127.0.0.2:1/moved/1' }], 100],
    ['one deadline for no answer', [{ kind: 'hang', url: 'http://127.0.0.2:1/hang/1' }], 20_000],
  ] as const)('waits for %s', (_, resources, expected) => {
    expect(lowerBound(resources, { ...timing, perHost: 8, concurrency: 512 }).boundMs).toBe(
      expected,
    );
  });

  it('counts a duplicated URL once', () => {
    const resources = allOk(16, 1);
    const twice = [...resources, ...resources];
    expect(lowerBound(twice, { ...timing, perHost: 8, concurrency: 512 })).toEqual(
      lowerBound(resources, { ...timing, perHost: 8, concurrency: 512 }),
    );
  });
});

describe('scoreVerdicts', () => {
  const resources: Pick<BenchResource, 'url' | 'kind'>[] = [
    { url: 'http://127.0.0.2:1/ok/1', kind: 'ok' },
    { url: 'http://127.0.0.2:1/404/2', kind: '404' },
    { url: 'http://127.0.0.2:1/flaky/3', kind: 'flaky' },
    { url: 'http://127.0.0.2:1/moved/4', kind: 'moved' },
  ];

  it('reads markdown-link-check output and names each way to be wrong', () => {
    const output = [
      'FILE: links.md',
      '  [✓] http://127.0.0.2:1/ok/1',
      '  [✓] http://127.0.0.2:1/404/2',
      '  [✖] http://127.0.0.2:1/flaky/3 → Status: 500',
      '  [✖] http://127.0.0.2:1/flaky/3 → Status: 500',
    ].join('\n');
    expect(scoreVerdicts(resources, markdownLinkCheckVerdicts(output))).toEqual({
      urls: 4,
      expectedBroken: 1,
      brokenMissed: 1,
      aliveWrong: 1,
      missing: 1,
      wrong: { '404→alive': 1, 'flaky→broken': 1, 'moved→missing': 1 },
    });
  });

  it("reads curate's report.json, with each result's outcome", () => {
    const report = {
      results: [
        { url: 'http://127.0.0.2:1/ok/1', outcome: { status: 'ok', reason: 'ok' } },
        { url: 'http://127.0.0.2:1/404/2', outcome: { status: 'broken', reason: 'http-404' } },
        { url: 'http://127.0.0.2:1/hang/3', outcome: { status: 'unreachable', reason: 'timeout' } },
        { url: null, outcome: { status: 'skipped', reason: 'no-url' } },
      ],
    };
    expect(curateVerdicts(report)).toEqual(
      new Map([
        ['http://127.0.0.2:1/ok/1', 'alive'],
        ['http://127.0.0.2:1/404/2', 'broken'],
        ['http://127.0.0.2:1/hang/3', 'unreachable:timeout'],
      ]),
    );
  });

  it('counts a URL never answered right when it is anything but alive', () => {
    const hang = { url: 'http://127.0.0.2:1/hang/1', kind: 'hang' } as const;
    const scoreOf = (word: string) => scoreVerdicts([hang], new Map([[hang.url, word]])).wrong;
    expect(scoreOf('unreachable:timeout')).toEqual({});
    expect(scoreOf('alive')).toEqual({ 'hang→alive': 1 });
  });
});

describe('evaluateTargets', () => {
  const score = {
    urls: 100,
    expectedBroken: 5,
    brokenMissed: 0,
    aliveWrong: 0,
    missing: 0,
    wrong: {},
  };
  const record = (overrides: Partial<BenchRecord>): BenchRecord => ({
    caseName: 'mixed N=10000 H=50',
    mix: 'mixed',
    hangs: 0,
    n: 10_000,
    hosts: 50,
    resources: 10_000,
    distinct: 10_000,
    tool: 'curate defaults',
    isCurate: true,
    isDefaults: true,
    limits: { concurrency: 512, perHost: 8 },
    wallMs: 1500,
    wallsMs: [1500],
    boundMs: 1250,
    simpleBoundMs: 1250,
    startupMs: 300,
    networkMs: 1100,
    tailMs: 100,
    peakRssBytes: 100 * 2 ** 20,
    cpuMs: 5000,
    farmCpuMs: 1000,
    exitCode: 1,
    isTimedOut: false,
    requests: 10_850,
    connectionsOpened: 400,
    maxInFlightPerHost: 8,
    maxConnectionsPerHost: 8,
    score,
    ...overrides,
  });
  const verdictOf = (records: BenchRecord[], prefix: string) =>
    evaluateTargets(records, { versionStartupMs: 200 }).find((target) =>
      target.name.startsWith(prefix),
    )?.isMet;

  it.each([
    ['N=10,000 H=50 defaults', {}, true],
    ['N=10,000 H=50 defaults', { wallMs: 1700 }, false],
    ['N=10,000 H=50 defaults, network phase only', {}, true],
    ['N=10,000 H=50 defaults, network phase only', { networkMs: 1700 }, false],
    ['start-up ≤ 1 s', {}, true],
    ['start-up ≤ 1 s', { startupMs: 1001 }, false],
    ['mixed N=10000 H=50: CPU ≤ 0.5 ms', { cpuMs: 5000 }, true],
    ['mixed N=10000 H=50: CPU ≤ 0.5 ms', { cpuMs: 5100 }, false],
    [
      'big N=10000 H=50: CPU ≤ 1 ms',
      { mix: 'big', caseName: 'big N=10000 H=50', cpuMs: 9000 },
      true,
    ],
    [
      'big N=10000 H=50: CPU ≤ 1 ms',
      { mix: 'big', caseName: 'big N=10000 H=50', cpuMs: 11_000 },
      false,
    ],
    ['never more than --per-host', {}, true],
    ['never more than --per-host', { maxInFlightPerHost: 9 }, false],
    ['peak RSS ≤', { peakRssBytes: 180 * 2 ** 20 }, true],
    ['peak RSS ≤', { peakRssBytes: 181 * 2 ** 20 }, false],
    [
      'every 404 reported broken',
      { score: { ...score, brokenMissed: 1, wrong: { '404→alive': 1 } } },
      false,
    ],
  ] as const)('judges "%s" from %o as met=%s', (prefix, overrides, isMet) => {
    expect(verdictOf([record(overrides)], prefix)).toBe(isMet);
  });

  it('judges the never-answers case against one deadline', () => {
    const neverAnswers = (wallMs: number) =>
      record({
        caseName: 'all-200 N=100 H=5, 1 never answers',
        mix: 'all-200',
        n: 100,
        hosts: 5,
        hangs: 1,
        wallMs,
        boundMs: 20_000,
      });
    expect(verdictOf([neverAnswers(25_900)], 'one link never answers')).toBe(true);
    expect(verdictOf([neverAnswers(61_500)], 'one link never answers')).toBe(false);
  });

  it('judges start-up and the network phase on the main case at curate defaults only', () => {
    const targets = evaluateTargets(
      [
        record({ tool: 'curate --concurrency 64 --per-host 8', isDefaults: false, startupMs: 900 }),
        record({ caseName: 'mixed N=10000 H=5', hosts: 5, startupMs: 900, networkMs: 9000 }),
        record({ tool: 'linkinator', isCurate: false, isDefaults: false, startupMs: 900 }),
      ],
      { versionStartupMs: 200 },
    );
    expect(targets.filter((target) => /start-up|network phase/.test(target.name))).toEqual([]);
  });

  it('shows curate --version for information, with no verdict', () => {
    const targets = evaluateTargets([], { versionStartupMs: 700 });
    const version = targets.find((target) => target.name.startsWith('curate --version'));
    expect(version).toMatchObject({ measured: '0.70 s', isMet: undefined });
    expect(renderTargets([version!])).toBe(
      '- ℹ️ for information: curate --version (node and module loading only): 0.70 s',
    );
  });

  it("compares each headline row's wall with linkinator's on the same case", () => {
    const linkinatorOn = (mix: string, wallMs: number) =>
      record({ mix, tool: 'linkinator', isCurate: false, isDefaults: false, wallMs });
    const big = record({ mix: 'big', caseName: 'big N=10000 H=50', wallMs: 2000 });
    const prefix = (name: string) => `${name}: wall ≤ 0.5 × linkinator's`;
    const records = [record({}), linkinatorOn('mixed', 2999), big, linkinatorOn('big', 4000)];
    expect(verdictOf(records, prefix('mixed N=10000 H=50'))).toBe(false);
    expect(verdictOf(records, prefix('big N=10000 H=50'))).toBe(true);
    expect(verdictOf([record({}), linkinatorOn('mixed', 3000)], prefix('mixed N=10000 H=50'))).toBe(
      true,
    );
  });

  it('never judges the other build of --before, and tells how peak RSS grows with N', () => {
    const atN = (n: number, megabytes: number) =>
      record({ n, caseName: `mixed N=${String(n)} H=50`, peakRssBytes: megabytes * 2 ** 20 });
    const before = record({
      tool: 'curate (before) defaults',
      isCurate: false,
      isBefore: true,
      peakRssBytes: 900 * 2 ** 20,
    });
    expect(verdictOf([atN(10_000, 170), before], 'peak RSS ≤')).toBe(true);
    expect(verdictOf([atN(2000, 120), atN(10_000, 170), atN(50_000, 300)], 'peak RSS grows')).toBe(
      true,
    );
    expect(verdictOf([atN(2000, 100), atN(50_000, 2600)], 'peak RSS grows')).toBe(false);
  });
});

describe('runPhases', () => {
  it.each([
    // spawn at 1000, first request at 1300, last answer at 2800, exit at 3000.
    [
      { spawnedAt: 1000, wallMs: 2000 },
      { firstRequestAt: 1300, lastAnswerAt: 2800 },
      { startupMs: 300, networkMs: 1500, tailMs: 200 },
    ],
    [
      { spawnedAt: 1000, wallMs: 2000 },
      { firstRequestAt: undefined, lastAnswerAt: undefined },
      { startupMs: undefined, networkMs: undefined, tailMs: undefined },
    ],
  ])('splits %o at %o', (measured, stats, expected) => {
    expect(runPhases(measured, stats)).toEqual(expected);
  });
});
