import { describe, expect, it } from 'vitest';
import { loadReportFixture, readCiFixture } from '../../test/fixtures/ci/fixtures.js';
import { InternalError } from '../errors.js';
import { fixesFromReport } from './fix.js';
import { applyUrlFixes } from './fix-splice.js';
import { applyTextEdits, renderUnifiedDiff, type TextEdit } from './unified-diff.js';

const lines = (count: number): string[] => Array.from({ length: count }, (_, i) => `line ${i + 1}`);
const text = (values: readonly string[]): string => `${values.join('\n')}\n`;
const numbered = (count: number): string => text(lines(count));

/** An edit of the only place `from` is written in `old`. */
function replace(old: string, from: string, to: string): TextEdit {
  const start = old.indexOf(from);
  expect(start).not.toBe(-1);
  expect(old.indexOf(from, start + 1)).toBe(-1);
  return { start, end: start + from.length, text: to };
}

/** An edit of the text of line `line` (1-based) of `old`, keeping its line end. */
function onLine(old: string, line: number, to: string): TextEdit {
  const start =
    old
      .split('\n')
      .slice(0, line - 1)
      .join('\n').length + (line > 1 ? 1 : 0);
  const end = old.indexOf('\n', start) === -1 ? old.length : old.indexOf('\n', start);
  return { start, end, text: to };
}

/** A text, the edit of the only place `from` is written in it, and the text that edit makes. */
function replaced(old: string, from: string, to: string): [string, TextEdit[], string] {
  return [old, [replace(old, from, to)], old.replace(from, () => to)];
}

/**
 * A file of `count` numbered lines, the edits that set the given lines (1-based) to new text,
 * and the text those edits make: one case's first three columns, from one description.
 */
function lineEdits(
  count: number,
  changes: Readonly<Record<number, string>>,
): [string, TextEdit[], string] {
  const old = numbered(count);
  const edits = Object.entries(changes).map(([line, to]) => onLine(old, Number(line), to));
  return [old, edits, text(lines(count).map((value, index) => changes[index + 1] ?? value))];
}

const insert = (at: number, inserted: string): TextEdit => ({ start: at, end: at, text: inserted });

describe('renderUnifiedDiff', () => {
  // Each case: the old text, the edits, the new text they make, and the hunks of the diff.
  it.each<[string, string, TextEdit[], string, string[]]>([
    ['no edit', numbered(5), [], numbered(5), []],
    ['an edit that keeps the text', ...lineEdits(5, { 2: 'line 2' }), []],
    [
      'one line in the middle',
      ...lineEdits(9, { 5: 'five' }),
      ['@@ -3,5 +3,5 @@', ' line 3', ' line 4', '-line 5', '+five', ' line 6', ' line 7'],
    ],
    [
      'the first line',
      ...lineEdits(5, { 1: 'one' }),
      ['@@ -1,3 +1,3 @@', '-line 1', '+one', ' line 2', ' line 3'],
    ],
    [
      'the last line',
      ...lineEdits(5, { 5: 'five' }),
      ['@@ -3,3 +3,3 @@', ' line 3', ' line 4', '-line 5', '+five'],
    ],
    [
      'the first and last line of a short file, in one hunk',
      ...lineEdits(5, { 1: 'one', 5: 'five' }),
      ['@@ -1,5 +1,5 @@', '-line 1', '+one', ' line 2', ' line 3', ' line 4', '-line 5', '+five'],
    ],
    [
      'the first and last line of a longer file, in two hunks',
      ...lineEdits(10, { 1: 'one', 10: 'ten' }),
      [
        ...['@@ -1,3 +1,3 @@', '-line 1', '+one', ' line 2', ' line 3'],
        ...['@@ -8,3 +8,3 @@', ' line 8', ' line 9', '-line 10', '+ten'],
      ],
    ],
    [
      'two distant lines',
      ...lineEdits(12, { 2: 'two', 11: 'eleven' }),
      [
        ...['@@ -1,4 +1,4 @@', ' line 1', '-line 2', '+two', ' line 3', ' line 4'],
        ...['@@ -9,4 +9,4 @@', ' line 9', ' line 10', '-line 11', '+eleven', ' line 12'],
      ],
    ],
    [
      'two close lines in one hunk',
      ...lineEdits(10, { 4: 'four', 7: 'seven' }),
      [
        ...['@@ -2,8 +2,8 @@', ' line 2', ' line 3', '-line 4', '+four', ' line 5', ' line 6'],
        ...['-line 7', '+seven', ' line 8', ' line 9'],
      ],
    ],
    [
      'four unchanged lines between two edits: their context meets, one hunk',
      ...lineEdits(12, { 3: 'three', 8: 'eight' }),
      [
        ...['@@ -1,10 +1,10 @@', ' line 1', ' line 2', '-line 3', '+three', ' line 4', ' line 5'],
        ...[' line 6', ' line 7', '-line 8', '+eight', ' line 9', ' line 10'],
      ],
    ],
    [
      'five unchanged lines between two edits: two hunks',
      ...lineEdits(14, { 3: 'three', 9: 'nine' }),
      [
        ...['@@ -1,5 +1,5 @@', ' line 1', ' line 2', '-line 3', '+three', ' line 4', ' line 5'],
        ...['@@ -7,5 +7,5 @@', ' line 7', ' line 8', '-line 9', '+nine', ' line 10', ' line 11'],
      ],
    ],
    [
      'two adjacent lines: one change, the old lines first',
      ...lineEdits(5, { 2: 'two', 3: 'three' }),
      ['@@ -1,5 +1,5 @@', ' line 1', '-line 2', '-line 3', '+two', '+three', ' line 4', ' line 5'],
    ],
    [
      'two URLs on one line',
      'm: [{ url: a }, { url: b }]\n',
      [
        replace('m: [{ url: a }, { url: b }]\n', 'a', 'x'),
        replace('m: [{ url: a }, { url: b }]\n', 'b', 'y'),
      ],
      'm: [{ url: x }, { url: y }]\n',
      ['@@ -1,1 +1,1 @@', '-m: [{ url: a }, { url: b }]', '+m: [{ url: x }, { url: y }]'],
    ],
    [
      'a multi-line scalar replaced by one line',
      ...replaced(
        'a: 1\nurl: "https://a.test/x\n  y" # c\nb: 2\n',
        '"https://a.test/x\n  y"',
        '"B"',
      ),
      [
        '@@ -1,4 +1,3 @@',
        ' a: 1',
        '-url: "https://a.test/x',
        '-  y" # c',
        '+url: "B" # c',
        ' b: 2',
      ],
    ],
    [
      'a multi-line scalar whose first line stays',
      ...replaced(
        'url: https://a.test/x\n  y\nb: 2\n',
        'https://a.test/x\n  y',
        'https://a.test/x',
      ),
      ['@@ -1,3 +1,2 @@', ' url: https://a.test/x', '-  y', ' b: 2'],
    ],
    [
      'two lines joined',
      'a\nb\nc\n',
      [{ start: 1, end: 2, text: ' ' }],
      'a b\nc\n',
      ['@@ -1,3 +1,2 @@', '-a', '-b', '+a b', ' c'],
    ],
    [
      'CRLF line ends, kept in the lines',
      ...replaced('a: 1\r\nurl: A\r\nb: 2\r\n', 'A', 'B'),
      ['@@ -1,3 +1,3 @@', ' a: 1\r', '-url: A\r', '+url: B\r', ' b: 2\r'],
    ],
    [
      'an added line',
      numbered(3),
      [insert(numbered(3).length, 'line 4\n')],
      numbered(4),
      ['@@ -2,2 +2,3 @@', ' line 2', ' line 3', '+line 4'],
    ],
    [
      'a removed line',
      ...replaced(numbered(4), 'line 3\n', ''),
      ['@@ -1,4 +1,3 @@', ' line 1', ' line 2', '-line 3', ' line 4'],
    ],
    ['everything replaced', ...replaced('a\n', 'a', 'b'), ['@@ -1,1 +1,1 @@', '-a', '+b']],
    [
      'a missing final newline',
      ...replaced('a\nb', 'b', 'c'),
      [
        ...['@@ -1,2 +1,2 @@', ' a', '-b', '\\ No newline at end of file'],
        ...['+c', '\\ No newline at end of file'],
      ],
    ],
    [
      'a missing final newline in the context',
      ...replaced('a\nb\nc', 'b', 'x'),
      ['@@ -1,3 +1,3 @@', ' a', '-b', '+x', ' c', '\\ No newline at end of file'],
    ],
    [
      'a missing final newline out of the context',
      ...replaced('a\nb\nc\nd', 'a', 'x'),
      ['@@ -1,3 +1,3 @@', '-a', '+x', ' b', ' c'],
    ],
    [
      'a final newline added',
      'a',
      [insert(1, '\n')],
      'a\n',
      ['@@ -1,1 +1,1 @@', '-a', '\\ No newline at end of file', '+a'],
    ],
  ])('shows %s', (_, oldText, edits, newText, hunks) => {
    expect(applyTextEdits(oldText, edits)).toBe(newText);
    const diff = renderUnifiedDiff(oldText, edits, 'roadmap.yaml');
    const expected =
      hunks.length === 0
        ? ''
        : `${['--- a/roadmap.yaml', '+++ b/roadmap.yaml', ...hunks].join('\n')}\n`;
    expect(diff).toBe(expected);
  });

  it('numbers the new side after lines added and removed above', () => {
    const old = numbered(20);
    const edits = [replace(old, 'line 2\n', 'line 2\nextra\n'), onLine(old, 15, 'fifteen')];
    const diff = renderUnifiedDiff(old, edits, 'roadmap.yaml').split('\n');
    expect(diff.filter((line) => line.startsWith('@@'))).toEqual([
      '@@ -1,4 +1,5 @@',
      '@@ -13,5 +14,5 @@',
    ]);
  });

  it('keeps edits thousands of lines apart in two small hunks', () => {
    const old = numbered(5000);
    const edits = [onLine(old, 2, 'two'), onLine(old, 4999, 'almost')];
    const diff = renderUnifiedDiff(old, edits, 'roadmap.yaml').split('\n');
    expect(diff.filter((line) => line.startsWith('@@'))).toEqual([
      '@@ -1,4 +1,4 @@',
      '@@ -4997,4 +4997,4 @@',
    ]);
    expect(diff).toHaveLength(2 + 2 * 6 + 1);
  });

  it.each<[string, TextEdit[]]>([
    ['out of order', [insert(4, 'x'), insert(2, 'y')]],
    [
      'overlapping',
      [
        { start: 0, end: 3, text: 'x' },
        { start: 2, end: 4, text: 'y' },
      ],
    ],
    ['past the end', [{ start: 0, end: 99, text: 'x' }]],
  ])('refuses edits %s as a bug', (_, edits) => {
    expect(() => renderUnifiedDiff(numbered(3), edits, 'roadmap.yaml')).toThrow(InternalError);
    expect(() => applyTextEdits(numbered(3), edits)).toThrow(InternalError);
  });

  it('shows the fixture fixes as four one-line changes', () => {
    const roadmap = readCiFixture('roadmap.yaml');
    const { edits } = applyUrlFixes(roadmap, fixesFromReport(loadReportFixture()));
    const diff = renderUnifiedDiff(roadmap, edits, 'roadmap.yaml').split('\n');
    expect(diff.filter((line) => line.startsWith('@@'))).toEqual([
      '@@ -26,5 +26,5 @@',
      '@@ -66,5 +66,5 @@',
      '@@ -83,5 +83,5 @@',
      '@@ -98,4 +98,4 @@',
    ]);
    expect(diff.filter((line) => line.startsWith('+') && !line.startsWith('+++'))).toEqual([
      '+            url: "https://khan.example.test/calculus"    # moved to https, says the report',
      '+              - url: https://mirror.example.test/annotated/',
      '+            url: https://leaderboard.example.test/open-llm',
      '+            url: https://leaderboard.example.test/open-llm',
    ]);
  });
});
