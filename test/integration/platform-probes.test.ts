/**
 * Chinese platforms and Colab that answer 200 whatever became of the content, through a whole
 * run on real sockets with the private-address guard on (no --allow-private): the real host names
 * reach the local servers only through a forward proxy on 127.0.0.1 whose `connectTo` maps them
 * there, as a learner's Clash/V2Ray proxy would carry them. Nothing leaves 127.0.0.1.
 *
 * The test CA's certificate names Google, GitHub and Bilibili but not qq.com, zhihu.com or
 * baidu.com, so those three are served over plain HTTP here; the probes judge the same pages
 * either way.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
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

const wechatPage = (name: string): string =>
  readFileSync(new URL(`../fixtures/pages/wechat/${name}`, import.meta.url), 'utf8');
const netdiskPage = (name: string): string =>
  readFileSync(new URL(`../fixtures/pages/baidu-netdisk/${name}`, import.meta.url), 'utf8');

/** WeChat article id → the fixture its page is. */
const WECHAT_ARTICLES: Readonly<Record<string, string>> = {
  liveArticle01: 'live-article.html',
  deletedByAuthor: 'deleted-by-author.html',
  violationGone01: 'violation.html',
  accountBlocked1: 'account-blocked.html',
  accountClosed01: 'account-closed.html',
  infringement001: 'infringement.html',
  linkExpired0001: 'link-expired.html',
  migratedAccount: 'migrated.html',
  migratedNoLink1: 'migrated-no-link.html',
  verificationWal: 'verify.html',
};

const BV = 'BV17x411w7KC';
const NOTEBOOK_PATH = 'mlabonne/llm-course/blob/main';
const DRIVE_LIVE = '1LiveNotebookOnDrive000000';
const DRIVE_GONE = '1DeletedNotebookOnDrive0000';
const DRIVE_PRIVATE = '1PrivateNotebookOnDrive0000';

const resources: [string, string][] = [
  ...Object.keys(WECHAT_ARTICLES).map((id): [string, string] => [
    `wx-${id.toLowerCase()}`,
    `http://mp.weixin.qq.com/s/${id}`,
  ]),
  ['wx-biz', 'http://mp.weixin.qq.com/s?__biz=MzA3MzI4MjgzMw==&mid=1&idx=1&sn=abc'],
  ['bili-p2', `https://www.bilibili.com/video/${BV}?p=2`],
  ['bili-p4', `https://www.bilibili.com/video/${BV}?p=4`],
  ['colab-live', `https://colab.research.google.com/github/${NOTEBOOK_PATH}/live.ipynb`],
  ['colab-gone', `https://colab.research.google.com/github/${NOTEBOOK_PATH}/gone.ipynb`],
  ['colab-gist-gone', 'https://colab.research.google.com/gist/someone/0123456789abcdef'],
  ['drive-live', `https://colab.research.google.com/drive/${DRIVE_LIVE}`],
  ['drive-gone', `https://colab.research.google.com/drive/${DRIVE_GONE}`],
  ['drive-private', `https://colab.research.google.com/drive/${DRIVE_PRIVATE}`],
  ['zhihu-wall', 'http://zhuanlan.zhihu.com/p/338817680'],
  ['pan-gone', 'http://pan.baidu.com/s/1gonegonegone'],
  ['pan-code', 'http://pan.baidu.com/s/1codecodecode'],
];

const roadmapText = [
  'version: 1',
  'title: 200 lies',
  'sections:',
  "  - id: '1'",
  '    title: links',
  '    resources:',
  ...resources.map(
    ([id, url]) => `      - { id: ${id}, title: ${id}, url: '${url}', kind: article }`,
  ),
].join('\n');

const colabApp = () =>
  HttpResponse.html('<html><head><title>Google Colab</title></head><body></body></html>');

const handlers = [
  http.get('http://mp.weixin.qq.com/s/:id', ({ params }) => {
    const fixture = WECHAT_ARTICLES[String(params.id)];
    return fixture === undefined
      ? new HttpResponse('not here', { status: 500 })
      : HttpResponse.html(wechatPage(fixture));
  }),
  http.get('http://mp.weixin.qq.com/s', () =>
    HttpResponse.html(wechatPage('deleted-by-author.html')),
  ),
  http.get('https://www.bilibili.com/video/:bvid', () =>
    HttpResponse.html('<html><head><title>哔哩哔哩</title></head><body></body></html>'),
  ),
  http.get('https://api.bilibili.com/x/web-interface/view', () =>
    HttpResponse.json({
      code: 0,
      data: { bvid: BV, title: '合集', videos: 3, pages: [{ page: 1 }, { page: 2 }, { page: 3 }] },
    }),
  ),
  http.get('https://colab.research.google.com/*', colabApp),
  http.get('https://raw.githubusercontent.com/mlabonne/llm-course/main/live.ipynb', () =>
    HttpResponse.text('{"cells": []}'),
  ),
  http.get('https://raw.githubusercontent.com/*', () =>
    HttpResponse.text('404: Not Found', { status: 404 }),
  ),
  http.get('https://gist.github.com/*', () =>
    HttpResponse.html('<title>Not Found</title>', { status: 404 }),
  ),
  http.get(`https://drive.google.com/file/d/${DRIVE_LIVE}/view`, () =>
    HttpResponse.html('<title>notebook.ipynb - Google Drive</title>'),
  ),
  http.get(
    `https://drive.google.com/file/d/${DRIVE_PRIVATE}/view`,
    () =>
      new HttpResponse(null, {
        status: 302,
        headers: { location: 'https://accounts.google.com/ServiceLogin?service=wise' },
      }),
  ),
  http.get('https://drive.google.com/file/d/*', () =>
    HttpResponse.html('<title>Google Drive - Page Not Found</title>', { status: 404 }),
  ),
  http.get('https://accounts.google.com/ServiceLogin', () =>
    HttpResponse.html('<title>Sign in - Google Accounts</title><input type="password">'),
  ),
  http.get('http://zhuanlan.zhihu.com/p/:id', () =>
    HttpResponse.html('<html><title>知乎</title></html>', { status: 403 }),
  ),
  http.get('http://pan.baidu.com/s/1gonegonegone', () =>
    HttpResponse.html(netdiskPage('share-cancelled.html')),
  ),
  http.get('http://pan.baidu.com/s/1codecodecode', () =>
    HttpResponse.html(netdiskPage('extract-code.html')),
  ),
];

const names = [
  'mp.weixin.qq.com',
  'www.bilibili.com',
  'api.bilibili.com',
  'colab.research.google.com',
  'raw.githubusercontent.com',
  'gist.github.com',
  'drive.google.com',
  'accounts.google.com',
  'zhuanlan.zhihu.com',
  'pan.baidu.com',
];
const caFile = fileURLToPath(new URL('../fixtures/tls/ca.pem', import.meta.url));

/** Served over plain HTTP: the test certificate does not name them. */
const plainNames = ['mp.weixin.qq.com', 'zhuanlan.zhihu.com', 'pan.baidu.com'];

let site: WebServer;
let plainSite: WebServer;
let proxy: ProxyServer;
let out: string;

beforeAll(async () => {
  site = await startWebServer(handlers, { tls: 'valid' });
  plainSite = await startWebServer(handlers);
  proxy = await startProxyServer({
    connectTo: new Map([
      ...site.connectTo(...names.filter((name) => !plainNames.includes(name))),
      ...plainSite.connectTo(...plainNames),
    ]),
  });
  out = await mkdtemp(join(tmpdir(), 'curate-platforms-'));
});

afterAll(async () => {
  await Promise.all([site.close(), plainSite.close(), proxy.close()]);
  await rm(out, { recursive: true, force: true });
});

describe('platforms whose pages answer 200 whatever became of the content', () => {
  it('reports what each platform says, with the private-address guard on', async () => {
    const loaded = parseRoadmap(roadmapText, 'platforms.yaml');
    // No allowPrivate: the guard is on, and the names reach 127.0.0.1 only through the proxy.
    const options = resolveOptions(
      { out, retries: '0', caFile, quiet: true, proxy: proxy.url },
      loaded.roadmap.settings,
      {},
    );
    expect(options.transport.dispatcher.isPrivateAllowed).toBe(false);
    const { report } = await runCheck(loaded, options, {
      toolVersion: 'test',
      now: () => new Date('2026-12-02T00:00:00Z'),
    });
    // Each entry with its outcome's fields beside the rest, so the rows read as status + reason.
    const byId = Object.fromEntries(
      report.results.map((result) => [result.id, { ...result, ...result.outcome }]),
    );
    const removed = { status: 'broken', reason: 'content-removed' };

    expect(byId['wx-livearticle01']).toMatchObject({
      status: 'ok',
      pageTitle: '图解 Transformer：从注意力到大语言模型',
    });
    expect(byId['wx-deletedbyauthor']).toMatchObject({
      ...removed,
      detail: 'WeChat says "该内容已被发布者删除"',
    });
    const removedIds = [
      'violationgone01',
      'accountblocked1',
      'accountclosed01',
      'infringement001',
      'linkexpired0001',
      'biz',
    ];
    expect(removedIds.map((id) => [id, byId[`wx-${id}`]?.reason])).toEqual(
      removedIds.map((id) => [id, 'content-removed']),
    );
    expect(byId['wx-migratedaccount']).toMatchObject({
      status: 'redirected',
      finalUrl: expect.stringContaining('__biz=MzI0ODcxODk5OA==&mid=2247483661') as unknown,
    });
    expect(byId['wx-migratednolink1']).toMatchObject({
      status: 'unverified',
      reason: 'content-moved',
    });
    expect(byId['wx-verificationwal']).toMatchObject({ status: 'unverified', reason: 'bot-wall' });

    expect(byId['bili-p2']).toMatchObject({ status: 'ok', pageTitle: '合集' });
    expect(byId['bili-p4']).toMatchObject({ status: 'broken', reason: 'part-missing' });

    expect(byId['colab-live']).toMatchObject({ status: 'ok' });
    expect(byId['colab-gone']).toMatchObject({
      status: 'broken',
      reason: 'notebook-missing',
      detail: expect.stringContaining(`https://github.com/${NOTEBOOK_PATH}/gone.ipynb`) as unknown,
    });
    expect(byId['colab-gist-gone']).toMatchObject({ status: 'broken', reason: 'notebook-missing' });
    expect(byId['drive-live']).toMatchObject({ status: 'ok' });
    expect(byId['drive-gone']).toMatchObject({ status: 'broken', reason: 'notebook-missing' });
    // Private, or Drive wants a login: left as the Colab page answered.
    expect(byId['drive-private']).toMatchObject({ status: 'ok' });

    expect(byId['zhihu-wall']).toMatchObject({ status: 'unverified', reason: 'login-wall' });
    expect(byId['pan-gone']).toMatchObject(removed);
    expect(byId['pan-code']).toMatchObject({ status: 'ok' });

    const requested = [...site.requests, ...plainSite.requests].map(
      (request) => new URL(request.url),
    );
    // WeChat pages are read once, by the run: the probe judges that answer.
    const wechat = requested.filter((url) => url.hostname === 'mp.weixin.qq.com');
    expect(wechat).toHaveLength(Object.keys(WECHAT_ARTICLES).length + 1);
    // Two parts of one video: one view API call.
    expect(requested.filter((url) => url.pathname === '/x/web-interface/view')).toHaveLength(1);
    // Every name went through the proxy; the guard let nothing connect to 127.0.0.1 directly.
    expect(new Set(proxy.hostnames())).toEqual(new Set(names));
  });
});
