/**
 * The esbuild options every bundle of curate's code shares: dist/cli.js (scripts/bundle.mjs)
 * and the action's action/index.js and action/cli.js (scripts/bundle-action.mjs).
 */
export const NODE_BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  // engines: node >= 20.18; the action runs on node24 and the tests on whatever they have.
  target: 'node20.18',
  // Dependencies written as CommonJS `require` Node's built-ins; an ES module has no `require`.
  banner: {
    js: "import { createRequire as createRequireForBundle } from 'node:module';\nconst require = createRequireForBundle(import.meta.url);",
  },
  // Readable, so a stack trace from an internal error still names the functions.
  minify: false,
  legalComments: 'eof',
  logLevel: 'warning',
};
