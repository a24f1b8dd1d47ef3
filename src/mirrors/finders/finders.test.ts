/** Each finder against a fake network: what it offers, and that every failure is said aloud. */
import { describe, expect, it } from 'vitest';
import type { ProbeResponse } from '../../probes/probe.js';
import type { FinderDeps, FinderFetch, MirrorSubject } from '../finder.js';
import { createBilibiliFinder, RATE_LIMIT_BACKOFF_MS } from './bilibili.js';
import { giteeFinder } from './gitee.js';
import { hfMirrorFinder } from './hf-mirror.js';
import { noStableMirrorFinder } from './no-stable-mirror.js';

const json = (body: unknown, status = 200): ProbeResponse => ({
  kind: 'response',
  status,
  finalUrl: '',
  body: JSON.stringify(body),
  contentType: 'application/json',
});
const html = (body: string, status = 200): ProbeResponse => ({
  kind: 'response',
  status,
  finalUrl: '',
  body,
  contentType: 'text/html',
});

/** Answers by the first matching URL prefix; records every URL and its headers. */
function fakeNetwork(routes: readonly (readonly [string, () => ProbeResponse])[]): {
  deps: FinderDeps;
  asked: { url: string; headers: Readonly<Record<string, string>> }[];
  slept: number[];
} {
  const asked: { url: string; headers: Readonly<Record<string, string>> }[] = [];
  const slept: number[] = [];
  const fetch: FinderFetch = (url, headers = {}) => {
    asked.push({ url: url.href, headers });
    const route = routes.find(([prefix]) => url.href.startsWith(prefix));
    return Promise.resolve(
      route === undefined ? { kind: 'failure', reason: 'no route' } : route[1](),
    );
  };
  return {
    deps: {
      fetch,
      sleep: (ms) => (slept.push(ms), Promise.resolve()),
      now: () => new Date(1_702_204_169_000),
    },
    asked,
    slept,
  };
}

const subject = (url: string): MirrorSubject => ({
  resourceId: 'r',
  title: 'a title',
  url: new URL(url),
  author: undefined,
  region: 'cn',
});

const WATCH = `<script>var ytInitialPlayerResponse = {"videoDetails":{"title":"Intro to LLMs","lengthSeconds":"3600","author":"Andrej Karpathy"}};</script>`;
const SESSION: (readonly [string, () => ProbeResponse])[] = [
  ['https://www.youtube.com/watch', () => html(WATCH)],
  [
    'https://api.bilibili.com/x/frontend/finger/spi',
    () => json({ code: 0, data: { b_3: 'COOKIE' } }),
  ],
  [
    'https://api.bilibili.com/x/web-interface/nav',
    () =>
      json({
        code: -101,
        data: {
          wbi_img: { img_url: 'https://x/bfs/wbi/aaaa.png', sub_url: 'https://x/bfs/wbi/bbbb.png' },
        },
      }),
  ],
];
const VIDEO = 'https://www.youtube.com/watch?v=zjkBMFhNj_g';

describe('the YouTube → Bilibili finder', () => {
  it('backs off once on -352 and then searches, signed, with the cookie and Referer', async () => {
    let searches = 0;
    const { deps, asked, slept } = fakeNetwork([
      ...SESSION,
      [
        'https://api.bilibili.com/x/web-interface/wbi/search/type',
        () => (
          (searches += 1),
          searches === 1
            ? json({ code: -352, message: '风控校验失败' })
            : json({ code: 0, data: { result: [] } })
        ),
      ],
    ]);
    const answer = await createBilibiliFinder().find(subject(VIDEO), deps);
    expect(answer).toEqual({ kind: 'candidates', candidates: [] });
    expect(slept).toEqual([RATE_LIMIT_BACKOFF_MS]);
    const search = asked.find(({ url }) => url.includes('/wbi/search/type'));
    expect(search?.url).toMatch(
      /keyword=Intro%20to%20LLMs%20Andrej%20Karpathy&page=1&search_type=video&wts=1702204169&w_rid=[0-9a-f]{32}$/,
    );
    expect(search?.headers).toEqual({
      referer: 'https://www.bilibili.com/',
      cookie: 'buvid3=COOKIE',
    });
  });

  it('says rate-limited when -412 persists, and asks nothing more for later resources', async () => {
    const { deps, asked } = fakeNetwork([
      ...SESSION,
      [
        'https://api.bilibili.com/x/web-interface/wbi/search/type',
        () => json({ code: -412, message: '请求被拦截' }),
      ],
    ]);
    const finder = createBilibiliFinder();
    const first = await finder.find(subject(VIDEO), deps);
    expect(first).toMatchObject({ kind: 'could-not-search', reason: 'rate-limited' });
    const count = asked.length;
    await expect(finder.find(subject('https://youtu.be/kCc8FmEb1nY'), deps)).resolves.toMatchObject(
      {
        kind: 'could-not-search',
        reason: 'rate-limited',
      },
    );
    expect(asked).toHaveLength(count);
  });

  describe('with a session an earlier run kept (--cache)', () => {
    const kept = {
      session: { cookie: 'buvid3=KEPT', keys: { imgKey: 'cccc', subKey: 'dddd' } },
      openedAt: '2023-12-10T08:00:00.000Z',
    };
    const sessionCalls = (asked: { url: string }[]) =>
      asked.filter(({ url }) => /finger\/spi|web-interface\/nav/.test(url)).length;

    it('signs with it and asks for no cookie or keys', async () => {
      const { deps, asked } = fakeNetwork([
        ...SESSION,
        [
          'https://api.bilibili.com/x/web-interface/wbi/search/type',
          () => json({ code: 0, data: { result: [] } }),
        ],
      ]);
      const finder = createBilibiliFinder(kept);
      await expect(finder.find(subject(VIDEO), deps)).resolves.toEqual({
        kind: 'candidates',
        candidates: [],
      });
      expect(sessionCalls(asked)).toBe(0);
      expect(asked.find(({ url }) => url.includes('/wbi/search/type'))?.headers.cookie).toBe(
        'buvid3=KEPT',
      );
      expect(finder.usedSession()).toEqual(kept);
    });

    it('opens a fresh one on -352 and asks again with it, before any back-off', async () => {
      const { deps, asked, slept } = fakeNetwork([
        ...SESSION,
        [
          'https://api.bilibili.com/x/web-interface/wbi/search/type',
          () => json({ code: 0, data: { result: [] } }),
        ],
      ]);
      const fetch = deps.fetch;
      // Bilibili's answer to stale keys or an expired cookie: risk control.
      deps.fetch = (url, headers) =>
        url.pathname.endsWith('/search/type') && headers?.cookie === 'buvid3=KEPT'
          ? (asked.push({ url: url.href, headers }),
            Promise.resolve(json({ code: -352, message: '风控校验失败' })))
          : fetch(url, headers);
      const finder = createBilibiliFinder(kept);
      await expect(finder.find(subject(VIDEO), deps)).resolves.toEqual({
        kind: 'candidates',
        candidates: [],
      });
      expect(slept).toEqual([]);
      expect(sessionCalls(asked)).toBe(2);
      expect(
        asked
          .filter(({ url }) => url.includes('/search/type'))
          .map(({ headers }) => headers.cookie),
      ).toEqual(['buvid3=KEPT', 'buvid3=COOKIE']);
      expect(finder.usedSession()).toEqual({
        session: { cookie: 'buvid3=COOKIE', keys: { imgKey: 'aaaa', subKey: 'bbbb' } },
        openedAt: deps.now().toISOString(),
      });
    });
  });

  it.each([
    [
      'a nav API without wbi_img',
      [['https://api.bilibili.com/x/web-interface/nav', () => json({ code: 0, data: {} })]],
      'changed-api',
    ],
    [
      'a blocked cookie API',
      [['https://api.bilibili.com/x/frontend/finger/spi', () => html('forbidden', 403)]],
      'blocked',
    ],
    [
      'a watch page without a player response',
      [['https://www.youtube.com/watch', () => html('<html></html>')]],
      'changed-api',
    ],
    ['an unreachable search', [], 'unreachable'],
  ] as const)('could not search with %s: %s', async (_name, overrides, reason) => {
    const { deps } = fakeNetwork([...overrides, ...SESSION]);
    await expect(createBilibiliFinder().find(subject(VIDEO), deps)).resolves.toMatchObject({
      kind: 'could-not-search',
      reason,
    });
  });
});

describe('the hf-mirror.com finder', () => {
  const model = 'https://huggingface.co/Qwen/Qwen2.5-7B';
  it('offers the mirror when its page names the same model', async () => {
    const { deps } = fakeNetwork([
      [
        'https://hf-mirror.com/Qwen/Qwen2.5-7B',
        () => html('<title>Qwen/Qwen2.5-7B · HF Mirror</title>'),
      ],
    ]);
    await expect(hfMirrorFinder.find(subject(model), deps)).resolves.toMatchObject({
      kind: 'candidates',
      candidates: [{ url: 'https://hf-mirror.com/Qwen/Qwen2.5-7B', strength: 'strong' }],
    });
  });

  it('offers nothing for a generic page that answers 200', async () => {
    const { deps } = fakeNetwork([
      ['https://hf-mirror.com/', () => html('<title>HF-Mirror</title>')],
    ]);
    await expect(hfMirrorFinder.find(subject(model), deps)).resolves.toEqual({
      kind: 'candidates',
      candidates: [],
    });
  });
});

describe('the Gitee finder', () => {
  const repo = 'https://github.com/ggerganov/llama.cpp';
  const github: [string, () => ProbeResponse] = [
    'https://api.github.com/repos/ggerganov/llama.cpp',
    () => json({ description: 'LLM inference in C/C++' }),
  ];
  it('suggests the mirror of the same project, never as covering', async () => {
    const { deps } = fakeNetwork([
      [
        'https://gitee.com/api/v5/repos/mirrors/llama.cpp',
        () => json({ full_name: 'mirrors/llama.cpp', description: 'LLM inference in C/C++' }),
      ],
      github,
    ]);
    await expect(giteeFinder.find(subject(repo), deps)).resolves.toMatchObject({
      kind: 'candidates',
      candidates: [
        { url: 'https://gitee.com/mirrors/llama.cpp', isSuggestionOnly: true, strength: 'weak' },
      ],
    });
  });

  it.each([
    [
      'another project of that name',
      json({ description: '骆驼养殖技术' }),
      { kind: 'candidates', candidates: [] },
    ],
    ['no mirror', json({ message: 'Not Found' }, 404), { kind: 'candidates', candidates: [] }],
    [
      'a rate-limited API',
      json({ message: 'slow down' }, 429),
      { kind: 'could-not-search', reason: 'rate-limited' },
    ],
  ] as const)('%s', async (_name, gitee, expected) => {
    const { deps } = fakeNetwork([
      ['https://gitee.com/api/v5/repos/mirrors/llama.cpp', () => gitee],
      github,
    ]);
    await expect(giteeFinder.find(subject(repo), deps)).resolves.toMatchObject(expected);
  });
});

describe('hosts with no stable mirror', () => {
  it.each([
    'https://medium.com/@a/b',
    'https://someone.substack.com/p/x',
    'https://openai.com/index/gpt-4',
  ])('says so for %s', async (url) => {
    const { deps, asked } = fakeNetwork([]);
    expect(noStableMirrorFinder.matches(new URL(url))).toBe(true);
    await expect(noStableMirrorFinder.find(subject(url), deps)).resolves.toMatchObject({
      kind: 'no-stable-mirror',
    });
    expect(asked).toEqual([]);
  });
});
