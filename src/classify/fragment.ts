/**
 * Whether a URL's `#fragment` points at something on an HTML page. Pure: cheerio on the body
 * string. Only fragments a browser would scroll to are checked; the many fragments that mean
 * something else (routes, text directives, viewer parameters) are always fine.
 */
// htmlparser2 (the slim build) is enough to find ids, and much faster than parse5 on big pages.
import { load } from 'cheerio/slim';

// `#:~:text=…` is a fragment directive (text fragments), not an anchor, and may follow a real
// fragment (`#intro:~:text=foo`); browsers strip it before looking for an element.
// https://wicg.github.io/scroll-to-text-fragment/#the-fragment-directive
const FRAGMENT_DIRECTIVE = ':~:';

/** The fragment without its `#` and without a trailing fragment directive. */
function anchorPart(fragment: string): string {
  const bare = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  const directiveAt = bare.indexOf(FRAGMENT_DIRECTIVE);
  return directiveAt === -1 ? bare : bare.slice(0, directiveAt);
}

function decodeTolerantly(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // A stray `%` (e.g. `#100%-coverage`) is not an escape; browsers then match the raw text.
    return text;
  }
}

/**
 * Whether a fragment (with or without its `#`) names an anchor worth looking for on the page.
 */
export function shouldCheckFragment(fragment: string): boolean {
  const anchor = anchorPart(fragment);
  // Empty `#` and `#top` always scroll to the top, even without such an element (HTML spec,
  // "scroll to the fragment").
  if (anchor === '' || anchor.toLowerCase() === 'top') return false;
  // `#/route`, `#!/route`, `#!`: client-side routes of single-page apps, resolved by their script.
  if (anchor.startsWith('/') || anchor.startsWith('!')) return false;
  // `key=value` fragments are parameters, not anchors: PDF open parameters (`#page=2`), media
  // fragments (`#t=30`), Colab's `#scrollTo=`, OAuth tokens.
  if (/^[\w.-]+=/.test(anchor)) return false;
  // GitHub/GitLab line anchors (`#L10`, `#L10-L20`, `#L10C5`) are highlighted by script; the
  // code view has no element with that id in its HTML.
  if (/^L\d+(C\d+)?(-L?\d+(C\d+)?)?$/.test(anchor)) return false;
  return true;
}

/**
 * Whether the page has the element a fragment points to: an element with that `id`, or an
 * `<a name>`. Fragments that {@link shouldCheckFragment} rejects are always found.
 */
export function hasFragmentTarget(html: string, fragment: string): boolean {
  if (!shouldCheckFragment(fragment)) return true;
  const anchor = anchorPart(fragment);
  // Browsers try the fragment as written, then percent-decoded (HTML spec, "find a potential
  // indicated element"), so `#caf%C3%A9` finds `id="café"`.
  const names = new Set([anchor, decodeTolerantly(anchor)]);
  // GitHub renders README headings as `id="user-content-<slug>"` (to keep user ids from clashing
  // with its own) and resolves `#<slug>` with a script.
  for (const name of [...names]) names.add(`user-content-${name}`);

  const $ = load(html);
  const hasId = $('[id]')
    .toArray()
    .some((element) => names.has(element.attribs.id ?? ''));
  return (
    hasId ||
    $('a[name]')
      .toArray()
      .some((element) => names.has(element.attribs.name ?? ''))
  );
}

/**
 * Whether a page can show that a fragment is missing: it must be complete (not cut off by the
 * body cap) and carry anchors in its HTML rather than have them added by a script.
 */
export function isFragmentVerifiable(html: string): boolean {
  // The fetcher keeps at most a capped prefix of a page; without its closing tags the target may
  // simply lie past the cut.
  if (!/<\/(body|html)\s*>/i.test(html)) return false;
  // Pages whose sections and headings carry no ids, and no in-page link reaches an element, get
  // their anchors from a script (anchor.js, tocbot, client-rendered docs), so the server's HTML
  // cannot prove an anchor missing. Sphinx puts ids on <section>, GitHub on `user-content-` names.
  const $ = load(html);
  if ($(ANCHORED_HEADINGS).length > 0) return true;
  const ids = new Set(
    $('[id]')
      .toArray()
      .map((element) => element.attribs.id ?? '')
      // `href="#"` must not match an `id=""`.
      .filter((id) => id !== ''),
  );
  return $('a[href^="#"]')
    .toArray()
    .some((element) => ids.has(decodeTolerantly((element.attribs.href ?? '').slice(1))));
}

const ANCHORED_HEADINGS =
  'h1[id], h2[id], h3[id], h4[id], h5[id], h6[id], section[id], a[name], [id^="user-content-"]';
