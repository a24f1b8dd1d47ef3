/**
 * Child processes for the end-to-end tests: the built CLI, git in temporary repositories, and
 * any other command, each with a clean environment so the developer's own settings (proxies,
 * git config, CI variables) never leak into a test.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The bundled CLI that `npm run build` writes. */
export const CLI = join(ROOT, 'dist', 'cli.js');

/** How a process ended and what it printed. */
export type ProcessRun = { code: number; stdout: string; stderr: string };

/**
 * Runs `command` in `cwd` with only PATH and `env` in its environment, and resolves (never
 * rejects) with its exit code: -1 when it could not start or was killed after `timeoutMs`.
 */
export function runProcess(
  command: string,
  args: readonly string[],
  cwd: string,
  env: Record<string, string> = {},
  { timeoutMs = 30_000 }: { timeoutMs?: number } = {},
): Promise<ProcessRun> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd, env: { PATH: process.env.PATH ?? '', ...env }, timeout: timeoutMs },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Runs the built CLI (`node dist/cli.js …`) in `cwd`. */
export function runCli(
  args: readonly string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<ProcessRun> {
  return runProcess(process.execPath, [CLI, ...args], cwd, env);
}

/** The environment of a git that reads no system or user config: a test identity, HOME = `home`. */
export function gitEnv(home: string): Record<string, string> {
  return {
    GIT_AUTHOR_NAME: 'test',
    GIT_AUTHOR_EMAIL: 'test@example.test',
    GIT_COMMITTER_NAME: 'test',
    GIT_COMMITTER_EMAIL: 'test@example.test',
    GIT_CONFIG_NOSYSTEM: '1',
    HOME: home,
  };
}

/** Runs git in `cwd` and returns its trimmed stdout; throws with git's stderr when it fails. */
export async function git(cwd: string, ...args: string[]): Promise<string> {
  const result = await runProcess('git', args, cwd, gitEnv(cwd));
  if (result.code !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}
