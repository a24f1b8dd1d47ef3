/**
 * Platform probes through the whole run, on real sockets: a removed YouTube video and a deleted
 * Bilibili video whose pages still answer 200 are reported broken; live ones stay ok with the
 * platform's own title. youtube.com and bilibili.com are local servers here (--connect-to style
 * map, test CA); nothing leaves 127.0.0.1.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { delay, http, HttpResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveOptions } from '../../src/options.js';
import { parseRoadmap } from '../../src/roadmap/load.js';
import { runCheck } from '../../src/run.js';
import { startWebServer, type WebServer } from '../helpers/web-server.js';

const LIVE_VIDEO = 'aircAruvnKk';
const REMOVED_VIDEO = 'zzzzzzzzzzz';
const LIVE_BV = 'BV17x411w7KC';
const DELETED_BV = 'BV1xx411c7mD';

const roadmapText = `
version: 1
title: probes
sections:
  - id: '1'
    title: videos
    resources:
      - { id: yt-live, title: 神经网络, url: 'https://www.youtube.com/watch?v=${LIVE_VIDEO}', kind: video }
      - { id: yt-live-short, title: 神经网络 (short link), url: 'https://youtu.be/${LIVE_VIDEO}', kind: video }
      - { id: yt-removed, title: 已删除, url: 'https://www.youtube.com/watch?v=${REMOVED_VIDEO}', kind: video }
      - { id: bili-live, title: B站, url: 'https://www.bilibili.com/video/${LIVE_BV}', kind: video }
      - { id: bili-deleted, title: B站已删除, url: 'https://www.bilibili.com/video/${DELETED_BV}/', kind: video }
`;

/** A watch page answers 200 whatever became of the video: that is why probes exist. */
const page = () =>
  HttpResponse.html('<html><head><title>YouTube</title></head><body>video</body></html>');

const handlers = [
  http.get('https://www.youtube.com/watch', page),
  http.get(
    'https://youtu.be/:id',
    ({ params }) =>
      new HttpResponse(null, {
        status: 303,
        headers: { location: `https://www.youtube.com/watch?v=${String(params.id)}` },
      }),
  ),
  http.get('https://www.youtube.com/oembed', ({ request }) => {
    const target = new URL(new URL(request.url).searchParams.get('url') ?? '');
    return target.searchParams.get('v') === LIVE_VIDEO
      ? HttpResponse.json({ title: 'But what is a neural network?', type: 'video' })
      : new HttpResponse('Not Found', { status: 404 });
  }),
  http.get('https://www.bilibili.com/video/:bvid', () =>
    HttpResponse.html('<html><head><title>哔哩哔哩</title></head><body></body></html>'),
  ),
  http.get('https://api.bilibili.com/x/web-interface/view', ({ request }) => {
    const bvid = new URL(request.url).searchParams.get('bvid');
    return bvid === LIVE_BV
      ? HttpResponse.json({
          code: 0,
          message: '0',
          data: { bvid, title: '【官方双语】深度学习之神经网络的结构' },
        })
      : HttpResponse.json({ code: -404, message: '啥都木有', ttl: 1 });
  }),
];

const names = ['www.youtube.com', 'youtu.be', 'www.bilibili.com', 'api.bilibili.com'];
const caFile = fileURLToPath(new URL('../fixtures/tls/ca.pem', import.meta.url));

let server: WebServer;
let out: string;

beforeAll(async () => {
  server = await startWebServer(handlers, { tls: 'valid' });
  out = await mkdtemp(join(tmpdir(), 'curate-probes-'));
});

afterAll(async () => {
  await server.close();
  await rm(out, { recursive: true, force: true });
});

/** The run's options: `names` pointed at a local HTTPS server, trusted through the test CA. */
function optionsFor(
  names: readonly string[],
  port: number,
  settings?: Parameters<typeof resolveOptions>[1],
): ReturnType<typeof resolveOptions> {
  return resolveOptions(
    {
      out,
      retries: '0',
      allowPrivate: true,
      caFile,
      quiet: true,
      connectTo: names.map((name) => `${name}:443:127.0.0.1:${String(port)}`),
    },
    settings,
    {},
  );
}

describe('platform probes in a run', () => {
  it('reports removed and deleted videos broken although their pages answer 200', async () => {
    const options = optionsFor(names, server.port);
    const { report } = await runCheck(parseRoadmap(roadmapText, 'probes.yaml'), options, {
      toolVersion: 'test',
      now: () => new Date('2026-11-28T00:00:00Z'),
    });

    const byId = Object.fromEntries(report.results.map((result) => [result.id, result]));
    expect(byId['yt-live']).toMatchObject({
      outcome: { status: 'ok' },
      pageTitle: 'But what is a neural network?',
    });
    expect(byId['yt-live-short']).toMatchObject({
      outcome: { status: 'ok' },
      pageTitle: 'But what is a neural network?',
    });
    expect(byId['yt-removed']).toMatchObject({
      outcome: { status: 'broken', reason: 'video-removed' },
    });
    expect(byId['bili-live']).toMatchObject({
      outcome: { status: 'ok' },
      pageTitle: '【官方双语】深度学习之神经网络的结构',
    });
    expect(byId['bili-deleted']).toMatchObject({
      outcome: { status: 'broken', reason: 'video-removed' },
    });

    // One API call per video, even when two URLs name the same one.
    const apiCalls = server.requests
      .map((request) => new URL(request.url))
      .filter((url) => url.pathname === '/oembed' || url.pathname === '/x/web-interface/view');
    expect(apiCalls).toHaveLength(4);
    expect(
      server.requests.find((request) => request.url.includes('/x/web-interface/view'))?.headers
        .referer,
    ).toBe('https://www.bilibili.com/');
  });

  it("keeps a host's own limit for its API calls too: oEmbed on www.youtube.com takes a www.youtube.com slot", async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const counting = (ms: number, answer: () => Response) => async (): Promise<Response> => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await delay(ms);
      inFlight -= 1;
      return answer();
    };
    const youtube = await startWebServer(
      [
        http.get('https://www.youtube.com/watch', counting(50, page)),
        http.get(
          'https://www.youtube.com/oembed',
          counting(200, () => HttpResponse.json({ title: 'A video', type: 'video' })),
        ),
      ],
      { tls: 'valid' },
    );
    const videos = ['aircAruvnKk', 'bircAruvnKk', 'circAruvnKk', 'dircAruvnKk'];
    const text = [
      'version: 1',
      'title: one at a time',
      'settings:',
      '  hosts:',
      '    www.youtube.com: { perHost: 1 }',
      'sections:',
      "  - id: '1'",
      '    title: videos',
      '    resources:',
      ...videos.map(
        (video, index) =>
          `      - { id: v${String(index)}, title: v, url: 'https://www.youtube.com/watch?v=${video}', kind: video }`,
      ),
    ].join('\n');
    const loaded = parseRoadmap(text, 'slots.yaml');
    const options = optionsFor(['www.youtube.com'], youtube.port, loaded.roadmap.settings);
    try {
      const { report } = await runCheck(loaded, options, {
        toolVersion: 'test',
        now: () => new Date('2026-11-28T00:00:00Z'),
      });
      expect(report.summary.ok).toBe(4);
    } finally {
      await youtube.close();
    }
    // Watch pages and oEmbed calls together: never more than the host's limit at once.
    expect(maxInFlight).toBe(1);
  });
});
