/**
 * git for the end-to-end tests, in temporary repositories, with a clean environment so the
 * developer's own git config never leaks into a test. Child processes in general (and the built
 * CLI) are test/helpers/cli.ts's.
 */
import { runProcess } from './cli.js';

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
  const result = await runProcess('git', args, { cwd, env: gitEnv(cwd) });
  if (result.code !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}
