/**
 * The package as a stranger gets it: `npm pack` of this checkout, `npm install --omit=dev` of the
 * tarball into a project of their own, then `npx curate`. npm runs `--offline`, from the cache
 * the checkout's own `npm ci` filled, so these helpers never reach the registry.
 */
import { join } from 'node:path';
import { REPO_ROOT, runProcess, type ProcessRun } from './cli.js';

/** npm installs take minutes on a loaded machine; a deadline only stops a hung one. */
export const NPM_DEADLINE_MS = 540_000;

/** npm's environment: the filled cache and no registry beyond it, no audit, no notices. */
export function npmEnv(home: string): Record<string, string> {
  return {
    HOME: process.env.HOME ?? home,
    npm_config_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
}

/** Packs this checkout into `destination` and returns the tarball's path. */
export async function packTarball(destination: string): Promise<string> {
  // --ignore-scripts: `npm test` has just built dist/; rebuilding it here would race the
  // other test files that run dist/cli.js.
  const pack = await runProcess(
    'npm',
    ['pack', '--ignore-scripts', '--silent', '--pack-destination', destination],
    { cwd: REPO_ROOT, env: npmEnv(destination), deadlineMs: NPM_DEADLINE_MS },
  );
  if (pack.code !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`);
  return join(destination, pack.stdout.trim().split('\n').pop() ?? '');
}

/** `npm install --omit=dev <tarball>` in `project`, which has a package.json already. */
export async function installTarball(project: string, tarball: string): Promise<void> {
  const install = await runProcess('npm', ['install', '--omit=dev', tarball], {
    cwd: project,
    env: npmEnv(project),
    deadlineMs: NPM_DEADLINE_MS,
  });
  if (install.code !== 0) throw new Error(`npm install of the tarball failed:\n${install.stderr}`);
}

/** `npx curate <args>` in `project`: the installed bin, never one fetched on the fly (`--no`). */
export function npxCurate(project: string, args: readonly string[]): Promise<ProcessRun> {
  return runProcess('npx', ['--no', '--', 'curate', ...args], {
    cwd: project,
    env: npmEnv(project),
  });
}
