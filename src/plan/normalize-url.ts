/**
 * URLs as people write them in a roadmap → URLs to fetch. The WHATWG parser does what a browser
 * does (percent-encodes spaces and non-ASCII, punycodes IDN hosts, lower-cases the host), so the
 * link checked is the link a learner's click would open; the lint side says what is off about it.
 */
import { assertNever } from '../domain.js';
import { suggestNearest } from '../roadmap/suggest.js';

/** The result of reading one URL of the roadmap. */
export type ParsedLinkUrl =
  /** `id` is the normalised href (fragment kept): two spellings of one URL share it. */
  | { kind: 'ok'; url: URL; id: string }
  | { kind: 'invalid'; message: string; detail: UrlProblemDetail; suggestion?: string }
  /** `scheme` without the colon, lower-cased, e.g. `ftp`. */
  | { kind: 'unsupported-scheme'; scheme: string };

/** What the linter reports about a URL as written. */
export type UrlProblemKind =
  'unparseable' | 'unsupported-scheme' | 'contains-space' | 'insecure-http';

/**
 * What a message about a URL problem needs, so each language can word it (the English `message`
 * is kept for callers that only speak English).
 */
export type UrlProblemDetail =
  | { kind: 'empty' }
  | { kind: 'no-scheme'; url: string }
  | { kind: 'malformed'; url: string }
  | { kind: 'unsupported-scheme'; scheme: string }
  | { kind: 'contains-space'; spaces: readonly string[] }
  | { kind: 'insecure-http' };

/** One thing wrong with a URL as written, with the fixed text when there is one. */
export type UrlProblem = {
  kind: UrlProblemKind;
  message: string;
  detail: UrlProblemDetail;
  suggestion?: string;
};

const CHECKED_SCHEMES = ['http', 'https'];

/** Parses a URL the way a browser would; only http(s) URLs are `ok`. */
export function parseLinkUrl(text: string): ParsedLinkUrl {
  const trimmed = text.trim();
  if (trimmed === '') {
    return { kind: 'invalid', message: 'the URL is empty', detail: { kind: 'empty' } };
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1];
  // `example.com/x` and `//example.com/x` have no scheme; `example.com:8080` only looks as if it did.
  if (scheme === undefined || scheme.includes('.')) {
    const guess = `https://${trimmed.replace(/^\/\//, '')}`;
    return {
      kind: 'invalid',
      message: `"${trimmed}" has no scheme`,
      detail: { kind: 'no-scheme', url: trimmed },
      ...(looksLikeHost(trimmed) && URL.canParse(guess) ? { suggestion: guess } : {}),
    };
  }
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return {
      kind: 'invalid',
      message: `"${trimmed}" is not a valid URL`,
      detail: { kind: 'malformed', url: trimmed },
    };
  }
  const protocol = url.protocol.slice(0, -1);
  if (!CHECKED_SCHEMES.includes(protocol)) {
    return { kind: 'unsupported-scheme', scheme: protocol };
  }
  return { kind: 'ok', url, id: url.href };
}

/** Everything wrong with a URL as written, in the order a person would fix it. */
export function findUrlProblems(text: string): UrlProblem[] {
  const trimmed = text.trim();
  const parsed = parseLinkUrl(trimmed);
  switch (parsed.kind) {
    case 'invalid':
      return [
        {
          kind: 'unparseable',
          message: parsed.message,
          detail: parsed.detail,
          ...(parsed.suggestion === undefined ? {} : { suggestion: parsed.suggestion }),
        },
      ];
    case 'unsupported-scheme': {
      // `htp://` and `hhtps://` are typos; `ftp://` and `mailto:` are deliberate.
      const nearest = suggestNearest(parsed.scheme, CHECKED_SCHEMES);
      const suggestion = nearest === undefined ? undefined : trimmed.replace(/^[^:]*/, nearest);
      return [
        {
          kind: 'unsupported-scheme',
          message: `"${parsed.scheme}:" is not an http(s) URL, so it cannot be checked`,
          detail: { kind: 'unsupported-scheme', scheme: parsed.scheme },
          ...(suggestion === undefined ? {} : { suggestion }),
        },
      ];
    }
    case 'ok':
      return [...spaceProblems(trimmed), ...schemeProblems(trimmed, parsed.url)];
    default:
      return assertNever(parsed);
  }
}

function spaceProblems(text: string): UrlProblem[] {
  const spaces = [...new Set(text.match(/\s/gu) ?? [])];
  if (spaces.length === 0) {
    return [];
  }
  // A browser sends the space as %20 (or %C2%A0 for a no-break space); writing it that way keeps
  // the link intact when it is copied into Markdown, where a raw space ends the URL.
  const suggestion = text.replace(/\s/gu, (space) => encodeURIComponent(space));
  const names = spaces.map((space) =>
    space === ' ' ? 'a space' : `whitespace U+${codePoint(space)}`,
  );
  return [
    {
      kind: 'contains-space',
      message: `the URL contains ${names.join(' and ')}`,
      detail: { kind: 'contains-space', spaces },
      suggestion,
    },
  ];
}

function schemeProblems(text: string, url: URL): UrlProblem[] {
  if (url.protocol !== 'http:') {
    return [];
  }
  const suggestion = text.replace(/^http:/i, 'https:');
  return [
    {
      kind: 'insecure-http',
      message: 'the URL uses http://; prefer https://',
      detail: { kind: 'insecure-http' },
      suggestion,
    },
  ];
}

function looksLikeHost(text: string): boolean {
  return /^(\/\/)?[^\s/:]+\.[^\s/:]+/.test(text);
}

function codePoint(character: string): string {
  return (character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
}
