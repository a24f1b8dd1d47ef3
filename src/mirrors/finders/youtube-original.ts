/**
 * What the original is, read from YouTube itself: a watch page's `ytInitialPlayerResponse`
 * (`videoDetails.lengthSeconds`, `title`, `author`), or a playlist page's videos and their
 * lengths. Without these, a Bilibili hit cannot be compared, so the finder says it could not
 * search rather than guess from titles alone.
 */
import { isJsonObject, stringField } from '../../probes/json-body.js';
import { canonicalYouTubeUrl, type YouTubeTarget } from '../../probes/youtube.js';
import { sliceJsonObject } from '../../probes/youtube-playability.js';
import { answerOfFailedResponse, type FinderAnswer, type FinderFetch } from '../finder.js';
import type { OriginalVideo } from './video-match.js';

const PLAYER_MARKER = /ytInitialPlayerResponse\s*=\s*\{/;
const PLAYLIST_ITEM = '"playlistVideoRenderer"';
const LENGTH_FIELD = /"lengthSeconds"\s*:\s*"?(\d+)"?/;
const OG_TITLE = /<meta\s+(?:property|name)="og:title"\s+content="([^"]*)"/i;

/** The original, or why it could not be read. */
export type OriginalAnswer =
  | { kind: 'original'; original: OriginalVideo }
  | Extract<FinderAnswer, { kind: 'could-not-search' }>;

/** Reads the original's length and title from its YouTube page. */
export async function readYouTubeOriginal(
  target: YouTubeTarget,
  fallback: { title: string; author: string | undefined },
  fetch: FinderFetch,
): Promise<OriginalAnswer> {
  const page = canonicalYouTubeUrl(target);
  const response = await fetch(page);
  const what = `YouTube ${target.kind} page`;
  if (response.kind !== 'response' || response.status !== 200 || response.body === undefined) {
    return answerOfFailedResponse(response, what);
  }
  const original =
    target.kind === 'video'
      ? readWatchPage(response.body, fallback)
      : readPlaylistPage(response.body, fallback);
  return original === undefined
    ? {
        kind: 'could-not-search',
        reason: 'changed-api',
        detail: `${what} ${page.href} has no video lengths curate can read`,
      }
    : { kind: 'original', original };
}

/** A watch page's video, or undefined when its player response has no length. */
export function readWatchPage(
  html: string,
  fallback: { title: string; author: string | undefined },
): OriginalVideo | undefined {
  const marker = PLAYER_MARKER.exec(html);
  if (marker === null) return undefined;
  const objectText = sliceJsonObject(html.slice(marker.index + marker[0].length - 1));
  if (objectText === undefined) return undefined;
  let player: unknown;
  try {
    player = JSON.parse(objectText);
  } catch {
    return undefined;
  }
  const details = isJsonObject(player) ? player.videoDetails : undefined;
  if (!isJsonObject(details)) return undefined;
  const seconds = Number(stringField(details, 'lengthSeconds'));
  if (!Number.isInteger(seconds) || seconds <= 0) return undefined;
  return {
    kind: 'video',
    title: stringField(details, 'title') ?? fallback.title,
    author: stringField(details, 'author') ?? fallback.author,
    durationSeconds: seconds,
  };
}

/** A playlist page's videos (count and total length), or undefined when none has a length. */
export function readPlaylistPage(
  html: string,
  fallback: { title: string; author: string | undefined },
): OriginalVideo | undefined {
  const lengths = html
    .split(PLAYLIST_ITEM)
    .slice(1)
    .map((chunk) => Number(LENGTH_FIELD.exec(chunk)?.[1]));
  if (lengths.length === 0 || lengths.some((seconds) => !Number.isInteger(seconds))) {
    return undefined;
  }
  return {
    kind: 'playlist',
    title: decodeEntities(OG_TITLE.exec(html)?.[1]) ?? fallback.title,
    author: fallback.author,
    partCount: lengths.length,
    totalSeconds: lengths.reduce((sum, seconds) => sum + seconds, 0),
  };
}

function decodeEntities(text: string | undefined): string | undefined {
  if (text === undefined || text === '') return undefined;
  return text
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}
