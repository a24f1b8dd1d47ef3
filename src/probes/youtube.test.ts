import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fakeProbeFetch } from '../../test/helpers/fake-probe-fetch.js';
import { itDoesNotApplyTo, itMatchesAs } from '../../test/helpers/probe-match.js';
import { assertNever } from '../domain.js';
import type { ProbeResponse, ProbeVerdict } from './probe.js';
import { oEmbedUrl, readOEmbedVerdict, youtubeProbe } from './youtube.js';

function fixture(name: string): string {
  return readFileSync(new URL(`../../test/fixtures/probes/${name}`, import.meta.url), 'utf8');
}

const ID = 'kCc8FmEb1nY';
const LIST = 'PLAqhIrjkxbuWI23v9cThsA9GvCAUhRvKZ';
const WATCH = `https://www.youtube.com/watch?v=${ID}`;
const PLAYLIST = `https://www.youtube.com/playlist?list=${LIST}`;

describe('youtubeProbe.match', () => {
  itMatchesAs(youtubeProbe, [
    [`https://www.youtube.com/watch?v=${ID}`, ID, WATCH],
    [`https://youtube.com/watch?v=${ID}&t=42s`, ID, WATCH],
    [`https://m.youtube.com/watch?v=${ID}&feature=share`, ID, WATCH],
    [`https://music.youtube.com/watch?v=${ID}`, ID, WATCH],
    [`https://youtu.be/${ID}`, ID, WATCH],
    [`https://youtu.be/${ID}?si=AbCdEf&t=10`, ID, WATCH],
    [`https://www.youtube.com/shorts/${ID}`, ID, WATCH],
    [`https://www.youtube.com/embed/${ID}?start=30`, ID, WATCH],
    [`https://www.youtube.com/live/${ID}?feature=shared`, ID, WATCH],
    [`https://www.youtube.com/v/${ID}`, ID, WATCH],
    [`https://www.youtube-nocookie.com/embed/${ID}`, ID, WATCH],
    // v= wins over list=: the link opens the video, inside the playlist.
    [`https://www.youtube.com/watch?v=${ID}&list=${LIST}&index=3`, ID, WATCH],
    [`https://www.youtube.com/playlist?list=${LIST}`, `list:${LIST}`, PLAYLIST],
    [`https://www.youtube.com/watch?list=${LIST}`, `list:${LIST}`, PLAYLIST],
    [`https://music.youtube.com/playlist?list=${LIST}`, `list:${LIST}`, PLAYLIST],
    [`https://www.youtube.com/embed/videoseries?list=${LIST}`, `list:${LIST}`, PLAYLIST],
    [`https://www.youtube-nocookie.com/embed/videoseries?list=${LIST}`, `list:${LIST}`, PLAYLIST],
    // A malformed id still matches, so that run() can call it broken.
    ['https://youtu.be/abc', 'abc', 'https://www.youtube.com/watch?v=abc'],
    ['https://www.youtube.com/watch?v=', '', 'https://www.youtube.com/watch?v='],
  ]);

  itDoesNotApplyTo(youtubeProbe, [
    'https://www.youtube.com/',
    'https://www.youtube.com/@AndrejKarpathy',
    'https://www.youtube.com/results?search_query=transformers',
    'https://www.youtube.com/watch',
    'https://www.youtube.com/shorts/',
    'https://youtu.be/',
    'https://www.youtube-nocookie.com/watch?v=kCc8FmEb1nY',
    // Personal lists and generated mixes exist only for whoever opened them.
    'https://www.youtube.com/playlist?list=WL',
    'https://www.youtube.com/playlist?list=LL',
    'https://www.youtube.com/watch?list=RDkCc8FmEb1nY',
    'https://www.youtube.com/playlist?list=PL%20bad',
    'https://notyoutube.com/watch?v=kCc8FmEb1nY',
    'https://www.youtube.com.example.test/watch?v=kCc8FmEb1nY',
  ]);
});

describe('oEmbedUrl', () => {
  it('asks about the canonical URL, percent-encoded, in JSON', () => {
    const url = oEmbedUrl(new URL(WATCH));
    expect(url.origin + url.pathname).toBe('https://www.youtube.com/oembed');
    expect(url.searchParams.get('url')).toBe(WATCH);
    expect(url.searchParams.get('format')).toBe('json');
    expect(url.search).toContain(`url=https%3A%2F%2Fwww.youtube.com%2Fwatch%3Fv%3D${ID}`);
  });
});

function answer(status: number, body?: string): ProbeResponse {
  return {
    kind: 'response',
    status,
    finalUrl: 'https://www.youtube.com/oembed',
    body,
    contentType: body?.startsWith('{') === true ? 'application/json' : 'text/html',
  };
}

/** The verdict in one comparable word: `confirmed`, `broken:video-removed`, `inconclusive`. */
function summary(verdict: ProbeVerdict): string {
  switch (verdict.kind) {
    case 'confirmed':
    case 'inconclusive':
      return verdict.kind;
    case 'outcome':
      return `${verdict.outcome.status}:${verdict.outcome.reason}`;
    default:
      return assertNever(verdict);
  }
}

/** The detail a verdict carries, if any. */
function detailOf(verdict: ProbeVerdict): string | undefined {
  if (verdict.kind === 'inconclusive') {
    return verdict.detail;
  }
  return verdict.kind === 'outcome' && 'detail' in verdict.outcome
    ? verdict.outcome.detail
    : undefined;
}

describe('readOEmbedVerdict', () => {
  it.each<[string, ProbeResponse, string]>([
    ['200 without a title', answer(200, '{"type":"video"}'), 'confirmed'],
    [
      '200 that is not JSON (a consent page)',
      answer(200, '<html>Before you continue</html>'),
      'inconclusive',
    ],
    ['404: removed', answer(404, 'Not Found'), 'broken:video-removed'],
    ['400: invalid id', answer(400, 'Bad Request'), 'broken:video-removed'],
    ['401: embedding disabled', answer(401, 'Unauthorized'), 'unverified:embedding-disabled'],
    ['403: private', answer(403, 'Forbidden'), 'unverified:video-private'],
    ['429: rate limited', answer(429), 'inconclusive'],
    ['500', answer(500), 'inconclusive'],
    ['503', answer(503), 'inconclusive'],
    ['an unexpected 410', answer(410), 'inconclusive'],
    ['a network failure', { kind: 'failure', reason: 'reset' }, 'inconclusive'],
  ])('%s → %s', (_name, response, expected) => {
    expect(summary(readOEmbedVerdict(response, 'video'))).toBe(expected);
  });

  it('keeps the title of a 200', () => {
    expect(readOEmbedVerdict(answer(200, fixture('youtube-oembed-200.json')), 'video')).toEqual({
      kind: 'confirmed',
      title: "Let's build GPT: from scratch, in code, spelled out.",
    });
  });

  it('has no title for a 200 without one', () => {
    expect(readOEmbedVerdict(answer(200, '{"type":"video"}'), 'video')).toEqual({
      kind: 'confirmed',
      title: undefined,
    });
  });

  it.each([
    [404, 'removed or never existed'],
    [400, 'not valid'],
    [401, 'disabled embedding'],
    [403, 'private'],
  ])('says why in the detail of a %i', (status, words) => {
    const verdict = readOEmbedVerdict(answer(status), 'playlist');
    const detail = detailOf(verdict);
    expect(detail).toContain(words);
    expect(detail).toContain('playlist');
  });
});

describe('youtubeProbe.run', () => {
  it('asks oEmbed once about the canonical URL and keeps the title', async () => {
    const { fetch, requested } = fakeProbeFetch(
      {},
      answer(200, fixture('youtube-oembed-200.json')),
    );
    const match = youtubeProbe.match(new URL(`https://youtu.be/${ID}?t=5`))!;
    await expect(youtubeProbe.run(match, fetch)).resolves.toMatchObject({ kind: 'confirmed' });
    expect(requested).toEqual([oEmbedUrl(new URL(WATCH)).href]);
  });

  it('asks about the playlist page for a playlist', async () => {
    const { fetch, requested } = fakeProbeFetch(
      {},
      answer(200, fixture('youtube-oembed-playlist-200.json')),
    );
    const match = youtubeProbe.match(new URL(`https://www.youtube.com/watch?list=${LIST}`))!;
    await expect(youtubeProbe.run(match, fetch)).resolves.toEqual({
      kind: 'confirmed',
      title: 'Neural Networks: Zero to Hero',
    });
    expect(requested).toEqual([oEmbedUrl(new URL(PLAYLIST)).href]);
  });

  it.each(['abc', `${ID}x`, 'kCc8FmEb1n!', ''])(
    'calls the malformed id %j broken without a request',
    async (id) => {
      const { fetch, requested } = fakeProbeFetch(
        {},
        answer(200, fixture('youtube-oembed-200.json')),
      );
      const match = youtubeProbe.match(
        new URL(`https://www.youtube.com/watch?v=${encodeURIComponent(id)}`),
      )!;
      const verdict = await youtubeProbe.run(match, fetch);
      expect(summary(verdict)).toBe('broken:video-removed');
      expect(detailOf(verdict)).toMatch(/^invalid video id/);
      expect(requested).toEqual([]);
    },
  );
});
