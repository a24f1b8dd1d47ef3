/**
 * Runs one command as a child and measures it from the outside: wall time, peak RSS and CPU
 * (user + sys). GNU `/usr/bin/time` reports the child's own rusage when it is installed;
 * otherwise /proc/<pid>/status (VmHWM) and /proc/<pid>/stat are polled, which misses at most
 * the last poll interval. A run past its deadline is killed with its whole process group.
 */
import { spawn } from 'node:child_process';
import { existsSync, openSync, closeSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { clearInterval, clearTimeout, setInterval, setTimeout } from 'node:timers';

const GNU_TIME = '/usr/bin/time';
const POLL_MS = 20;

/** Whether GNU time (with -f and -o) is available to measure children. */
export function hasGnuTime() {
  return existsSync(GNU_TIME);
}

/**
 * Spawns `command args` with stdout/stderr to the given files and resolves with
 * { exitCode, spawnedAt, wallMs, peakRssBytes, cpuMs, isTimedOut }; peakRssBytes and cpuMs are
 * undefined when neither GNU time nor /proc is there. `spawnedAt` is performance.now() just
 * before the spawn, so the caller can place events it saw on the same clock (the farm's first
 * request) between the spawn and the exit at spawnedAt + wallMs.
 */
export async function measureCommand(command, args, { cwd, stdoutPath, stderrPath, timeoutMs }) {
  const useTime = hasGnuTime();
  const timeFile = path.join(os.tmpdir(), `curate-bench-time-${process.pid}-${Date.now()}.txt`);
  const [file, fileArgs] = useTime
    ? [GNU_TIME, ['-o', timeFile, '-f', '%e %U %S %M', command, ...args]]
    : [command, args];
  const stdoutFd = openSync(stdoutPath, 'w');
  const stderrFd = openSync(stderrPath, 'w');
  const spawnedAt = performance.now();
  // Its own process group, so a timeout can kill the tool and anything it started, and nothing else.
  const child = spawn(file, fileArgs, {
    cwd,
    stdio: ['ignore', stdoutFd, stderrFd],
    detached: true,
  });
  closeSync(stdoutFd);
  closeSync(stderrFd);

  let polled = { peakRssBytes: undefined, cpuMs: undefined };
  const poller = useTime
    ? undefined
    : setInterval(() => {
        void pollProc(child.pid).then((sample) => {
          if (sample !== undefined) polled = sample;
        });
      }, POLL_MS);
  let isTimedOut = false;
  const deadline = setTimeout(() => {
    isTimedOut = true;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }, timeoutMs);

  const exitCode = await new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal === null ? -1 : 128)));
  });
  const wallMs = performance.now() - spawnedAt;
  clearTimeout(deadline);
  if (poller !== undefined) clearInterval(poller);

  if (!useTime) return { exitCode, spawnedAt, wallMs, ...polled, isTimedOut };
  const measured = await readTimeFile(timeFile);
  await rm(timeFile, { force: true });
  // GNU time prints "Command exited with non-zero status N" before the format line.
  return { exitCode, spawnedAt, wallMs, ...measured, isTimedOut };
}

async function readTimeFile(timeFile) {
  const text = await readFile(timeFile, 'utf8').catch(() => '');
  const line = text.trim().split('\n').at(-1) ?? '';
  const [, user, sys, maxRssKb] = line.split(' ').map(Number);
  if (![user, sys, maxRssKb].every(Number.isFinite)) {
    return { peakRssBytes: undefined, cpuMs: undefined };
  }
  return { peakRssBytes: maxRssKb * 1024, cpuMs: (user + sys) * 1000 };
}

async function pollProc(pid) {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const hwmKb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
    // Fields after the ")" of the command name: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { peakRssBytes: hwmKb * 1024, cpuMs: (ticks * 1000) / 100 };
  } catch {
    return undefined;
  }
}
