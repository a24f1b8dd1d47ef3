/**
 * Deleted pages that redirect home. Most sites "remove" a page by sending its URL to their home
 * page with a 301 or 302 that answers 200: the reader asked for an article and got the front
 * door. A deep link whose chain ends on a root of the same site is therefore broken, not moved,
 * and `fix` must not rewrite the roadmap to the home page. A link that was a root itself (a
 * site's home, `http://x` → `https://www.x/en/`) is left alone.
 *
 * A root is a path of depth 0 (`/`), an index file at depth 0 (`/index.html`, `/default.aspx`),
 * or a locale root (`/zh-CN/`, `/en-us/`, `/ja/index.html`) whose language is one the platform's
 * ICU data knows, so `/docs/`, `/go/` or `/v1/` never count. The query is not part of it
 * (`/?from=old` is still the home page); a hash route (`/#/guide`) is a page of its own.
 */
import { getDomain } from 'tldts';

const INDEX_FILE = /^(?:index|default|home)\.(?:html?|php|aspx?|jsp)$/i;
// A language, then an optional script and region: zh, zh-CN, zh-Hans, zh_Hans_CN, es-419.
const LOCALE_SHAPE = /^[a-z]{2}(?:[-_][a-z]{4})?(?:[-_](?:[a-z]{2}|\d{3}))?$/i;
const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** Whether a chain that started at `requested` and ended at `final` took a deep link home. */
export function isRedirectedHome(requested: URL, final: URL, hopCount: number): boolean {
  return (
    hopCount > 0 && isSameSite(requested, final) && isSiteRoot(final) && !isSiteRoot(requested)
  );
}

/** Whether `url` is a home page of its site: `/`, an index file, or a locale root. */
export function isSiteRoot(url: URL): boolean {
  if (/^#!?\//.test(url.hash)) return false;
  const segments = url.pathname.split('/').filter((segment) => segment !== '');
  const last = segments.at(-1);
  if (last !== undefined && INDEX_FILE.test(last)) segments.pop();
  const [first, ...rest] = segments;
  return first === undefined || (rest.length === 0 && isLocale(first));
}

function isLocale(segment: string): boolean {
  if (!LOCALE_SHAPE.test(segment)) return false;
  const language = segment.slice(0, 2).toLowerCase();
  return LANGUAGE_NAMES.of(language) !== undefined;
}

/** Same registrable domain (`docs.example.com` and `www.example.com`), or the same host. */
function isSameSite(a: URL, b: URL): boolean {
  const siteOf = (url: URL): string => getDomain(url.hostname) ?? url.hostname;
  return siteOf(a) === siteOf(b);
}
