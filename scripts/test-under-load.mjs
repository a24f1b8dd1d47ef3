// Proves that no test depends on the machine's speed: runs the whole suite (`npm test`) several
// times in a row while busy workers keep every core loaded, and exits 1 unless every run passed.
//
// Usage: node scripts/test-under-load.mjs [--runs 3] [--load-per-core 2]
//
// The load is `stress-ng --cpu N` when stress-ng is installed (Debian/Ubuntu: apt-get install
// stress-ng), else N node processes spinning in a loop, with N = load-per-core × cores. It starts
// before the first run and is stopped after the last one, on Ctrl-C too. Too slow for CI: each
// run takes several minutes on a loaded 2-core machine.
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import process, { execPath, exit, platform, stderr, stdout } from 'node:process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    'load-per-core': { type: 'string', default: '2' },
  },
});
/** One line on stdout. */
const say = (line) => stdout.write(`${line}\n`);

const runs = wholeNumber(values.runs, '--runs');
const loadPerCore = wholeNumber(values['load-per-core'], '--load-per-core');
const cores = availableParallelism();
const workers = loadPerCore * cores;

function wholeNumber(text, flag) {
  if (!/^\d+$/.test(text) || Number(text) < 1) {
    stderr.write(`test-under-load: ${flag} takes a whole number of at least 1, not "${text}"\n`);
    exit(2);
  }
  return Number(text);
}

/** Starts `count` CPU-bound workers; returns what they are and how to stop them. */
function startLoad(count) {
  const hasStressNg =
    spawnSync('stress-ng', ['--version'], { stdio: 'ignore' }).error === undefined;
  if (hasStressNg) {
    // Its own process group, so that stopping it stops the workers it forked.
    const stress = spawn('stress-ng', ['--cpu', String(count), '--timeout', '0', '--quiet'], {
      stdio: 'ignore',
      detached: true,
    });
    return {
      description: `${count} stress-ng --cpu workers`,
      stop: () => killGroup(stress.pid),
    };
  }
  const loops = Array.from({ length: count }, () =>
    spawn(execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }),
  );
  return {
    description: `${count} node busy loops`,
    stop: () => {
      for (const loop of loops) loop.kill('SIGKILL');
    },
  };
}

function killGroup(pid) {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
}

/** Runs `npm test`, passing its output through; resolves with the exit code and vitest's tally. */
function runSuite() {
  return new Promise((resolve) => {
    const child = spawn('npm', ['test'], {
      stdio: ['ignore', 'pipe', 'inherit'],
      shell: platform === 'win32',
    });
    let tail = '';
    child.stdout.on('data', (chunk) => {
      stdout.write(chunk);
      tail = (tail + chunk.toString()).slice(-4000);
    });
    child.on('close', (code, signal) => {
      // eslint-disable-next-line no-control-regex
      const plain = tail.replace(/\u001b\[[0-9;]*m/g, '');
      const tally = /^\s*Tests\s+(.+)$/m.exec(plain)?.[1]?.trim() ?? 'no test tally';
      resolve({ code: code ?? (signal === null ? 1 : 128), tally });
    });
  });
}

const load = startLoad(workers);
const stopAndExit = (code) => {
  load.stop();
  exit(code);
};
process.on('SIGINT', () => stopAndExit(130));
process.on('SIGTERM', () => stopAndExit(143));

say(`test-under-load: ${load.description} on ${cores} cores, ${runs} runs of npm test`);
const results = [];
try {
  for (let run = 1; run <= runs; run += 1) {
    const started = Date.now();
    const { code, tally } = await runSuite();
    const seconds = Math.round((Date.now() - started) / 1000);
    const line = `run ${run}/${runs}: ${code === 0 ? 'passed' : `FAILED (exit ${code})`}, ${tally}, ${seconds} s, load average ${loadavg()[0].toFixed(1)}`;
    results.push({ code, line });
    say(`test-under-load: ${line}`);
  }
} finally {
  load.stop();
}

const failed = results.filter((result) => result.code !== 0).length;
say(`\ntest-under-load: ${load.description} on ${cores} cores`);
for (const result of results) say(`  ${result.line}`);
say(failed === 0 ? `all ${runs} runs passed` : `${failed} of ${runs} runs failed`);
exit(failed === 0 ? 0 : 1);
