/**
 * The YouTube probe. A removed, private or embedding-disabled video still answers 200 on its
 * watch page, so the probe asks the oEmbed endpoint, which answers with a status that means
 * something: 404/400 gone, 401 embedding disabled, 403 private, 200 with the real title.
 */
import { parseJsonObject, stringField } from './json-body.js';
import type { Probe, ProbeMatch, ProbeResponse, ProbeVerdict } from './probe.js';

/** What a YouTube URL points at. */
export type YouTubeTarget = { kind: 'video' | 'playlist'; id: string };

const PROBE_ID = 'youtube';
const OEMBED_ENDPOINT = 'https://www.youtube.com/oembed';

const SITE_HOSTS: ReadonlySet<string> = new Set([
  'youtube.com',
  'www.youtube.com',
  'm.youtube.com',
  'music.youtube.com',
]);
const SHORT_HOSTS: ReadonlySet<string> = new Set(['youtu.be', 'www.youtu.be']);
const NOCOOKIE_HOSTS: ReadonlySet<string> = new Set([
  'youtube-nocookie.com',
  'www.youtube-nocookie.com',
]);
/** Path prefixes whose next segment is a video id (`/v/` is the old Flash embed). */
const ID_PATHS: ReadonlySet<string> = new Set(['shorts', 'embed', 'live', 'v']);

const VIDEO_ID_PATTERN = /^[A-Za-z0-9_-]{11}$/;
const PLAYLIST_ID_PATTERN = /^[A-Za-z0-9_-]+$/;
/**
 * Lists that oEmbed cannot speak for: the signed-in user's Watch Later (WL), Liked (LL, LM) and
 * generated mixes (RD…), which exist only for the person who opened them.
 */
const PERSONAL_PLAYLIST_PATTERN = /^(?:WL|LL|LM|RD)/;

/** Whether `id` is spelled like a YouTube video id: 11 characters of `[A-Za-z0-9_-]`. */
export function isYouTubeVideoId(id: string): boolean {
  return VIDEO_ID_PATTERN.test(id);
}

/**
 * The video or playlist a URL opens, or undefined for other YouTube pages (channels, search)
 * and other hosts. A video id is returned as written, valid or not; `v=` wins over `list=`.
 */
export function parseYouTubeUrl(url: URL): YouTubeTarget | undefined {
  const host = url.hostname.toLowerCase();
  const segments = url.pathname.split('/').filter((segment) => segment !== '');
  const [first, second] = segments;
  const videoParam = url.searchParams.get('v');
  const list = playlistOf(url.searchParams.get('list'));

  if (SHORT_HOSTS.has(host)) {
    return first === undefined ? undefined : { kind: 'video', id: first };
  }
  if (NOCOOKIE_HOSTS.has(host)) {
    return first === 'embed' ? embedTarget(second, list) : undefined;
  }
  if (!SITE_HOSTS.has(host) || first === undefined) {
    return undefined;
  }
  if (first === 'watch') {
    return videoParam === null ? list : { kind: 'video', id: videoParam };
  }
  if (first === 'playlist') {
    return list;
  }
  if (first === 'embed') {
    return embedTarget(second, list);
  }
  return ID_PATHS.has(first) && second !== undefined ? { kind: 'video', id: second } : undefined;
}

/** `/embed/ID` is a video; `/embed/videoseries?list=` (or `/embed?list=`) a playlist. */
function embedTarget(id: string | undefined, list: YouTubeTarget | undefined) {
  return id === undefined || id === 'videoseries' ? list : { kind: 'video' as const, id };
}

function playlistOf(list: string | null): YouTubeTarget | undefined {
  if (list === null || !PLAYLIST_ID_PATTERN.test(list) || PERSONAL_PLAYLIST_PATTERN.test(list)) {
    return undefined;
  }
  return { kind: 'playlist', id: list };
}

/** The one URL oEmbed is asked about: the plain watch or playlist page on www.youtube.com. */
export function canonicalYouTubeUrl(target: YouTubeTarget): URL {
  const url =
    target.kind === 'video'
      ? new URL('https://www.youtube.com/watch')
      : new URL('https://www.youtube.com/playlist');
  url.searchParams.set(target.kind === 'video' ? 'v' : 'list', target.id);
  return url;
}

/** The oEmbed request for a canonical watch or playlist URL. */
export function oEmbedUrl(canonical: URL): URL {
  const url = new URL(OEMBED_ENDPOINT);
  url.searchParams.set('url', canonical.href);
  url.searchParams.set('format', 'json');
  return url;
}

/** What an oEmbed answer says about a video or playlist. */
export function readOEmbedVerdict(
  response: ProbeResponse,
  kind: YouTubeTarget['kind'],
): ProbeVerdict {
  if (response.kind === 'failure') {
    return { kind: 'inconclusive', detail: `YouTube oEmbed not reachable: ${response.reason}` };
  }
  const { status } = response;
  const subject = kind === 'video' ? 'video' : 'playlist';
  switch (status) {
    case 200: {
      const json = parseJsonObject(response.body);
      return json === undefined
        ? { kind: 'inconclusive', detail: 'YouTube oEmbed answered 200 without JSON' }
        : { kind: 'confirmed', title: stringField(json, 'title') };
    }
    case 404:
      return removed(`YouTube oEmbed 404: the ${subject} was removed or never existed`);
    case 400:
      // oEmbed rejects ids it cannot parse with 400; a valid-looking id that 400s is gone too.
      return removed(
        `YouTube oEmbed 400: the ${subject} id is not valid, or the ${subject} is gone`,
      );
    case 401:
      return unverified(
        'embedding-disabled',
        `YouTube oEmbed 401: the uploader disabled embedding; the ${subject} may still play on youtube.com`,
      );
    case 403:
      return unverified('video-private', `YouTube oEmbed 403: the ${subject} is private`);
    case 429:
      return { kind: 'inconclusive', detail: 'YouTube oEmbed rate limited (429); try again later' };
    default:
      return {
        kind: 'inconclusive',
        detail:
          status >= 500
            ? `YouTube oEmbed failed (${status}); try again later`
            : `YouTube oEmbed answered an unexpected ${status}`,
      };
  }
}

function removed(detail: string): ProbeVerdict {
  return { kind: 'outcome', outcome: { status: 'broken', reason: 'video-removed', detail } };
}

function unverified(reason: 'embedding-disabled' | 'video-private', detail: string): ProbeVerdict {
  return { kind: 'outcome', outcome: { status: 'unverified', reason, detail } };
}

/** Matches watch, youtu.be, shorts, embed, live, playlist URLs and asks oEmbed about them. */
export const youtubeProbe: Probe = {
  id: PROBE_ID,
  match(url): ProbeMatch | undefined {
    const target = parseYouTubeUrl(url);
    if (target === undefined) {
      return undefined;
    }
    const key = target.kind === 'video' ? target.id : `list:${target.id}`;
    return { probeId: PROBE_ID, key, url: canonicalYouTubeUrl(target) };
  },
  async run(match, fetch) {
    const target = parseYouTubeUrl(match.url);
    if (target === undefined) {
      return { kind: 'inconclusive', detail: `not a YouTube video or playlist: ${match.url.href}` };
    }
    // Every YouTube video id has 11 characters; anything else cannot open, so no request.
    if (target.kind === 'video' && !isYouTubeVideoId(target.id)) {
      return removed(
        `invalid video id: ${JSON.stringify(target.id)} is not 11 characters of [A-Za-z0-9_-]`,
      );
    }
    return readOEmbedVerdict(await fetch(oEmbedUrl(match.url)), target.kind);
  },
};
