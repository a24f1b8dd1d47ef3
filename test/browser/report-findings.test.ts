/**
 * report.html's findings in headless Chromium (every network request blocked): the "Worth a
 * look" section of a fixture report with one finding of each kind a platform gives, each row's
 * findings and the finding filter in the table, and a broken link's Wayback snapshot with its
 * date and the note that the archive needs a VPN in mainland China, in English and Chinese.
 * Screenshots go to test-output/browser/ (not committed) to look at.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/outcome/findings.js';
import { renderHtml } from '../../src/report/html/render-html.js';
import type { Report, ResourceResult } from '../../src/report/schema.js';
import { loadReportFixture } from '../fixtures/ci/fixtures.js';
import { hasBrowser, launchBrowser, watchPage, type PageWatch } from '../helpers/browser.js';
import { REPO_ROOT as root } from '../helpers/cli.js';

const SCREENSHOTS = join(root, 'test-output', 'browser');
const SNAPSHOT = 'https://web.archive.org/web/20240102030405/https://numpy.example.test/guide';

/** What the platforms said about the fixture's resources, by resource id. */
const FINDINGS: Readonly<Record<string, Finding[]>> = {
  'vllm-repo': [{ kind: 'archived', platform: 'github', since: '2024-01-02T03:04:05Z' }],
  'hf-course': [{ kind: 'gated', platform: 'huggingface', approval: 'manual' }],
  'attention-paper': [
    {
      kind: 'withdrawn',
      platform: 'arxiv',
      reason: 'an error in Theorem 2',
      lastLiveVersion: 'v2',
    },
  ],
  'python-tutorial': [
    {
      kind: 'renamed',
      platform: 'github',
      from: 'old/tutorial',
      to: 'new/tutorial',
      newUrl: 'https://github.com/new/tutorial',
    },
    { kind: 'unprobed', platform: 'github', retryAt: '2026-12-02T14:00:00.000Z' },
  ],
};

/** The CI fixture report, with those findings and a snapshot of its broken numpy-guide. */
function fixtureReport(): Report {
  const report = loadReportFixture();
  const withFindings = (result: ResourceResult): ResourceResult => {
    const findings = FINDINGS[result.id];
    const own = findings === undefined ? result : { ...result, findings };
    if (result.id !== 'numpy-guide') return own;
    return {
      ...own,
      archived: {
        kind: 'snapshot',
        url: SNAPSHOT,
        timestamp: '2024-01-02T03:04:05Z',
        region: {
          cn: {
            access: 'vpn',
            source: 'rule',
            evidence: {
              ruleId: 'archive-org',
              list: 'cn.yaml',
              level: 'blocked',
              note: 'web.archive.org is blocked in mainland China',
            },
          },
        },
      },
    };
  };
  return { ...report, results: report.results.map(withFindings) };
}

describe.runIf(hasBrowser())('report.html findings in headless Chromium', () => {
  let dir: string;
  let file: string;
  let browser: Browser;

  beforeAll(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    dir = await mkdtemp(join(tmpdir(), 'curate-findings-'));
    file = join(dir, 'report.html');
    await writeFile(file, renderHtml(fixtureReport(), { lang: 'en' }));
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function open(): Promise<{ page: Page; watch: PageWatch }> {
    const context = await browser.newContext({
      locale: 'en-US',
      viewport: { width: 1200, height: 900 },
    });
    const page = await context.newPage();
    const watch = await watchPage(page);
    await page.goto(pathToFileURL(file).href);
    await page.locator('#summary').waitFor();
    return { page, watch };
  }

  it('lists every finding under Worth a look, in report.md’s words, and in Chinese', async () => {
    const { page, watch } = await open();
    const section = page.locator('#findings');
    await expect(section.locator('h2').innerText()).resolves.toBe('Worth a look');
    const items = section.locator('li[data-finding]');
    await expect(items.count()).resolves.toBe(5);
    const archived = section.locator('li[data-key="vllm-repo"][data-finding="archived"]');
    const archivedText = await archived.innerText();
    expect(archivedText).toContain(
      'the repository is archived (read-only, no longer maintained); last changed 2024-01-02',
    );
    expect(archivedText).toContain('roadmap.yaml:92');
    await expect(section.locator('li[data-finding="withdrawn"]').innerText()).resolves.toContain(
      'the authors withdrew the paper ("an error in Theorem 2")',
    );
    // Plain text, not a Markdown code span shown with its backticks.
    const renamed = section.locator('li[data-finding="renamed"]');
    await expect(renamed.innerText()).resolves.toContain('; run curate fix to update the roadmap');
    await expect(renamed.innerText()).resolves.not.toContain('`');
    await expect(section.locator('.unprobed').innerText()).resolves.toContain(
      "1 link was not asked about through the platform's API",
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'findings.png'), fullPage: true });

    await page.selectOption('#lang', 'zh-CN');
    await expect(section.locator('h2').innerText()).resolves.toBe('值得一看');
    await expect(archived.innerText()).resolves.toContain('仓库已归档（只读，不再维护）');
    await expect(section.locator('li[data-finding="gated"]').innerText()).resolves.toContain(
      '模型设了访问限制',
    );
    await page.locator('#findings').screenshot({
      path: join(SCREENSHOTS, 'findings-zh-CN.png'),
    });
    expect(watch.errors).toEqual([]);
    expect(watch.blockedRequests).toEqual([]);
  });

  it('shows each row’s findings in the table and filters by finding', async () => {
    const { page, watch } = await open();
    const visible = async (): Promise<string[]> => {
      const rows = await page.locator('#rows tr:visible').all();
      return Promise.all(rows.map(async (row) => (await row.getAttribute('data-key')) ?? ''));
    };
    const all = await visible();
    await expect(
      page.locator('#rows tr[data-key="hf-course"] ul.findings').innerText(),
    ).resolves.toContain('gated');

    await page.selectOption('#f-finding', '*');
    expect(await visible()).toEqual([
      'python-tutorial',
      'attention-paper',
      'hf-course',
      'vllm-repo',
    ]);
    await page.selectOption('#f-finding', 'gated');
    expect(await visible()).toEqual(['hf-course']);
    await expect(page.locator('#shown').innerText()).resolves.toBe(`Showing 1 of ${all.length}`);
    await page.selectOption('#f-finding', '-');
    expect((await visible()).length).toBe(all.length - 4);
    await page.click('#f-clear');
    expect(await visible()).toEqual(all);
    expect(watch.errors).toEqual([]);
  });

  it('shows the broken link’s snapshot with its date, and that the archive needs a VPN in mainland China', async () => {
    const { page, watch } = await open();
    for (const place of [
      page.locator('#attention li[data-key="numpy-guide"]'),
      page.locator('#rows tr[data-key="numpy-guide"]'),
    ]) {
      const archived = place.locator('.archived');
      const text = await archived.innerText();
      expect(text).toContain('archived copy of Jan 2, 2024: ');
      expect(text).toContain('the archive needs a VPN in mainland China');
      await expect(archived.locator('a').getAttribute('href')).resolves.toBe(SNAPSHOT);
    }
    await page
      .locator('#attention')
      .screenshot({ path: join(SCREENSHOTS, 'findings-snapshot.png') });
    expect(watch.errors).toEqual([]);
    expect(watch.blockedRequests).toEqual([]);
  });
});
