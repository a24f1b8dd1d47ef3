import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadReportFixture, readCiFixture } from '../../test/fixtures/ci/fixtures.js';
import { InputError } from '../errors.js';
import { fixesFromReport, type UrlFix } from './fix.js';
import { applyUrlFixes } from './fix-splice.js';

const roadmap = readCiFixture('roadmap.yaml');
const report = loadReportFixture();

/** The expected text, built line by line: exactly `from` → `to` on each named line. */
function replaceOnLines(
  text: string,
  edits: readonly [line: number, from: string, to: string][],
): string {
  const lines = text.split('\n');
  for (const [line, from, to] of edits) {
    const old = lines[line - 1]!;
    expect(old).toContain(from);
    lines[line - 1] = old.replace(from, to);
  }
  return lines.join('\n');
}

describe('applyUrlFixes on the fixture roadmap', () => {
  it('rewrites every redirect and keeps every other byte', () => {
    const { text, applied, skipped } = applyUrlFixes(roadmap, fixesFromReport(report));
    expect(skipped).toEqual([]);
    expect(applied).toHaveLength(4);
    expect(text).toBe(
      replaceOnLines(roadmap, [
        [
          28,
          '"http://khan.example.test/calculus"    # moved',
          '"https://khan.example.test/calculus"    # moved',
        ],
        [
          68,
          'url: https://mirror.example.test/annotated',
          'url: https://mirror.example.test/annotated/',
        ],
        [
          85,
          'url: https://hf.example.test/spaces/leaderboard',
          'url: https://leaderboard.example.test/open-llm',
        ],
        [
          100,
          'url: https://hf.example.test/spaces/leaderboard',
          'url: https://leaderboard.example.test/open-llm',
        ],
      ]),
    );
  });

  it('lists one edit per rewritten scalar, in text order, whatever the order of the fixes', () => {
    const fixes = fixesFromReport(report);
    const { edits } = applyUrlFixes(roadmap, [...fixes].reverse());
    const starts = edits.map((edit) => edit.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(edits.map((edit) => parse(roadmap.slice(edit.start, edit.end)) as unknown)).toEqual(
      fixes.map((fix) => fix.from),
    );
  });

  it('fixes a URL that appears twice only on the line the fix names', () => {
    const fix = {
      line: 100,
      from: 'https://hf.example.test/spaces/leaderboard',
      to: 'https://new.example.test/',
    };
    const { text } = applyUrlFixes(roadmap, [fix]);
    expect(text).toBe(replaceOnLines(roadmap, [[100, fix.from, fix.to]]));
    expect(text.split('\n')[84]).toContain(fix.from);
  });

  it('rewrites quoted scalars in flow maps and keeps their quotes', () => {
    const fix = {
      line: 82,
      from: 'https://hf-mirror.example.test/learn',
      to: 'https://hf-mirror.example.test/learn/nlp',
    };
    expect(applyUrlFixes(roadmap, [fix]).text).toBe(
      replaceOnLines(roadmap, [
        [
          82,
          '"https://hf-mirror.example.test/learn"',
          '"https://hf-mirror.example.test/learn/nlp"',
        ],
      ]),
    );
  });
});

describe('applyUrlFixes, scalar by scalar', () => {
  const A = 'https://a.example.test/x';
  const B = 'https://b.example.test/y';

  it.each<[string, string, UrlFix, string]>([
    ['plain', `url: ${A}  # note\n`, { line: 1, from: A, to: B }, `url: ${B}  # note\n`],
    ['single-quoted', `url: '${A}'\n`, { line: 1, from: A, to: B }, `url: '${B}'\n`],
    ['double-quoted', `url: "${A}" # c\n`, { line: 1, from: A, to: B }, `url: "${B}" # c\n`],
    [
      'plain in a flow map',
      `m: [{ url: ${A}, p: x }]\n`,
      { line: 1, from: A, to: B },
      `m: [{ url: ${B}, p: x }]\n`,
    ],
    [
      'a comma inside a flow map',
      `m: { url: ${A} }\n`,
      { line: 1, from: A, to: `${B}?a,b` },
      `m: { url: "${B}?a,b" }\n`,
    ],
    [
      'a comma in block context',
      `url: ${A}\n`,
      { line: 1, from: A, to: `${B}?a,b` },
      `url: ${B}?a,b\n`,
    ],
    [
      'a space in a plain URL',
      `url: ${A}\n`,
      { line: 1, from: A, to: `${B} z` },
      `url: "${B} z"\n`,
    ],
    [
      'an apostrophe in single quotes',
      `url: '${A}'\n`,
      { line: 1, from: A, to: `${B}?q=it's` },
      `url: '${B}?q=it''s'\n`,
    ],
    [
      'a quote in double quotes',
      `url: "${A}"\n`,
      { line: 1, from: A, to: `${B}?q="x"` },
      `url: "${B}?q=\\"x\\""\n`,
    ],
    [
      'a value on the next line, by key line',
      `url:\n  ${A}\n`,
      { line: 1, from: A, to: B },
      `url:\n  ${B}\n`,
    ],
    [
      'a value on the next line, by value line',
      `url:\n  ${A}\n`,
      { line: 2, from: A, to: B },
      `url:\n  ${B}\n`,
    ],
    [
      'a title equal to the URL is left alone',
      `title: ${A}\nurl: ${A}\n`,
      { line: 2, from: A, to: B },
      `title: ${A}\nurl: ${B}\n`,
    ],
    [
      'CRLF line ends',
      `a: 1\r\nurl: ${A}\r\nb: 2\r\n`,
      { line: 2, from: A, to: B },
      `a: 1\r\nurl: ${B}\r\nb: 2\r\n`,
    ],
  ])('%s', (_, text, fix, expected) => {
    const result = applyUrlFixes(text, [fix]);
    expect(result.text).toBe(expected);
    expect(result.applied).toEqual([fix]);
    // The data read back holds the new URL exactly, whatever quoting it needed.
    expect(JSON.stringify(parse(result.text))).toContain(JSON.stringify(fix.to));
    // The one edit (what --dry-run shows) spans exactly the old URL's scalar.
    expect(result.edits.map((edit) => parse(text.slice(edit.start, edit.end)) as unknown)).toEqual([
      fix.from,
    ]);
  });

  it.each<[string, string, UrlFix[], string[], string]>([
    ['wrong line', `url: ${A}\n`, [{ line: 2, from: A, to: B }], ['not-found'], `url: ${A}\n`],
    ['wrong value', `url: ${A}\n`, [{ line: 1, from: B, to: A }], ['not-found'], `url: ${A}\n`],
    [
      'block scalar',
      `url: |\n  ${A}\n`,
      [{ line: 1, from: `${A}\n`, to: B }],
      ['block-scalar'],
      `url: |\n  ${A}\n`,
    ],
    ['no change', `url: ${A}\n`, [{ line: 1, from: A, to: A }], ['unchanged'], `url: ${A}\n`],
    [
      'two targets for one URL (the first wins)',
      `url: ${A}\n`,
      [
        { line: 1, from: A, to: B },
        { line: 1, from: A, to: `${B}/2` },
      ],
      ['conflict'],
      `url: ${B}\n`,
    ],
  ])('skips a fix: %s', (_, text, fixes, reasons, expected) => {
    const result = applyUrlFixes(text, fixes);
    expect(result.skipped.map((skip) => skip.reason)).toEqual(reasons);
    expect(result.text).toBe(expected);
  });

  it('applies a repeated fix once', () => {
    const fix = { line: 1, from: A, to: B };
    expect(applyUrlFixes(`url: ${A}\n`, [fix, { ...fix }])).toEqual({
      text: `url: ${B}\n`,
      edits: [{ start: 'url: '.length, end: `url: ${A}`.length, text: B }],
      applied: [fix],
      skipped: [],
    });
  });

  it('refuses YAML it cannot read, naming the line', () => {
    const broken = `a: 1\nurl: [${A}\n`;
    expect(() => applyUrlFixes(broken, [], 'roadmap.yaml')).toThrow(InputError);
    expect(() => applyUrlFixes(broken, [], 'roadmap.yaml')).toThrow(/not valid YAML/);
  });
});
