/**
 * GitHub's conditional requests through whole `curate check --cache` runs, on real sockets with
 * the private-address guard on: a local server stands in for api.github.com and github.com,
 * reached only through a forward proxy on 127.0.0.1 (as in platform-truth.test.ts). The second
 * run sends the first answer's ETag as `If-None-Match`, gets `304 Not Modified`, keeps the
 * verdict (the repository is still archived) and spends none of the hourly quota.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { http, HttpResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCommand } from '../../src/commands/check.js';
import { ReportSchema } from '../../src/report/schema.js';
import { startProxiedSite, TEST_CA_FILE, type ProxiedSite } from '../helpers/proxied-site.js';
import type { ProxyServer } from '../helpers/proxy-server.js';
import type { WebServer } from '../helpers/web-server.js';

const ETAG = 'W/"archive-etag-1"';

/** The stand-in API's quota: a 200 spends one call, a 304 spends none, as GitHub counts. */
let remaining = 5000;
/** What the stand-in API answered, in order: status and the quota it reported. */
const answers: { status: number; remaining: number; ifNoneMatch: string | undefined }[] = [];

const handlers = [
  http.get('https://api.github.com/repos/old/archive', ({ request }) => {
    const ifNoneMatch = request.headers.get('if-none-match') ?? undefined;
    if (ifNoneMatch === ETAG) {
      answers.push({ status: 304, remaining, ifNoneMatch });
      return new HttpResponse(null, {
        status: 304,
        headers: { etag: ETAG, 'x-ratelimit-remaining': String(remaining) },
      });
    }
    remaining -= 1;
    answers.push({ status: 200, remaining, ifNoneMatch });
    return HttpResponse.json(
      {
        full_name: 'old/archive',
        archived: true,
        disabled: false,
        updated_at: '2024-01-02T03:04:05Z',
        description: 'not kept in the cache',
      },
      {
        headers: {
          etag: ETAG,
          'x-ratelimit-remaining': String(remaining),
          'x-ratelimit-reset': '1764684000',
        },
      },
    );
  }),
  http.get('https://github.com/*', () => HttpResponse.html('<title>GitHub</title>')),
];

const roadmapText = [
  'version: 1',
  'title: conditional requests',
  'sections:',
  "  - id: '1'",
  '    title: links',
  '    resources:',
  "      - { id: gh-archived, title: Archived, url: 'https://github.com/old/archive', kind: repo }",
  '',
].join('\n');

const caFile = TEST_CA_FILE;
let site: WebServer;
let proxy: ProxyServer;
let dir: string;
let stand: ProxiedSite;

beforeAll(async () => {
  stand = await startProxiedSite(handlers, ['github.com', 'api.github.com'], 'curate-etag-');
  ({ site, proxy, dir } = stand);
});
afterAll(() => stand.close());

async function check(cacheFile: string): Promise<{ code: number; stderr: string }> {
  const stderr: string[] = [];
  const code = await checkCommand(
    join(dir, 'roadmap.yaml'),
    {
      out: join(dir, 'out'),
      retries: '0',
      caFile,
      quiet: true,
      proxy: proxy.url,
      cache: cacheFile,
    },
    {
      stdout: { write: () => true },
      stderr: { write: (text: string) => stderr.push(text) },
      env: { GITHUB_TOKEN: 'ghp_test_token' },
      cwd: dir,
      toolVersion: 'test',
      interruptSignal: new AbortController().signal,
    },
  );
  return { code, stderr: stderr.join('') };
}

async function archivedFinding(): Promise<unknown> {
  const report = ReportSchema.parse(
    JSON.parse(await readFile(join(dir, 'out', 'report.json'), 'utf8')),
  );
  return report.results[0]?.findings;
}

describe('GitHub ETags in the --cache file', () => {
  it('asks again with If-None-Match, gets 304, keeps the verdict and spends no quota', async () => {
    await writeFile(join(dir, 'roadmap.yaml'), roadmapText);
    const cacheFile = join(dir, 'cache.json');

    const first = await check(cacheFile);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(answers).toEqual([{ status: 200, remaining: 4999, ifNoneMatch: undefined }]);
    const finding = [{ kind: 'archived', platform: 'github', since: '2024-01-02T03:04:05Z' }];
    expect(await archivedFinding()).toEqual(finding);

    // The ETag is kept with only the fields the probe reads.
    const cache = JSON.parse(await readFile(cacheFile, 'utf8')) as {
      entries: Record<string, unknown>;
      validators?: Record<string, { etag: string; body: string }>;
    };
    const validator = cache.validators?.['https://api.github.com/repos/old/archive'];
    expect(validator?.etag).toBe(ETAG);
    expect(validator?.body).not.toContain('description');
    // The next audit, a day later: its ok results are past --max-age, so the link is checked
    // again; only the ETags are left to save the quota.
    await writeFile(cacheFile, JSON.stringify({ ...cache, entries: {} }));

    const second = await check(cacheFile);
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    expect(answers.slice(1)).toEqual([{ status: 304, remaining: 4999, ifNoneMatch: ETAG }]);
    expect(remaining).toBe(4999);
    expect(await archivedFinding()).toEqual(finding);
    // The page itself was fetched again: the 304 stood in for the API answer only.
    const pageFetches = site.requests.filter(
      (request) => new URL(request.url).href === 'https://github.com/old/archive',
    );
    expect(pageFetches).toHaveLength(2);
    // The conditional request carried the token as the first did, and went nowhere else.
    const apiRequests = site.requests.filter(
      (request) => new URL(request.url).hostname === 'api.github.com',
    );
    expect(apiRequests.map((request) => request.headers['if-none-match'])).toEqual([
      undefined,
      ETAG,
    ]);
    expect(new Set(proxy.hostnames())).toEqual(new Set(['github.com', 'api.github.com']));
  });
});
