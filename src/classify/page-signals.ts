/**
 * What an HTML page says about itself: a "not found" page served with 200, a parked domain, a bot
 * challenge or a sign-in form. Pure: cheerio on the body string the fetcher already capped.
 *
 * Every signal is read from a few strong places (the title, the main heading, og:title, script
 * sources), never from the whole body text: an article *about* 404 errors or domain parking must
 * not be mistaken for the thing it describes.
 */
// The slim build parses with htmlparser2, about three times faster than parse5 on a 1 MiB page;
// the few elements read here do not need a spec-exact tree.
import { load, type CheerioAPI } from 'cheerio/slim';

/** The signals classification reads from one HTML page. */
export type PageSignals = {
  /** The `<title>`, whitespace collapsed; undefined when missing or empty. */
  title: string | undefined;
  isSoft404: boolean;
  isParked: boolean;
  isBotChallenge: boolean;
  isLoginWall: boolean;
};

/** Reads the page signals of an HTML body fetched from `finalUrl`. */
export function readPageSignals(
  html: string,
  finalUrl: URL,
  requestedUrl: URL = finalUrl,
): PageSignals {
  const $ = load(html);
  const headline: Headline = { title: textOf($, 'title'), h1: textOf($, 'h1') };
  return {
    title: headline.title,
    isSoft404: isSoft404Page($, headline, finalUrl, requestedUrl),
    isParked: isParkedPage($, html, headline.title, finalUrl),
    isBotChallenge: isBotChallengePage($, html, headline.title),
    isLoginWall: isLoginWallPage($, headline, finalUrl),
  };
}

/** Whether a URL is itself a sign-in page, so landing there was expected rather than a wall. */
export function isSignInUrl(url: URL): boolean {
  const firstLabel = url.hostname.split('.')[0] ?? '';
  return (
    SIGN_IN_HOST_LABELS.has(firstLabel) ||
    url.pathname.split('/').some((segment) => SIGN_IN_PATH_SEGMENT.test(segment))
  );
}

// ---------------------------------------------------------------------------------------------
// Text helpers

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The page's own words about what it is: its title and first main heading. */
type Headline = { title: string | undefined; h1: string | undefined };

function textOf($: CheerioAPI, selector: string): string | undefined {
  const text = collapse($(selector).first().text());
  return text === '' ? undefined : text;
}

function metaContent($: CheerioAPI, property: string): string | undefined {
  const content = $(`meta[property="${property}"]`).first().attr('content');
  const text = content === undefined ? '' : collapse(content);
  return text === '' ? undefined : text;
}

// Sites join page and site names with these: "Page not found · GitHub", "页面不存在_百度知道",
// "404 - 知乎". A bare "-" or ":" inside English words ("sign-in", "Error: …") does not split.
const TITLE_SEPARATOR =
  /\s+[-–—/:]\s+|[|·•»｜_]|(?<=\p{Script=Han})\s*[-–—]\s*|\s*[-–—]\s*(?=\p{Script=Han})/u;

function titleSegments(text: string): string[] {
  return text
    .split(TITLE_SEPARATOR)
    .map((segment) => segment.trim())
    .filter((segment) => segment !== '');
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => word !== '').length;
}

/** A segment short enough to be a site name ("GitHub", "知乎", "The Wall Street Journal"). */
function isSiteNameLike(segment: string): boolean {
  return segment.length <= 40 && wordCount(segment) <= 5;
}

// ---------------------------------------------------------------------------------------------
// Soft 404

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

function isSoft404Page(
  $: CheerioAPI,
  { title, h1 }: Headline,
  finalUrl: URL,
  requestedUrl: URL,
): boolean {
  // Landing on /404 counts only after a redirect: a link written as …/404 (a post about the
  // status code, a resource whose id is 404) is whatever its page says it is.
  const wasSentElsewhere = finalUrl.pathname !== requestedUrl.pathname;
  if (wasSentElsewhere && NOT_FOUND_PATH.test(finalUrl.pathname)) return true;
  if (saysNotFound(title) || saysNotFound(metaContent($, 'og:title'))) return true;
  // The main heading counts only when the title is just a site name ("Medium", "知乎"): when the
  // title names a topic, an <h1> reading "404 Not Found" is the subject of an article.
  const titleIsSiteName =
    title === undefined ||
    title === metaContent($, 'og:site_name') ||
    (titleSegments(title).length === 1 && isSiteNameLike(title));
  return titleIsSiteName && saysNotFound(h1);
}

// ---------------------------------------------------------------------------------------------
// Parked domains

// Domain marketplaces: a dead site's domain often redirects straight to its sale listing.
const MARKETPLACE_HOSTS: readonly string[] = [
  'hugedomains.com',
  'dan.com',
  'afternic.com',
  'sedo.com',
  'undeveloped.com',
  'buydomains.com',
  'domainmarket.com',
  'brandbucket.com',
];

// Hosts whose scripts and frames appear only on parking pages: Sedo, Bodis, ParkingCrew,
// ParkLogic, Above, DomainSponsor.
const PARKING_HOSTS: readonly string[] = [
  'sedoparking.com',
  'bodis.com',
  'parkingcrew.net',
  'parklogic.com',
  'above.com',
  'dsparking.com',
  'domainsponsor.com',
];

function isParkingResource(source: URL): boolean {
  return (
    PARKING_HOSTS.some((domain) => hostIsOrIsUnder(source.hostname, domain)) ||
    // Google's AdSense for Domains exists for parked domains alone.
    source.pathname.endsWith('/adsense/domains/caf.js')
  );
}

const FOR_SALE_HEADINGS: readonly RegExp[] = [
  /\b(this|the) (domain|website|site)( name)? (may be|might be|is) for sale\b/i,
  /\bdomain (name )?(is )?for sale\b/i,
  /\bbuy this domain\b/i,
  /\b(this )?domain (is|has been) parked\b/i,
  /\bparked free\b/i,
  /^[a-z0-9.-]+\.[a-z]{2,}\s+(is\s+)?(available\s+)?for sale\b/i,
  /(该|此|本)?域名(正在|可以)?(出售|转让|待售|售卖)/u,
];

const MAX_HEADINGS_READ = 20;

function hostIsOrIsUnder(hostname: string, domain: string): boolean {
  return hostname === domain || hostname.endsWith(`.${domain}`);
}

function isParkedPage(
  $: CheerioAPI,
  html: string,
  title: string | undefined,
  finalUrl: URL,
): boolean {
  if (MARKETPLACE_HOSTS.some((domain) => hostIsOrIsUnder(finalUrl.hostname, domain))) return true;
  // Parking pages have a handful of headings; reading every one of a long page would be slow.
  const headings = [
    title,
    ...$('h1, h2')
      .slice(0, MAX_HEADINGS_READ)
      .map((_, element) => collapse($(element).text()))
      .get(),
  ];
  if (headings.some((text) => text !== undefined && FOR_SALE_HEADINGS.some((p) => p.test(text)))) {
    return true;
  }
  const sources = $('script[src], iframe[src], frame[src]')
    .toArray()
    .map((element) => element.attribs.src ?? '')
    .filter((src) => URL.canParse(src, finalUrl.href))
    .map((src) => new URL(src, finalUrl));
  if (sources.some(isParkingResource)) return true;
  // GoDaddy's parked page is an empty shell whose only script jumps to `/lander`.
  return /location\.href\s*=\s*["']\/lander["']/.test(html);
}

// ---------------------------------------------------------------------------------------------
// Bot challenges

// Titles of interstitials that stand in for the real page: Cloudflare ("Just a moment...", its
// Chinese "请稍候…", "Attention Required! | Cloudflare" for WAF blocks), Imperva/Distil ("Pardon Our
// Interruption"), PerimeterX ("Access to this page has been denied", "Robot or human?"), Sucuri,
// DDoS-Guard, Baidu's "百度安全验证".
const CHALLENGE_TITLES: readonly RegExp[] = [
  /^just a moment(\.{3}|…)?$/i,
  /^attention required!/i,
  /^please wait(\.{3}|…)? \| cloudflare$/i,
  /^请稍候(\.{3}|…)?$/u,
  /^pardon our interruption/i,
  /^access to this page has been denied\.?$/i,
  /^robot or human\??$/i,
  /^are you a (robot|human)\??$/i,
  /^(human verification|verify you are (a )?human)$/i,
  /^sucuri website firewall/i,
  /^ddos-guard$/i,
  /(^|[-_|·\s])(百度)?(安全验证|人机验证)([-_|·\s]|$)/u,
];

// Markers that appear only on challenge or block pages, lower-cased: Cloudflare's challenge
// options, DataDome's captcha host, PerimeterX's captcha element, AWS WAF's challenge bootstrap,
// Imperva's resource path, Akamai's error reference and Bot Manager challenge.
// (Cloudflare's `/cdn-cgi/challenge-platform/` script is injected into ordinary pages too.)
const CHALLENGE_MARKERS: readonly string[] = [
  '_cf_chl_opt',
  'cf-browser-verification',
  'captcha-delivery.com',
  'px-captcha',
  'window.gokuprops',
  '_incapsula_resource',
  'errors.edgesuite.net',
  '/_sec/cp_challenge/',
];

// Challenge pages carry almost no text; a long page that merely mentions a marker is content.
const MAX_CHALLENGE_TEXT_CHARS = 2_000;

function visibleTextLength($: CheerioAPI): number {
  const body = $('body').clone();
  body.find('script, style, noscript, template').remove();
  return collapse(body.text()).length;
}

function isBotChallengePage($: CheerioAPI, html: string, title: string | undefined): boolean {
  if (title !== undefined && CHALLENGE_TITLES.some((pattern) => pattern.test(title))) return true;
  const lower = html.toLowerCase();
  return (
    CHALLENGE_MARKERS.some((marker) => lower.includes(marker)) &&
    visibleTextLength($) <= MAX_CHALLENGE_TEXT_CHARS
  );
}

// ---------------------------------------------------------------------------------------------
// Login walls

const SIGN_IN_HOST_LABELS: ReadonlySet<string> = new Set([
  'login',
  'signin',
  'accounts',
  'account',
  'passport',
  'sso',
  'auth',
]);

// `/login`, `/signin`, `/users/sign_in`, Google's `ServiceLogin`, LinkedIn's `authwall`.
const SIGN_IN_PATH_SEGMENT =
  /^(log[-_]?in|sign[-_]?in|log[-_]?on|sign[-_]?on|servicelogin|authwall|auth|sso|session|sessions)$/i;

const SIGN_IN_TITLE = /\b(sign[ -]?in|log[ -]?in|sign on|log on|sign[ -]?up)\b/i;
const CJK_SIGN_IN_TITLE = /(登录|登入|登錄|注册)/u;

function isSignInTitle(text: string | undefined): boolean {
  if (text === undefined) return false;
  return titleSegments(text).some(
    (segment) =>
      (SIGN_IN_TITLE.test(segment) && wordCount(segment) <= 5) ||
      (CJK_SIGN_IN_TITLE.test(segment) && segment.length <= 12),
  );
}

/**
 * A page that is only a sign-in form: two of three signals (a sign-in URL, a sign-in title or
 * heading, a password field), so neither a blog post titled "Login with OAuth" nor a site with a
 * login box in its header counts.
 */
function isLoginWallPage($: CheerioAPI, { title, h1 }: Headline, finalUrl: URL): boolean {
  const signals = [
    isSignInUrl(finalUrl),
    isSignInTitle(title) || isSignInTitle(h1),
    $('input[type="password" i]').length > 0,
  ];
  return signals.filter(Boolean).length >= 2;
}
