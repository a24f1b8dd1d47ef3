/**
 * Child processes for end-to-end tests: the built CLI (`node dist/cli.js`, the bundled bin) and
 * the programs around it (git), with only PATH and what the test passes in the environment.
 *
 * A CLI run is mostly CPU (about a second for a small `check`), so on a loaded 2-core machine it
 * takes several seconds of wall time: keep the runs per `it` few, and never assert how long one
 * took.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The bundled CLI that `npm test` builds first. */
export const CLI_PATH = join(REPO_ROOT, 'dist', 'cli.js');

/**
 * When a child is killed: only a hung one gets there, since a CLI run takes seconds even on a
 * loaded machine. It is a backstop that keeps a hung child from outliving its test.
 */
export const CHILD_DEADLINE_MS = 120_000;

/** What a finished child left: exit code (-1 if killed), and its output. */
export type ProcessRun = { code: number; stdout: string; stderr: string };

export type RunOptions = {
  cwd: string;
  env?: Readonly<Record<string, string>>;
  /** Overrides CHILD_DEADLINE_MS for a child that legitimately runs longer (a workflow step). */
  deadlineMs?: number;
};

/** Runs `command` to the end and resolves with its exit code and output, never rejecting. */
export function runProcess(
  command: string,
  args: readonly string[],
  { cwd, env = {}, deadlineMs = CHILD_DEADLINE_MS }: RunOptions,
): Promise<ProcessRun> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd, env: { PATH: process.env.PATH ?? '', ...env }, timeout: deadlineMs },
      (error, stdout, stderr) => {
        if (error === null) {
          resolve({ code: 0, stdout, stderr });
          return;
        }
        const code = typeof error.code === 'number' ? error.code : -1;
        // Killed at the deadline, or never started: say so where a failing test shows stderr.
        const note = code === -1 ? `\n[no exit code: ${error.signal ?? error.message}]` : '';
        resolve({ code, stdout, stderr: stderr + note });
      },
    );
  });
}

/**
 * CLI flags that send each of `hosts` (port 443) to a local test server on 127.0.0.1, trust the
 * test CA and retry nothing: the fake internet of the e2e tests.
 */
export function localNetworkFlags(port: number, hosts: readonly string[]): string[] {
  return [
    '--allow-private',
    '--ca-file',
    join(REPO_ROOT, 'test', 'fixtures', 'tls', 'ca.pem'),
    '--retries',
    '0',
    ...hosts.flatMap((name) => ['--connect-to', `${name}:443:127.0.0.1:${String(port)}`]),
  ];
}

/** Runs the built CLI with `args`. */
export function runCurate(args: readonly string[], options: RunOptions): Promise<ProcessRun> {
  return runProcess(process.execPath, [CLI_PATH, ...args], options);
}

/** Throws unless dist/cli.js exists: the e2e tests run what `npm test` built. */
export function assertCliBuilt(): void {
  if (!existsSync(CLI_PATH)) {
    throw new Error('dist/cli.js is missing: run `npm run build` (npm test does it).');
  }
}

/** A CLI run still going: what it has printed so far, a way to wait for a line, its end. */
export type RunningCurate = {
  /** Sends a signal to the CLI process itself (its pid, nothing else). */
  kill: (signal: NodeJS.Signals) => void;
  /** Resolves once stderr matches `pattern`; rejects if the process ends first. */
  waitForStderr: (pattern: RegExp) => Promise<void>;
  /** Resolves when the process ends, with its exit code (-1 when killed by a signal). */
  exited: Promise<ProcessRun>;
};

/**
 * Starts the built CLI and returns while it runs, for tests that act on it mid-run (Ctrl-C).
 * Killed at the deadline like `runProcess`, so a hung child never outlives its test.
 */
export function startCurate(
  args: readonly string[],
  { cwd, env = {}, deadlineMs = CHILD_DEADLINE_MS }: RunOptions,
): RunningCurate {
  const child = spawn(process.execPath, [CLI_PATH, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiters = new Set<{ pattern: RegExp; resolve: () => void }>();
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    for (const waiter of waiters) {
      if (waiter.pattern.test(stderr)) {
        waiters.delete(waiter);
        waiter.resolve();
      }
    }
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), deadlineMs);
  const exited = new Promise<ProcessRun>((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        code: code ?? -1,
        stdout,
        stderr: signal === null ? stderr : `${stderr}\n[killed: ${signal}]`,
      });
    });
  });
  return {
    kill: (signal) => child.kill(signal),
    waitForStderr: (pattern) =>
      pattern.test(stderr)
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            waiters.add({ pattern, resolve });
            void exited.then((run) => {
              reject(
                new Error(`curate exited (${run.code}) before printing ${pattern}:\n${run.stderr}`),
              );
            });
          }),
    exited,
  };
}
