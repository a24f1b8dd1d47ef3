/**
 * The action's committed bundles (action/index.js, action/cli.js) are what the sources build:
 * GitHub runs them as committed, so a source change without a rebuild would ship old code.
 * The same check runs in .ci/run (`npm run check:action`); this one also proves the build is
 * deterministic, since it compares bytes.
 */
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runProcess } from './helpers/cli.js';

describe('the action bundle', () => {
  it('is byte for byte what scripts/bundle-action.mjs builds from the sources', async () => {
    const run = await runProcess(process.execPath, ['scripts/bundle-action.mjs', '--check'], {
      cwd: REPO_ROOT,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('match the sources');
  }, 180_000);
});
