/**
 * report.html in a real browser (headless Chromium, every network request blocked): the page
 * the built CLI writes for the e2e fixture roadmap, checked against local servers, with a
 * history.json beside it, and a merge of a global and a cn run. The tests assert what a person
 * sees, and save screenshots under test-output/browser/ (not committed) to look at.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATUSES, type Status } from '../../src/outcome/model.js';
import { statusReasonOf } from '../../src/outcome/status-reason.js';
import { HistorySchema, reportLinks, type History } from '../../src/report/history.js';

import { hasBrowser, launchBrowser, watchPage, type PageWatch } from '../helpers/browser.js';
import { assertCliBuilt, REPO_ROOT as root, runCurate } from '../helpers/cli.js';
import { E2E_HANDLERS, E2E_HOSTS } from '../helpers/e2e-site.js';
import { startWebServer, type WebServer } from '../helpers/web-server.js';
import { readValidReport } from '../helpers/report-schema.js';

const SCREENSHOTS = join(root, 'test-output', 'browser');
const ROADMAP = 'test/fixtures/roadmaps/e2e.yaml';
const DAY_MS = 24 * 60 * 60 * 1000;

/** Earlier nightly runs seeded into history.json: the status each link had, where it differs from today's. */
const EARLIER_RUNS: readonly Readonly<Record<string, Status>>[] = [
  { 'page-gone': 'ok', 'server-down': 'ok' },
  { 'page-gone': 'ok' },
  { 'server-down': 'ok' },
];

describe.runIf(hasBrowser())('report.html in headless Chromium', () => {
  let server: WebServer;
  let dir: string;
  let browser: Browser;

  const network = (overrides: Record<string, number> = {}): string[] => [
    '--allow-private',
    '--ca-file',
    join(root, 'test', 'fixtures', 'tls', 'ca.pem'),
    '--retries',
    '0',
    '--fail-on',
    'none',
    ...E2E_HOSTS.flatMap((name) => [
      '--connect-to',
      `${name}:443:127.0.0.1:${overrides[name] ?? server.port}`,
    ]),
  ];

  async function check(out: string, extra: string[] = []): Promise<void> {
    const run = await runCurate(['check', ROADMAP, '-o', out, ...network(), ...extra], {
      cwd: root,
    });
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(run.code).toBe(0);
  }

  /** A history of three earlier nightly runs of the same links, so the trend has a shape. */
  async function seedHistory(out: string): Promise<void> {
    const report = await readValidReport(join(out, 'report.json'));
    const links = reportLinks(report);
    const start = Date.parse(report.startedAt);
    const history: History = { schemaVersion: 1, links: {} };
    for (const link of links) {
      history.links[link.key] = EARLIER_RUNS.map((run, index) => {
        const status = link.role === 'resource' ? run[link.resourceId] : undefined;
        const at = new Date(start - (EARLIER_RUNS.length - index) * DAY_MS).toISOString();
        return status === 'ok'
          ? { at, vantage: 'global', status: 'ok', reason: 'ok' }
          : { at, vantage: 'global', ...statusReasonOf(link.outcome) };
      });
    }
    await writeFile(join(out, 'history.json'), `${JSON.stringify(history, null, 2)}\n`);
  }

  beforeAll(async () => {
    assertCliBuilt();
    await mkdir(SCREENSHOTS, { recursive: true });
    server = await startWebServer(E2E_HANDLERS, { tls: 'valid' });
    dir = await mkdtemp(join(tmpdir(), 'curate-browser-'));
    browser = await launchBrowser();
    const out = join(dir, 'audit');
    await check(out);
    await seedHistory(out);
    // The second night: check writes report.html with the history beside it, then the
    // history command adds the run to history.json, as the audit does.
    await check(out);
    const history = await runCurate(
      ['history', join(out, 'report.json'), '--history', join(out, 'history.json')],
      { cwd: root },
    );
    if (history.code > 1) throw new Error(`curate history failed: ${history.stderr}`);
  }, 240_000);

  afterAll(async () => {
    await browser.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function open(
    file: string,
    options: { locale?: string; width?: number } = {},
  ): Promise<{ page: Page; watch: PageWatch }> {
    const context = await browser.newContext({
      locale: options.locale ?? 'en-US',
      viewport: { width: options.width ?? 1200, height: 900 },
    });
    const page = await context.newPage();
    const watch = await watchPage(page);
    await page.goto(pathToFileURL(file).href);
    await page.locator('#summary').waitFor();
    return { page, watch };
  }

  const visibleRowKeys = (page: Page): Promise<string[]> =>
    attributes(page.locator('#rows tr:visible'), 'data-key');

  it('shows the counts, the sections and what needs a maintainer, loading nothing', async () => {
    const { page, watch } = await open(join(dir, 'audit', 'report.html'));
    await page.screenshot({ path: join(SCREENSHOTS, 'report-en.png'), fullPage: true });
    // The README's picture (docs/report-html.png is a copy): the top of the page.
    await page.setViewportSize({ width: 1100, height: 1250 });
    await page.screenshot({ path: join(SCREENSHOTS, 'readme.png') });
    const count = (status: string) =>
      page.locator(`#counts tr[data-status="${status}"] td`).first().textContent();
    expect(await count('broken')).toBe('3');
    expect(await count('ok')).toBe('4');
    expect(await page.locator('#counts tr.total td').first().textContent()).toBe('12');
    expect(await page.locator('#summary').textContent()).toMatch(
      /^12 resources and 2 mirrors checked from global, /,
    );
    // Status is text and icon, not colour alone.
    expect(await page.locator('#counts tr[data-status="broken"] th').textContent()).toBe('✗broken');
    expect(await page.locator('#sections .bar').first().getAttribute('aria-label')).toBe(
      '3 of 5 ok (ok 3, redirected 1, broken 1)',
    );
    const attention = page.locator('#attention > ul > li');
    expect(await attention.count()).toBe(6); // 3 broken resources, 1 broken mirror, 1 unreachable, 1 redirected
    const moved = page.locator('#attention li[data-key="page-moved"]');
    expect(await moved.textContent()).toContain('use https://ok.example.test/page');
    expect(await moved.textContent()).toContain('e2e.yaml:24');
    expect(watch.errors).toEqual([]);
    expect(watch.blockedRequests).toEqual([]);
  });

  it('filters by status, section and kind, searches, and says how many rows it shows', async () => {
    const { page, watch } = await open(join(dir, 'audit', 'report.html'));
    expect(await visibleRowKeys(page)).toHaveLength(14);
    await page.selectOption('#f-status', 'broken');
    expect(await visibleRowKeys(page)).toEqual([
      'page-ok#mirror:https://www.bilibili.test/video/BV1gone',
      'page-gone',
      'soft-404',
      'missing-fragment',
    ]);
    expect(await page.locator('#shown').textContent()).toBe('Showing 4 of 14');
    await page.selectOption('#f-section', '2');
    expect(await visibleRowKeys(page)).toEqual(['soft-404', 'missing-fragment']);
    await page.selectOption('#f-kind', 'repo');
    expect(await visibleRowKeys(page)).toEqual(['soft-404']);
    await page.click('#f-clear');
    expect(await visibleRowKeys(page)).toHaveLength(14);
    // The keyboard alone: focus the search box and type.
    await page.focus('#f-search');
    await page.keyboard.type('MOVED.example');
    expect(await visibleRowKeys(page)).toEqual(['page-moved']);
    await page.screenshot({ path: join(SCREENSHOTS, 'report-search.png'), fullPage: true });
    await page.fill('#f-search', 'bilibili');
    expect(await visibleRowKeys(page)).toEqual([
      'page-ok#mirror:https://www.bilibili.test/video/BV1ok',
      'page-ok#mirror:https://www.bilibili.test/video/BV1gone',
    ]);
    expect(watch.errors).toEqual([]);
  });

  it('switches to Chinese and back, keeping the filters, and opens in Chinese for a Chinese browser', async () => {
    const { page, watch } = await open(join(dir, 'audit', 'report.html'));
    await page.selectOption('#f-status', 'unreachable');
    await page.selectOption('#lang', 'zh-CN');
    expect(await page.locator('h1').textContent()).toBe('链接检测报告：e2e roadmap');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.locator('#counts tr[data-status="broken"] th').textContent()).toBe('✗失效');
    expect(await page.locator('#summary').textContent()).toMatch(
      /从境外检测了 12 个资源和 2 个镜像。$/,
    );
    expect(await visibleRowKeys(page)).toEqual(['server-down']);
    expect(await page.locator('#shown').textContent()).toBe('显示 1 / 14 条');
    await page.selectOption('#f-status', '');
    await page.screenshot({ path: join(SCREENSHOTS, 'report-zh-CN.png'), fullPage: true });
    await page.selectOption('#lang', 'en');
    expect(await page.locator('h1').textContent()).toBe('Link report: e2e roadmap');

    const chinese = await open(join(dir, 'audit', 'report.html'), { locale: 'zh-CN' });
    expect(await chinese.page.locator('h2').first().textContent()).toBe('统计');
    expect([...watch.errors, ...chinese.watch.errors]).toEqual([]);
  });

  it('draws the trend with one point per status per run of history.json, and each link’s last runs', async () => {
    const { page, watch } = await open(join(dir, 'audit', 'report.html'));
    const history = HistorySchema.parse(
      JSON.parse(await readFile(join(dir, 'audit', 'history.json'), 'utf8')),
    );
    // The runs of history.json, one per day here, and each link's status in them.
    const days = [
      ...new Set(
        Object.values(history.links)
          .flat()
          .map((seen) => seen.at.slice(0, 10)),
      ),
    ].sort();
    expect(days).toHaveLength(4);
    const expected = days.flatMap((dayText, run) => {
      const seen = Object.values(history.links).flatMap((observations) =>
        observations.filter((observation) => observation.at.startsWith(dayText)).slice(-1),
      );
      return STATUSES.map((status) => ({
        status,
        run,
        count: seen.filter((observation) => observation.status === status).length,
      }));
    });
    const circles = page.locator('#trend circle.point');
    const [statuses, runs, counts] = await Promise.all(
      ['data-status', 'data-run', 'data-count'].map((name) => attributes(circles, name)),
    );
    const points = (statuses ?? []).map((status, index) => ({
      status,
      run: Number(runs?.[index]),
      count: Number(counts?.[index]),
    }));

    const drawn = new Set(points.map((point) => point.status));
    expect(points).toEqual(
      expect.arrayContaining(expected.filter((point) => drawn.has(point.status))),
    );
    expect(points).toHaveLength(expected.filter((point) => drawn.has(point.status)).length);
    // Every status with a link in some run has its line.
    expect([...drawn].sort()).toEqual(
      [...new Set(expected.filter((point) => point.count > 0).map((point) => point.status))].sort(),
    );
    // The flaky server: ok, down, ok, down in its strip, oldest first.
    const strip = page.locator('#rows tr[data-key="server-down"] .tick');
    expect(await attributes(strip, 'data-status')).toEqual([
      'ok',
      'unreachable',
      'ok',
      'unreachable',
    ]);
    await page.locator('#trend').screenshot({ path: join(SCREENSHOTS, 'report-trend.png') });
    expect(watch.errors).toEqual([]);
  });

  it('says a dead network checked nothing, in both languages, beside the banner', async () => {
    const out = join(dir, 'dead');
    // Every host goes to a closed port: the network probe calls the network down (exit 3).
    const run = await runCurate(
      [
        'check',
        ROADMAP,
        '-o',
        out,
        '--allow-private',
        ...E2E_HOSTS.flatMap((name) => ['--connect-to', `${name}:443:127.0.0.1:9`]),
      ],
      { cwd: root },
    );
    expect(run.code).toBe(3);
    const { page, watch } = await open(join(out, 'report.html'));
    expect(await page.locator('#summary').textContent()).toMatch(
      /^12 resources and 2 mirrors listed but not checked: no network, /,
    );
    expect(await page.locator('.banner').textContent()).toMatch(/^The network was unavailable/);
    expect(await page.locator('h2:has-text("Needs a maintainer first") + p').textContent()).toBe(
      'Nothing is known to need a maintainer: no link was checked.',
    );
    await page.selectOption('#lang', 'zh-CN');
    expect(await page.locator('#summary').textContent()).toMatch(
      /列出了 12 个资源和 2 个镜像，网络不通，都没有检查。$/,
    );
    expect(await page.locator('h2:has-text("需要维护者优先处理") + p').textContent()).toBe(
      '链接都没有检查，无从判断是否需要处理。',
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'report-network-down-zh-CN.png') });
    expect(watch.errors).toEqual([]);
  });

  it('reads on a phone, and prints', async () => {
    const { page, watch } = await open(join(dir, 'audit', 'report.html'), { width: 390 });
    await page.screenshot({ path: join(SCREENSHOTS, 'report-phone.png'), fullPage: true });
    await page.locator('#links').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'report-phone-table.png') });
    // The table becomes one card per row: no sideways scrolling.
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - window.innerWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.filters').isVisible()).toBe(false);
    await page.screenshot({ path: join(SCREENSHOTS, 'report-print.png'), fullPage: true });
    expect(watch.errors).toEqual([]);
  });

  it('shows the resource × vantage matrix of a merged global and cn report', async () => {
    const global = join(dir, 'global');
    const cn = join(dir, 'cn');
    const merged = join(dir, 'merged');
    await check(global, ['--reports', 'json']);
    // From cn, arxiv does not answer (a closed port stands in for the firewall).
    const run = await runCurate(
      [
        'check',
        ROADMAP,
        '-o',
        cn,
        '--vantage',
        'cn',
        '--reports',
        'json',
        ...network({ 'arxiv.example.test': 9 }),
      ],
      { cwd: root },
    );
    expect(run.code).toBe(0);
    const merge = await runCurate(
      ['merge', join(global, 'report.json'), join(cn, 'report.json'), '-o', merged],
      { cwd: root },
    );
    expect(merge.stderr).toBe('');
    const { page, watch } = await open(join(merged, 'report.html'));
    const header = await page.locator('#matrix thead th').allTextContents();
    expect(header).toEqual(['Resource', 'cn (mainland China)', 'global']);
    const paper = page.locator('#matrix tbody tr', { hasText: 'A paper' });
    expect(await paper.locator('td[data-vantage="cn"]').textContent()).toBe('⚠unreachable');
    expect(await paper.locator('td[data-vantage="global"]').textContent()).toBe('✓ok');
    await page.locator('#matrix').screenshot({ path: join(SCREENSHOTS, 'report-matrix.png') });
    expect(watch.errors).toEqual([]);
  }, 120_000);
});

/** One attribute of every element a locator finds, in document order. */
async function attributes(locator: Locator, name: string): Promise<string[]> {
  const found = await locator.all();
  return Promise.all(found.map(async (element) => (await element.getAttribute(name)) ?? ''));
}
