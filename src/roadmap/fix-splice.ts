/**
 * The splicer of `curate fix`: rewrites URLs that moved permanently to where they moved, touching
 * nothing else. The yaml Document API finds each URL's scalar and its source range; the new value
 * is spliced into the original text there, because re-stringifying the document would re-flow
 * flow maps and comment spacing all over the file.
 */
import { isDeepStrictEqual } from 'node:util';
import {
  isCollection,
  isMap,
  isScalar,
  LineCounter,
  parseDocument,
  type Scalar,
  visit,
  type YAMLMap,
} from 'yaml';
import { InputError, type InputProblem, InternalError } from '../errors.js';
import { renderUrlScalar } from './fix-scalar.js';
import { uniqueFixes, type UrlFix } from './fix.js';
import { applyTextEdits, type TextEdit } from './unified-diff.js';

/** Why a fix was not applied. */
export type FixSkipReason =
  /** No `url:` on that line has that value: the roadmap changed since the report. */
  | 'not-found'
  /** The URL is a block scalar (`|` or `>`), which cannot be rewritten in place safely. */
  | 'block-scalar'
  /** Another fix already rewrote the same URL differently. */
  | 'conflict'
  | 'unchanged'
  /** `--archive`: the resource already has an `original_url:`; replacing it would lose it. */
  | 'has-original';

/** The outcome of `applyUrlFixes`. */
export type FixResult = {
  text: string;
  /** The spans of the old text that were replaced, in text order (what `--dry-run` shows). */
  edits: TextEdit[];
  applied: UrlFix[];
  skipped: { fix: UrlFix; reason: FixSkipReason }[];
};

/** A `url:` value in the file, with the lines it may be reported on. */
type UrlSlot = {
  node: Scalar;
  start: number;
  end: number;
  /** The key's line and the value's line (they differ for `url:` followed by a newline). */
  lines: ReadonlySet<number>;
  isInFlow: boolean;
  /** The mapping the `url:` is in, where `original_url:` goes. */
  map: YAMLMap | undefined;
  /** The `url` key's column (0-based), the indentation of a new key in a block mapping. */
  keyColumn: number;
};

/**
 * Parses roadmap text to splice into, with line positions; invalid YAML is an input error
 * naming every problem and what was not done (`consequence`, e.g. "no URL was fixed").
 */
export function parseForEdit(
  text: string,
  file: string,
  consequence: string,
): { doc: ReturnType<typeof parseDocument>; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((error): InputProblem => ({
      file,
      line: error.linePos?.[0].line ?? 0,
      column: error.linePos?.[0].col ?? 0,
      path: '',
      message: error.message.split('\n')[0] ?? error.message,
    }));
    throw new InputError(`${file} is not valid YAML, so ${consequence}.`, problems);
  }
  return { doc, lineCounter };
}

/** Rewrites the given URLs in roadmap text; every byte outside the rewritten URLs is kept. */
export function applyUrlFixes(
  text: string,
  fixes: readonly UrlFix[],
  file = 'roadmap.yaml',
): FixResult {
  const { doc, lineCounter } = parseForEdit(text, file, 'no URL was fixed');
  const slots = findUrlSlots(doc, lineCounter);
  const newUrls = new Map<UrlSlot, string>();
  const keptOriginals = new Set<UrlSlot>();
  const result: FixResult = { text, edits: [], applied: [], skipped: [] };
  for (const fix of uniqueFixes(fixes)) {
    const matches = slots.filter(
      (slot) => slot.node.value === fix.from && slot.lines.has(fix.line),
    );
    const reason = skipReason(fix, matches, newUrls);
    if (reason !== undefined) {
      result.skipped.push({ fix, reason });
      continue;
    }
    for (const slot of matches) {
      newUrls.set(slot, fix.to);
      if (fix.keepsOriginal === true) keptOriginals.add(slot);
    }
    result.applied.push(fix);
  }
  result.edits = [...newUrls]
    .map(([slot, url]) => {
      const scalar = renderUrlScalar(url, slot.node.type, slot.isInFlow);
      return keptOriginals.has(slot)
        ? withOriginalUrl(text, slot, scalar)
        : { start: slot.start, end: slot.end, text: scalar };
    })
    .sort((a, b) => a.start - b.start);
  result.text = applyTextEdits(text, result.edits);
  assertOnlyUrlsChanged(doc, result.text, newUrls, keptOriginals);
  return result;
}

function skipReason(
  fix: UrlFix,
  matches: readonly UrlSlot[],
  newUrls: ReadonlyMap<UrlSlot, string>,
): FixSkipReason | undefined {
  if (fix.from === fix.to) return 'unchanged';
  if (matches.length === 0) return 'not-found';
  if (
    matches.some((slot) => slot.node.type === 'BLOCK_LITERAL' || slot.node.type === 'BLOCK_FOLDED')
  ) {
    return 'block-scalar';
  }
  if (matches.some((slot) => newUrls.has(slot))) return 'conflict';
  if (
    fix.keepsOriginal === true &&
    matches.some((slot) => slot.map?.has('original_url') === true)
  ) {
    return 'has-original';
  }
  return undefined;
}

/**
 * The edit that writes the new URL and, beside it, the old one as `original_url:`, copied as
 * it was written (same quoting): right after it in a flow mapping, on the next line at the
 * key's indentation in a block one (after any comment that ends the `url:` line).
 */
function withOriginalUrl(text: string, slot: UrlSlot, scalar: string): TextEdit {
  const original = text.slice(slot.start, slot.end);
  if (slot.isInFlow) {
    return { start: slot.start, end: slot.end, text: `${scalar}, original_url: ${original}` };
  }
  const newline = text.indexOf('\n', slot.end);
  const lineEnd = newline === -1 ? text.length : newline;
  // A CRLF file keeps its line endings: the new line ends like the others.
  const rest = text.slice(slot.end, lineEnd).replace(/\r$/, '');
  const eol = text.slice(slot.end, lineEnd).endsWith('\r') ? '\r\n' : '\n';
  const end = text.slice(slot.end, lineEnd).endsWith('\r') ? lineEnd - 1 : lineEnd;
  const indent = ' '.repeat(slot.keyColumn);
  return {
    start: slot.start,
    end,
    text: `${scalar}${rest}${eol}${indent}original_url: ${original}`,
  };
}

function findUrlSlots(doc: ReturnType<typeof parseDocument>, lineCounter: LineCounter): UrlSlot[] {
  const slots: UrlSlot[] = [];
  visit(doc, {
    Pair(_, pair, path) {
      const { key, value } = pair;
      if (!isScalar(key) || key.value !== 'url' || !isScalar(value)) return;
      if (typeof value.value !== 'string' || value.range === null || value.range === undefined)
        return;
      const [start, end] = value.range;
      slots.push({
        node: value,
        start,
        end,
        lines: new Set([lineOf(key, lineCounter), lineCounter.linePos(start).line]),
        isInFlow: path.some((ancestor) => isCollection(ancestor) && ancestor.flow === true),
        map: mapOf(path.at(-1)),
        keyColumn: key.range ? lineCounter.linePos(key.range[0]).col - 1 : 0,
      });
    },
  });
  return slots;
}

function mapOf(node: unknown): YAMLMap | undefined {
  return isMap(node) ? node : undefined;
}

function lineOf(node: Scalar, lineCounter: LineCounter): number {
  return node.range === null || node.range === undefined
    ? 0
    : lineCounter.linePos(node.range[0]).line;
}

/** Re-reads the new text: it must be the old data with exactly the new URLs, or it is a bug. */
function assertOnlyUrlsChanged(
  doc: ReturnType<typeof parseDocument>,
  newText: string,
  newUrls: ReadonlyMap<UrlSlot, string>,
  keptOriginals: ReadonlySet<UrlSlot>,
): void {
  if (newUrls.size === 0) return;
  for (const slot of keptOriginals) slot.map?.set('original_url', slot.node.value);
  for (const [slot, url] of newUrls) slot.node.value = url;
  const reread = parseDocument(newText);
  if (reread.errors.length > 0 || !isDeepStrictEqual(reread.toJS(), doc.toJS())) {
    throw new InternalError('curate fix produced YAML that does not read back as intended');
  }
}
