/**
 * How much of an HTML page classification reads (decision 31). Every signal a page gives about
 * itself lives at its start: the title, og:title and og:site_name and a meta refresh in the
 * `<head>`, the main heading, a challenge page's marker and text, a parking page's scripts and a
 * sign-in form on pages that are small or put them at the top. So the signals are read from a
 * documented prefix, and the fetcher stops reading a page there (fetch/page-read.ts) unless a
 * `#fragment` needs more of it or the page is one whose platform check reads it all.
 *
 * The prefix is PAGE_PREFIX_BYTES, or the end of the head plus HEAD_MARGIN_BYTES when the head
 * is longer (a page that inlines its CSS and scripts), so the title and the start of the body
 * are always in it. A page with no head end at all is read as before, to the body cap.
 * The fetcher counts bytes and the scans count characters: the same for ASCII markup, and for
 * other text the scans see no more than the fetcher kept.
 */
import { PLATFORM_MESSAGE_HOSTS } from './platform-messages.js';

/** The shortest prefix the signals are read from. */
export const PAGE_PREFIX_BYTES = 64 * 1024;

/** Read past the end of a longer head: room for the first heading and the top of the body. */
export const HEAD_MARGIN_BYTES = 16 * 1024;

/**
 * Where a head ends: its end tag, or the body's start tag (both end tags are optional, and
 * minifiers drop them). Searched as written in these two spellings, bytes and text alike; a
 * page spelling them otherwise (`</Head>`) is read on to the cap, as before.
 */
export const HEAD_END_MARKERS: readonly string[] = ['</head', '</HEAD', '<body', '<BODY'];

// Pages a platform check reads beyond the prefix: the platform messages' elements
// (platform-messages.ts) and a YouTube watch page's player status, which sits in a script deep
// in the body (probes/youtube-playability.ts).
const WHOLE_PAGE_HOSTS: ReadonlySet<string> = new Set([
  ...PLATFORM_MESSAGE_HOSTS,
  'youtube.com',
  'www.youtube.com',
  'm.youtube.com',
  'music.youtube.com',
]);

/** Whether a page at `url` is read to the body cap, because a platform check reads all of it. */
export function isReadWhole(url: URL): boolean {
  return WHOLE_PAGE_HOSTS.has(url.hostname.toLowerCase());
}

/**
 * Where the signals part ends for a page whose head ends at `headEnd`; undefined when the head
 * end is not known (yet), so no bound applies.
 */
export function signalPartEnd(headEnd: number | undefined): number | undefined {
  return headEnd === undefined
    ? undefined
    : Math.max(PAGE_PREFIX_BYTES, headEnd + HEAD_MARGIN_BYTES);
}

/** The part of a page at `url` its signals are read from (the whole page for some platforms). */
export function signalPart(html: string, url: URL): string {
  if (html.length <= PAGE_PREFIX_BYTES || isReadWhole(url)) return html;
  const end = signalPartEnd(headEndOf(html));
  return end === undefined || end >= html.length ? html : html.slice(0, end);
}

/** Where the page's head ends ({@link HEAD_END_MARKERS}), or undefined when it does not. */
function headEndOf(html: string): number | undefined {
  let first: number | undefined;
  for (const marker of HEAD_END_MARKERS) {
    const at = html.indexOf(marker);
    if (at !== -1 && (first === undefined || at < first)) first = at;
  }
  return first;
}
