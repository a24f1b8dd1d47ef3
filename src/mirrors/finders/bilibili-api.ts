/**
 * The Bilibili web APIs the YouTube → Bilibili finder asks, without a login (see
 * bilibili-API-collect for each): a `buvid3` first-party cookie from `finger/spi`, the daily
 * WBI keys from `nav`, the signed video search, and the view API for one upload's parts.
 *
 * | answer                          | meaning                           | the finder says         |
 * | ------------------------------- | --------------------------------- | ----------------------- |
 * | `code` 0                        | the data                          | compares it             |
 * | `code` -412, -352 (or HTTP 412) | request blocked by risk control   | backs off once, then "could not search: rate-limited" |
 * | `code` -404, 62002, 62004, ...  | the upload is gone or hidden      | leaves that hit out     |
 * | no JSON, other codes            | the API changed                   | "could not search" (`changed-api`) |
 */
import {
  isJsonObject,
  parseJsonObject,
  stringField,
  type JsonObject,
} from '../../probes/json-body.js';
import { answerOfFailedResponse, type FinderAnswer, type FinderFetch } from '../finder.js';
import type { BilibiliUpload } from './video-match.js';
import { keyOfUrl, signWbiQuery, type WbiKeys } from './wbi-sign.js';

const API = 'https://api.bilibili.com';
/** Bilibili's APIs answer -412 to requests without their own site as Referer. */
const REFERER = 'https://www.bilibili.com/';
/** Risk-control codes: the request looked automated; asking again at once makes it worse. */
const RATE_LIMIT_CODES: ReadonlySet<number> = new Set([-412, -352]);

/** A failure the finder reports as is. */
export type CouldNotSearch = Extract<FinderAnswer, { kind: 'could-not-search' }>;

/** What one API call gave: its `data`, a gone upload, or why it could not be asked. */
export type ApiAnswer =
  { kind: 'data'; data: JsonObject } | { kind: 'gone'; code: number } | CouldNotSearch;

/** The first-party cookie and the signature keys, asked once per run. */
export type BilibiliSession = { cookie: string; keys: WbiKeys };

function headersWith(cookie: string | undefined): Record<string, string> {
  return cookie === undefined ? { referer: REFERER } : { referer: REFERER, cookie };
}

/** Calls one API and reads its `{code, data}` envelope. */
export async function callApi(
  fetch: FinderFetch,
  url: URL,
  what: string,
  cookie?: string,
): Promise<ApiAnswer> {
  const response = await fetch(url, headersWith(cookie));
  if (response.kind === 'response' && response.status === 412) {
    return { kind: 'could-not-search', reason: 'rate-limited', detail: `${what}: HTTP 412` };
  }
  const body = response.kind === 'response' ? parseJsonObject(response.body) : undefined;
  const code = body?.code;
  if (response.kind !== 'response' || body === undefined || typeof code !== 'number') {
    return answerOfFailedResponse(response, what);
  }
  if (RATE_LIMIT_CODES.has(code)) {
    return {
      kind: 'could-not-search',
      reason: 'rate-limited',
      detail: `${what}: code ${code} (${stringField(body, 'message') ?? 'risk control'})`,
    };
  }
  // The nav API answers -101 (not logged in) with the WBI keys all the same.
  if ((code === 0 || code === -101) && isJsonObject(body.data)) {
    return { kind: 'data', data: body.data };
  }
  if (code === -404 || code === 62002 || code === 62004 || code === 62012) {
    return { kind: 'gone', code };
  }
  return {
    kind: 'could-not-search',
    reason: 'changed-api',
    detail: `${what}: code ${code} (${stringField(body, 'message') ?? 'no message'})`,
  };
}

/** Opens a session: the `buvid3` cookie and today's WBI keys. */
export async function openSession(
  fetch: FinderFetch,
): Promise<{ kind: 'session'; session: BilibiliSession } | CouldNotSearch> {
  const spi = await callApi(fetch, new URL(`${API}/x/frontend/finger/spi`), 'Bilibili cookie API');
  if (spi.kind !== 'data') return notData(spi, 'Bilibili cookie API');
  const buvid3 = stringField(spi.data, 'b_3');
  if (buvid3 === undefined) return changed('Bilibili cookie API gave no b_3');
  const cookie = `buvid3=${buvid3}`;
  const nav = await callApi(
    fetch,
    new URL(`${API}/x/web-interface/nav`),
    'Bilibili nav API',
    cookie,
  );
  if (nav.kind !== 'data') return notData(nav, 'Bilibili nav API');
  const images = nav.data.wbi_img;
  const imgKey = isJsonObject(images) ? keyOfUrl(stringField(images, 'img_url') ?? '') : undefined;
  const subKey = isJsonObject(images) ? keyOfUrl(stringField(images, 'sub_url') ?? '') : undefined;
  if (imgKey === undefined || subKey === undefined)
    return changed('Bilibili nav API gave no wbi_img keys');
  return { kind: 'session', session: { cookie, keys: { imgKey, subKey } } };
}

/** One hit of the video search. */
export type SearchHit = { bvid: string; title: string; uploader: string };

/** Searches videos by keyword, with a signed request; the first page only. */
export async function searchVideos(
  fetch: FinderFetch,
  session: BilibiliSession,
  keyword: string,
  unixSeconds: number,
): Promise<{ kind: 'hits'; hits: SearchHit[] } | CouldNotSearch> {
  const query = signWbiQuery(
    { search_type: 'video', keyword, page: '1' },
    session.keys,
    unixSeconds,
  );
  const url = new URL(`${API}/x/web-interface/wbi/search/type?${query}`);
  const answer = await callApi(fetch, url, 'Bilibili search API', session.cookie);
  if (answer.kind !== 'data') return notData(answer, 'Bilibili search API');
  const result = answer.data.result;
  // No hits at all is `result` absent or empty: an answer, not a failure.
  if (result !== undefined && !Array.isArray(result))
    return changed('Bilibili search API: result is not a list');
  const hits = (Array.isArray(result) ? result : []).flatMap((item: unknown): SearchHit[] => {
    if (!isJsonObject(item)) return [];
    const bvid = stringField(item, 'bvid');
    const title = stringField(item, 'title');
    if (bvid === undefined || title === undefined) return [];
    return [
      { bvid, title: title.replace(/<[^>]*>/g, ''), uploader: stringField(item, 'author') ?? '' },
    ];
  });
  return { kind: 'hits', hits };
}

/** One upload's title, uploader and parts from the view API, or undefined when it is gone. */
export async function viewUpload(
  fetch: FinderFetch,
  session: BilibiliSession,
  bvid: string,
): Promise<{ kind: 'upload'; upload: BilibiliUpload | undefined } | CouldNotSearch> {
  const url = new URL(`${API}/x/web-interface/view`);
  url.searchParams.set('bvid', bvid);
  const answer = await callApi(fetch, url, 'Bilibili view API', session.cookie);
  if (answer.kind === 'gone') return { kind: 'upload', upload: undefined };
  if (answer.kind !== 'data') return answer;
  const { data } = answer;
  const owner = isJsonObject(data.owner) ? stringField(data.owner, 'name') : undefined;
  const pages = Array.isArray(data.pages) ? data.pages : [];
  const partSeconds = pages.flatMap((page: unknown) =>
    isJsonObject(page) && typeof page.duration === 'number' ? [page.duration] : [],
  );
  const duration = typeof data.duration === 'number' ? data.duration : undefined;
  const title = stringField(data, 'title');
  if (duration === undefined || title === undefined)
    return changed(`Bilibili view API: ${bvid} has no title or duration`);
  return {
    kind: 'upload',
    upload: {
      bvid,
      title,
      uploader: owner ?? '',
      durationSeconds: duration,
      partSeconds: partSeconds.length > 0 ? partSeconds : [duration],
    },
  };
}

/** Whether an answer is the risk-control one the finder backs off on. */
export function isRateLimited(answer: { kind: string; reason?: string }): boolean {
  return answer.kind === 'could-not-search' && answer.reason === 'rate-limited';
}

function notData(answer: Exclude<ApiAnswer, { kind: 'data' }>, what: string): CouldNotSearch {
  return answer.kind === 'gone' ? changed(`${what}: code ${answer.code}`) : answer;
}

function changed(detail: string): CouldNotSearch {
  return { kind: 'could-not-search', reason: 'changed-api', detail };
}
