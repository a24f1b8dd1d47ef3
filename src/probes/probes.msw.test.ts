/**
 * The probes against msw stand-ins for YouTube's oEmbed endpoint, Bilibili's view API and
 * b23.tv, reached through Node's global `fetch` (which msw/node intercepts), so these tests check
 * the real request URLs and queries the probes build.
 */
import { readFileSync } from 'node:fs';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { globalFetchTransport } from '../../test/helpers/global-fetch-transport.js';
import { createProbeRunner, DEFAULT_PROBES, type ProbeVerdict } from './probe.js';

function fixture(name: string): string {
  return readFileSync(new URL(`../../test/fixtures/probes/${name}`, import.meta.url), 'utf8');
}

/** A fixture served as the platform serves JSON, byte for byte. */
function jsonFixture(name: string, status = 200): Response {
  return new HttpResponse(fixture(name), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}

const LIVE_ID = 'kCc8FmEb1nY';
const REMOVED_ID = 'aaaaaaaaaaa';
const PRIVATE_ID = 'bbbbbbbbbbb';
const NO_EMBED_ID = 'ccccccccccc';
const THROTTLED_ID = 'ddddddddddd';
const LIST = 'PLAqhIrjkxbuWI23v9cThsA9GvCAUhRvKZ';

/** oEmbed answers by the `url` it is asked about, as YouTube does. */
const OEMBED_ANSWERS: Readonly<Record<string, () => Response>> = {
  [`https://www.youtube.com/watch?v=${LIVE_ID}`]: () => jsonFixture('youtube-oembed-200.json'),
  [`https://www.youtube.com/playlist?list=${LIST}`]: () =>
    jsonFixture('youtube-oembed-playlist-200.json'),
  [`https://www.youtube.com/watch?v=${REMOVED_ID}`]: () =>
    HttpResponse.text('Not Found', { status: 404 }),
  [`https://www.youtube.com/watch?v=${PRIVATE_ID}`]: () =>
    HttpResponse.text('Forbidden', { status: 403 }),
  [`https://www.youtube.com/watch?v=${NO_EMBED_ID}`]: () =>
    HttpResponse.text('Unauthorized', { status: 401 }),
  [`https://www.youtube.com/watch?v=${THROTTLED_ID}`]: () =>
    HttpResponse.text('Too Many Requests', { status: 429 }),
};

const LIVE_BVID = 'BV17x411w7KC';
const DELETED_BVID = 'BV1Q541167Qg';
const HIDDEN_BVID = 'BV1mK4y1C7Bz';
const THROTTLED_BVID = 'BV1L9Uoa9EUx';

/** The view API answers by `bvid`, with HTTP 200 and the meaning in the JSON code. */
const VIEW_ANSWERS: Readonly<Record<string, () => Response>> = {
  [LIVE_BVID]: () => jsonFixture('bilibili-view-0.json'),
  [DELETED_BVID]: () => jsonFixture('bilibili-view-minus-404.json'),
  [HIDDEN_BVID]: () => jsonFixture('bilibili-view-62002.json'),
  [THROTTLED_BVID]: () => jsonFixture('bilibili-view-minus-412.json', 412),
};

const server = setupServer(
  http.get('https://www.youtube.com/oembed', ({ request }) => {
    const query = new URL(request.url).searchParams;
    const answer = OEMBED_ANSWERS[query.get('url') ?? ''];
    if (query.get('format') !== 'json' || answer === undefined) {
      return HttpResponse.text('Bad Request', { status: 400 });
    }
    return answer();
  }),
  http.get('https://api.bilibili.com/x/web-interface/view', ({ request }) => {
    const answer = VIEW_ANSWERS[new URL(request.url).searchParams.get('bvid') ?? ''];
    return answer?.() ?? HttpResponse.json({ code: -400, message: '请求错误', ttl: 1 });
  }),
  http.get('https://b23.tv/aBcDeF1', () =>
    HttpResponse.redirect(
      `https://www.bilibili.com/video/${DELETED_BVID}/?share_source=copy_web`,
      302,
    ),
  ),
  http.get('https://www.bilibili.com/video/:bvid/', () =>
    HttpResponse.html('<!doctype html><title>哔哩哔哩 (゜-゜)つロ 干杯~-bilibili</title>'),
  ),
);

/** Every request the stand-ins saw, as absolute URLs. */
const requested: string[] = [];

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  server.events.on('request:start', ({ request }) => {
    requested.push(request.url);
  });
});
afterEach(() => {
  requested.length = 0;
});
afterAll(() => {
  server.close();
});

/** The probes' transport the run builds on fetchTarget, here on the global fetch msw intercepts. */
const globalFetch = globalFetchTransport;

function summary(verdict: ProbeVerdict | undefined): string {
  if (verdict === undefined || verdict.kind !== 'outcome') {
    return verdict?.kind ?? 'no probe';
  }
  return `${verdict.outcome.status}:${verdict.outcome.reason}`;
}

const oEmbedRequest = (page: string) =>
  `https://www.youtube.com/oembed?url=${encodeURIComponent(page)}&format=json`;
const viewRequest = (bvid: string) => `https://api.bilibili.com/x/web-interface/view?bvid=${bvid}`;

describe('probes over HTTP', () => {
  it.each([
    [
      `https://youtu.be/${LIVE_ID}?t=42`,
      'confirmed',
      [oEmbedRequest(`https://www.youtube.com/watch?v=${LIVE_ID}`)],
    ],
    [
      `https://www.youtube.com/playlist?list=${LIST}`,
      'confirmed',
      [oEmbedRequest(`https://www.youtube.com/playlist?list=${LIST}`)],
    ],
    [
      `https://www.youtube.com/watch?v=${REMOVED_ID}`,
      'broken:video-removed',
      [oEmbedRequest(`https://www.youtube.com/watch?v=${REMOVED_ID}`)],
    ],
    [
      `https://m.youtube.com/watch?v=${PRIVATE_ID}`,
      'unverified:video-private',
      [oEmbedRequest(`https://www.youtube.com/watch?v=${PRIVATE_ID}`)],
    ],
    [
      `https://www.youtube-nocookie.com/embed/${NO_EMBED_ID}`,
      'unverified:embedding-disabled',
      [oEmbedRequest(`https://www.youtube.com/watch?v=${NO_EMBED_ID}`)],
    ],
    [
      `https://www.youtube.com/shorts/${THROTTLED_ID}`,
      'inconclusive',
      [oEmbedRequest(`https://www.youtube.com/watch?v=${THROTTLED_ID}`)],
    ],
    ['https://www.youtube.com/watch?v=too-short', 'broken:video-removed', []],
    [`https://www.bilibili.com/video/${LIVE_BVID}?p=2`, 'confirmed', [viewRequest(LIVE_BVID)]],
    ['https://www.bilibili.com/video/av170001', 'confirmed', [viewRequest(LIVE_BVID)]],
    [
      `https://m.bilibili.com/video/${DELETED_BVID}`,
      'broken:video-removed',
      [viewRequest(DELETED_BVID)],
    ],
    [
      `https://www.bilibili.com/video/${HIDDEN_BVID}`,
      'broken:video-removed',
      [viewRequest(HIDDEN_BVID)],
    ],
    [
      `https://www.bilibili.com/video/${THROTTLED_BVID}`,
      'inconclusive',
      [viewRequest(THROTTLED_BVID)],
    ],
    [
      'https://b23.tv/aBcDeF1',
      'broken:video-removed',
      [
        'https://b23.tv/aBcDeF1',
        `https://www.bilibili.com/video/${DELETED_BVID}/?share_source=copy_web`,
        viewRequest(DELETED_BVID),
      ],
    ],
  ])('%s → %s', async (input, expected, requests) => {
    const runner = createProbeRunner(DEFAULT_PROBES, globalFetch);
    expect(summary(await runner.probe(new URL(input)))).toBe(expected);
    expect(requested).toEqual(requests);
  });

  it('keeps the platform titles', async () => {
    const runner = createProbeRunner(DEFAULT_PROBES, globalFetch);
    await expect(runner.probe(new URL(`https://youtu.be/${LIVE_ID}`))).resolves.toEqual({
      kind: 'confirmed',
      title: "Let's build GPT: from scratch, in code, spelled out.",
    });
    await expect(runner.probe(new URL('https://b23.tv/BV17x411w7KC'))).resolves.toEqual({
      kind: 'confirmed',
      title: '【MV】保加利亚妖王AZIS视频合辑',
    });
  });

  it('asks oEmbed once for a watch URL and a youtu.be link to the same video', async () => {
    const runner = createProbeRunner(DEFAULT_PROBES, globalFetch);
    await runner.probe(new URL(`https://www.youtube.com/watch?v=${LIVE_ID}&list=${LIST}`));
    await runner.probe(new URL(`https://youtu.be/${LIVE_ID}`));
    expect(requested).toEqual([oEmbedRequest(`https://www.youtube.com/watch?v=${LIVE_ID}`)]);
  });
});
