/**
 * The splicer of `curate fix`: rewrites URLs that moved permanently to where they moved, touching
 * nothing else. The yaml Document API finds each URL's scalar and its source range; the new value
 * is spliced into the original text there, because re-stringifying the document would re-flow
 * flow maps and comment spacing all over the file.
 */
import { isDeepStrictEqual } from 'node:util';
import { isCollection, isScalar, LineCounter, parseDocument, type Scalar, visit } from 'yaml';
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
  | 'unchanged';

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
    for (const slot of matches) newUrls.set(slot, fix.to);
    result.applied.push(fix);
  }
  result.edits = [...newUrls]
    .map(([slot, url]) => ({
      start: slot.start,
      end: slot.end,
      text: renderUrlScalar(url, slot.node.type, slot.isInFlow),
    }))
    .sort((a, b) => a.start - b.start);
  result.text = applyTextEdits(text, result.edits);
  assertOnlyUrlsChanged(doc, result.text, newUrls);
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
  return undefined;
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
      });
    },
  });
  return slots;
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
): void {
  if (newUrls.size === 0) return;
  for (const [slot, url] of newUrls) slot.node.value = url;
  const reread = parseDocument(newText);
  if (reread.errors.length > 0 || !isDeepStrictEqual(reread.toJS(), doc.toJS())) {
    throw new InternalError('curate fix produced YAML that does not read back as intended');
  }
}
