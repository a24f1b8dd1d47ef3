/**
 * Text edits, and the unified diff of them that `curate fix --dry-run` prints. The diff is built
 * from the spans the fixer replaced, not by diffing the two texts: the edits already say which
 * lines changed, so no line matching (and no table quadratic in the file's length) is needed.
 *
 * Lines end at `\n`. A `\r` before it belongs to the line, so a CRLF file shows as it is, and a
 * last line without `\n` is marked `\ No newline at end of file`, as `diff` and git do.
 */
import { InternalError } from '../errors.js';

/** One replaced span of a text: the characters `[start, end)` become `text`. */
export type TextEdit = { start: number; end: number; text: string };

/** `text` with the edits applied; `edits` are in text order and do not overlap. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  assertInOrder(text, edits);
  return spliceRange(text, edits, 0, text.length);
}

const CONTEXT_LINES = 2;

/** Changed lines: the old lines `[oldFrom, oldTo)` (0-based) became `added`. */
type Change = { oldFrom: number; oldTo: number; removed: string[]; added: string[] };

/**
 * A unified diff of `oldText` and what `edits` make of it: every changed line with two lines of
 * context, hunks whose context meets merged into one. `edits` are in text order and do not
 * overlap. No change gives an empty string.
 */
export function renderUnifiedDiff(
  oldText: string,
  edits: readonly TextEdit[],
  file: string,
): string {
  const lines = new LineIndex(oldText);
  const hunks = groupHunks(changesOf(lines, edits));
  if (hunks.length === 0) return '';
  const out = [`--- a/${file}`, `+++ b/${file}`];
  let shift = 0; // new line number minus old line number, before the current hunk
  for (const hunk of hunks) {
    out.push(...renderHunk(lines, hunk, shift));
    shift += linesAdded(hunk);
  }
  return `${out.join('\n')}\n`;
}

/** The lines of a text, each with its `\n`, found by offset. */
class LineIndex {
  readonly text: string;
  /** Offsets of the text's `\n` characters. */
  private readonly newlines: number[] = [];
  /** How many lines the text has; a last line without `\n` counts. */
  readonly count: number;

  constructor(text: string) {
    this.text = text;
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
      this.newlines.push(at);
    }
    const hasUnendedLine = text.length > 0 && !text.endsWith('\n');
    this.count = this.newlines.length + (hasUnendedLine ? 1 : 0);
  }

  /** The 0-based line `offset` is on; the end of a text ending in `\n` is on line `count`. */
  lineAt(offset: number): number {
    let [low, high] = [0, this.newlines.length];
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.newlines[middle] ?? Infinity) < offset) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Where line `line` starts; line `count` starts at the end of the text. */
  startOf(line: number): number {
    if (line === 0) return 0;
    const newline = this.newlines[line - 1];
    return newline === undefined ? this.text.length : newline + 1;
  }

  /** The lines `[from, to)`, each with its `\n`. */
  slice(from: number, to: number): string[] {
    const lines: string[] = [];
    for (let line = from; line < to; line += 1) {
      lines.push(this.text.slice(this.startOf(line), this.startOf(line + 1)));
    }
    return lines;
  }
}

/** The changes the edits make, in order: edits on the same or adjacent lines form one. */
function changesOf(lines: LineIndex, edits: readonly TextEdit[]): Change[] {
  assertInOrder(lines.text, edits);
  const spans: { oldFrom: number; oldTo: number; edits: TextEdit[] }[] = [];
  for (const edit of edits) {
    const oldFrom = lines.lineAt(edit.start);
    const oldTo = endLineOf(lines, edit, oldFrom);
    const last = spans.at(-1);
    // Touching spans merge too: changed lines next to each other are one change.
    if (last !== undefined && oldFrom <= last.oldTo) {
      last.oldTo = Math.max(last.oldTo, oldTo);
      last.edits.push(edit);
    } else {
      spans.push({ oldFrom, oldTo, edits: [edit] });
    }
  }
  return spans
    .map((span) => trimUnchanged(lines, span.oldFrom, span.oldTo, span.edits))
    .filter((change) => change.removed.length > 0 || change.added.length > 0);
}

/**
 * The old line after the last one an edit touches. An edit that ends where a line starts leaves
 * that line alone, unless the new text before it stops mid-line and so runs into it.
 */
function endLineOf(lines: LineIndex, edit: TextEdit, oldFrom: number): number {
  const endLine = lines.lineAt(edit.end);
  const head = lines.text.slice(lines.startOf(oldFrom), edit.start) + edit.text;
  const endsAtLineStart = edit.end === lines.startOf(endLine);
  const isHeadWholeLines = head === '' || head.endsWith('\n');
  return endsAtLineStart && isHeadWholeLines ? endLine : Math.min(endLine + 1, lines.count);
}

/** The old and new lines of a span, without the lines at either end that stayed the same. */
function trimUnchanged(
  lines: LineIndex,
  oldFrom: number,
  oldTo: number,
  edits: readonly TextEdit[],
): Change {
  const removed = lines.slice(oldFrom, oldTo);
  const added = splitLines(
    spliceRange(lines.text, edits, lines.startOf(oldFrom), lines.startOf(oldTo)),
  );
  let [from, to] = [oldFrom, oldTo];
  while (removed.length > 0 && added.length > 0 && removed[0] === added[0]) {
    removed.shift();
    added.shift();
    from += 1;
  }
  while (removed.length > 0 && added.length > 0 && removed.at(-1) === added.at(-1)) {
    removed.pop();
    added.pop();
    to -= 1;
  }
  return { oldFrom: from, oldTo: to, removed, added };
}

/** The characters `[from, to)` of the text with the edits inside them applied. */
function spliceRange(text: string, edits: readonly TextEdit[], from: number, to: number): string {
  let out = '';
  let at = from;
  for (const edit of edits) {
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at, to);
}

function assertInOrder(text: string, edits: readonly TextEdit[]): void {
  let previousEnd = 0;
  for (const edit of edits) {
    if (edit.start < previousEnd || edit.end < edit.start || edit.end > text.length) {
      throw new InternalError('text edits must be in order, inside the text and apart');
    }
    previousEnd = edit.end;
  }
}

/** Lines with their `\n`, so that a missing final newline is a difference too (as in git). */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** Changes grouped into hunks: one hunk while fewer than 5 unchanged lines lie between. */
function groupHunks(changes: readonly Change[]): Change[][] {
  const hunks: Change[][] = [];
  for (const change of changes) {
    const hunk = hunks.at(-1);
    const last = hunk?.at(-1);
    if (
      hunk !== undefined &&
      last !== undefined &&
      change.oldFrom - last.oldTo <= 2 * CONTEXT_LINES
    ) {
      hunk.push(change);
    } else {
      hunks.push([change]);
    }
  }
  return hunks;
}

/** How many lines a hunk adds (removes, if negative). */
function linesAdded(hunk: readonly Change[]): number {
  return hunk.reduce((sum, change) => sum + change.added.length - change.removed.length, 0);
}

/** One hunk; `shift` is how many lines the hunks before it added (or removed, if negative). */
function renderHunk(lines: LineIndex, hunk: readonly Change[], shift: number): string[] {
  const first = hunk[0];
  const last = hunk.at(-1);
  if (first === undefined || last === undefined) return [];
  const oldStart = Math.max(0, first.oldFrom - CONTEXT_LINES);
  const oldEnd = Math.min(lines.count, last.oldTo + CONTEXT_LINES);
  const newLength = oldEnd - oldStart + linesAdded(hunk);
  const body: string[] = [];
  let at = oldStart;
  for (const change of hunk) {
    body.push(...prefixed(' ', lines.slice(at, change.oldFrom)));
    body.push(...prefixed('-', change.removed), ...prefixed('+', change.added));
    at = change.oldTo;
  }
  body.push(...prefixed(' ', lines.slice(at, oldEnd)));
  // Unified diff numbers lines from 1; an empty side names the line before it.
  const range = (start: number, length: number): string =>
    `${length === 0 ? start : start + 1},${length}`;
  return [
    `@@ -${range(oldStart, oldEnd - oldStart)} +${range(oldStart + shift, newLength)} @@`,
    ...body,
  ];
}

function prefixed(kind: ' ' | '-' | '+', lines: readonly string[]): string[] {
  return lines.flatMap((line) =>
    line.endsWith('\n')
      ? [`${kind}${line.slice(0, -1)}`]
      : [`${kind}${line}`, '\\ No newline at end of file'],
  );
}
