import { describe, expect, it } from 'vitest';
import { fakeProbeFetch } from '../../test/helpers/fake-probe-fetch.js';
import { viewApiUrl } from './bilibili.js';
import {
  createProbeRunner,
  DEFAULT_PROBES,
  findProbe,
  type Probe,
  type ProbeResponse,
  type ProbeTransport,
} from './probe.js';
import { oEmbedUrl } from './youtube.js';

const OEMBED_OK: ProbeResponse = {
  kind: 'response',
  status: 200,
  finalUrl: 'https://www.youtube.com/oembed',
  body: '{"title":"Let\'s build GPT","type":"video"}',
  contentType: 'application/json',
};

/** A probe for `*.example.test` paths `/<key>`, answering confirmed with its name as title. */
function pathProbe(id: string, host: string): Probe {
  return {
    id,
    match: (url) =>
      url.hostname === host ? { probeId: id, key: url.pathname.slice(1), url } : undefined,
    run: async (match, fetch) => {
      await fetch(match.url);
      return { kind: 'confirmed', title: `${id}:${match.key}` };
    },
  };
}

describe('findProbe', () => {
  it.each([
    ['https://www.youtube.com/watch?v=kCc8FmEb1nY', 'youtube'],
    ['https://youtu.be/kCc8FmEb1nY', 'youtube'],
    ['https://www.bilibili.com/video/BV17x411w7KC', 'bilibili'],
    ['https://b23.tv/xYz12Ab', 'bilibili'],
    ['https://example.test/watch?v=kCc8FmEb1nY', undefined],
    ['https://github.com/karpathy/nanoGPT', 'github'],
    ['https://github.com/features/copilot', undefined],
    ['https://huggingface.co/datasets/HuggingFaceFW/fineweb', 'huggingface'],
    ['https://arxiv.org/pdf/1706.03762v7', 'arxiv'],
    ['https://arxiv.org/list/cs.CL/recent', undefined],
  ])('%s → %s', (input, probeId) => {
    expect(findProbe(DEFAULT_PROBES, new URL(input))?.probe.id).toBe(probeId);
  });

  it('takes the first probe in list order that applies', () => {
    const first = pathProbe('first', 'a.example.test');
    const second = pathProbe('second', 'a.example.test');
    expect(findProbe([first, second], new URL('https://a.example.test/x'))?.probe).toBe(first);
    expect(findProbe([second, first], new URL('https://a.example.test/x'))?.probe).toBe(second);
  });
});

describe('createProbeRunner', () => {
  const youtubeApi = oEmbedUrl(new URL('https://www.youtube.com/watch?v=kCc8FmEb1nY')).href;

  it('makes one API call per video even when several URLs name it', async () => {
    const { fetch, requested } = fakeProbeFetch({ [youtubeApi]: OEMBED_OK });
    const runner = createProbeRunner(DEFAULT_PROBES, fetch);
    const verdicts = await Promise.all(
      [
        'https://www.youtube.com/watch?v=kCc8FmEb1nY',
        'https://youtu.be/kCc8FmEb1nY?t=30',
        'https://www.youtube.com/shorts/kCc8FmEb1nY',
      ].map((url) => runner.probe(new URL(url))),
    );
    expect(verdicts).toEqual(Array(3).fill({ kind: 'confirmed', title: "Let's build GPT" }));
    expect(requested).toEqual([youtubeApi]);
  });

  it('asks again for a different video', async () => {
    const { fetch, requested } = fakeProbeFetch();
    const runner = createProbeRunner(DEFAULT_PROBES, fetch);
    await runner.probe(new URL('https://youtu.be/kCc8FmEb1nY'));
    await runner.probe(new URL('https://youtu.be/zjkBMFhNj_g'));
    expect(requested).toHaveLength(2);
  });

  it('keeps an inconclusive verdict too, so a rate-limited API is not asked again', async () => {
    const { fetch, requested } = fakeProbeFetch({
      [youtubeApi]: { ...OEMBED_OK, status: 429, body: undefined },
    });
    const runner = createProbeRunner(DEFAULT_PROBES, fetch);
    const first = await runner.probe(new URL('https://youtu.be/kCc8FmEb1nY'));
    const second = await runner.probe(new URL('https://www.youtube.com/watch?v=kCc8FmEb1nY'));
    expect(first?.kind).toBe('inconclusive');
    expect(second).toBe(first);
    expect(requested).toHaveLength(1);
  });

  it('shares the API call between a b23.tv link and the bvid it expands to', async () => {
    const bilibiliApi = viewApiUrl('BV17x411w7KC').href;
    const { fetch, requested } = fakeProbeFetch({
      'https://b23.tv/xYz12Ab': {
        kind: 'response',
        status: 200,
        finalUrl: 'https://www.bilibili.com/video/BV17x411w7KC/',
        body: '<html></html>',
        contentType: 'text/html',
      },
      [bilibiliApi]: {
        kind: 'response',
        status: 200,
        finalUrl: bilibiliApi,
        body: '{"code":0,"data":{"title":"AZIS"}}',
        contentType: 'application/json',
      },
    });
    const runner = createProbeRunner(DEFAULT_PROBES, fetch);
    await runner.probe(new URL('https://www.bilibili.com/video/av170001'));
    await runner.probe(new URL('https://b23.tv/xYz12Ab'));
    expect(requested).toEqual([bilibiliApi, 'https://b23.tv/xYz12Ab']);
  });

  it('keys the cache by probe as well as key', async () => {
    const { fetch, requested } = fakeProbeFetch();
    const runner = createProbeRunner(
      [pathProbe('a', 'a.example.test'), pathProbe('b', 'b.example.test')],
      fetch,
    );
    const verdicts = await Promise.all([
      runner.probe(new URL('https://a.example.test/same')),
      runner.probe(new URL('https://b.example.test/same')),
    ]);
    expect(verdicts.map((verdict) => verdict?.kind === 'confirmed' && verdict.title)).toEqual([
      'a:same',
      'b:same',
    ]);
    expect(requested).toHaveLength(2);
  });

  it('answers undefined, without a request, where no probe applies', async () => {
    const { fetch, requested } = fakeProbeFetch();
    const runner = createProbeRunner(DEFAULT_PROBES, fetch);
    await expect(runner.probe(new URL('https://example.test/video'))).resolves.toBeUndefined();
    expect(requested).toEqual([]);
  });

  it("asks each URL with the asking probe's own headers (Bilibili's Referer on its API only)", async () => {
    const asked: { url: string; headers: Readonly<Record<string, string>> }[] = [];
    const transport: ProbeTransport = (url, headersFor) => {
      asked.push({ url: url.href, headers: headersFor(url) });
      return Promise.resolve({ kind: 'failure', reason: 'offline in this test' });
    };
    const runner = createProbeRunner(DEFAULT_PROBES, transport);
    await runner.probe(new URL('https://www.bilibili.com/video/BV1GJ411x7h7'));
    await runner.probe(new URL('https://youtu.be/kCc8FmEb1nY'));
    expect(asked).toEqual([
      {
        url: viewApiUrl('BV1GJ411x7h7').href,
        headers: { referer: 'https://www.bilibili.com/' },
      },
      { url: youtubeApi, headers: {} },
    ]);
  });
});
