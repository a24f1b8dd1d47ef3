/**
 * `curate mirrors --write` through a whole run on real sockets, with the private-address guard
 * on: local servers stand in for YouTube's watch and playlist pages and Bilibili's cookie, nav,
 * search and view APIs, reached only through a forward proxy that maps the real names to
 * 127.0.0.1 (as in platform-probes.test.ts). Nothing leaves 127.0.0.1.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { http, HttpResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandIo } from '../../src/commands/io.js';
import { mirrorsCommand } from '../../src/commands/mirrors.js';
import { MirrorsFileSchema } from '../../src/mirrors/schema.js';
import { resolveOptions } from '../../src/options.js';
import { loadRoadmap } from '../../src/roadmap/load.js';
import { runCheck } from '../../src/run.js';
import { startProxyServer, type ProxyServer } from '../helpers/proxy-server.js';
import { startWebServer, type WebServer } from '../helpers/web-server.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/mirrors/${name}`, import.meta.url), 'utf8');

const PLAYLIST = 'PLZHQObOWTQDPD3MizzM2xVFitgF8hE_ab';

const roadmapText = `version: 1
title: mirrors test
regions: [cn]
sections:
  - id: '1'
    title: videos
    # comments, quoting and spacing must survive --write byte for byte
    resources:
      - id: 3b1b-nn
        title: "3Blue1Brown - 但什么是神经网络?"
        url: https://www.youtube.com/watch?v=aircAruvnKk
        kind: video
        author: 3Blue1Brown   # the channel

      - id: 3b1b-linear-algebra
        title: 线性代数的本质
        url: 'https://www.youtube.com/playlist?list=${PLAYLIST}'
        kind: video
        author: 3Blue1Brown
        mirrors:
          - url: https://www.bilibili.com/video/BV1o1dup1oad
            platform: bilibili
            confirmed: false
      - id: weak-title
        title: Some talk
        url: https://www.youtube.com/watch?v=weakTitle01
        kind: video
        author: Speaker
      - id: medium-post
        title: A post
        url: https://medium.com/@someone/a-post-123
        kind: article
      - id: busy-talk
        title: Rate limited talk
        url: https://www.youtube.com/watch?v=busyTalk001
        kind: video
`;

/** A watch page with just the player response the finder reads. */
const watchPage = (id: string, title: string, author: string, seconds: number): string =>
  `<html><head><title>${title} - YouTube</title></head><body><script>var ytInitialPlayerResponse = ${JSON.stringify(
    {
      playabilityStatus: { status: 'OK' },
      videoDetails: { videoId: id, title, lengthSeconds: String(seconds), author },
    },
  )};</script></body></html>`;

const WATCH_PAGES: Readonly<Record<string, string>> = {
  aircAruvnKk: fixture('youtube-watch-nn.html'),
  weakTitle01: watchPage('weakTitle01', 'Some talk about transformers', 'Speaker', 900),
  busyTalk001: watchPage('busyTalk001', 'Rate limited talk', 'Busy', 1200),
};

type Upload = { title: string; owner: string; pages: number[] };
const UPLOADS: Readonly<Record<string, Upload>> = {
  BV1offic1a2M: {
    title:
      '【官方双语】深度学习之神经网络的结构 But what is a neural network? Deep learning chapter 1',
    owner: '3Blue1Brown官方',
    pages: [1152],
  },
  BV1dubbed12X: {
    title: '【中文配音】But what is a neural network',
    owner: '搬运工小王',
    pages: [1154],
  },
  BV1sameT1tE9: {
    title: 'But what is a neural network? | Deep learning chapter 1',
    owner: '随便看看',
    pages: [600],
  },
  BV1mu1tiPa7K: {
    title: '【官方双语/合集】线性代数的本质 Essence of linear algebra',
    owner: '3Blue1Brown官方',
    pages: [601, 699, 805],
  },
  BV1twoPa7s2N: { title: 'Essence of linear algebra 前两集', owner: '搬运', pages: [600, 700] },
  BV1weakMa7ch: { title: '变压器讲座', owner: '某人', pages: [899] },
};

const searchHit = (bvid: string) => ({
  type: 'video',
  bvid,
  title: UPLOADS[bvid]?.title ?? '',
  author: UPLOADS[bvid]?.owner ?? '',
  duration: '0:00',
});

const handlers = [
  http.get('https://www.youtube.com/watch', ({ request }) => {
    const page = WATCH_PAGES[new URL(request.url).searchParams.get('v') ?? ''];
    return page === undefined ? new HttpResponse('gone', { status: 404 }) : HttpResponse.html(page);
  }),
  http.get('https://www.youtube.com/playlist', ({ request }) =>
    new URL(request.url).searchParams.get('list') === PLAYLIST
      ? HttpResponse.html(fixture('youtube-playlist-la.html'))
      : new HttpResponse('gone', { status: 404 }),
  ),
  http.get('https://www.youtube.com/oembed', () =>
    HttpResponse.json({ title: 'a video', author_name: '3Blue1Brown', type: 'video' }),
  ),
  http.get('https://medium.com/*', () => HttpResponse.html('<title>A post</title>')),
  http.get('https://www.bilibili.com/video/:bvid', () =>
    HttpResponse.html('<html><head><title>哔哩哔哩</title></head><body></body></html>'),
  ),
  http.get('https://api.bilibili.com/x/frontend/finger/spi', () =>
    HttpResponse.json({ code: 0, message: 'ok', data: { b_3: 'B3-TEST-COOKIE-infoc', b_4: 'b4' } }),
  ),
  http.get('https://api.bilibili.com/x/web-interface/nav', () =>
    HttpResponse.json({
      code: -101,
      message: '账号未登录',
      data: {
        isLogin: false,
        wbi_img: {
          img_url: 'https://i0.hdslb.com/bfs/wbi/7cd084941338484aae1ad9425b84077c.png',
          sub_url: 'https://i0.hdslb.com/bfs/wbi/4932caff0ff746eab6f01bf08b70ac45.png',
        },
      },
    }),
  ),
  http.get('https://api.bilibili.com/x/web-interface/wbi/search/type', ({ request }) => {
    const params = new URL(request.url).searchParams;
    const isSigned = params.has('w_rid') && params.has('wts');
    const hasCookie = (request.headers.get('cookie') ?? '').includes('buvid3=B3-TEST-COOKIE-infoc');
    const keyword = params.get('keyword') ?? '';
    if (!isSigned || !hasCookie || keyword.startsWith('Rate limited')) {
      return HttpResponse.text(fixture('bilibili-search-minus-412.json'), {
        headers: { 'content-type': 'application/json' },
      });
    }
    if (keyword.startsWith('But what is a neural network')) {
      return HttpResponse.text(fixture('bilibili-search-nn.json'), {
        headers: { 'content-type': 'application/json' },
      });
    }
    const bvids = keyword.startsWith('Essence of linear algebra')
      ? ['BV1twoPa7s2N', 'BV1mu1tiPa7K']
      : ['BV1weakMa7ch'];
    return HttpResponse.json({ code: 0, message: '0', data: { result: bvids.map(searchHit) } });
  }),
  http.get('https://api.bilibili.com/x/web-interface/view', ({ request }) => {
    const bvid = new URL(request.url).searchParams.get('bvid') ?? '';
    const upload = UPLOADS[bvid];
    if (upload === undefined) return HttpResponse.json({ code: -404, message: '啥都木有' });
    return HttpResponse.json({
      code: 0,
      data: {
        bvid,
        title: upload.title,
        videos: upload.pages.length,
        duration: upload.pages.reduce((sum, seconds) => sum + seconds, 0),
        owner: { mid: 1, name: upload.owner },
        pages: upload.pages.map((duration, index) => ({
          cid: index + 1,
          page: index + 1,
          part: `P${index + 1}`,
          duration,
        })),
      },
    });
  }),
];

const names = ['www.youtube.com', 'medium.com', 'www.bilibili.com', 'api.bilibili.com'];
const caFile = fileURLToPath(new URL('../fixtures/tls/ca.pem', import.meta.url));

let site: WebServer;
let proxy: ProxyServer;
let dir: string;

beforeAll(async () => {
  site = await startWebServer(handlers, { tls: 'valid' });
  proxy = await startProxyServer({ connectTo: site.connectTo(...names) });
  dir = await mkdtemp(join(tmpdir(), 'curate-mirrors-'));
});

afterAll(async () => {
  await Promise.all([site.close(), proxy.close()]);
  await rm(dir, { recursive: true, force: true });
});

function captureIo(): CommandIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    env: {},
    cwd: dir,
    toolVersion: 'test',
    interruptSignal: new AbortController().signal,
    out: () => out,
    err: () => err,
  };
}

/** The lines of `changed` that are not `original`'s lines in order; fails if any original line is missing. */
function insertedLines(original: string, changed: string): string[] {
  const before = original.split('\n');
  const inserted: string[] = [];
  let index = 0;
  for (const line of changed.split('\n')) {
    if (index < before.length && line === before[index]) index += 1;
    else inserted.push(line);
  }
  expect(index, 'every original line is kept, in order').toBe(before.length);
  return inserted;
}

describe('curate mirrors --write on VPN-only YouTube videos', () => {
  it('adds the right Bilibili copies with their evidence, leaves the wrong ones out, and says what it could not search', async () => {
    const roadmapFile = join(dir, 'roadmap.yaml');
    await writeFile(roadmapFile, roadmapText);
    const io = captureIo();
    const sleeps: number[] = [];
    const exitCode = await mirrorsCommand(
      roadmapFile,
      {
        out: join(dir, 'reports'),
        retries: '0',
        caFile,
        quiet: true,
        proxy: proxy.url,
        write: true,
      },
      io,
      {
        sleep: (ms) => {
          sleeps.push(ms);
          return Promise.resolve();
        },
      },
    );
    expect(io.err()).not.toMatch(/internal error/);
    expect(exitCode).toBe(0);

    const mirrors = MirrorsFileSchema.parse(
      JSON.parse(await readFile(join(dir, 'reports', 'mirrors.json'), 'utf8')),
    );
    const entry = (id: string) => mirrors.resources.find((resource) => resource.resourceId === id);

    // The official re-upload first, the dubbed one second; the same-title 10-minute video is no copy.
    const nn = entry('3b1b-nn');
    expect(
      nn?.candidates.map((candidate) => [candidate.url, candidate.standing, candidate.isOfficial]),
    ).toEqual([
      ['https://www.bilibili.com/video/BV1offic1a2M', 'matched-by-evidence', true],
      ['https://www.bilibili.com/video/BV1dubbed12X', 'matched-by-evidence', false],
    ]);
    expect(nn?.candidates[0]?.evidence).toContain('duration 19:12 vs 19:13 on YouTube');
    // The same fact as data, for a reader in another language.
    expect(nn?.candidates[0]?.facts).toContainEqual({
      kind: 'duration',
      seconds: 1152,
      originalSeconds: 1153,
    });
    expect(nn?.candidates[0]?.check).toEqual({ status: 'ok', reason: 'ok', access: 'open' });
    expect(nn?.candidates[1]?.variant).toBe('中文配音 (dubbed)');

    // The playlist: the 3-part upload whose total is within 1 %, not the 2-part one.
    expect(entry('3b1b-linear-algebra')?.candidates.map((candidate) => candidate.url)).toEqual([
      'https://www.bilibili.com/video/BV1mu1tiPa7K',
    ]);
    expect(entry('3b1b-linear-algebra')?.candidates[0]?.evidence[0]).toBe(
      '3 parts, 35:05 in all vs 3 videos, 35:00 on YouTube',
    );

    // Same length, unrelated title: a suggestion for a human, never written.
    expect(entry('weak-title')?.candidates.map((candidate) => candidate.standing)).toEqual([
      'suggestion',
    ]);

    // A rate-limited search is visible, after one back-off, never an empty result.
    expect(entry('busy-talk')?.searches).toEqual([
      expect.objectContaining({
        finder: 'bilibili',
        result: 'could-not-search',
        reason: 'rate-limited',
      }),
    ]);
    expect(sleeps).toContain(30_000);
    expect(entry('medium-post')?.searches).toEqual([
      expect.objectContaining({ finder: 'no-stable-mirror', result: 'no-stable-mirror' }),
    ]);
    expect(io.out()).toMatch(/busy-talk .*\n {2}bilibili: could not search: rate-limited/);
    expect(io.out()).toMatch(/medium-post .*\n {2}no-stable-mirror: no stable mirror/);

    // The YAML: only the two best matches were added, as unconfirmed mirrors with their evidence.
    const written = await readFile(roadmapFile, 'utf8');
    const inserted = insertedLines(roadmapText, written);
    expect(inserted.filter((line) => line.includes('- url:'))).toEqual([
      '          - url: https://www.bilibili.com/video/BV1offic1a2M',
      '          - url: https://www.bilibili.com/video/BV1mu1tiPa7K',
    ]);
    expect(inserted).toContain('        mirrors:');
    expect(inserted.filter((line) => line.trim() === 'confirmed: false')).toHaveLength(2);
    expect(inserted.filter((line) => line.trim() === 'evidence: strong')).toHaveLength(2);
    expect(written).toContain(
      'note: "中文字幕 (subtitled); found by curate mirrors (bilibili, strong evidence): duration 19:12 vs 19:13 on YouTube; title matches',
    );
    expect(written).not.toContain('BV1dubbed12X');
    expect(written).not.toContain('BV1sameT1tE9');
    expect(written).not.toContain('BV1weakMa7ch');

    // A check of the written roadmap counts the strong matches as covering, "matched by
    // evidence", while the weak, rate-limited and Medium ones still need a mirror.
    const checkOut = join(dir, 'after-write');
    const loaded = await loadRoadmap(roadmapFile);
    const { report } = await runCheck(
      loaded,
      resolveOptions(
        { out: checkOut, retries: '0', caFile, quiet: true, proxy: proxy.url, reports: 'md' },
        loaded.roadmap.settings,
        {},
      ),
      { toolVersion: 'test', now: () => new Date('2026-12-02T00:00:00Z') },
    );
    expect(report.regions?.cn).toMatchObject({
      covered: ['3b1b-nn', '3b1b-linear-algebra'],
      coveredByEvidence: ['3b1b-nn', '3b1b-linear-algebra'],
      uncovered: ['weak-title', 'medium-post', 'busy-talk'],
    });
    await expect(readFile(join(checkOut, 'report.md'), 'utf8')).resolves.toContain(
      '**Matched by evidence**: 2 resources count as covered in cn',
    );

    // --from the report that check wrote: the same resources and candidates, and the roadmap
    // already lists the best ones, so nothing more is written.
    const fromIo = captureIo();
    const fromOut = join(dir, 'from-reports');
    await expect(
      mirrorsCommand(
        undefined,
        {
          from: join(dir, 'reports', 'report.json'),
          out: fromOut,
          retries: '0',
          caFile,
          quiet: true,
          proxy: proxy.url,
          write: true,
        },
        fromIo,
        { sleep: () => Promise.resolve() },
      ),
    ).resolves.toBe(0);
    const fromMirrors = MirrorsFileSchema.parse(
      JSON.parse(await readFile(join(fromOut, 'mirrors.json'), 'utf8')),
    );
    expect(fromMirrors.resources).toEqual(mirrors.resources);
    expect(fromIo.err()).toContain('added 0 unconfirmed mirrors');
    await expect(readFile(roadmapFile, 'utf8')).resolves.toBe(written);

    // Confirming is a one-word change.
    const confirmIo = captureIo();
    await expect(mirrorsCommand(roadmapFile, { confirm: '3b1b-nn' }, confirmIo)).resolves.toBe(0);
    const confirmed = await readFile(roadmapFile, 'utf8');
    expect(confirmed).toBe(
      written.replace(/(BV1offic1a2M\n(?:.*\n){2}\s*confirmed: )false/, '$1true'),
    );
    expect(confirmed).not.toBe(written);
  });
});

describe('curate mirrors --cache: the Bilibili session between runs', () => {
  const oneVideo = `version: 1
title: one video
regions: [cn]
sections:
  - id: '1'
    title: videos
    resources:
      - id: 3b1b-nn
        title: "3Blue1Brown - 但什么是神经网络?"
        url: https://www.youtube.com/watch?v=aircAruvnKk
        kind: video
        author: 3Blue1Brown
`;
  const sessionPaths = new Set(['/x/frontend/finger/spi', '/x/web-interface/nav']);

  it('reuses the kept session, opens a fresh one when Bilibili refuses a stale one, and keeps the rest of the file', async () => {
    const roadmapFile = join(dir, 'one-video.yaml');
    await writeFile(roadmapFile, oneVideo);
    const cacheFile = join(dir, 'curate-cache.json');
    const checkEntry = { reason: 'ok', httpStatus: 200, checkedAt: new Date().toISOString() };
    // Opened an hour ago, so fresh by time, but its cookie is one the search refuses (-412).
    await writeFile(
      cacheFile,
      JSON.stringify({
        schemaVersion: 1,
        entries: { 'https://docs.example.test/': checkEntry },
        bilibiliSession: {
          cookie: 'buvid3=EXPIRED-infoc',
          imgKey: '7cd084941338484aae1ad9425b84077c',
          subKey: '4932caff0ff746eab6f01bf08b70ac45',
          openedAt: new Date(Date.now() - 3_600_000).toISOString(),
        },
      }),
    );
    const run = async () => {
      const from = site.requests.length;
      const io = captureIo();
      const sleeps: number[] = [];
      const exitCode = await mirrorsCommand(
        roadmapFile,
        {
          out: join(dir, 'cache-reports'),
          retries: '0',
          caFile,
          quiet: true,
          proxy: proxy.url,
          cache: cacheFile,
        },
        io,
        { sleep: (ms) => (sleeps.push(ms), Promise.resolve()) },
      );
      expect({ exitCode, err: io.err() }).toMatchObject({ exitCode: 0 });
      const mirrors = MirrorsFileSchema.parse(
        JSON.parse(await readFile(join(dir, 'cache-reports', 'mirrors.json'), 'utf8')),
      );
      const paths = site.requests.slice(from).map((request) => new URL(request.url).pathname);
      return {
        candidates: mirrors.resources[0]?.candidates.map((candidate) => candidate.url),
        sessionRequests: paths.filter((path) => sessionPaths.has(path)),
        searches: paths.filter((path) => path.endsWith('/search/type')).length,
        sleeps,
        cache: JSON.parse(await readFile(cacheFile, 'utf8')) as Record<string, unknown>,
      };
    };
    const found = [
      'https://www.bilibili.com/video/BV1offic1a2M',
      'https://www.bilibili.com/video/BV1dubbed12X',
    ];

    // The kept session is refused: one fresh session, the search asked again, no back-off.
    const first = await run();
    expect(first).toMatchObject({
      candidates: found,
      sessionRequests: ['/x/frontend/finger/spi', '/x/web-interface/nav'],
      searches: 2,
      sleeps: [],
    });
    expect(first.cache).toEqual({
      schemaVersion: 1,
      entries: { 'https://docs.example.test/': checkEntry },
      bilibiliSession: {
        cookie: 'buvid3=B3-TEST-COOKIE-infoc',
        imgKey: '7cd084941338484aae1ad9425b84077c',
        subKey: '4932caff0ff746eab6f01bf08b70ac45',
        openedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown,
      },
    });

    // The next run signs with the session the first one opened, and asks for none.
    const second = await run();
    expect(second).toMatchObject({ candidates: found, sessionRequests: [], searches: 1 });
    expect(second.cache).toEqual(first.cache);
  });
});
