/**
 * Turns measured runs into the bench's output: one record per run (raw numbers), the Markdown
 * table, and the issue's targets each marked met or missed with the number behind it. Pure.
 */
import { describeScore } from './verdicts.mjs';

/**
 * The issues' targets: issue 5's bound ratio, requests per URL and politeness; issue 16's CPU,
 * memory, start-up and the wall against linkinator's in the same run.
 */
export const TARGETS = {
  boundRatio: 1.3,
  startupMs: 1000,
  smallStartupMs: 300,
  wallOverLinkinator: 0.5,
  peakRssBytes: 180 * 2 ** 20,
  requestsPerUrl: 1.05,
  cpuMsPerLink: 0.5,
  bigCpuMsPerLink: 1,
};

/**
 * Splits one run's wall time where the farm saw its traffic begin and end. Every time is on the
 * runner's performance.now() clock (the farm serves from the runner's process): `startupMs` is
 * spawn → first request (node, module loading, reading the input, planning), `networkMs` is
 * first request → last answer done, `tailMs` is last answer → exit (building and writing
 * reports). All undefined when the farm saw no request.
 */
export function runPhases({ spawnedAt, wallMs }, { firstRequestAt, lastAnswerAt }) {
  if (firstRequestAt === undefined || lastAnswerAt === undefined) {
    return { startupMs: undefined, networkMs: undefined, tailMs: undefined };
  }
  return {
    startupMs: firstRequestAt - spawnedAt,
    networkMs: lastAnswerAt - firstRequestAt,
    tailMs: spawnedAt + wallMs - lastAnswerAt,
  };
}

/** One run as raw numbers, its phases (see runPhases) included. */
export function toRecord(benchCase, run, bound) {
  const distinct = new Set(benchCase.resources.map((resource) => resource.url)).size;
  const { measured, stats } = run;
  return {
    caseName: `${benchCase.mix} N=${benchCase.n} H=${benchCase.hosts}${(benchCase.hangs ?? 0) > 0 ? `, ${benchCase.hangs} never answers` : ''}`,
    mix: benchCase.mix,
    hangs: benchCase.hangs ?? 0,
    n: benchCase.n,
    hosts: benchCase.hosts,
    resources: benchCase.resources.length,
    distinct,
    tool: run.tool,
    // `curate (before) …`: the other build of `--before`, shown but never judged.
    isBefore: run.tool.includes('(before)'),
    isCurate: run.tool.startsWith('curate') && !run.tool.includes('(before)'),
    isDefaults: run.tool === 'curate defaults',
    limits: run.limits,
    wallMs: measured.wallMs,
    /** Every repeat's wall time; `wallMs` is the fastest. */
    wallsMs: run.wallsMs ?? [measured.wallMs],
    boundMs: bound.boundMs,
    simpleBoundMs: bound.simpleMs,
    startupMs: run.phases.startupMs,
    networkMs: run.phases.networkMs,
    tailMs: run.phases.tailMs,
    peakRssBytes: measured.peakRssBytes,
    cpuMs: measured.cpuMs,
    farmCpuMs: run.farmCpuMs,
    exitCode: measured.exitCode,
    isTimedOut: measured.isTimedOut,
    requests: stats.requests,
    connectionsOpened: stats.connectionsOpened,
    maxInFlightPerHost: stats.maxInFlightPerHost,
    maxConnectionsPerHost: stats.maxOpenConnectionsPerHost,
    score: run.score,
  };
}

const seconds = (ms) => (ms === undefined ? '—' : (ms / 1000).toFixed(2));
const fixed = (value, digits) => (value === undefined ? '—' : value.toFixed(digits));

const COLUMNS = [
  ['case', (r) => r.caseName],
  ['tool', (r) => (r.isTimedOut ? `${r.tool} (killed)` : r.tool)],
  ['wall s', (r) => seconds(r.wallMs)],
  ['bound s', (r) => seconds(r.boundMs)],
  ['wall/bound', (r) => fixed(r.wallMs / r.boundMs, 2)],
  ['start-up s', (r) => seconds(r.startupMs)],
  ['network s', (r) => seconds(r.networkMs)],
  ['network/bound', (r) => (r.networkMs === undefined ? '—' : fixed(r.networkMs / r.boundMs, 2))],
  ['tail s', (r) => seconds(r.tailMs)],
  ['peak RSS MB', (r) => (r.peakRssBytes === undefined ? '—' : fixed(r.peakRssBytes / 2 ** 20, 0))],
  ['CPU ms/link', (r) => (r.cpuMs === undefined ? '—' : fixed(r.cpuMs / r.distinct, 2))],
  ['farm CPU s', (r) => seconds(r.farmCpuMs)],
  ['requests', (r) => String(r.requests)],
  ['req/URL', (r) => fixed(r.requests / r.distinct, 3)],
  ['max in flight/host', (r) => String(r.maxInFlightPerHost)],
  ['max conns/host', (r) => String(r.maxConnectionsPerHost)],
  ['req/conn', (r) => fixed(r.requests / Math.max(1, r.connectionsOpened), 1)],
  [
    'correct',
    (r) => (r.score === undefined ? `no output (exit ${r.exitCode})` : describeScore(r.score)),
  ],
];

const LEFT_ALIGNED = new Set(['case', 'tool', 'correct']);

/** The runs as one Markdown table. */
export function renderTable(records) {
  const header = `| ${COLUMNS.map(([title]) => title).join(' | ')} |`;
  const rule = `|${COLUMNS.map(([title]) => (LEFT_ALIGNED.has(title) ? ' --- ' : ' ---: ')).join('|')}|`;
  const body = records.map(
    (record) => `| ${COLUMNS.map(([, cell]) => cell(record)).join(' | ')} |`,
  );
  return [header, rule, ...body].join('\n');
}

const find = (records, predicate) => records.find(predicate);

/**
 * The issue's targets that these runs can decide, each with the measured number and whether it
 * is met (`isMet` undefined: a number shown for information only). Targets whose case was not
 * run (e.g. with --quick) are left out.
 */
export function evaluateTargets(records, { versionStartupMs }) {
  const targets = [];
  const add = (name, measured, isMet) => targets.push({ name, measured, isMet });
  const ratioTarget = (label, predicate) => {
    const record = find(records, predicate);
    if (record === undefined) return;
    const ratio = record.wallMs / record.boundMs;
    add(
      `${label}: wall ≤ ${TARGETS.boundRatio} × bound`,
      `${seconds(record.wallMs)} s / ${seconds(record.boundMs)} s = ${ratio.toFixed(2)}×`,
      ratio <= TARGETS.boundRatio,
    );
  };
  const isMain = (r) => r.mix === 'mixed' && r.n === 10_000 && r.hosts === 50;
  const main = find(records, (r) => isMain(r) && r.isDefaults);
  ratioTarget('N=10,000 H=50 defaults', (r) => r === main);
  // Not the issue's target (that is the wall line above): how close the checking itself comes
  // to the bound, with start-up and report writing left out.
  if (main?.networkMs !== undefined) {
    const ratio = main.networkMs / main.boundMs;
    add(
      `N=10,000 H=50 defaults, network phase only (first request → last answer): network ≤ ${TARGETS.boundRatio} × bound`,
      `${seconds(main.networkMs)} s / ${seconds(main.boundMs)} s = ${ratio.toFixed(2)}×`,
      ratio <= TARGETS.boundRatio,
    );
  }
  ratioTarget(
    'N=10,000 H=50 --concurrency 64 --per-host 8',
    (r) => isMain(r) && r.isCurate && r.limits.concurrency === 64,
  );
  ratioTarget('H=5 defaults', (r) => r.mix === 'mixed' && r.hosts === 5 && r.isDefaults);
  // Issue 11: the run waits for the link that never answers, so its bound is one deadline.
  ratioTarget('one link never answers (bound: one --timeout)', (r) => r.hangs > 0 && r.isDefaults);

  if (main?.startupMs !== undefined) {
    add(
      `start-up ≤ ${TARGETS.startupMs / 1000} s (spawn → first request, N=10,000 H=50 defaults)`,
      `${seconds(main.startupMs)} s`,
      main.startupMs <= TARGETS.startupMs,
    );
  }
  const small = find(records, (r) => r.n === 500 && r.hangs === 0 && r.isDefaults);
  if (small?.startupMs !== undefined) {
    add(
      `start-up ≤ ${TARGETS.smallStartupMs / 1000} s (spawn → first request, N=500, ${small.caseName})`,
      `${seconds(small.startupMs)} s`,
      small.startupMs <= TARGETS.smallStartupMs,
    );
  }
  // Node and module loading alone, with no roadmap: the floor under the start-up above.
  add(
    'curate --version (node and module loading only)',
    `${seconds(versionStartupMs)} s`,
    undefined,
  );
  // Issue 16's headline rows: N=10,000 over H=50 at the defaults, small pages and 200 KB ones.
  const isHeadline = (r) =>
    r.n === 10_000 && r.hosts === 50 && (r.mix === 'mixed' || r.mix === 'big');
  for (const headline of records.filter((r) => isHeadline(r) && r.isDefaults)) {
    const linkinator = find(
      records,
      (r) => r.tool === 'linkinator' && r.mix === headline.mix && isHeadline(r),
    );
    if (linkinator !== undefined) {
      const ratio = headline.wallMs / linkinator.wallMs;
      add(
        `${headline.caseName}: wall ≤ ${TARGETS.wallOverLinkinator} × linkinator's in the same run`,
        `${seconds(headline.wallMs)} s / ${seconds(linkinator.wallMs)} s = ${ratio.toFixed(2)}×`,
        ratio <= TARGETS.wallOverLinkinator,
      );
    }
    if (headline.cpuMs !== undefined) {
      const limit = headline.mix === 'big' ? TARGETS.bigCpuMsPerLink : TARGETS.cpuMsPerLink;
      const perLink = headline.cpuMs / headline.distinct;
      add(
        `${headline.caseName}: CPU ≤ ${limit} ms per link (user+sys / N)`,
        `${perLink.toFixed(2)} ms`,
        perLink <= limit,
      );
    }
  }
  const curate = records.filter((r) => r.isCurate);
  if (curate.length > 0) {
    const worst = curate.reduce((a, b) =>
      b.maxInFlightPerHost - b.limits.perHost > a.maxInFlightPerHost - a.limits.perHost ? b : a,
    );
    add(
      'never more than --per-host in flight on one host (farm count)',
      `max ${worst.maxInFlightPerHost} in flight with --per-host ${worst.limits.perHost} (${worst.caseName}, ${worst.tool})`,
      curate.every((r) => r.maxInFlightPerHost <= r.limits.perHost),
    );
  }
  const tenK = curate.filter(
    (r) => r.n === 10_000 && r.hosts === 50 && r.isDefaults && r.peakRssBytes !== undefined,
  );
  if (tenK.length > 0) {
    const peak = Math.max(...tenK.map((r) => r.peakRssBytes));
    add(
      `peak RSS ≤ ${TARGETS.peakRssBytes / 2 ** 20} MB at N=10,000 H=50 defaults`,
      `${(peak / 2 ** 20).toFixed(0)} MB (highest of ${tenK.length} cases: ${tenK.map((r) => r.mix).join(', ')})`,
      peak <= TARGETS.peakRssBytes,
    );
  }
  const growth = memoryGrowth(records);
  if (growth !== undefined) {
    add(
      `peak RSS grows sub-linearly in N (${growth.caseName}, N ${growth.fromN} → ${growth.toN})`,
      `${growth.fromMb.toFixed(0)} MB → ${growth.toMb.toFixed(0)} MB = ${growth.ratio.toFixed(2)}× for ${growth.nRatio}× the links`,
      growth.ratio < growth.nRatio,
    );
  }
  const allOk = find(records, (r) => r.mix === 'all-200' && r.hangs === 0 && r.isDefaults);
  if (allOk !== undefined) {
    const perUrl = allOk.requests / allOk.distinct;
    add(
      `requests per URL ≤ ${TARGETS.requestsPerUrl} on the all-200 mix`,
      `${allOk.requests} requests for ${allOk.distinct} URLs = ${perUrl.toFixed(3)}`,
      perUrl <= TARGETS.requestsPerUrl,
    );
    if (allOk.resources > allOk.distinct) {
      add(
        'duplicated URLs fetched once',
        `${allOk.resources} resources, ${allOk.distinct} distinct URLs, ${allOk.requests} requests`,
        allOk.requests <= allOk.distinct,
      );
    }
    add(
      'connections reused (keep-alive)',
      `${(allOk.requests / Math.max(1, allOk.connectionsOpened)).toFixed(1)} requests per connection`,
      allOk.connectionsOpened <= allOk.hosts * allOk.limits.perHost,
    );
  }
  const wrong = curate.filter((r) => r.score === undefined || describeScore(r.score) !== '✓');
  add(
    'every 404 reported broken, every alive URL not',
    wrong.length === 0
      ? `${curate.length} curate runs correct`
      : wrong
          .map((r) => `${r.caseName} ${r.tool}: ${r.score ? describeScore(r.score) : 'no report'}`)
          .join('; '),
    wrong.length === 0,
  );
  return targets;
}

/**
 * Peak RSS of curate at its defaults on the mixed case over H=50 at the smallest and the
 * largest N run (`--memory`: 2,000 and 50,000), when at least two N were run.
 */
export function memoryGrowth(records) {
  const runs = records
    .filter(
      (r) => r.isDefaults && r.mix === 'mixed' && r.hosts === 50 && r.peakRssBytes !== undefined,
    )
    .toSorted((a, b) => a.n - b.n);
  const from = runs[0];
  const to = runs.at(-1);
  if (from === undefined || to === undefined || from.n === to.n) return undefined;
  return {
    caseName: `mixed H=50, curate defaults`,
    fromN: from.n,
    toN: to.n,
    fromMb: from.peakRssBytes / 2 ** 20,
    toMb: to.peakRssBytes / 2 ** 20,
    ratio: to.peakRssBytes / from.peakRssBytes,
    nRatio: to.n / from.n,
  };
}

const VERDICT_WORDS = new Map([
  [true, '✅ met'],
  [false, '❌ missed'],
  [undefined, 'ℹ️ for information'],
]);

/** The targets as a Markdown list; a line with no verdict is shown for information. */
export function renderTargets(targets) {
  return targets
    .map((target) => `- ${VERDICT_WORDS.get(target.isMet)}: ${target.name}: ${target.measured}`)
    .join('\n');
}
