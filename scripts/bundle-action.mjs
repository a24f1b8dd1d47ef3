/**
 * Bundles the GitHub Action (action.yml) into action/: `index.js`, the action's entry, and
 * `cli.js`, the curate CLI it runs. Both are built straight from src/ by esbuild and committed,
 * because GitHub runs an action from its repository as checked out, with no install or build.
 * They sit one level below the repository root, as dist/cli.js does, so PACKAGE_ROOT finds
 * package.json and rules/ from both.
 *
 * The build is deterministic (no timestamps, no absolute paths, one lockfile), so
 * `node scripts/bundle-action.mjs --check` rebuilds into a temporary directory and fails when
 * the committed files differ from what the sources build: `.ci/run` runs it, and
 * test/action-bundle.test.ts does the same.
 *
 *   node scripts/bundle-action.mjs            # write action/index.js and action/cli.js
 *   node scripts/bundle-action.mjs --check    # compare them with a fresh build
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { NODE_BUNDLE_OPTIONS } from './node-bundle-options.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
/** The committed bundles and the sources they are built from. */
const ENTRIES = [
  { source: 'src/action/main.ts', file: 'index.js' },
  { source: 'src/cli.ts', file: 'cli.js' },
  // Loaded by cli.js from beside itself when a run uses worker threads (`--workers`).
  { source: 'src/workers/check-worker.ts', file: 'workers/check-worker.js' },
];

/** Builds every entry into `outdir` (absolute). */
async function bundle(outdir) {
  for (const { source, file } of ENTRIES) {
    await build({
      ...NODE_BUNDLE_OPTIONS,
      absWorkingDir: root,
      entryPoints: [source],
      outfile: join(outdir, file),
      // The build's tsconfig, not a stray one: the same settings on every machine.
      tsconfig: join(root, 'tsconfig.build.json'),
    });
  }
}

const isCheck = process.argv.includes('--check');
if (!isCheck) {
  await bundle(join(root, 'action'));
} else {
  const fresh = await mkdtemp(join(tmpdir(), 'curate-action-bundle-'));
  try {
    await bundle(fresh);
    const stale = [];
    for (const { file } of ENTRIES) {
      const committed = await readFile(join(root, 'action', file)).catch(() => undefined);
      const built = await readFile(join(fresh, file));
      if (committed === undefined || !committed.equals(built)) stale.push(`action/${file}`);
    }
    if (stale.length > 0) {
      process.stderr.write(
        `${stale.join(', ')} ${stale.length === 1 ? 'is' : 'are'} not what the sources build: run \`npm run bundle:action\` and commit the result.\n`,
      );
      process.exitCode = 1;
    } else {
      process.stdout.write(
        `${ENTRIES.map(({ file }) => `action/${file}`).join(', ')} match the sources.\n`,
      );
    }
  } finally {
    await rm(fresh, { recursive: true, force: true });
  }
}
