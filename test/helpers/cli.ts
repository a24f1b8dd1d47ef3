/**
 * Child processes for end-to-end tests: the built CLI (`node dist/cli.js`, the bundled bin) and
 * the programs around it (git), with only PATH and what the test passes in the environment.
 *
 * A CLI run is mostly CPU (about a second for a small `check`), so on a loaded 2-core machine it
 * takes several seconds of wall time: keep the runs per `it` few, and never assert how long one
 * took.
 */
import { execFile } from 'node:child_process';
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
