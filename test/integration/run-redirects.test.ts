/**
 * A whole run with the private-address guard on, as a learner runs it behind a proxy: a
 * roadmap's host token stays off a downgraded hop, a cookie wall is passed, and a deep link sent
 * home is reported broken with its sentence in report.md.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { http, HttpResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveOptions } from '../../src/options.js';
import { parseRoadmap } from '../../src/roadmap/load.js';
import { runCheck } from '../../src/run.js';
import { startProxyServer, type ProxyServer } from '../helpers/proxy-server.js';
import { startWebServer, type WebServer } from '../helpers/web-server.js';
import { proxyRoutes } from './guarded-web.js';

const redirect = (location: string, status: number, headers: Record<string, string> = {}) =>
  new Response(null, { status, headers: { location, ...headers } });

const handlers = [
  http.get('https://www.github.test/org/repo', () =>
    redirect('http://www.github.test/org/repo', 301),
  ),
  http.get('http://www.github.test/org/repo', () => HttpResponse.html('<title>repo</title>')),
  http.get('https://www.example.test/paper', ({ request }) =>
    (request.headers.get('cookie') ?? '').includes('consent=yes')
      ? HttpResponse.html('<title>A paper</title>')
      : redirect(request.url, 302, { 'set-cookie': 'consent=yes; Path=/; Secure' }),
  ),
  http.get('https://www.example.test/docs/old-page', () => redirect('/zh-CN/', 301)),
  http.get('https://www.example.test/zh-CN/', () => HttpResponse.html('<title>首页</title>')),
];

let secure: WebServer;
let plain: WebServer;
let proxy: ProxyServer;
let out: string;

beforeAll(async () => {
  secure = await startWebServer(handlers, { tls: 'valid' });
  plain = await startWebServer(handlers);
  proxy = await startProxyServer({
    connectTo: proxyRoutes(['www.github.test', 'www.example.test'], secure, plain),
  });
  out = await mkdtemp(join(tmpdir(), 'curate-run-redirects-'));
});

afterAll(async () => {
  await proxy.close();
  await secure.close();
  await plain.close();
  await rm(out, { recursive: true, force: true });
});

const ROADMAP = `version: 1
title: run
settings:
  hosts:
    github.test: { headers: { Authorization: 'Bearer \${GITHUB_TOKEN}' } }
sections:
  - id: '1'
    title: s
    resources:
      - { id: repo, title: repo, url: 'https://www.github.test/org/repo', kind: repo }
      - { id: paper, title: paper, url: 'https://www.example.test/paper', kind: paper }
      - { id: gone, title: gone, url: 'https://www.example.test/docs/old-page', kind: docs }
`;

describe('a guarded run through a proxy', () => {
  it('keeps the token off the downgrade, passes the cookie wall and reports the home redirect', async () => {
    const loaded = parseRoadmap(ROADMAP, 'run.yaml');
    const env = { GITHUB_TOKEN: 's3cret' };
    const flags = {
      out,
      retries: '0',
      quiet: true,
      proxy: proxy.url,
      caFile: fileURLToPath(new URL('../fixtures/tls/ca.pem', import.meta.url)),
    };

    const outcome = await runCheck(loaded, resolveOptions(flags, loaded.roadmap.settings, env), {
      toolVersion: 'test',
      now: () => new Date(),
    });

    const byId = new Map(outcome.report.results.map((result) => [result.id, result.outcome]));
    expect(byId.get('repo')).toMatchObject({ status: 'redirected' });
    expect(byId.get('paper')).toEqual({
      status: 'ok',
      reason: 'temporary-redirect',
      httpStatus: 200,
    });
    expect(byId.get('gone')).toMatchObject({ status: 'broken', reason: 'redirected-to-home' });
    const tokenSent = secure.requests.find((r) => r.url === 'https://www.github.test/org/repo');
    expect(tokenSent?.headers['authorization']).toBe('Bearer s3cret');
    const downgraded = plain.requests.find((r) => r.url === 'http://www.github.test/org/repo');
    expect(downgraded?.headers['authorization']).toBeUndefined();
    const markdown = await readFile(join(out, 'report.md'), 'utf8');
    expect(markdown).toContain("redirects to the site's home page");
  });
});
