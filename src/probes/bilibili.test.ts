import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fakeProbeFetch } from '../../test/helpers/fake-probe-fetch.js';
import { verdictSummary } from '../../test/helpers/probe-verdict.js';
import { itDoesNotApplyTo, itMatchesAs } from '../../test/helpers/probe-match.js';
import { bilibiliProbe, readViewVerdict, viewApiUrl } from './bilibili.js';
import { createProbeRunner, type ProbeResponse } from './probe.js';

function fixture(name: string): string {
  return readFileSync(new URL(`../../test/fixtures/probes/${name}`, import.meta.url), 'utf8');
}

const BVID = 'BV17x411w7KC';
const PAGE = `https://www.bilibili.com/video/${BVID}/`;

describe('bilibiliProbe.match', () => {
  itMatchesAs(bilibiliProbe, [
    [`https://www.bilibili.com/video/${BVID}`, BVID, PAGE],
    [`https://www.bilibili.com/video/${BVID}/?spm_id_from=333.788&vd_source=abc`, BVID, PAGE],
    [`https://bilibili.com/video/${BVID}`, BVID, PAGE],
    [`https://m.bilibili.com/video/${BVID}`, BVID, PAGE],
    [`https://www.bilibili.com/s/video/${BVID}`, BVID, PAGE],
    [`https://www.bilibili.com/video/bv17x411w7KC`, BVID, PAGE],
    // A part is its own key: ?p=3 may be missing where ?p=1 is not.
    [`https://www.bilibili.com/video/${BVID}?p=3`, `${BVID}?p=3`, `${PAGE}?p=3`],
    [`https://www.bilibili.com/video/${BVID}?p=0`, BVID, PAGE],
    // av numbers become bvids offline (av170001 is BV17x411w7KC).
    ['https://www.bilibili.com/video/av170001', BVID, PAGE],
    ['https://www.bilibili.com/video/AV170001/?p=2', `${BVID}?p=2`, `${PAGE}?p=2`],
    ['https://m.bilibili.com/video/av170001', BVID, PAGE],
    [`https://player.bilibili.com/player.html?bvid=${BVID}&page=1`, BVID, PAGE],
    ['https://player.bilibili.com/player.html?aid=170001', BVID, PAGE],
    // b23.tv paths that already are ids need no expansion.
    [`https://b23.tv/${BVID}`, BVID, PAGE],
    ['https://b23.tv/av170001', BVID, PAGE],
    ['https://b23.tv/xYz12Ab', 'short:https://b23.tv/xYz12Ab', 'https://b23.tv/xYz12Ab'],
    [
      'https://bili2233.cn/xYz12Ab#t=3',
      'short:https://bili2233.cn/xYz12Ab',
      'https://bili2233.cn/xYz12Ab',
    ],
    // Malformed ids still match, so that run() can call them broken.
    [
      'https://www.bilibili.com/video/BV17x411w7K',
      'invalid:BV17x411w7K',
      'https://www.bilibili.com/video/BV17x411w7K',
    ],
    ['https://www.bilibili.com/video/av0', 'invalid:av0', 'https://www.bilibili.com/video/av0'],
  ]);

  itDoesNotApplyTo(bilibiliProbe, [
    'https://www.bilibili.com/',
    'https://www.bilibili.com/video/',
    'https://www.bilibili.com/video/online.html',
    'https://www.bilibili.com/bangumi/play/ep266857',
    'https://space.bilibili.com/122541',
    'https://live.bilibili.com/21452505',
    'https://player.bilibili.com/player.html',
    'https://b23.tv/',
    'https://www.bilibili.com.example.test/video/BV17x411w7KC',
  ]);
});

function answer(
  status: number,
  body: string | undefined,
  contentType = 'application/json',
): ProbeResponse {
  return { kind: 'response', status, finalUrl: viewApiUrl(BVID).href, body, contentType };
}

const summary = verdictSummary;

const coded = (code: number, message: string) => JSON.stringify({ code, message, ttl: 1 });

describe('readViewVerdict', () => {
  it.each<[string, ProbeResponse, string]>([
    ['code 0', answer(200, fixture('bilibili-view-0.json')), 'confirmed'],
    [
      'code -404: deleted',
      answer(200, fixture('bilibili-view-minus-404.json')),
      'broken:video-removed',
    ],
    [
      'code 62002: invisible',
      answer(200, fixture('bilibili-view-62002.json')),
      'broken:video-removed',
    ],
    ['code -403: login needed', answer(200, coded(-403, '访问权限不足')), 'unverified:login-wall'],
    [
      'code 62003: scheduled',
      answer(200, coded(62003, '稿件已审核通过，等待发布中')),
      'unverified:scheduled',
    ],
    [
      'code 62004: under review',
      answer(200, coded(62004, '稿件审核中')),
      'unverified:under-review',
    ],
    [
      'code 62012: uploader only',
      answer(200, coded(62012, '仅UP主自己可见')),
      'unverified:video-private',
    ],
    [
      'code -352: risk control',
      answer(200, fixture('bilibili-view-minus-352.json')),
      'inconclusive',
    ],
    ['code -412 on a 200', answer(200, fixture('bilibili-view-minus-412.json')), 'inconclusive'],
    ['code -412 on a 412', answer(412, fixture('bilibili-view-minus-412.json')), 'inconclusive'],
    ['an HTML 412 page', answer(412, '<html>412</html>', 'text/html'), 'inconclusive'],
    ['a 429 without a body', answer(429, undefined), 'inconclusive'],
    [
      'a 502 from the gateway',
      answer(502, '<html>Bad Gateway</html>', 'text/html'),
      'inconclusive',
    ],
    ['an unknown code', answer(200, coded(-400, '请求错误')), 'inconclusive'],
    ['a code that is not a number', answer(200, '{"code":"0"}'), 'inconclusive'],
    ['a truncated body', answer(200, '{"code":0,"data":{"ti'), 'inconclusive'],
    ['a network failure', { kind: 'failure', reason: 'timeout' }, 'inconclusive'],
  ])('%s → %s', (_name, response, expected) => {
    expect(summary(readViewVerdict(response))).toBe(expected);
  });

  it('keeps the title of code 0', () => {
    expect(readViewVerdict(answer(200, fixture('bilibili-view-0.json')))).toEqual({
      kind: 'confirmed',
      title: '【MV】保加利亚妖王AZIS视频合辑',
    });
  });

  describe('multi-part videos (?p=N)', () => {
    const parts = (pages: number, videos?: number) =>
      answer(
        200,
        JSON.stringify({
          code: 0,
          data: {
            title: '合集',
            ...(videos === undefined ? {} : { videos }),
            pages: Array.from({ length: pages }, (_, index) => ({ page: index + 1 })),
          },
        }),
      );

    it.each<[string, ProbeResponse, number | undefined, string]>([
      ['the last part', parts(3, 3), 3, 'confirmed'],
      ['one past the last part', parts(3, 3), 4, 'broken:part-missing'],
      ['part 2 of a single video', parts(1, 1), 2, 'broken:part-missing'],
      ['no ?p at all', parts(1, 1), undefined, 'confirmed'],
      ['a count from videos alone', parts(0, 5), 5, 'confirmed'],
      ['a pages list shorter than videos', parts(3, 10), 10, 'confirmed'],
      [
        'a fixture answer with 10 parts',
        answer(200, fixture('bilibili-view-0.json')),
        11,
        'broken:part-missing',
      ],
      ['an answer that counts no parts', answer(200, coded(0, '0')), 7, 'confirmed'],
    ])('%s (?p=%s) → %s', (_name, response, part, expected) => {
      expect(summary(readViewVerdict(response, part))).toBe(expected);
    });

    it('says how many parts there are, and keeps the title', () => {
      expect(readViewVerdict(parts(2, 2), 5)).toEqual({
        kind: 'outcome',
        outcome: {
          status: 'broken',
          reason: 'part-missing',
          detail: 'Bilibili view API: the video has 2 parts; ?p=5 is beyond them',
        },
        title: '合集',
      });
    });
  });

  it('names an unknown code and its message in the detail', () => {
    expect(readViewVerdict(answer(200, coded(-400, '请求错误')))).toEqual({
      kind: 'inconclusive',
      detail: expect.stringContaining('-400 (请求错误)') as unknown,
    });
  });
});

const redirectTo = (finalUrl: string, status = 200): ProbeResponse => ({
  kind: 'response',
  status,
  finalUrl,
  body: '<html><title>哔哩哔哩</title></html>',
  contentType: 'text/html',
});

describe('bilibiliProbe.run', () => {
  const api = viewApiUrl(BVID).href;

  it('asks the view API about the bvid of an av link', async () => {
    const { fetch, requested } = fakeProbeFetch({
      [api]: answer(200, fixture('bilibili-view-0.json')),
    });
    const match = bilibiliProbe.match(new URL('https://www.bilibili.com/video/av170001?p=2'))!;
    await expect(bilibiliProbe.run(match, fetch)).resolves.toMatchObject({ kind: 'confirmed' });
    expect(requested).toEqual([`https://api.bilibili.com/x/web-interface/view?bvid=${BVID}`]);
  });

  it('checks the ?p of a page link against the parts, asking the API once for two parts', async () => {
    const { fetch, requested } = fakeProbeFetch({
      [api]: answer(200, fixture('bilibili-view-0.json')),
    });
    const runner = createProbeRunner([bilibiliProbe], fetch);
    const valid = await runner.probe(new URL(`https://www.bilibili.com/video/${BVID}?p=10`));
    const beyond = await runner.probe(new URL(`https://www.bilibili.com/video/${BVID}?p=11`));
    expect(summary(valid!)).toBe('confirmed');
    expect(summary(beyond!)).toBe('broken:part-missing');
    expect(requested).toEqual([api]);
  });

  it('checks the ?p a short link expands to', async () => {
    const short = 'https://b23.tv/xYz12Ab';
    const { fetch } = fakeProbeFetch({
      [short]: redirectTo(`https://www.bilibili.com/video/${BVID}/?p=12`),
      [api]: answer(200, fixture('bilibili-view-0.json')),
    });
    const verdict = await bilibiliProbe.run(bilibiliProbe.match(new URL(short))!, fetch);
    expect(summary(verdict)).toBe('broken:part-missing');
  });

  it('expands a short link, then asks about the video it leads to', async () => {
    const short = 'https://b23.tv/xYz12Ab';
    const { fetch, requested } = fakeProbeFetch({
      [short]: redirectTo(`https://www.bilibili.com/video/${BVID}/?share_source=copy_web`),
      [api]: answer(200, fixture('bilibili-view-minus-404.json')),
    });
    const verdict = await bilibiliProbe.run(bilibiliProbe.match(new URL(short))!, fetch);
    expect(summary(verdict)).toBe('broken:video-removed');
    expect(requested).toEqual([short, api]);
  });

  it.each<[string, ProbeResponse]>([
    ['a live room', redirectTo('https://live.bilibili.com/21452505')],
    ['the home page (an unknown code)', redirectTo('https://www.bilibili.com/', 404)],
    ['nowhere', { kind: 'failure', reason: 'dns' }],
  ])('is inconclusive for a short link that leads to %s', async (_name, expansion) => {
    const short = 'https://b23.tv/xYz12Ab';
    const { fetch, requested } = fakeProbeFetch({ [short]: expansion });
    const verdict = await bilibiliProbe.run(bilibiliProbe.match(new URL(short))!, fetch);
    expect(summary(verdict)).toBe('inconclusive');
    expect(requested).toEqual([short]);
  });

  it.each(['https://www.bilibili.com/video/BV17x411w7K', 'https://www.bilibili.com/video/av0'])(
    'calls the malformed id in %s broken without a request',
    async (input) => {
      const { fetch, requested } = fakeProbeFetch({});
      const verdict = await bilibiliProbe.run(bilibiliProbe.match(new URL(input))!, fetch);
      expect(summary(verdict)).toBe('broken:video-removed');
      expect(requested).toEqual([]);
    },
  );
});
