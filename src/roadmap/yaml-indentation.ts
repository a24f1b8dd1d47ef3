/**
 * Reads the indentation of YAML block text line by line, the way a person checks it by eye: each
 * line's entries (`- ` items, `key:`) sit in columns, and a line belongs to one of the columns
 * already open. Finds the lines that do not (a tab, or an indent between two columns), for the
 * syntax-error explanation in `yaml-problems.ts`. Approximate on purpose (flow collections and
 * block scalars are skipped, multi-line quoted text is not followed): it only proposes causes,
 * and the caller confirms each one by parsing the repaired text.
 */

/** A line whose indentation does not fit, with the columns it could be meant to sit in. */
export type IndentationAnomaly =
  | {
      kind: 'tab';
      /** 1-based. */
      line: number;
      /** 1-based column of the first tab. */
      column: number;
      /** Where the line's content could start (0-based), most likely first. */
      candidates: readonly number[];
    }
  | { kind: 'misaligned'; line: number; indent: number; candidates: readonly number[] };

type Column = { column: number; kind: 'map' | 'seq' };

type LineShape = {
  /** Leading spaces (a tab counts as one column here). */
  indent: number;
  /** The collections this line opens or continues: its `- ` items, then its `key:`. */
  columns: Column[];
  /** The line ends after `key:` or `-`: its value is the block on the next lines. */
  opensBlock: boolean;
  /** `key: |` or `key: >`: the next, deeper lines are text, not YAML. */
  opensBlockScalar: boolean;
  /** `[` and `{` left open at the end of the line. */
  openFlow: number;
};

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"[\]{},-][^#]*?|-[^\s#][^#]*?)\s*:(?=\s|$)/;

/** Every line whose indentation does not fit its neighbours, in file order. */
export function findIndentationAnomalies(text: string): IndentationAnomaly[] {
  const lines = text.split(/\r?\n/);
  const anomalies: IndentationAnomaly[] = [];
  let stack: Column[] = [];
  let previous: LineShape | undefined;
  let blockScalarAbove: number | undefined;
  let flowDepth = 0;

  lines.forEach((raw, index) => {
    if (flowDepth > 0) {
      flowDepth = Math.max(0, flowDepth + flowDelta(raw));
      return;
    }
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const leading = /^[ \t]*/.exec(raw)?.[0] ?? '';
    if (blockScalarAbove !== undefined) {
      if (leading.length > blockScalarAbove) return;
      blockScalarAbove = undefined;
    }
    if (/^(---|\.\.\.)(\s|$)/.test(trimmed) || trimmed.startsWith('%')) return;

    const shape = readLineShape(raw, leading.length);
    const { indent } = shape;
    const lastPopped = stack.find((column) => column.column > indent);
    const isChild =
      previous !== undefined &&
      previous.opensBlock &&
      (indent > lastColumn(previous) ||
        (indent === lastColumn(previous) && shape.columns[0]?.kind === 'seq'));
    if (!isChild) stack = stack.filter((column) => column.column <= indent);
    const top = stack.at(-1);
    const siblings = candidatesAround(stack, lastPopped, previous);

    if (leading.includes('\t')) {
      anomalies.push({
        kind: 'tab',
        line: index + 1,
        column: leading.indexOf('\t') + 1,
        candidates: siblings,
      });
    } else if (!isChild && top !== undefined && top.column === indent) {
      // `- item` in the column of a mapping's keys, without a `key:` above to open the list.
      if (top.kind === 'map' && shape.columns[0]?.kind === 'seq') {
        anomalies.push({ kind: 'misaligned', line: index + 1, indent, candidates: siblings });
      }
    } else if (!isChild && top !== undefined) {
      // Deeper than its level without a `key:` above to open a block: a plain text value going
      // on over several lines is legal YAML, a key or an item there is not.
      const isContinuation = lastPopped === undefined && shape.columns.length === 0;
      if (isContinuation) return;
      anomalies.push({ kind: 'misaligned', line: index + 1, indent, candidates: siblings });
    }
    // The line's own columns replace whatever sat at or right of its indent, except the mapping
    // a compact sequence (`key:` with `- item` at the same indent) belongs to.
    const first = shape.columns[0]?.kind;
    const kept = isChild
      ? stack
      : stack.filter(
          (column) =>
            column.column < indent ||
            (column.column === indent && column.kind === 'map' && first === 'seq'),
        );
    stack = [...kept, ...shape.columns];
    if (shape.opensBlockScalar) blockScalarAbove = leading.length;
    flowDepth = shape.openFlow;
    previous = shape;
  });
  return anomalies;
}

function lastColumn(shape: LineShape): number {
  return shape.columns.at(-1)?.column ?? shape.indent;
}

/** Columns the line could belong to: the level it left, the level it fell into, and deeper. */
function candidatesAround(
  stack: readonly Column[],
  lastPopped: Column | undefined,
  previous: LineShape | undefined,
): number[] {
  const previousColumn = previous === undefined ? undefined : lastColumn(previous);
  const ordered = [
    previousColumn,
    lastPopped?.column,
    ...[...stack].reverse().map((column) => column.column),
    previous?.opensBlock === true && previousColumn !== undefined ? previousColumn + 2 : undefined,
  ];
  return [...new Set(ordered.filter((column): column is number => column !== undefined))];
}

function readLineShape(raw: string, indent: number): LineShape {
  const columns: Column[] = [];
  let position = indent;
  let rest = raw.slice(indent);
  // `- - key: value` opens two sequences and a mapping on one line.
  for (let dash = /^-(\s+|$)/.exec(rest); dash !== null; dash = /^-(\s+|$)/.exec(rest)) {
    columns.push({ column: position, kind: 'seq' });
    position += dash[0].length;
    rest = rest.slice(dash[0].length);
  }
  const key = KEY.exec(rest);
  let value = rest;
  if (key !== null) {
    columns.push({ column: position, kind: 'map' });
    value = rest.slice(key[0].length);
  }
  const bare = stripComment(value).trim();
  // An anchor or tag alone (`key: &base`) still leaves the value to the next lines.
  const valueText = bare.replace(/^([&!][^\s]*\s*)+/, '');
  return {
    indent,
    columns,
    opensBlock: (key !== null || columns.length > 0) && valueText === '',
    opensBlockScalar: /^[|>][-+0-9]*$/.test(valueText),
    openFlow: /^[[{]/.test(valueText) ? Math.max(0, flowDelta(valueText)) : 0,
  };
}

function stripComment(value: string): string {
  const withoutQuoted = value.replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g, (quoted) =>
    'x'.repeat(quoted.length),
  );
  const hash = withoutQuoted.search(/(^|\s)#/);
  return hash < 0 ? value : value.slice(0, hash);
}

/** Brackets opened minus closed, outside quotes. */
function flowDelta(text: string): number {
  const unquoted = text.replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g, '');
  const opened = (unquoted.match(/[[{]/g) ?? []).length;
  const closed = (unquoted.match(/[\]}]/g) ?? []).length;
  return opened - closed;
}
