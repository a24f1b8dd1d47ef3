/**
 * `<meta http-equiv="refresh">` redirects: old sites and many "we moved" pages still use them,
 * and a browser follows them, so a link that lands on one has really moved.
 */
import { Parser } from 'htmlparser2';

/**
 * Longest refresh delay still read as a redirect. Longer ones are "this page reloads itself"
 * or "you will be taken elsewhere in a while", which a reader sees as the page itself.
 */
export const MAX_META_REFRESH_DELAY_S = 5;

/**
 * The URL a page's `<meta http-equiv="refresh">` sends the browser to within
 * MAX_META_REFRESH_DELAY_S, resolved against `base`; undefined when there is none, it is not
 * http(s), or it points back at the page itself.
 */
export function findMetaRefresh(html: string, base: URL): URL | undefined {
  // Parsing a 1 MiB page only to find nothing is the common case; skip it cheaply.
  if (!/http-equiv\s*=\s*["']?refresh/i.test(html)) {
    return undefined;
  }
  const refresh = firstRefreshMeta(html);
  if (refresh?.content === undefined) {
    return undefined;
  }
  const target = parseRefresh(refresh.content, base);
  return target === undefined || withoutHash(target) === withoutHash(base) ? undefined : target;
}

// A browser (scripting on) reads the content of these as text, never renders it, or drops a
// <meta> inside it (<select>): a `<noscript><meta http-equiv="refresh" content="0; url=/no-js">`
// is for browsers without JavaScript, not where the page lives. htmlparser2 tokenizes them all
// as markup, so a refresh inside one is skipped here.
const IGNORED_INSIDE: ReadonlySet<string> = new Set([
  'noscript',
  'template',
  'iframe',
  'noembed',
  'noframes',
  'select',
]);

/**
 * The first `<meta http-equiv="refresh">` a browser would act on, with its `content` (undefined
 * when it has none), read with htmlparser2's tokenizer up to that element and no further.
 */
function firstRefreshMeta(html: string): { content: string | undefined } | undefined {
  let found: { content: string | undefined } | undefined;
  let ignoredDepth = 0;
  // Everything after `<plaintext>` is text to a browser; it has no end tag.
  let isPlaintext = false;
  const parser = new Parser({
    onopentag(name, attribs) {
      if (IGNORED_INSIDE.has(name)) ignoredDepth += 1;
      if (found !== undefined || isPlaintext) return;
      if (name === 'plaintext' && ignoredDepth === 0) isPlaintext = true;
      if (
        name === 'meta' &&
        ignoredDepth === 0 &&
        attribs['http-equiv']?.toLowerCase() === 'refresh'
      ) {
        found = { content: attribs.content };
        parser.pause();
      }
    },
    onclosetag(name) {
      if (IGNORED_INSIDE.has(name)) ignoredDepth -= 1;
    },
  });
  // Pausing from the callback stops the tokenizer there and makes the end a no-op.
  parser.end(html);
  return found;
}

/**
 * Reads `delay[;|,] [url=]target` the lenient way the HTML standard's "shared declarative
 * refresh steps" do: optional `url=`, optional quotes, either separator.
 */
function parseRefresh(content: string, base: URL): URL | undefined {
  const match = /^\s*(\d+)(?:\.[\d.]*)?\s*(?:[;,]\s*(?:url\s*=\s*)?(.*))?$/is.exec(content);
  const delayText = match?.[1];
  const rawTarget = match?.[2]?.trim();
  if (delayText === undefined || rawTarget === undefined || rawTarget === '') {
    return undefined;
  }
  if (Number(delayText) > MAX_META_REFRESH_DELAY_S) {
    return undefined;
  }
  const unquoted = /^(["'])(.*?)(?:\1|$)/s.exec(rawTarget)?.[2] ?? rawTarget;
  const target = URL.canParse(unquoted, base.href) ? new URL(unquoted, base) : undefined;
  // A `javascript:` or `mailto:` refresh is page behaviour, not a move of the resource.
  return target?.protocol === 'http:' || target?.protocol === 'https:' ? target : undefined;
}

function withoutHash(url: URL): string {
  return url.href.replace(/#.*$/s, '');
}
