/**
 * A micro-benchmark of reading page signals (the CPU cost `curate check` pays for every HTML
 * page it fetches): ms per page for the farm's small page and its 200 KB page, plus a 200 KB page
 * that must be read to the end (a login box in its footer). Not a test: numbers depend on the
 * machine, so nothing here passes or fails.
 *
 *   npm run build && node bench/page-signals.mjs [--iterations 2000] [--before OLD_DIST]
 *
 * `--before` times another build's dist/ as well (e.g. a checkout of an older commit, built), so
 * a change can be measured before and after on the same machine, and checks both give the same
 * signals.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { URL, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { bigPage, smallPage } from './farm.mjs';

const BIG_PAGE_BYTES = 200 * 1024;
const WARMUP_ITERATIONS = 200;

const big = bigPage('A long bench lesson', BIG_PAGE_BYTES);
const PAGES = [
  { name: 'small page', html: smallPage('A bench lesson') },
  { name: '200 KB page', html: big },
  {
    name: '200 KB page, password field at the end',
    html: big.replace('</main>', '</main><form><input type="password"></form>'),
  },
];

async function loadReader(distDir) {
  const file = path.resolve(distDir, 'classify', 'page-signals.js');
  const module = await import(pathToFileURL(file).href);
  return module.readPageSignals;
}

/** Mean milliseconds per call over `iterations` calls, after a warm-up. */
function timePerPage(readPageSignals, html, iterations) {
  const url = new URL('http://127.0.0.2/ok/1');
  for (let i = 0; i < WARMUP_ITERATIONS; i += 1) readPageSignals(html, url);
  const startedAt = performance.now();
  for (let i = 0; i < iterations; i += 1) readPageSignals(html, url);
  return (performance.now() - startedAt) / iterations;
}

async function main() {
  const { values } = parseArgs({
    options: {
      iterations: { type: 'string', default: '2000' },
      before: { type: 'string' },
      after: { type: 'string', default: 'dist' },
    },
  });
  const iterations = Number(values.iterations);
  const builds = [
    ...(values.before === undefined ? [] : [{ label: 'before', dir: values.before }]),
    { label: 'after', dir: values.after },
  ];
  const readers = await Promise.all(builds.map((build) => loadReader(build.dir)));
  process.stdout.write(`readPageSignals, mean of ${iterations} calls (ms/page)\n`);
  for (const page of PAGES) {
    const url = new URL('http://127.0.0.2/ok/1');
    const signals = readers.map((read) => JSON.stringify(read(page.html, url)));
    const timings = builds.map(
      (build, index) =>
        `${build.label} ${timePerPage(readers[index], page.html, iterations).toFixed(3)}`,
    );
    const agreement = new Set(signals).size === 1 ? '' : '  SIGNALS DIFFER';
    process.stdout.write(
      `  ${page.name} (${page.html.length} chars): ${timings.join(', ')}${agreement}\n`,
    );
  }
}

await main();
