/**
 * Soft 404s: a "not found" page served with 200, recognised by its title, og:title or main
 * heading, by the element a platform writes its status message in (platform-messages.ts), or by
 * the shared error page a dead link was redirected to.
 */
import { collapse, isSiteNameLike, titleSegments, type Headline } from './page-text.js';

// A "not found" phrase may use only these words, so "404 Not Found: what it means and how to fix
// it" (an article) fails while "Oops! That page can't be found." (a WordPress 404) passes.
const NOT_FOUND_VOCABULARY: ReadonlySet<string> = new Set(
  (
    '404 error http page pages not found file document resource content post article url link ' +
    "sorry oops whoops uh oh hmm ouch the this that a an we you your you're we're are is was were " +
    "looking for could couldn't can cannot can't be been does doesn't do did didn't exist exists " +
    'no longer has have had moved removed deleted or and missing requested lost it seems like ' +
    "gone isn't available anymore unavailable find of to here there may might never i sadly " +
    'unfortunately'
  ).split(' '),
);

// …and must say one of these: the vocabulary alone also fits "The page" or "HTTP".
const NOT_FOUND_TRIGGERS: readonly RegExp[] = [
  /\b404\b/,
  /\bnot found\b/,
  /\b(doesn't|does not|didn't|did not|no longer|never) exists?\b/,
  /\b(could not|couldn't|cannot|can't|can not) (be found|find)\b/,
  /\b(page|content|post|article) (isn't|is not|is no longer) available\b/,
  /\b(page|content|post|article|file) (has been|was) (removed|deleted)\b/,
];

// Chinese (and Japanese) not-found phrases, matched against the whole segment with spaces and
// punctuation removed: "抱歉，您访问的页面不存在！", "404 页面不存在", "找不到页面".
const CJK_NOT_FOUND: readonly RegExp[] = [
  /^(404)?(错误)?(抱歉|对不起|很抱歉)?(您|你)?(所|要)?(访问|请求|查找|查看|浏览|要找)?的?(页面|网页|文章|内容|资源|链接|帖子)?(不存在|找不到了?|未找到|没有找到|无法找到|已删除|已被删除|已经被删除|走丢了|丢失了|不见了)(了|啦)?(404)?$/u,
  /^(404)?找不到(该|此|您要的|你要的|所请求的)?(页面|网页|文章|内容)(了|啦)?(404)?$/u,
  /^404(错误|页面|错误页面|页面错误)$/u,
  /^(お探しの)?ページが見つかりません(でした)?$/u,
];

function isNotFoundPhrase(segment: string): boolean {
  const compact = segment.replace(/[\s\p{P}\p{S}]/gu, '');
  if (CJK_NOT_FOUND.some((pattern) => pattern.test(compact))) return true;
  const normalised = collapse(
    segment
      .toLowerCase()
      .replace(/[’‘`]/g, "'")
      .replace(/[^\p{L}\p{N}'\s]/gu, ' '),
  );
  const words = normalised
    .split(' ')
    .map((word) => word.replace(/^'+|'+$/g, ''))
    .filter((word) => word !== '');
  return (
    words.length > 0 &&
    words.every((word) => NOT_FOUND_VOCABULARY.has(word)) &&
    NOT_FOUND_TRIGGERS.some((pattern) => pattern.test(normalised))
  );
}

/**
 * A title that says "not found" and nothing else but a site name: "Page not found · GitHub · GitHub",
 * "404 - Page not found | Example". "404 Not Found - HTTP | MDN" names a topic as well, so it is an
 * article about the status code, not a dead page.
 */
function saysNotFound(text: string | undefined): boolean {
  if (text === undefined) return false;
  const segments = titleSegments(text);
  if (!segments.some(isNotFoundPhrase)) return false;
  const others = new Set(
    segments.filter((segment) => !isNotFoundPhrase(segment)).map((s) => s.toLowerCase()),
  );
  return others.size === 0 || (others.size === 1 && [...others].every(isSiteNameLike));
}

// Dead links are often 302'd to a shared error page that then answers 200: `/404`, `/404.html`,
// `/en/not-found`, `/error/404`. Anchored at the root (plus a locale), since MDN documents the
// status code at `/en-US/docs/Web/HTTP/Status/404`.
const NOT_FOUND_PATH =
  /^(\/[a-z]{2}([-_][a-z]{2,4})?)?\/(404|not[-_]?found|page[-_]?not[-_]?found|errors?\/404|404[-_]error)(\.[a-z]+)?\/?$/i;

/**
 * Whether a page fetched at `requestedUrl` and ending at `finalUrl` is a "not found" page.
 * `platformMessages` are the texts of the elements the page's platform writes its status in.
 */
export function isSoft404Page(
  headline: Headline,
  finalUrl: URL,
  requestedUrl: URL,
  platformMessages: readonly string[] = [],
): boolean {
  const { title, h1 } = headline;
  // Landing on /404 counts only after a redirect: a link written as …/404 (a post about the
  // status code, a resource whose id is 404) is whatever its page says it is.
  const wasSentElsewhere = finalUrl.pathname !== requestedUrl.pathname;
  if (wasSentElsewhere && NOT_FOUND_PATH.test(finalUrl.pathname)) return true;
  if (saysNotFound(title) || saysNotFound(headline.ogTitle)) return true;
  // A platform's own status element says nothing but its status, like a title would.
  if (platformMessages.some(saysNotFound)) return true;
  // The main heading counts only when the title is just a site name ("Medium", "知乎"): when the
  // title names a topic, an <h1> reading "404 Not Found" is the subject of an article.
  const titleIsSiteName =
    title === undefined ||
    title === headline.ogSiteName ||
    (titleSegments(title).length === 1 && isSiteNameLike(title));
  return titleIsSiteName && saysNotFound(h1);
}
