/**
 * `curate fix`: rewrites URLs that moved permanently to where they moved, touching nothing else.
 * The yaml Document API finds each URL's scalar and its source range; the new value is spliced
 * into the original text there, because re-stringifying the document would re-flow flow maps and
 * comment spacing all over the file.
 */
import { isDeepStrictEqual } from 'node:util';
import { isCollection, isScalar, LineCounter, parseDocument, type Scalar, visit } from 'yaml';
import { InputError, type InputProblem, InternalError } from '../errors.js';
import type { Report } from '../report/schema.js';

/** Replace `from` by `to` in the `url:` written on `line` (1-based). */
export type UrlFix = { line: number; from: string; to: string };

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

/** Rewrites the given URLs in roadmap text; every byte outside the rewritten URLs is kept. */
export function applyUrlFixes(
  text: string,
  fixes: readonly UrlFix[],
  file = 'roadmap.yaml',
): FixResult {
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
    throw new InputError(`${file} is not valid YAML, so no URL was fixed.`, problems);
  }
  const slots = findUrlSlots(doc, lineCounter);
  const edits = new Map<UrlSlot, string>();
  const result: FixResult = { text, applied: [], skipped: [] };
  for (const fix of uniqueFixes(fixes)) {
    const matches = slots.filter(
      (slot) => slot.node.value === fix.from && slot.lines.has(fix.line),
    );
    const reason = skipReason(fix, matches, edits);
    if (reason !== undefined) {
      result.skipped.push({ fix, reason });
      continue;
    }
    for (const slot of matches) edits.set(slot, fix.to);
    result.applied.push(fix);
  }
  result.text = splice(text, edits);
  assertOnlyUrlsChanged(doc, result.text, edits);
  return result;
}

function skipReason(
  fix: UrlFix,
  matches: readonly UrlSlot[],
  edits: ReadonlyMap<UrlSlot, string>,
): FixSkipReason | undefined {
  if (fix.from === fix.to) return 'unchanged';
  if (matches.length === 0) return 'not-found';
  if (
    matches.some((slot) => slot.node.type === 'BLOCK_LITERAL' || slot.node.type === 'BLOCK_FOLDED')
  ) {
    return 'block-scalar';
  }
  if (matches.some((slot) => edits.has(slot))) return 'conflict';
  return undefined;
}

function uniqueFixes(fixes: readonly UrlFix[]): UrlFix[] {
  const seen = new Map<string, UrlFix>();
  for (const fix of fixes) {
    const key = JSON.stringify([fix.line, fix.from, fix.to]);
    if (!seen.has(key)) seen.set(key, fix);
  }
  return [...seen.values()];
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

function splice(text: string, edits: ReadonlyMap<UrlSlot, string>): string {
  // From the end backwards, so that earlier offsets stay valid.
  const ordered = [...edits].sort(([a], [b]) => b.start - a.start);
  let out = text;
  for (const [slot, url] of ordered) {
    out = out.slice(0, slot.start) + renderScalar(url, slot) + out.slice(slot.end);
  }
  return out;
}

/** The new URL in the old one's quoting style, falling back to double quotes where needed. */
function renderScalar(url: string, slot: UrlSlot): string {
  const type = slot.node.type;
  if (type === 'PLAIN' && isPlainSafe(url, slot.isInFlow)) return url;
  if (type === 'QUOTE_SINGLE' && !hasControlCharacter(url)) return `'${url.replaceAll("'", "''")}'`;
  // JSON's escapes (\" \\ \n \uXXXX) are all valid in a YAML double-quoted scalar.
  return JSON.stringify(url);
}

/**
 * Whether a URL reads back as the same string when written unquoted: no spaces or control
 * characters, no trailing `:` (it would become a key), and no flow indicators inside `{ }`/`[ ]`.
 */
function isPlainSafe(url: string, isInFlow: boolean): boolean {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\S*$/.test(url) || url.endsWith(':')) return false;
  if (hasControlCharacter(url)) return false;
  return !isInFlow || !/[,[\]{}]/.test(url);
}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** Re-reads the new text: it must be the old data with exactly the new URLs, or it is a bug. */
function assertOnlyUrlsChanged(
  doc: ReturnType<typeof parseDocument>,
  newText: string,
  edits: ReadonlyMap<UrlSlot, string>,
): void {
  if (edits.size === 0) return;
  for (const [slot, url] of edits) slot.node.value = url;
  const reread = parseDocument(newText);
  if (reread.errors.length > 0 || !isDeepStrictEqual(reread.toJS(), doc.toJS())) {
    throw new InternalError('curate fix produced YAML that does not read back as intended');
  }
}

/** Every permanent redirect of a report, resource or mirror, as a fix to its `finalUrl`. */
export function fixesFromReport(report: Report): UrlFix[] {
  const links = report.results.flatMap((result) => [result, ...result.mirrors]);
  const fixes: UrlFix[] = [];
  for (const link of links) {
    if (link.outcome.status !== 'redirected' || link.url === null) continue;
    const to = keepFragment(link.url, link.outcome.finalUrl);
    if (to !== link.url) fixes.push({ line: link.line, from: link.url, to });
  }
  return uniqueFixes(fixes);
}

/**
 * A redirect without a fragment keeps the original one (RFC 9110 §10.2.2), and the fragment is
 * the part of the URL the roadmap chose on purpose.
 */
function keepFragment(from: string, to: string): string {
  const hash = from.indexOf('#');
  if (hash === -1 || to.includes('#')) return to;
  return `${to}${from.slice(hash)}`;
}

type DiffOp = { kind: ' ' | '-' | '+'; text: string };

// Beyond this many LCS cells (about 16 MB) the changed middle is shown as one replacement.
const MAX_LCS_CELLS = 4_000_000;
const CONTEXT_LINES = 2;

/** A unified diff of two texts for `--dry-run`: changed lines with two lines of context. */
export function renderUnifiedDiff(oldText: string, newText: string, file: string): string {
  if (oldText === newText) return '';
  const ops = diffLines(splitLines(oldText), splitLines(newText));
  const hunks = groupHunks(ops);
  const out = [`--- a/${file}`, `+++ b/${file}`];
  for (const hunk of hunks) out.push(...renderHunk(ops, hunk));
  return `${out.join('\n')}\n`;
}

/** Lines with their `\n`, so that a missing final newline is a difference too (as in git). */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function diffLines(a: readonly string[], b: readonly string[]): DiffOp[] {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix += 1;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  ) {
    suffix += 1;
  }
  const same = (lines: readonly string[]): DiffOp[] => lines.map((text) => ({ kind: ' ', text }));
  const middle = lcsOps(a.slice(prefix, a.length - suffix), b.slice(prefix, b.length - suffix));
  return [...same(a.slice(0, prefix)), ...middle, ...same(a.slice(a.length - suffix))];
}

function lcsOps(a: readonly string[], b: readonly string[]): DiffOp[] {
  const removed = a.map((text): DiffOp => ({ kind: '-', text }));
  const added = b.map((text): DiffOp => ({ kind: '+', text }));
  if ((a.length + 1) * (b.length + 1) > MAX_LCS_CELLS) return [...removed, ...added];
  const width = b.length + 1;
  // lengths[i * width + j] = LCS length of a[i..] and b[j..].
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lengths[i * width + j] =
        a[i] === b[j]
          ? (lengths[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lengths[(i + 1) * width + j] ?? 0, lengths[i * width + j + 1] ?? 0);
    }
  }
  const ops: DiffOp[] = [];
  let [i, j] = [0, 0];
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      ops.push({ kind: ' ', text: a[i] ?? '' });
      [i, j] = [i + 1, j + 1];
    } else if ((lengths[(i + 1) * width + j] ?? 0) >= (lengths[i * width + j + 1] ?? 0)) {
      ops.push({ kind: '-', text: a[i] ?? '' });
      i += 1;
    } else {
      ops.push({ kind: '+', text: b[j] ?? '' });
      j += 1;
    }
  }
  return [...ops, ...removed.slice(i), ...added.slice(j)];
}

/** Ranges [from, to) of ops to print: each change with its context, close ones merged. */
function groupHunks(ops: readonly DiffOp[]): [number, number][] {
  const hunks: [number, number][] = [];
  ops.forEach((op, index) => {
    if (op.kind === ' ') return;
    const from = Math.max(0, index - CONTEXT_LINES);
    const to = Math.min(ops.length, index + 1 + CONTEXT_LINES);
    const last = hunks.at(-1);
    if (last !== undefined && from <= last[1]) last[1] = Math.max(last[1], to);
    else hunks.push([from, to]);
  });
  return hunks;
}

function renderHunk(ops: readonly DiffOp[], [from, to]: [number, number]): string[] {
  const before = ops.slice(0, from);
  const oldStart = before.filter((op) => op.kind !== '+').length;
  const newStart = before.filter((op) => op.kind !== '-').length;
  const body = ops.slice(from, to);
  const oldLength = body.filter((op) => op.kind !== '+').length;
  const newLength = body.filter((op) => op.kind !== '-').length;
  // Unified diff numbers lines from 1; an empty side names the line before it.
  const range = (start: number, length: number): string =>
    `${length === 0 ? start : start + 1},${length}`;
  return [
    `@@ -${range(oldStart, oldLength)} +${range(newStart, newLength)} @@`,
    ...body.flatMap((op) =>
      op.text.endsWith('\n')
        ? [`${op.kind}${op.text.slice(0, -1)}`]
        : [`${op.kind}${op.text}`, '\\ No newline at end of file'],
    ),
  ];
}
