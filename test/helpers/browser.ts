/**
 * Headless Chromium for the browser tests of report.html: Debian's `chromium` package (or the
 * binary `CURATE_CHROMIUM` names), driven by playwright-core, which downloads nothing when given
 * the binary. Without a browser a local run skips those tests and says so; in CI (`CI` set)
 * a missing browser is an error, so the tests are never silently skipped there (.ci/run
 * installs the package).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

const CANDIDATES = [
  process.env.CURATE_CHROMIUM,
  '/usr/bin/chromium',
  '/usr/bin/chromium-headless-shell',
  '/usr/lib/chromium/chromium',
];

/** The Chromium binary to use, or undefined when there is none. */
export function chromiumPath(): string | undefined {
  return CANDIDATES.find(
    (path): path is string => path !== undefined && path !== '' && existsSync(path),
  );
}

/**
 * Whether the browser tests can run: false (with a message on stderr) without a browser
 * locally; throws in CI, where .ci/run must have installed one.
 */
export function hasBrowser(): boolean {
  if (chromiumPath() !== undefined) return true;
  const message =
    'No Chromium found (/usr/bin/chromium, or set CURATE_CHROMIUM): install it with `apt-get install -y chromium`.';
  if (process.env.CI !== undefined && process.env.CI !== '') {
    throw new Error(`${message} CI must run the browser tests.`);
  }
  process.stderr.write(`SKIPPED the browser tests of report.html. ${message}\n`);
  return false;
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (executablePath === undefined) throw new Error('no Chromium: call hasBrowser() first');
  return chromium.launch({
    executablePath,
    // Root in a container (CI) has no user namespace for Chromium's sandbox.
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
}

/** What a page did that a person would call broken: console errors, uncaught errors, requests. */
export type PageWatch = { errors: string[]; blockedRequests: string[] };

/**
 * Blocks every request that is not the page's own file (report.html must load nothing), and
 * records console errors, uncaught exceptions and the blocked requests.
 */
export async function watchPage(page: Page): Promise<PageWatch> {
  const watch: PageWatch = { errors: [], blockedRequests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') watch.errors.push(message.text());
  });
  page.on('pageerror', (error) => watch.errors.push(String(error)));
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith('file://')) return route.continue();
    watch.blockedRequests.push(url);
    return route.abort();
  });
  return watch;
}
