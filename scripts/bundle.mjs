/**
 * Bundles the compiled CLI (dist/cli.js and everything it imports, dependencies included) into
 * one file, dist/curate.js, the `curate` bin. Node 20 has no compile cache, and resolving and
 * loading several hundred small modules (undici alone is over a hundred) was most of curate's
 * start-up: ~0.34 s for `curate --version` unbundled, ~0.19 s bundled.
 */
import { build } from 'esbuild';

await build({
  entryPoints: ['dist/cli.js'],
  outfile: 'dist/curate.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.18',
  // Dependencies written as CommonJS `require` Node's built-ins; an ES module has no `require`.
  banner: {
    js: "import { createRequire as createRequireForBundle } from 'node:module';\nconst require = createRequireForBundle(import.meta.url);",
  },
  // Readable, so a stack trace from an internal error still names the functions.
  minify: false,
  legalComments: 'eof',
  logLevel: 'warning',
});
