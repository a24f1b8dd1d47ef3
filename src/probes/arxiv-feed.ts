/**
 * Reading the arXiv export API's Atom feed (arxiv.org/help/api/user-manual) and arXiv links,
 * pure. An entry's `<id>` is `http://arxiv.org/abs/<id>v<N>` of the latest version; an error
 * (a malformed id) comes back as one entry whose id is `http://arxiv.org/api/errors#…` and
 * whose title is "Error". A withdrawn paper's latest version is the withdrawal notice, its
 * `<arxiv:comment>` saying so ("This paper has been withdrawn by the author(s)…").
 */
import { Parser } from 'htmlparser2';

/** One paper as the feed gives it. */
export type ArxivEntry = {
  /** Without its version: `1706.03762`, `hep-th/9901001`. */
  id: string;
  /** The latest version's number. */
  version: number;
  title: string;
  summary: string;
  comment: string | undefined;
};

/** What a feed held: its papers, or the API's own error message. */
export type ArxivFeed =
  { kind: 'entries'; entries: ArxivEntry[] } | { kind: 'error'; message: string };

const NEW_ID = /^(\d{4}\.\d{4,5})(?:v(\d+))?$/;
const OLD_ID = /^([a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v(\d+))?$/;
const ABS_PREFIX = /^https?:\/\/(?:export\.|www\.)?arxiv\.org\/abs\//;
const HOSTS: ReadonlySet<string> = new Set(['arxiv.org', 'www.arxiv.org', 'export.arxiv.org']);

/** A paper id with its version, when the link names one. */
export type ArxivId = { id: string; version: number | undefined };

/** Splits `1706.03762v5` (or an old-style id) into id and version; undefined if not an id. */
export function parseArxivId(text: string): ArxivId | undefined {
  const match = NEW_ID.exec(text) ?? OLD_ID.exec(text);
  if (match?.[1] === undefined) return undefined;
  return { id: match[1], version: match[2] === undefined ? undefined : Number(match[2]) };
}

/**
 * The paper an `abs` or `pdf` link opens (`/abs/<id>`, `/pdf/<id>`, `/pdf/<id>.pdf`, old-style
 * ids with their archive), or undefined for other arXiv pages. `id` is undefined for a path
 * that names a paper but no id arXiv could have: such a link cannot open.
 */
export function parseArxivUrl(url: URL): { raw: string; id: ArxivId | undefined } | undefined {
  if (!HOSTS.has(url.hostname.toLowerCase())) return undefined;
  const match = /^\/(?:abs|pdf)\/(.+?)(?:\.pdf)?\/?$/.exec(url.pathname);
  if (match?.[1] === undefined) return undefined;
  const raw = decodeURIComponent(match[1]);
  return { raw, id: parseArxivId(raw) };
}

/** Reads the feed's entries (or its error); undefined when the text is not an Atom feed. */
export function parseArxivFeed(xml: string): ArxivFeed | undefined {
  const entries: ArxivEntry[] = [];
  // An object, not a `let`: the parser's callbacks set it, which narrowing cannot see.
  const seen = { feed: false };
  let error: string | undefined;
  let current: Record<string, string> | undefined;
  let field: string | undefined;
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === 'feed') seen.feed = true;
        else if (name === 'entry') current = {};
        else if (current !== undefined && FIELDS.has(name)) field = name;
      },
      ontext(text) {
        if (current !== undefined && field !== undefined) {
          current[field] = `${current[field] ?? ''}${text}`;
        }
      },
      onclosetag(name) {
        if (name === field) field = undefined;
        if (name !== 'entry' || current === undefined) return;
        const entry = toEntry(current);
        if (entry === 'error') error = clean(current.summary ?? 'error');
        else if (entry !== undefined) entries.push(entry);
        current = undefined;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
  if (!seen.feed) return undefined;
  return error === undefined ? { kind: 'entries', entries } : { kind: 'error', message: error };
}

const FIELDS: ReadonlySet<string> = new Set(['id', 'title', 'summary', 'arxiv:comment']);

function toEntry(fields: Record<string, string>): ArxivEntry | 'error' | undefined {
  const rawId = clean(fields.id ?? '');
  if (rawId.includes('/api/errors')) return 'error';
  const parsed = parseArxivId(rawId.replace(ABS_PREFIX, ''));
  if (parsed === undefined) return undefined;
  const comment = fields['arxiv:comment'];
  return {
    id: parsed.id,
    version: parsed.version ?? 1,
    title: clean(fields.title ?? ''),
    summary: clean(fields.summary ?? ''),
    comment: comment === undefined ? undefined : clean(comment),
  };
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const WITHDRAWN = /\bwithdrawn\b/i;

/** The withdrawal's words, when the latest version is a withdrawal notice. */
export function withdrawalOf(entry: ArxivEntry): string | undefined {
  if (entry.comment !== undefined && WITHDRAWN.test(entry.comment)) return entry.comment;
  if (/^withdrawn\b/i.test(entry.title)) return entry.title;
  if (/^this (paper|article|submission) (has been|is) withdrawn\b/i.test(entry.summary)) {
    return entry.summary.slice(0, 300);
  }
  return undefined;
}
