/**
 * Whether a URL's `#fragment` points at something on an HTML page. Pure: htmlparser2's tokenizer
 * on the body string, no DOM, stopping at the first element that settles the question. Only
 * fragments a browser would scroll to are checked; the many fragments that mean something else
 * (routes, text directives, viewer parameters) are always fine.
 */
import { Parser } from 'htmlparser2';

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
  const isTarget = targetMatcher(fragment);
  return someOpenTag(html, isTarget);
}

/**
 * Whether a page can show that a fragment is missing: it must be complete (not cut off by the
 * body cap) and carry anchors in its HTML rather than have them added by a script.
 */
export function isFragmentVerifiable(html: string): boolean {
  if (!isComplete(html)) return false;
  return someOpenTag(html, anchorsWitness());
}

/**
 * Whether the page shows that `fragment` is missing: it is worth checking, the page can show it
 * ({@link isFragmentVerifiable}) and has no target ({@link hasFragmentTarget}). One pass of the
 * tokenizer answers both, stopping at the target (the two checks read a page twice when its
 * anchor evidence came late).
 */
export function isFragmentMissing(html: string, fragment: string): boolean {
  if (!shouldCheckFragment(fragment) || !isComplete(html)) return false;
  const isTarget = targetMatcher(fragment);
  const witnessesAnchors = anchorsWitness();
  const seen = { isVerifiable: false };
  const isFound = someOpenTag(html, (name, attribs) => {
    if (isTarget(name, attribs)) return true;
    if (!seen.isVerifiable) seen.isVerifiable = witnessesAnchors(name, attribs);
    return false;
  });
  return seen.isVerifiable && !isFound;
}

type TagTest = (name: string, attribs: Readonly<Record<string, string>>) => boolean;

/**
 * The ids (or `<a name>`s) that make an element the fragment's target; empty when the fragment
 * is not worth checking ({@link shouldCheckFragment}). The fetcher reads a page on until one of
 * them is written as an id (fetch/page-read.ts).
 */
export function fragmentTargetNames(fragment: string): string[] {
  if (!shouldCheckFragment(fragment)) return [];
  const anchor = anchorPart(fragment);
  // Browsers try the fragment as written, then percent-decoded (HTML spec, "find a potential
  // indicated element"), so `#caf%C3%A9` finds `id="café"`.
  const names = new Set([anchor, decodeTolerantly(anchor)]);
  // GitHub renders README headings as `id="user-content-<slug>"` (to keep user ids from clashing
  // with its own) and resolves `#<slug>` with a script.
  for (const name of [...names]) names.add(`user-content-${name}`);
  return [...names];
}

/** Whether an element is the fragment's target (its id, or an `<a name>`). */
function targetMatcher(fragment: string): TagTest {
  const names = new Set(fragmentTargetNames(fragment));
  return (name, attribs) =>
    names.has(attribs.id ?? '') || (name === 'a' && names.has(attribs.name ?? ''));
}

/** The fetcher keeps at most a capped prefix; without its closing tags a target may lie past the cut. */
function isComplete(html: string): boolean {
  return /<\/(body|html)\s*>/i.test(html);
}

/**
 * A test that says yes at the first element showing the page carries its anchors in its HTML.
 * Pages whose sections and headings carry no ids, and no in-page link reaches an element, get
 * their anchors from a script (anchor.js, tocbot, client-rendered docs), so the server's HTML
 * cannot prove an anchor missing. Sphinx puts ids on <section>, GitHub on `user-content-` names.
 */
function anchorsWitness(): TagTest {
  const ids = new Set<string>();
  const targets = new Set<string>();
  return (name, attribs) => {
    if (isAnchoredElement(name, attribs)) return true;
    const { id, href } = attribs;
    // `href="#"` must not match an `id=""`.
    if (id !== undefined && id !== '') {
      if (targets.has(id)) return true;
      ids.add(id);
    }
    if (name === 'a' && href?.startsWith('#') === true) {
      const target = decodeTolerantly(href.slice(1));
      if (ids.has(target)) return true;
      targets.add(target);
    }
    return false;
  };
}

const ANCHORED_HEADINGS: ReadonlySet<string> = new Set([
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'section',
]);

/** A heading or section with an id, an `<a name>`, or a GitHub `user-content-` id. */
function isAnchoredElement(name: string, attribs: Readonly<Record<string, string>>): boolean {
  const { id } = attribs;
  return (
    (id !== undefined && (ANCHORED_HEADINGS.has(name) || id.startsWith('user-content-'))) ||
    (name === 'a' && attribs.name !== undefined)
  );
}

/**
 * Whether `matches` holds for some element, in document order; reading stops at the first.
 * Attributes are as a DOM would have them: names lower-cased, entities decoded, first one wins.
 */
function someOpenTag(html: string, matches: TagTest): boolean {
  let isFound = false;
  const parser = new Parser({
    onopentag(name, attribs) {
      if (isFound || !matches(name, attribs)) return;
      isFound = true;
      parser.pause();
    },
  });
  // Pausing from the callback stops the tokenizer there and makes the end a no-op.
  parser.end(html);
  return isFound;
}
