/**
 * Bundles the compiled CLI (dist/cli.js and everything it imports, dependencies included) into
 * one file written over dist/cli.js, the `curate` bin. Node 20 has no compile cache, and resolving
 * and loading several hundred small modules (undici alone is over a hundred) was most of
 * curate's start-up: ~0.34 s for `curate --version` unbundled, ~0.19 s bundled. The bin keeps its
 * path, so an `npx curate` that cached the link to it keeps working; the other compiled modules
 * stay beside it for the tests and scripts that import them.
 */
import { chmod, rm } from 'node:fs/promises';
import { build } from 'esbuild';
import { NODE_BUNDLE_OPTIONS } from './node-bundle-options.mjs';

await build({
  ...NODE_BUNDLE_OPTIONS,
  entryPoints: ['dist/cli.js'],
  outfile: 'dist/cli.js',
  // tsc has just written dist/cli.js; the bundle replaces it.
  allowOverwrite: true,
});
// tsc's source map described the file the bundle replaced.
await rm('dist/cli.js.map', { force: true });
// A bin runs by its shebang; npm sets the bit only when it links a package, not after a build.
await chmod('dist/cli.js', 0o755);
