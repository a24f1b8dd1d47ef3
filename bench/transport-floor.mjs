/**
 * The floor under any Node checker that GETs every page: a bare undici loop over the farm, with
 * nothing but the request, the body read and the same limits curate uses (8 per host, one
 * keep-alive pool per host), against curate's own transport (`fetchTarget`, no classification).
 * If the bare loop alone is near the bound, a full checker on one thread cannot be under it.
 * Not a test: numbers depend on the machine, so nothing here passes or fails.
 *
 *   npm run build && node bench/transport-floor.mjs [--n 10000] [--hosts 50] [--per-host 8]
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { URL } from 'node:url';
import { parseArgs } from 'node:util';
import pLimit from 'p-limit';
import { Agent, request } from 'undici';
import { fetchTarget } from '../dist/fetch/http-client.js';
import { resolveOptions } from '../dist/options.js';
import { hostAddress } from './farm.mjs';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '10000' },
    hosts: { type: 'string', default: '50' },
    'per-host': { type: 'string', default: '8' },
  },
});
const n = Number(values.n);
const hostCount = Number(values.hosts);
const perHost = Number(values['per-host']);
const LATENCY_MS = 50;

/** The bare loop: one GET, the body read to the end, nothing else. */
async function bareGet(url, dispatcher) {
  const { statusCode, body } = await request(url, { dispatcher });
  await body.text();
  return statusCode;
}

// curate's own defaults, as `curate check` resolves them (deadline, retries, body cap, redirects).
const FETCH_SETTINGS = resolveOptions({}, undefined, {}).fetch;

/** `prepare` turns the Agent into what `fetchOne` sends through, once per run (as curate does). */
async function run(name, fetchOne, farm, prepare = (agent) => agent) {
  const agent = new Agent({ connections: perHost });
  const dispatcher = prepare(agent);
  const limits = farm.origins.map(() => pLimit(perHost));
  const urls = Array.from(
    { length: n },
    (_, index) => new URL(`${farm.origins[index % hostCount] ?? ''}/ok/floor-${String(index)}`),
  );
  const cpuBefore = process.cpuUsage();
  const startedAt = performance.now();
  await Promise.all(
    urls.map((url, index) => limits[index % hostCount](() => fetchOne(url, dispatcher))),
  );
  const wallMs = performance.now() - startedAt;
  const cpu = process.cpuUsage(cpuBefore);
  await agent.close();
  const boundMs = Math.ceil(n / (hostCount * perHost)) * LATENCY_MS;
  process.stdout.write(
    `${name.padEnd(22)} wall ${(wallMs / 1000).toFixed(2)} s = ${(wallMs / boundMs).toFixed(2)} × the bound of ${(boundMs / 1000).toFixed(2)} s; ` +
      `CPU ${((cpu.user + cpu.system) / 1000 / n).toFixed(3)} ms/request\n`,
  );
}

/** The farm in a process of its own, so its CPU is not counted as the client's. */
async function startFarmProcess() {
  const child = spawn(
    process.execPath,
    [
      new URL('farm.mjs', import.meta.url).pathname,
      '--hosts',
      String(hostCount),
      '--port',
      '0',
      '--latency',
      String(LATENCY_MS),
      '--seconds',
      '300',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const [line] = await once(child.stdout, 'data');
  const port = /on port (\d+)/.exec(String(line))?.[1];
  if (port === undefined) throw new Error(`the farm did not say its port: ${String(line)}`);
  const origins = Array.from(
    { length: hostCount },
    (_, index) => `http://${hostAddress(index)}:${port}`,
  );
  return { origins, close: () => child.kill() };
}

const farm = await startFarmProcess();
try {
  process.stdout.write(
    `${String(n)} GETs over ${String(hostCount)} hosts, ${String(perHost)} per host\n`,
  );
  await run('bare undici request()', bareGet, farm);
  await run(
    "curate's fetchTarget",
    (url, dispatcher) => fetchTarget(url, FETCH_SETTINGS, { dispatcher }),
    farm,
  );
} finally {
  await farm.close();
}
