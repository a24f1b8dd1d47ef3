/**
 * The installed package's root directory, where package.json, rules/ and schema/ live. This
 * module sits one level below it both as compiled (`dist/package-root.js`) and bundled into
 * `dist/cli.js`, so files shipped beside the code are found from here in both.
 */
export const PACKAGE_ROOT = new URL('..', import.meta.url);
