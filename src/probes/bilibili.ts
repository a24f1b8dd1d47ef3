/**
 * The Bilibili probe. A deleted video's page still answers 200, so the probe asks the
 * `x/web-interface/view` API, whose JSON `code` says what became of the video. `av` links are
 * converted to a bvid offline; b23.tv short links are expanded by following their redirect.
 *
 * A multi-part video (分P) is one bvid with several pages; `?p=N` opens part N. The view API
 * lists them in `data.pages` (and counts them in `data.videos`). A `?p` beyond that count
 * still answers 200 and plays part 1, so the link no longer points at what it named:
 *
 * | view API answer                          | `?p=N` in the link | verdict                   |
 * | ---------------------------------------- | ------------------ | ------------------------- |
 * | code 0, N ≤ parts                        | yes                | confirmed, video title    |
 * | code 0, N > parts                        | yes                | broken `part-missing`     |
 * | code 0, neither `pages` nor `videos`     | yes                | confirmed (nothing to compare) |
 * | code 0                                   | no                 | confirmed                 |
 *
 * Parts are the larger of `pages.length` and `videos`.
 */
import { assertNever } from '../domain.js';
import type { UnverifiedPlatformReason } from '../outcome/model.js';
import { avToBv, isBvid } from './bilibili-id.js';
import { withoutHash } from './page-probe.js';
import { isJsonObject, parseJsonObject, stringField, type JsonObject } from './json-body.js';
import type { Probe, ProbeFetch, ProbeMatch, ProbeResponse, ProbeVerdict } from './probe.js';
import { plural } from '../text/plural.js';

/** What a Bilibili URL points at. */
export type BilibiliTarget =
  /** `part` is the `?p=N` page of a multi-part video, kept in the canonical URL. */
  | { kind: 'video'; bvid: string; part: number | undefined }
  /** A video path whose id cannot be any video (a misspelt bvid, av0). */
  | { kind: 'invalid-id'; id: string }
  /** A b23.tv link whose target is only known after following its redirect. */
  | { kind: 'short-link'; url: URL };

const PROBE_ID = 'bilibili';
const API_HOST = 'api.bilibili.com';
const VIEW_ENDPOINT = `https://${API_HOST}/x/web-interface/view`;
const API_HEADERS: Readonly<Record<string, string>> = { referer: 'https://www.bilibili.com/' };

const SITE_HOSTS: ReadonlySet<string> = new Set([
  'bilibili.com',
  'www.bilibili.com',
  'm.bilibili.com',
]);
const PLAYER_HOST = 'player.bilibili.com';
/** bili2233.cn is the domain b23.tv links are also shared under. */
const SHORT_HOSTS: ReadonlySet<string> = new Set(['b23.tv', 'www.b23.tv', 'bili2233.cn']);

const AV_PATTERN = /^av(\d{1,20})$/i;
const BV_PREFIX_PATTERN = /^bv/i;
const PART_PATTERN = /^[1-9]\d{0,4}$/;

/**
 * The video a Bilibili URL opens, or undefined for other pages (channels, live rooms, search).
 * Paths: `/video/BV…`, `/video/av…`, `/s/video/…` on www/m.bilibili.com, `player.html?bvid=`
 * or `?aid=` on player.bilibili.com, and any path on b23.tv.
 */
export function parseBilibiliUrl(url: URL): BilibiliTarget | undefined {
  const host = url.hostname.toLowerCase();
  const segments = url.pathname.split('/').filter((segment) => segment !== '');
  const part = partOf(url.searchParams.get('p'));

  if (SHORT_HOSTS.has(host)) {
    const [code] = segments;
    if (code === undefined) {
      return undefined;
    }
    return videoOf(code, part) ?? { kind: 'short-link', url: withoutHash(url) };
  }
  if (host === PLAYER_HOST) {
    const bvid = url.searchParams.get('bvid');
    const aid = url.searchParams.get('aid');
    const id = bvid ?? (aid === null ? undefined : `av${aid}`);
    return id === undefined ? undefined : videoOf(id, part);
  }
  if (!SITE_HOSTS.has(host)) {
    return undefined;
  }
  const videoIndex = segments[0] === 's' ? 1 : 0;
  const id = segments[videoIndex + 1];
  return segments[videoIndex] === 'video' && id !== undefined ? videoOf(id, part) : undefined;
}

/** A path segment as a video: a bvid, an `av` number, a malformed one of those, or neither. */
function videoOf(id: string, part: number | undefined): BilibiliTarget | undefined {
  const av = AV_PATTERN.exec(id)?.[1];
  if (av !== undefined) {
    const bvid = avToBv(BigInt(av));
    return bvid === undefined ? { kind: 'invalid-id', id } : { kind: 'video', bvid, part };
  }
  if (!BV_PREFIX_PATTERN.test(id)) {
    return undefined;
  }
  // The prefix is case-insensitive on the site; the nine digits after it are not.
  const bvid = `BV${id.slice(2)}`;
  return isBvid(bvid) ? { kind: 'video', bvid, part } : { kind: 'invalid-id', id };
}

function partOf(value: string | null): number | undefined {
  return value !== null && PART_PATTERN.test(value) ? Number(value) : undefined;
}

/** The video page as the site itself links it, with the part number when one was given. */
export function canonicalBilibiliUrl(bvid: string, part: number | undefined): URL {
  const url = new URL(`https://www.bilibili.com/video/${bvid}/`);
  if (part !== undefined) {
    url.searchParams.set('p', String(part));
  }
  return url;
}

/** The view API request for one video. */
export function viewApiUrl(bvid: string): URL {
  const url = new URL(VIEW_ENDPOINT);
  url.searchParams.set('bvid', bvid);
  return url;
}

/**
 * The view API's codes and what they mean for a learner (bilibili-API-collect,
 * docs/video/info.md). Risk-control codes are inconclusive: a throttled probe must never make a
 * live video look dead.
 */
const CODE_VERDICTS: ReadonlyMap<number, ProbeVerdict> = new Map<number, ProbeVerdict>([
  [-404, removed('Bilibili API code -404: the video does not exist (deleted, or never published)')],
  [62002, removed('Bilibili API code 62002: the video is no longer visible (稿件不可见)')],
  [-403, unverified('login-wall', 'Bilibili API code -403: only logged-in users can see it')],
  [62003, unverified('scheduled', 'Bilibili API code 62003: approved, waiting to be published')],
  [62004, unverified('under-review', 'Bilibili API code 62004: the video is under review')],
  [62012, unverified('video-private', 'Bilibili API code 62012: visible to the uploader only')],
  [-352, rateLimited(-352)],
  [-412, rateLimited(-412)],
]);

function removed(detail: string): ProbeVerdict {
  return { kind: 'outcome', outcome: { status: 'broken', reason: 'video-removed', detail } };
}

function unverified(reason: UnverifiedPlatformReason, detail: string): ProbeVerdict {
  return { kind: 'outcome', outcome: { status: 'unverified', reason, detail } };
}

function rateLimited(code: number): ProbeVerdict {
  return {
    kind: 'inconclusive',
    detail: `Bilibili API code ${code}: rate limited by risk control; try again later`,
  };
}

/**
 * How many parts the view API says a video has, or undefined when it does not say. `pages` and
 * `videos` agree on a well-formed answer; when they do not, the larger count is believed, so a
 * truncated list never makes a real part look missing.
 */
function partCountOf(data: JsonObject): number | undefined {
  const pages = data['pages'];
  const listed = Array.isArray(pages) ? pages.length : 0;
  const videos = data['videos'];
  const counted = typeof videos === 'number' && Number.isInteger(videos) ? videos : 0;
  const parts = Math.max(listed, counted);
  return parts > 0 ? parts : undefined;
}

/** `broken: part-missing` when the link's `?p` lies beyond the video's parts, else undefined. */
function missingPartVerdict(
  data: JsonObject,
  part: number | undefined,
  title: string | undefined,
): ProbeVerdict | undefined {
  const parts = partCountOf(data);
  if (part === undefined || parts === undefined || part <= parts) return undefined;
  const detail = `Bilibili view API: the video has ${plural(parts, 'part')}; ?p=${part} is beyond them`;
  return {
    kind: 'outcome',
    outcome: { status: 'broken', reason: 'part-missing', detail },
    ...(title === undefined ? {} : { title }),
  };
}

/** What a view API answer says about a video, and about its `?p=N` part when the link names one. */
export function readViewVerdict(response: ProbeResponse, part?: number): ProbeVerdict {
  if (response.kind === 'failure') {
    return { kind: 'inconclusive', detail: `Bilibili API not reachable: ${response.reason}` };
  }
  const json = parseJsonObject(response.body);
  const code = json?.['code'];
  if (typeof code !== 'number') {
    // Risk control sometimes answers 412 with an HTML page instead of a JSON code.
    const isThrottled = response.status === 412 || response.status === 429;
    return {
      kind: 'inconclusive',
      detail: isThrottled
        ? `Bilibili API rate limited (HTTP ${response.status}); try again later`
        : `Bilibili API answered HTTP ${response.status} without a JSON code`,
    };
  }
  if (code === 0) {
    const data = json?.['data'];
    if (!isJsonObject(data)) return { kind: 'confirmed', title: undefined };
    const title = stringField(data, 'title');
    return missingPartVerdict(data, part, title) ?? { kind: 'confirmed', title };
  }
  const known = CODE_VERDICTS.get(code);
  if (known !== undefined) {
    return known;
  }
  const message = stringField(json, 'message');
  return {
    kind: 'inconclusive',
    detail: `Bilibili API code ${code}${message === undefined ? '' : ` (${message})`}: not understood`,
  };
}

/** Asks the view API about a video target, answering offline for ids that cannot exist. */
async function checkTarget(
  target: Exclude<BilibiliTarget, { kind: 'short-link' }>,
  fetch: ProbeFetch,
): Promise<ProbeVerdict> {
  if (target.kind === 'invalid-id') {
    return removed(`invalid video id: ${JSON.stringify(target.id)} is not a bvid or av number`);
  }
  return readViewVerdict(await fetch(viewApiUrl(target.bvid)), target.part);
}

/** Follows a short link and checks the video it leads to; anything else is inconclusive. */
async function expandAndCheck(shortLink: URL, fetch: ProbeFetch): Promise<ProbeVerdict> {
  const response = await fetch(shortLink);
  if (response.kind === 'failure') {
    return { kind: 'inconclusive', detail: `short link not reachable: ${response.reason}` };
  }
  const target = URL.canParse(response.finalUrl)
    ? parseBilibiliUrl(new URL(response.finalUrl))
    : undefined;
  if (target === undefined || target.kind === 'short-link') {
    // A short link to a live room or an article, or one b23.tv no longer knows: the HTTP
    // check of the link itself says what there is to say.
    return {
      kind: 'inconclusive',
      detail: `short link led to ${response.finalUrl} (HTTP ${response.status}), not a video`,
    };
  }
  return checkTarget(target, fetch);
}

/** Matches Bilibili video pages, player embeds and b23.tv short links and asks the view API. */
export const bilibiliProbe: Probe = {
  id: PROBE_ID,
  // The view API answers -412 to a request without a Referer of the site's own.
  requestHeaders: (url) => (url.hostname === API_HOST ? API_HEADERS : {}),
  match(url): ProbeMatch | undefined {
    const target = parseBilibiliUrl(url);
    if (target === undefined) {
      return undefined;
    }
    switch (target.kind) {
      case 'video':
        // The part is in the key: ?p=2 and ?p=9 of one video can differ (the API is asked
        // once all the same: the runner shares responses by URL).
        return {
          probeId: PROBE_ID,
          key: target.part === undefined ? target.bvid : `${target.bvid}?p=${target.part}`,
          url: canonicalBilibiliUrl(target.bvid, target.part),
        };
      case 'invalid-id':
        return { probeId: PROBE_ID, key: `invalid:${target.id}`, url: withoutHash(url) };
      case 'short-link':
        return { probeId: PROBE_ID, key: `short:${target.url.href}`, url: target.url };
      default:
        return assertNever(target);
    }
  },
  run(match, fetch) {
    const target = parseBilibiliUrl(match.url);
    if (target === undefined) {
      return Promise.resolve({
        kind: 'inconclusive',
        detail: `not a Bilibili video: ${match.url.href}`,
      });
    }
    return target.kind === 'short-link'
      ? expandAndCheck(target.url, fetch)
      : checkTarget(target, fetch);
  },
};
