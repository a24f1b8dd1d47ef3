/**
 * What GitHub, Hugging Face and arXiv say about a resource, through whole runs on real sockets
 * with the private-address guard on: local servers stand in for github.com, api.github.com,
 * huggingface.co, hf-mirror.com, arxiv.org and export.arxiv.org, reached only through a forward
 * proxy on 127.0.0.1 whose `connectTo` maps the real names there. Nothing leaves 127.0.0.1.
 */
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { http, HttpResponse } from 'msw';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixCommand } from '../../src/commands/fix.js';
import { resolveOptions } from '../../src/options.js';
import { parseRoadmap } from '../../src/roadmap/load.js';
import { runCheck } from '../../src/run.js';
import { hasBrowser, launchBrowser, watchPage } from '../helpers/browser.js';
import { startProxiedSite, TEST_CA_FILE, type ProxiedSite } from '../helpers/proxied-site.js';
import type { ProxyServer } from '../helpers/proxy-server.js';
import type { WebServer } from '../helpers/web-server.js';

const feed = readFileSync(new URL('../fixtures/probes/arxiv-feed-3.xml', import.meta.url), 'utf8');
const page = (title: string) =>
  HttpResponse.html(`<html><head><title>${title}</title></head></html>`);

/** GitHub API calls left; at 0 the API answers 403, as GitHub does. */
let githubBudget = 60;
const quota = (remaining: number) => ({
  'x-ratelimit-remaining': String(Math.max(remaining, 0)),
  'x-ratelimit-reset': '1764684000',
});
const repo = (fullName: string, archived = false) => ({
  full_name: fullName,
  archived,
  disabled: false,
  updated_at: '2024-01-02T03:04:05Z',
});

const handlers = [
  http.get('https://api.github.com/*', ({ request }) => {
    githubBudget -= 1;
    if (githubBudget < 0) {
      return HttpResponse.json(
        { message: 'API rate limit exceeded' },
        { status: 403, headers: quota(0) },
      );
    }
    const headers = quota(githubBudget);
    const path = new URL(request.url).pathname;
    switch (path) {
      case '/repos/old/archive':
        return HttpResponse.json(repo('old/archive', true), { headers });
      case '/repos/moved/away':
        return HttpResponse.redirect('https://api.github.com/repositories/4242', 301);
      case '/repositories/4242':
        return HttpResponse.json(repo('new-owner/new-name'), { headers });
      case '/repos/live/repo':
        return HttpResponse.json(repo('live/repo'), { headers });
      case '/repos/mirror/repo':
        return HttpResponse.json(repo('mirror/repo'), { headers });
      default:
        return HttpResponse.json({ message: 'Not Found' }, { status: 404, headers });
    }
  }),
  http.get('https://github.com/moved/away', () =>
    HttpResponse.redirect('https://github.com/new-owner/new-name', 301),
  ),
  // GitHub's web pages often answer a checker with 429: the API then has the last word.
  http.get('https://github.com/live/repo/blob/main/docs/gone.md', () =>
    HttpResponse.text('Too Many Requests', { status: 429 }),
  ),
  http.get('https://github.com/*', () => page('GitHub')),
  http.get('https://:host/api/models/:owner/:name', ({ params }) =>
    params.owner === 'meta-llama'
      ? HttpResponse.json({ id: 'meta-llama/Llama-3.1-8B', gated: 'manual' })
      : HttpResponse.json(
          { error: 'Repository not found' },
          { status: 404, headers: { 'x-error-code': 'RepoNotFound' } },
        ),
  ),
  http.get('https://huggingface.co/*', () => page('Hugging Face')),
  http.get('https://hf-mirror.com/*', () => page('HF-Mirror')),
  http.get('https://export.arxiv.org/api/query', () =>
    HttpResponse.xml(feed, { headers: { 'content-type': 'application/atom+xml' } }),
  ),
  http.get('https://arxiv.org/abs/*', () => page('arXiv')),
];

const resources: [id: string, url: string][] = [
  ['gh-archived', 'https://github.com/old/archive'],
  ['gh-renamed', 'https://github.com/moved/away'],
  ['gh-file-gone', 'https://github.com/live/repo/blob/main/docs/gone.md'],
  ['hf-gated', 'https://huggingface.co/meta-llama/Llama-3.1-8B'],
  ['hf-missing', 'https://hf-mirror.com/gone/model'],
  ['arxiv-withdrawn', 'https://arxiv.org/abs/1905.00001'],
  ['arxiv-live', 'https://arxiv.org/abs/1706.03762'],
];

const roadmapText = [
  'version: 1',
  'title: what became of it',
  'sections:',
  "  - id: '1'",
  '    title: links',
  '    resources:',
  ...resources.map(([id, url]) => `      - { id: ${id}, title: ${id}, url: '${url}', kind: repo }`),
  '      - id: gh-live',
  '        title: gh-live',
  "        url: 'https://github.com/live/repo'",
  '        kind: repo',
  '        mirrors:',
  "          - { url: 'https://github.com/mirror/repo', platform: github }",
  '',
].join('\n');

const names = [
  'github.com',
  'api.github.com',
  'huggingface.co',
  'hf-mirror.com',
  'arxiv.org',
  'export.arxiv.org',
];
const caFile = TEST_CA_FILE;
let site: WebServer;
let proxy: ProxyServer;
let dir: string;
let stand: ProxiedSite;

beforeAll(async () => {
  stand = await startProxiedSite(handlers, names, 'curate-truth-');
  ({ site, proxy, dir } = stand);
});
beforeEach(() => {
  site.requests.length = 0;
  githubBudget = 60;
});
afterAll(() => stand.close());

async function check(out: string, env: Record<string, string>, failOn?: string) {
  const file = join(dir, 'roadmap.yaml');
  await writeFile(file, roadmapText);
  const loaded = parseRoadmap(roadmapText, file);
  const options = resolveOptions(
    {
      out,
      retries: '0',
      caFile,
      quiet: true,
      proxy: proxy.url,
      reports: 'json,md,html',
      ...(failOn === undefined ? {} : { failOn }),
    },
    loaded.roadmap.settings,
    env,
  );
  expect(options.transport.dispatcher.isPrivateAllowed).toBe(false);
  const run = await runCheck(loaded, options, {
    toolVersion: 'test',
    now: () => new Date('2026-12-02T00:00:00Z'),
  });
  const byId = Object.fromEntries(run.report.results.map((result) => [result.id, result]));
  return { ...run, byId, file, markdown: await readFile(join(out, 'report.md'), 'utf8') };
}

describe('asking the platforms what became of a resource', () => {
  it('finds archived, renamed, gated, withdrawn and missing content; curate fix applies the rename', async () => {
    const out = join(dir, 'full');
    const { byId, markdown, file, failingCount } = await check(
      out,
      { GITHUB_TOKEN: 'ghp_test_token' },
      'broken,archived',
    );
    // The two broken links, and the archived repository that --fail-on names.
    expect(failingCount).toBe(3);

    expect(byId['gh-archived']).toMatchObject({
      outcome: { status: 'ok' },
      findings: [{ kind: 'archived', platform: 'github', since: '2024-01-02T03:04:05Z' }],
    });
    const newUrl = 'https://github.com/new-owner/new-name';
    expect(byId['gh-renamed']).toMatchObject({
      outcome: { status: 'redirected', finalUrl: newUrl },
      findings: [{ kind: 'renamed', from: 'moved/away', to: 'new-owner/new-name', newUrl }],
    });
    expect(byId['gh-file-gone']?.outcome).toEqual({
      status: 'broken',
      reason: 'path-missing',
      detail: 'GitHub API 404: "docs/gone.md" is not on main of live/repo',
    });
    expect(byId['gh-live']).toMatchObject({ outcome: { status: 'ok' } });
    expect(byId['hf-gated']).toMatchObject({
      outcome: { status: 'ok' },
      findings: [{ kind: 'gated', platform: 'huggingface', approval: 'manual' }],
    });
    expect(byId['hf-missing']?.outcome).toMatchObject({ status: 'broken', reason: 'repo-missing' });
    expect(byId['arxiv-withdrawn']).toMatchObject({
      outcome: { status: 'ok' },
      pageTitle: 'A Result That Did Not Hold',
      findings: [{ kind: 'withdrawn', lastLiveVersion: 'v2' }],
    });
    expect(byId['arxiv-live']).toMatchObject({ outcome: { status: 'ok' } });
    expect(byId['arxiv-live']?.findings).toBeUndefined();

    expect(markdown).toContain('### Worth a look');
    for (const word of ['archived', 'renamed', 'gated', 'withdrawn']) {
      expect(markdown).toContain(`- \`${word}\``);
    }

    const requests = site.requests.map((request) => ({
      url: new URL(request.url),
      authorization: request.headers.authorization,
    }));
    // The token went to api.github.com, on every call there, and nowhere else.
    const withToken = requests.filter((request) => request.authorization !== undefined);
    expect(withToken.length).toBeGreaterThan(0);
    expect(new Set(withToken.map((request) => request.url.hostname))).toEqual(
      new Set(['api.github.com']),
    );
    expect(withToken.every((request) => request.authorization === 'Bearer ghp_test_token')).toBe(
      true,
    );
    // Every paper of the run in one export API call.
    expect(requests.filter((request) => request.url.hostname === 'export.arxiv.org')).toHaveLength(
      1,
    );
    expect(new Set(proxy.hostnames())).toEqual(new Set(names));

    const stderr: string[] = [];
    const code = await fixCommand(
      file,
      { from: join(out, 'report.json') },
      {
        stdout: { write: () => true },
        stderr: { write: (text: string) => stderr.push(text) },
        env: {},
        cwd: dir,
        toolVersion: 'test',
        interruptSignal: new AbortController().signal,
      },
    );
    expect(code).toBe(0);
    const fixed = await readFile(file, 'utf8');
    expect(fixed).toContain(`url: '${newUrl}'`);
    expect(fixed).not.toContain('moved/away');
  });

  it('with the GitHub quota spent, names every link it could not ask about and fails none of them', async () => {
    githubBudget = 1;
    const { byId, markdown, failingCount } = await check(join(dir, 'quota'), {});

    // The first resource got the one call left; the call beside it was refused.
    expect(byId['gh-archived']?.findings).toEqual([
      { kind: 'archived', platform: 'github', since: '2024-01-02T03:04:05Z' },
    ]);
    const unprobed = [
      byId['gh-renamed'],
      byId['gh-file-gone'],
      byId['gh-live'],
      byId['gh-live']?.mirrors[0],
    ];
    for (const entry of unprobed) {
      expect(entry?.findings).toEqual([
        { kind: 'unprobed', platform: 'github', retryAt: '2025-12-02T14:00:00.000Z' },
      ]);
    }
    // Each keeps its page check: the moved page still redirects, the 429 is still unverified.
    expect(byId['gh-renamed']?.outcome.status).toBe('redirected');
    expect(byId['gh-file-gone']?.outcome).toMatchObject({
      status: 'unverified',
      reason: 'rate-limited',
    });
    expect(byId['gh-live']?.mirrors[0]?.outcome.status).toBe('ok');
    // Only hf-missing is broken; nothing unprobed fails the run.
    expect(failingCount).toBe(1);
    expect(markdown).toContain("4 links were not asked about through the platform's API");
    expect(markdown).toMatch(/- `unprobed` \*\*gh-live\*\* .*github\.com\/mirror\/repo/);
  });

  // After the two runs above: their report.html, as a maintainer opens it.
  it.runIf(hasBrowser())(
    'report.html lists the same findings under Worth a look, and the links it could not ask about',
    async () => {
      const browser = await launchBrowser();
      try {
        const page = await browser.newPage({ locale: 'en-US' });
        const watch = await watchPage(page);
        await page.goto(pathToFileURL(join(dir, 'full', 'report.html')).href);
        const section = page.locator('#findings');
        await section.waitFor();
        for (const [key, word, sentence] of [
          ['gh-archived', 'archived', 'the repository is archived'],
          ['gh-renamed', 'renamed', 'GitHub says moved/away is now new-owner/new-name'],
          ['hf-gated', 'gated', 'wait for the author to approve it'],
          ['arxiv-withdrawn', 'withdrawn', 'the authors withdrew the paper'],
        ] as const) {
          const item = section.locator(`li[data-key="${key}"][data-finding="${word}"]`);
          expect(await item.innerText()).toContain(sentence);
        }
        await page.goto(pathToFileURL(join(dir, 'quota', 'report.html')).href);
        await section.waitFor();
        expect(await section.locator('.unprobed').innerText()).toContain(
          "4 links were not asked about through the platform's API",
        );
        expect(await section.locator('li[data-finding="unprobed"]').count()).toBe(4);
        expect(watch.errors).toEqual([]);
        expect(watch.blockedRequests).toEqual([]);
      } finally {
        await browser.close();
      }
    },
  );
});
