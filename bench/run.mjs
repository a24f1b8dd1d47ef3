/**
 * `npm run bench`: starts the loopback farm, generates the cases, runs curate (built, from
 * dist/cli.js) and the optional peers installed in bench/node_modules on each, and prints one
 * table: wall time against the physical lower bound, peak RSS, CPU per link, requests per URL,
 * and the farm's own count of requests in flight and connections per host.
 *
 *   node bench/run.mjs [--quick | --memory] [--only STEM,…] [--repeat 1] [--before OLD_DIST] [--all-peers]
 *                      [--no-peers] [--timeout 300] [--out bench/results] [--seed 1]
 *
 * All traffic stays on 127.0.0.0/8. Every child has a deadline, so the run always ends.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { setTimeout } from 'node:timers';
import { URL, fileURLToPath, pathToFileURL } from 'node:url';
import { lowerBound } from './bound.mjs';
import { startFarm } from './farm.mjs';
import { caseStem, countKinds, generateCase, writeCase } from './generate.mjs';
import { hasGnuTime, measureCommand } from './measure.mjs';
import { evaluateTargets, renderTable, renderTargets, runPhases, toRecord } from './summary.mjs';
import {
  curateVerdicts,
  linkinatorVerdicts,
  markdownLinkCheckVerdicts,
  scoreVerdicts,
} from './verdicts.mjs';

const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));
const ROOT_DIR = path.dirname(BENCH_DIR.replace(/[\\/]$/, ''));
const CURATE_CLI = path.join(ROOT_DIR, 'dist', 'cli.js');
const FARM_LATENCY_MS = 50;
const FARM_SLOW_MS = 1000;

/** The peers: where their CLI lives in bench/node_modules and the limits they run with. */
const PEERS = {
  linkinator: {
    bin: path.join(BENCH_DIR, 'node_modules', 'linkinator', 'build', 'src', 'cli.js'),
    args: (markdownPath) => [markdownPath, '--markdown', '--format', 'json'],
    // linkinator 7: 100 requests at once, no per-host limit.
    limits: { concurrency: 100, perHost: Number.POSITIVE_INFINITY },
    verdicts: (stdout) => linkinatorVerdicts(JSON.parse(stdout)),
  },
  'markdown-link-check': {
    bin: path.join(BENCH_DIR, 'node_modules', 'markdown-link-check', 'markdown-link-check'),
    args: (markdownPath) => [markdownPath],
    // markdown-link-check: async.mapLimit(links, 2).
    limits: { concurrency: 2, perHost: Number.POSITIVE_INFINITY },
    verdicts: (stdout) => markdownLinkCheckVerdicts(stdout),
  },
};

const C64_P8 = {
  label: '--concurrency 64 --per-host 8',
  dir: 'c64-p8',
  flags: ['--concurrency', '64', '--per-host', '8'],
};
const DEFAULT_RUN = { label: 'defaults', dir: 'defaults', flags: [] };
/** Two worker threads whatever the machine (auto would use none below 4 cores). */
const WORKERS_2 = { label: '--workers 2', dir: 'workers-2', flags: ['--workers', '2'] };

/**
 * A typical roadmap's size with one URL that never answers: the run lasts as long as that URL,
 * so its wall time is the timeout policy's, against one attempt's deadline as the bound.
 */
const NEVER_ANSWERS_CASE = {
  n: 100,
  hosts: 5,
  mix: 'all-200',
  hangs: 1,
  curate: [DEFAULT_RUN],
  peers: [],
};

/** The two headline rows: N=10,000 over H=50 at the defaults, small and 200 KB pages. */
const HEADLINE_CASES = [
  {
    n: 10_000,
    hosts: 50,
    mix: 'mixed',
    curate: [DEFAULT_RUN, C64_P8, WORKERS_2],
    peers: ['linkinator'],
  },
  { n: 10_000, hosts: 50, mix: 'big', curate: [DEFAULT_RUN], peers: ['linkinator'] },
];

const FULL_CASES = [
  ...HEADLINE_CASES,
  { n: 10_000, hosts: 5, mix: 'mixed', curate: [DEFAULT_RUN], peers: ['linkinator'] },
  {
    n: 2000,
    hosts: 50,
    mix: 'mixed',
    curate: [DEFAULT_RUN],
    peers: ['linkinator', 'markdown-link-check'],
  },
  {
    n: 500,
    hosts: 50,
    mix: 'mixed',
    curate: [DEFAULT_RUN],
    peers: ['linkinator', 'markdown-link-check'],
  },
  {
    n: 10_000,
    hosts: 50,
    mix: 'all-200',
    duplicateShare: 0.05,
    curate: [DEFAULT_RUN],
    peers: ['linkinator'],
  },
  NEVER_ANSWERS_CASE,
];

const QUICK_CASES = [
  {
    n: 500,
    hosts: 50,
    mix: 'mixed',
    curate: [DEFAULT_RUN, C64_P8],
    peers: ['linkinator', 'markdown-link-check'],
  },
  { n: 500, hosts: 5, mix: 'all-200', duplicateShare: 0.05, curate: [DEFAULT_RUN], peers: [] },
  NEVER_ANSWERS_CASE,
];

/**
 * `--memory`: how peak RSS grows with N (issue 16: sub-linearly beyond the results), the mixed
 * answers over H=50 at N=2,000, 10,000 and 50,000, curate at its defaults only.
 */
const MEMORY_CASES = [2000, 10_000, 50_000].map((n) => ({
  n,
  hosts: 50,
  mix: 'mixed',
  curate: [DEFAULT_RUN],
  peers: [],
}));

function parseArgs(argv) {
  const value = (flag, fallback) => {
    const index = argv.indexOf(flag);
    return index === -1 ? fallback : argv[index + 1];
  };
  return {
    isQuick: argv.includes('--quick'),
    isMemory: argv.includes('--memory'),
    only: value('--only', undefined)?.split(','),
    beforeDist:
      value('--before', undefined) === undefined ? undefined : path.resolve(value('--before')),
    isAllPeers: argv.includes('--all-peers'),
    hasPeers: !argv.includes('--no-peers'),
    timeoutMs: Number(value('--timeout', '300')) * 1000,
    outDir: path.resolve(value('--out', path.join(BENCH_DIR, 'results'))),
    seed: Number(value('--seed', '1')),
    repeat: Math.max(1, Number(value('--repeat', '1'))),
  };
}

/** curate's own defaults, read from the build so the bound follows them if they change. */
async function loadCurateDefaults() {
  const { DEFAULTS } = await import(
    pathToFileURL(path.join(ROOT_DIR, 'dist', 'options', 'defaults.js')).href
  );
  // The values of the time of writing stand in for any that a later build renames.
  return { concurrency: 512, perHost: 8, retryBaseDelayMs: 500, timeoutMs: 20_000, ...DEFAULTS };
}

function curateLimits(flags, defaults) {
  const flag = (name, fallback) => {
    const index = flags.indexOf(name);
    return index === -1 ? fallback : Number(flags[index + 1]);
  };
  return {
    concurrency: flag('--concurrency', defaults.concurrency),
    perHost: flag('--per-host', defaults.perHost),
  };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Lets the last client's sockets close, then zeroes the farm's counters. */
async function settleFarm(farm) {
  farm.closeIdleConnections();
  for (let waited = 0; waited < 3000; waited += 50) {
    const stats = farm.stats();
    const open = Object.values(stats.hosts).reduce((sum, host) => sum + host.openConnections, 0);
    if (open === 0 && stats.inFlight === 0) break;
    await sleep(50);
  }
  farm.reset();
}

/**
 * `curate --version`, the fastest of three runs (a floor, and noise only ever adds to it): node
 * and module loading with no roadmap, for the machine line.
 */
async function versionMs(dir, timeoutMs) {
  const samples = [];
  for (let i = 0; i < 3; i += 1) {
    const measured = await measureCommand(process.execPath, [CURATE_CLI, '--version'], {
      cwd: ROOT_DIR,
      stdoutPath: path.join(dir, 'version.out'),
      stderrPath: path.join(dir, 'version.err'),
      timeoutMs,
    });
    samples.push(measured.wallMs);
  }
  return Math.min(...samples);
}

/**
 * Runs one tool on a settled farm and reads what the farm saw; the runner's own CPU time over
 * the run is the farm's (it serves from this process), to show the farm was not the bottleneck.
 * The farm's first request and last answer split the wall time into phases (runPhases).
 */
async function measureOnFarm(farm, args, { cwd, runDir, timeoutMs }) {
  await settleFarm(farm);
  const cpuBefore = process.cpuUsage();
  const measured = await measureCommand(process.execPath, args, {
    cwd,
    stdoutPath: path.join(runDir, 'stdout.txt'),
    stderrPath: path.join(runDir, 'stderr.txt'),
    timeoutMs,
  });
  const cpu = process.cpuUsage(cpuBefore);
  const stats = farm.stats();
  return {
    measured,
    stats,
    phases: runPhases(measured, stats),
    farmCpuMs: (cpu.user + cpu.system) / 1000,
  };
}

/**
 * Keeps, of one tool's runs on a case, the median run by wall time (the lower one of an even
 * count) with its own phases, RSS and CPU: on a shared machine the fastest run flatters and
 * the slowest is someone else's load. Politeness and correctness are the worst seen in any run.
 */
function summarizeRuns(runs) {
  const byWall = runs.toSorted((a, b) => a.measured.wallMs - b.measured.wallMs);
  const median = byWall[Math.floor((byWall.length - 1) / 2)];
  const wrongCount = (run) =>
    run.score === undefined
      ? Number.POSITIVE_INFINITY
      : Object.values(run.score.wrong).reduce((x, y) => x + y, 0);
  const worstScore = runs.reduce((a, b) => (wrongCount(b) > wrongCount(a) ? b : a)).score;
  return {
    ...median,
    score: worstScore,
    stats: {
      ...median.stats,
      maxInFlightPerHost: Math.max(...runs.map((run) => run.stats.maxInFlightPerHost)),
      maxOpenConnectionsPerHost: Math.max(
        ...runs.map((run) => run.stats.maxOpenConnectionsPerHost),
      ),
    },
    wallsMs: runs.map((run) => run.measured.wallMs),
    cpusMs: runs.map((run) => run.measured.cpuMs),
    peakRssesBytes: runs.map((run) => run.measured.peakRssBytes),
  };
}

/** Runs `once` `times` times and summarizes the runs (see summarizeRuns). */
async function repeated(times, once) {
  const runs = [];
  for (let i = 0; i < times; i += 1) runs.push(await once());
  return summarizeRuns(runs);
}

/**
 * Runs curate on a case, and with `--before DIR` the other build too, the two alternating run
 * by run (this build first on even repeats, the other first on odd ones) so that a change of
 * load on a shared machine falls on both alike. One row per build.
 */
async function runCurate(benchCase, files, run, context) {
  const { farm, options, defaults } = context;
  const builds = [
    { suffix: '', dirSuffix: '', cli: CURATE_CLI },
    ...(options.beforeDist === undefined
      ? []
      : [
          {
            suffix: ' (before)',
            dirSuffix: '-before',
            cli: path.join(options.beforeDist, 'cli.js'),
          },
        ]),
  ];
  const runsByBuild = builds.map(() => []);
  for (let i = 0; i < options.repeat; i += 1) {
    const order = builds.map((_, index) => index);
    if (i % 2 === 1) order.reverse();
    for (const index of order) {
      const build = builds[index];
      const runDir = path.join(files.dir, `curate-${run.dir}${build.dirSuffix}`);
      await mkdir(runDir, { recursive: true });
      const args = [
        build.cli,
        'check',
        files.roadmapPath,
        '-o',
        runDir,
        '--allow-private',
        '--quiet',
        ...run.flags,
      ];
      const onFarm = await measureOnFarm(farm, args, {
        cwd: ROOT_DIR,
        runDir,
        timeoutMs: options.timeoutMs,
      });
      const report = await readFile(path.join(runDir, 'report.json'), 'utf8')
        .then((text) => JSON.parse(text))
        .catch(() => undefined);
      const score =
        report === undefined
          ? undefined
          : scoreVerdicts(benchCase.resources, curateVerdicts(report));
      runsByBuild[index].push({ ...onFarm, score });
    }
  }
  const limits = curateLimits(run.flags, defaults);
  return builds.map((build, index) => ({
    tool: `curate${build.suffix} ${run.label}`,
    ...summarizeRuns(runsByBuild[index]),
    limits,
  }));
}

async function runPeer(name, benchCase, files, context) {
  const { farm, options } = context;
  const peer = PEERS[name];
  const runDir = path.join(files.dir, name);
  await mkdir(runDir, { recursive: true });
  const args = [peer.bin, ...peer.args(files.markdownPath)];
  const result = await repeated(options.repeat, async () => {
    const onFarm = await measureOnFarm(farm, args, {
      cwd: runDir,
      runDir,
      timeoutMs: options.timeoutMs,
    });
    const stdout = await readFile(path.join(runDir, 'stdout.txt'), 'utf8');
    let score;
    try {
      score = scoreVerdicts(benchCase.resources, peer.verdicts(stdout));
    } catch {
      score = undefined;
    }
    return { ...onFarm, score };
  });
  return { tool: name, ...result, limits: peer.limits };
}

const seconds = (ms) => (ms === undefined ? '—' : (ms / 1000).toFixed(2));
const describePhases = ({ startupMs, networkMs, tailMs }) =>
  `start-up ${seconds(startupMs)} s, network ${seconds(networkMs)} s, tail ${seconds(tailMs)} s`;

/** Every repeat's wall, CPU and peak RSS, when there was more than one. */
function describeRepeats(row) {
  if (row.wallsMs.length < 2) return '';
  const list = (values, format) => values.map(format).join('/');
  return ` [walls ${list(row.wallsMs, seconds)} s; CPU ${list(row.cpusMs, seconds)} s; RSS ${list(
    row.peakRssesBytes,
    (bytes) => (bytes === undefined ? '—' : (bytes / 2 ** 20).toFixed(0)),
  )} MB]`;
}

function machineLine(versionStartupMs) {
  const cpus = os.cpus();
  return [
    `node ${process.version}, ${os.platform()} ${os.release()}, ${os.availableParallelism()} CPUs`,
    `(${cpus[0]?.model.trim() ?? 'unknown CPU'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory;`,
    `load average ${os
      .loadavg()
      .map((load) => load.toFixed(1))
      .join(' ')} at start;`,
    `curate --version: ${seconds(versionStartupMs)} s;`,
    `farm: ${FARM_LATENCY_MS} ms ±10 ms latency, slow answers ${FARM_SLOW_MS} ms;`,
    `peak RSS from ${hasGnuTime() ? 'GNU time' : '/proc VmHWM polling'}.`,
  ].join(' ');
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!existsSync(CURATE_CLI)) {
    process.stderr.write(`bench: ${CURATE_CLI} is missing; run \`npm run build\` first.\n`);
    process.exitCode = 2;
    return;
  }
  const defaults = await loadCurateDefaults();
  if (options.beforeDist !== undefined && !existsSync(path.join(options.beforeDist, 'cli.js'))) {
    process.stderr.write(`bench: --before ${options.beforeDist} has no cli.js.\n`);
    process.exitCode = 2;
    return;
  }
  const chosen = options.isMemory ? MEMORY_CASES : options.isQuick ? QUICK_CASES : FULL_CASES;
  // `--only mixed-n10000-h50,big-n10000-h50`: the cases of that set with those stems.
  const cases = chosen.filter(
    (spec) =>
      options.only === undefined ||
      options.only.includes(caseStem({ ...spec, hangs: spec.hangs ?? 0 })),
  );
  const hosts = Math.max(...cases.map((benchCase) => benchCase.hosts));
  const farm = await startFarm({
    hosts,
    latencyMs: FARM_LATENCY_MS,
    jitterMs: 10,
    slowMs: FARM_SLOW_MS,
    seed: options.seed,
  });
  const context = { farm, options, defaults };
  const records = [];
  const notes = [];
  let versionStartupMs;
  let machine = '';
  const runsDir = path.join(options.outDir, 'runs');
  try {
    versionStartupMs = await versionMs(await ensureDir(runsDir), options.timeoutMs);
    machine = machineLine(versionStartupMs);
    process.stdout.write(`${machine}\n\n`);
    for (const spec of cases) {
      const benchCase = generateCase({ ...spec, port: farm.port, seed: options.seed });
      const dir = path.join(runsDir, caseStem(benchCase));
      const files = { dir, ...(await writeCase(benchCase, path.join(options.outDir, 'roadmaps'))) };
      await mkdir(dir, { recursive: true });
      process.stdout.write(
        `${caseStem(benchCase)}: ${benchCase.resources.length} resources, kinds ${JSON.stringify(countKinds(benchCase))}\n`,
      );
      const boundFor = (limits) =>
        lowerBound(benchCase.resources, {
          ...limits,
          latencyMs: FARM_LATENCY_MS,
          slowMs: FARM_SLOW_MS,
          retryWaitMs: defaults.retryBaseDelayMs / 2,
          timeoutMs: defaults.timeoutMs,
        });
      let curateWallMs;
      for (const run of spec.curate) {
        for (const row of await runCurate(benchCase, files, run, context)) {
          const bound = boundFor(row.limits);
          curateWallMs ??= row.measured.wallMs;
          records.push(toRecord(benchCase, row, bound));
          process.stdout.write(
            `  ${row.tool}: ${seconds(row.measured.wallMs)} s (${describePhases(row.phases)}), bound ${seconds(bound.boundMs)} s (issue formula ${seconds(bound.simpleMs)} s)${describeRepeats(row)}\n`,
          );
        }
      }
      const peers = options.isAllPeers ? Object.keys(PEERS) : spec.peers;
      for (const name of options.hasPeers ? peers : []) {
        if (!existsSync(PEERS[name].bin)) {
          notes.push(`${name} skipped: not installed (cd bench && npm install).`);
          continue;
        }
        const row = await runPeer(name, benchCase, files, context);
        records.push(toRecord(benchCase, row, boundFor(row.limits)));
        const speedup =
          curateWallMs === undefined
            ? ''
            : `, ${(row.measured.wallMs / curateWallMs).toFixed(1)}× curate's wall`;
        process.stdout.write(
          `  ${name}: ${seconds(row.measured.wallMs)} s (${describePhases(row.phases)})${speedup}${describeRepeats(row)}\n`,
        );
      }
    }
  } finally {
    await farm.close();
  }
  machine += ` Load average at the end: ${os
    .loadavg()
    .map((load) => load.toFixed(1))
    .join(' ')}.`;
  const table = renderTable(records);
  const targets = renderTargets(evaluateTargets(records, { versionStartupMs }));
  process.stdout.write(`\n${machine}\n\n${table}\n\nTargets (issues 5 and 16):\n${targets}\n`);
  for (const note of [...new Set(notes)]) process.stdout.write(`${note}\n`);
  await writeFile(path.join(options.outDir, 'latest.md'), `${machine}\n\n${table}\n\n${targets}\n`);
  await writeFile(
    path.join(options.outDir, 'latest.json'),
    `${JSON.stringify({ machine, versionStartupMs, records }, null, 2)}\n`,
  );
}

async function ensureDir(dir) {
  await mkdir(dir, { recursive: true });
  return dir;
}

await main();
