/**
 * What can still appear in the rest of a page, answered from the raw HTML: the scan
 * (html-scan.ts) stops once nothing it still wants has a way to come. A tag is looked up in an
 * index of where each watched tag opens last; a text pattern is searched once from the parse
 * position and remembered until the position passes its match.
 */

// Tag names cannot be written with character references, so a tag that is not in the rest of the
// raw HTML cannot open there. The tokenizer ends a tag name at whitespace, `/` or `>`. One pass
// over the page finds where each watched tag opens last: a 200 KB page took a full regex scan
// for each absent tag before, most of its classification time.
const WATCHED_TAG = /<(title|h1|h2|meta|script|iframe|frame|input|body)[\s/>]/gi;

/**
 * Something that must lie ahead of the parse position: one of some tags opening (answered from
 * the page's tag index), or a text pattern (searched once, remembering where it next matches).
 */
export type Lookahead =
  { kind: 'tag'; names: readonly string[] } | { kind: 'text'; pattern: RegExp; nextAt: number };

/** A text pattern that must lie ahead (searched globally from the parse position). */
export function lookahead(pattern: RegExp): Lookahead {
  const flags = pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`;
  return { kind: 'text', pattern: new RegExp(pattern.source, flags), nextAt: -1 };
}

/** One of `names` must still open ahead. */
export function tagAhead(names: readonly string[]): Lookahead {
  return { kind: 'tag', names };
}

/** Where each watched tag name opens last in the raw HTML (lower-cased names). */
export type TagIndex = ReadonlyMap<string, number>;

/** One pass over the page: where each watched tag opens last. */
export function indexTags(html: string): TagIndex {
  const lastOpen = new Map<string, number>();
  WATCHED_TAG.lastIndex = 0;
  for (let match = WATCHED_TAG.exec(html); match !== null; match = WATCHED_TAG.exec(html)) {
    lastOpen.set((match[1] ?? '').toLowerCase(), match.index);
  }
  return lastOpen;
}

/** Whether the lookahead matches at or after `position` (positions only ever grow). */
export function isAhead(
  html: string,
  ahead: Lookahead,
  position: number,
  tagIndex: () => TagIndex,
): boolean {
  if (ahead.kind === 'tag') {
    const tags = tagIndex();
    return ahead.names.some((name) => (tags.get(name) ?? -1) >= position);
  }
  if (ahead.nextAt < position) {
    ahead.pattern.lastIndex = position;
    ahead.nextAt = ahead.pattern.exec(html)?.index ?? Infinity;
  }
  return ahead.nextAt !== Infinity;
}

/**
 * A case-insensitive hint matching any of `words` as written, for {@link HtmlScanRequest}: the
 * words a wanted attribute value or heading must contain.
 */
export function anyWordHint(words: readonly string[]): RegExp {
  return new RegExp(words.map(escapeRegExp).join('|'), 'i');
}

/** The tag, and the hint too when there is one: both must lie ahead. */
export function withHint(tag: Lookahead, hint: RegExp | undefined): Lookahead[] {
  return hint === undefined ? [tag] : [tag, lookahead(hint)];
}

/** `text` as a pattern matching it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
