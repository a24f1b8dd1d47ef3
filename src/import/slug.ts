/**
 * Resource ids for `curate import`: slugs of the title, stable (the same list gives the same ids)
 * and unique (a second "Article" is `article-2`, in reading order).
 */

const MAX_SLUG_LENGTH = 60;
const MIN_TITLE_SLUG_LENGTH = 3;

/** A slug of `text` (lower-case ASCII letters, digits and `-`), or '' when nothing is left. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    // "Engineer's" → engineers, not engineer-s.
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, MAX_SLUG_LENGTH).replace(/-+$/, '');
}

/** Hands out ids that were not handed out before, nor reserved (a merged roadmap's own ids). */
export class IdAllocator {
  readonly #taken: Set<string>;

  constructor(reserved: Iterable<string> = []) {
    this.#taken = new Set(reserved);
  }

  /** A unique slug of the title, else of the URL (a title in Chinese has no ASCII slug). */
  allocate(title: string, url: string): string {
    const fromTitle = slugify(title);
    // "B站搬运" keeps only "b": a title mostly in Chinese names its resource by the URL instead.
    const base =
      (fromTitle.length >= MIN_TITLE_SLUG_LENGTH ? fromTitle : '') ||
      slugify(url.replace(/^https?:\/\/(www\.)?/, '')) ||
      'resource';
    let id = base;
    for (let suffix = 2; this.#taken.has(id); suffix += 1) id = `${base}-${suffix}`;
    this.#taken.add(id);
    return id;
  }
}
