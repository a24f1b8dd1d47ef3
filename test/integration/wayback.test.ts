/**
 * `check --archive` against a local server standing in for web.archive.org, reached through a
 * forward proxy with the private-address guard on (see platform-probes.test.ts): a dead link
 * with its snapshot, one with none, and a rate-limited archive, in report.json, report.md and
 * the --cache answers.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pathToFileURL } from 'node:url';
import { http, HttpResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixCommand } from '../../src/commands/fix.js';
import { resolveOptions } from '../../src/options.js';
import { loadRoadmap, parseRoadmap } from '../../src/roadmap/load.js';
import { runCheck } from '../../src/run.js';
import { hasBrowser, launchBrowser, watchPage } from '../helpers/browser.js';
import { startProxyServer, type ProxyServer } from '../helpers/proxy-server.js';
import { startWebServer, type WebServer } from '../helpers/web-server.js';

const SNAPSHOT = 'https://web.archive.org/web/20240102030405/https://github.com/someone/gone';

const roadmapText = [
  'version: 1',
  'title: dead links',
  'regions: [cn]',
  'sections:',
  "  - id: '1'",
  '    title: links',
  '    resources:',
  "      - { id: gone, title: Gone, url: 'https://github.com/someone/gone', kind: repo }",
  "      - { id: never, title: Never, url: 'https://github.com/someone/never', kind: repo }",
  "      - { id: limited, title: Limited, url: 'https://github.com/someone/limited', kind: repo }",
  "      - { id: live, title: Live, url: 'https://github.com/someone/live', kind: repo }",
].join('\n');

/** The stand-in archive's answer for one `/web/<url>` request. */
function archiveAnswer(url: URL): Response {
  switch (url.pathname) {
    // The archive normalises the scheme first (a hop without a timestamp), then names the snapshot.
    case '/web/https://github.com/someone/gone':
      return new Response(null, {
        status: 302,
        headers: { location: '/web/http://github.com/someone/gone' },
      });
    case '/web/http://github.com/someone/gone':
      return new Response(null, { status: 302, headers: { location: SNAPSHOT } });
    case '/web/https://github.com/someone/never':
      return new Response('Wayback Machine has not archived that URL.', { status: 404 });
    case '/web/https://github.com/someone/limited':
      return new Response('Too Many Requests', { status: 429, headers: { 'retry-after': '0' } });
    default:
      return new Response('unexpected', { status: 501 });
  }
}

const handlers = [
  http.get('https://github.com/someone/live', () => HttpResponse.html('<title>live</title>')),
  http.get('https://github.com/*', () =>
    HttpResponse.html('<title>Not Found</title>', { status: 404 }),
  ),
  // msw reads `:` in a path as a parameter, so the archive's paths are matched by hand.
  http.get('https://web.archive.org/web/*', ({ request }) => archiveAnswer(new URL(request.url))),
];

const caFile = fileURLToPath(new URL('../fixtures/tls/ca.pem', import.meta.url));
let site: WebServer;
let proxy: ProxyServer;
let out: string;

beforeAll(async () => {
  site = await startWebServer(handlers, { tls: 'valid' });
  proxy = await startProxyServer({ connectTo: site.connectTo('github.com', 'web.archive.org') });
  out = await mkdtemp(join(tmpdir(), 'curate-wayback-'));
});

afterAll(async () => {
  await Promise.all([site.close(), proxy.close()]);
  await rm(out, { recursive: true, force: true });
});

describe('check --archive', () => {
  it('shows each dead link with its snapshot, or why there is none', async () => {
    const loaded = parseRoadmap(roadmapText, 'dead.yaml');
    const options = resolveOptions(
      { out, retries: '1', caFile, quiet: true, proxy: proxy.url, reports: 'json,md,html' },
      loaded.roadmap.settings,
      {},
    );
    expect(options.transport.dispatcher.isPrivateAllowed).toBe(false);
    const { report } = await runCheck(loaded, options, {
      toolVersion: 'test',
      now: () => new Date('2026-12-02T00:00:00Z'),
      sleep: () => Promise.resolve(),
      isArchiveLookupOn: true,
    });
    const byId = Object.fromEntries(report.results.map((result) => [result.id, result]));
    expect(byId.gone?.archived).toMatchObject({
      kind: 'snapshot',
      url: SNAPSHOT,
      timestamp: '2024-01-02T03:04:05Z',
      region: { cn: { access: 'vpn' } },
    });
    expect(byId.never?.archived).toEqual({ kind: 'none', reason: 'not-archived' });
    expect(byId.limited?.archived).toMatchObject({ kind: 'unanswered', reason: 'rate-limited' });
    expect(byId.live?.archived).toBeUndefined();

    const archiveRequests = site.requests
      .map((request) => new URL(request.url))
      .filter((url) => url.hostname === 'web.archive.org')
      .map((url) => url.pathname);
    // The snapshot itself is never opened; the rate-limited lookup was retried once.
    expect(archiveRequests.sort()).toEqual(
      [
        '/web/http://github.com/someone/gone',
        '/web/https://github.com/someone/gone',
        '/web/https://github.com/someone/limited',
        '/web/https://github.com/someone/limited',
        '/web/https://github.com/someone/never',
      ].sort(),
    );
    // Nothing but the links, their repositories' API (the GitHub probe) and the archive was asked.
    expect(new Set(proxy.hostnames())).toEqual(
      new Set(['github.com', 'api.github.com', 'web.archive.org']),
    );

    const markdown = await readFile(join(out, 'report.md'), 'utf8');
    expect(markdown).toContain(
      `archived copy of 2024-01-02: <${SNAPSHOT}> (the archive needs a VPN in mainland China)`,
    );
    expect(markdown).toContain('<https://github.com/someone/never> — HTTP 404');
    expect(markdown).toMatch(/someone\/never>[^\n]*— no archived copy/);
    expect(markdown).toMatch(/someone\/limited>[^\n]*the Wayback Machine did not answer/);
  });

  it('fix --archive puts the snapshot in url and keeps the old one as original_url, nothing else', async () => {
    const file = join(out, 'dead.yaml');
    await writeFile(file, roadmapText, 'utf8');
    const stderr: string[] = [];
    const code = await fixCommand(
      file,
      { from: join(out, 'report.json'), archive: true },
      {
        stdout: { write: () => true },
        stderr: { write: (text: string) => stderr.push(text) },
        env: {},
        cwd: out,
        toolVersion: 'test',
        interruptSignal: new AbortController().signal,
      },
    );
    expect(code).toBe(0);
    expect(stderr.join('')).toContain('1 dead URL to their archived copy');
    const fixed = await readFile(file, 'utf8');
    const gone = "url: 'https://github.com/someone/gone'";
    expect(fixed).toBe(
      roadmapText.replace(
        gone,
        `url: '${SNAPSHOT}', original_url: 'https://github.com/someone/gone'`,
      ),
    );
    // The file still validates, and the change is undone by putting original_url back.
    const loaded = await loadRoadmap(file);
    const resource = loaded.roadmap.sections[0]?.resources?.[0];
    expect(resource).toMatchObject({
      url: SNAPSHOT,
      original_url: 'https://github.com/someone/gone',
    });
  });

  it.runIf(hasBrowser())('shows the snapshot in report.html, in both languages', async () => {
    const browser = await launchBrowser();
    try {
      for (const [locale, expected] of [
        ['en-US', ['archived copy of Jan 2, 2024: ', 'the archive needs a VPN in mainland China']],
        ['zh-CN', ['存档副本', '存档网站在中国大陆需要 VPN']],
      ] as const) {
        const context = await browser.newContext({ locale });
        const page = await context.newPage();
        const watch = await watchPage(page);
        await page.goto(pathToFileURL(join(out, 'report.html')).href);
        await page.locator('#summary').waitFor();
        const attention = page.locator('#attention li[data-key="gone"]');
        const row = page.locator('#rows tr[data-key="gone"]');
        for (const place of [attention, row]) {
          const text = await place.locator('.archived').innerText();
          for (const part of expected) expect(text).toContain(part);
          expect(await place.locator('.archived a').getAttribute('href')).toBe(SNAPSHOT);
        }
        expect(watch.errors).toEqual([]);
        await context.close();
      }
    } finally {
      await browser.close();
    }
  });
});
