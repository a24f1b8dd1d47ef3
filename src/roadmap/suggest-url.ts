/**
 * What a URL as written should have been, with every applicable correction at once: a fix hint
 * that keeps one of the errors it fixes (a scheme repaired, the space left in) sends the
 * contributor round again. Also finds the characters a Chinese keyboard or a copy from Markdown
 * or prose slips into a URL: a full-width colon or slash in `https://`, a full-width space, a
 * closing bracket or full stop after the URL. Pure.
 */
import { assertNever } from '../domain.js';
import { findUrlProblems, type UrlProblem } from '../plan/normalize-url.js';

/** A character that does not belong in the URL where it stands, and what it should be. */
export type StrayCharacter = {
  /** The character as written, e.g. `：`. */
  character: string;
  /** What it is, for the message: `a full-width colon`. */
  name: string;
  /** `scheme`: in `https://`; `space`: anywhere; `end`: copied along after the URL. */
  where: 'scheme' | 'space' | 'end';
  /** What to write instead (empty: remove it). */
  replacement: string;
};

const FULL_WIDTH_IN_SCHEME: Readonly<Record<string, { name: string; replacement: string }>> = {
  '：': { name: 'a full-width colon "："', replacement: ':' },
  '／': { name: 'a full-width slash "／"', replacement: '/' },
};

const FULL_WIDTH_SPACE = '\u3000';

/** Punctuation that ends Chinese prose or Markdown, never a URL. */
const TRAILING_PROSE: Readonly<Record<string, string>> = {
  '）': 'a full-width closing bracket "）"',
  '。': 'a full stop "。"',
  '，': 'a full-width comma "，"',
  '、': 'an enumeration comma "、"',
  '；': 'a full-width semicolon "；"',
  ')': 'a closing bracket ")" that nothing opened',
};

/** Every stray character of a URL as written, in reading order. */
export function findStrayCharacters(url: string): StrayCharacter[] {
  const text = url.trim();
  const stray: StrayCharacter[] = [];
  const scheme = /^[a-z]+(?:[:：][/／]{0,2})/i.exec(text)?.[0] ?? '';
  for (const character of scheme) {
    const fullWidth = FULL_WIDTH_IN_SCHEME[character];
    if (fullWidth !== undefined && !stray.some((seen) => seen.character === character)) {
      stray.push({ character, ...fullWidth, where: 'scheme' });
    }
  }
  if (text.includes(FULL_WIDTH_SPACE)) {
    stray.push({
      character: FULL_WIDTH_SPACE,
      name: 'a full-width space (U+3000)',
      where: 'space',
      // Meant as a space: written the way a browser sends one.
      replacement: '%20',
    });
  }
  const last = text.at(-1);
  const trailing = last === undefined ? undefined : TRAILING_PROSE[last];
  // Wikipedia-style `…_(model)` keeps its bracket; only one that nothing opened is stray.
  const isBalancedBracket = last === ')' && countOf(text, '(') >= countOf(text, ')');
  if (last !== undefined && trailing !== undefined && !isBalancedBracket) {
    stray.push({ character: last, name: trailing, where: 'end', replacement: '' });
  }
  return stray;
}

/** A URL's problems and its corrected form, every correction applied. */
export type UrlRepair = {
  stray: StrayCharacter[];
  /** Problems as curate's URL reader sees them once the stray characters are fixed. */
  problems: UrlProblem[];
  /** The URL with every correction; undefined when there is nothing to correct. */
  suggestion: string | undefined;
};

/** At most this many corrections follow one another (stray, scheme, then spaces). */
const MAX_ROUNDS = 4;

/** Finds everything wrong with a URL and the one spelling that fixes all of it. */
export function repairUrl(url: string): UrlRepair {
  const original = url.trim();
  const stray = findStrayCharacters(original);
  let text = withoutStray(original, stray);
  const problems: UrlProblem[] = [];
  // A scheme typo hides the space behind it (the URL reader stops at the first problem), so
  // each repaired spelling is read again for what it still has wrong.
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const found = findUrlProblems(text).filter(
      (problem) => !problems.some((seen) => seen.kind === problem.kind),
    );
    problems.push(...found);
    const next = found.find(
      (problem) =>
        problem.suggestion !== undefined &&
        (problem.kind === 'unparseable' || problem.kind === 'unsupported-scheme'),
    )?.suggestion;
    if (next === undefined || next === text) break;
    text = next;
  }
  const repaired = encodeWhitespace(text);
  // A suggestion is only worth making when it fixes everything it is shown for (`http://` is
  // its own warning, with its own suggestion).
  const isClean = findUrlProblems(repaired).every((problem) => problem.kind === 'insecure-http');
  return {
    stray,
    problems,
    suggestion: repaired === original || !isClean ? undefined : repaired,
  };
}

/** The suggestion for one problem: `http://` problems also get `https://`. */
export function suggestionFor(problem: UrlProblem, repair: UrlRepair): string | undefined {
  if (problem.kind === 'insecure-http') {
    return (repair.suggestion ?? problem.suggestion)?.replace(/^http:/i, 'https:');
  }
  return repair.suggestion;
}

function withoutStray(text: string, stray: readonly StrayCharacter[]): string {
  let fixed = text;
  for (const { character, where, replacement } of stray) {
    switch (where) {
      case 'scheme':
        fixed = fixed.replace(/^[^/]*[/／]{0,2}/, (scheme) =>
          scheme.replaceAll(character, replacement),
        );
        break;
      case 'space':
        fixed = fixed.replaceAll(character, replacement).trim();
        break;
      case 'end':
        fixed = fixed.slice(0, -character.length);
        break;
      default:
        return assertNever(where);
    }
  }
  return fixed;
}

/** As a browser sends it: `%20` for a space, `%C2%A0` for a no-break space. */
function encodeWhitespace(text: string): string {
  return text.replace(/\s/gu, (space) => encodeURIComponent(space));
}

function countOf(text: string, character: string): number {
  return text.split(character).length - 1;
}
