/**
 * Bundles the compiled CLI (dist/cli.js and everything it imports, dependencies included) into
 * one file written over dist/cli.js, the `curate` bin, and likewise the check worker's entry.
 * Node 20 has no compile cache, and resolving and loading several hundred small modules (undici
 * alone is over a hundred) was most of curate's start-up: ~0.34 s for `curate --version`
 * unbundled, ~0.19 s bundled. The bin keeps its path, so an `npx curate` that cached the link
 * to it keeps working; the other compiled modules stay beside it for the tests and scripts that
 * import them.
 */
import { chmod, rm } from 'node:fs/promises';
import { build } from 'esbuild';
import { NODE_BUNDLE_OPTIONS } from './node-bundle-options.mjs';

// The check worker (`--workers`) is a second entry: a thread loads it as the bin loads cli.js.
for (const entry of ['dist/cli.js', 'dist/workers/check-worker.js']) {
  await build({
    ...NODE_BUNDLE_OPTIONS,
    entryPoints: [entry],
    outfile: entry,
    // tsc has just written the entry; the bundle replaces it.
    allowOverwrite: true,
  });
  // tsc's source map described the file the bundle replaced.
  await rm(`${entry}.map`, { force: true });
}
// A bin runs by its shebang; npm sets the bit only when it links a package, not after a build.
await chmod('dist/cli.js', 0o755);
