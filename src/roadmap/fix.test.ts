import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadReportFixture, readCiFixture } from '../../test/fixtures/ci/fixtures.js';
import { InputError } from '../errors.js';
import { applyUrlFixes, fixesFromReport, renderUnifiedDiff, type UrlFix } from './fix.js';

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

describe('fixesFromReport', () => {
  it('turns every redirected resource and mirror into a fix', () => {
    expect(fixesFromReport(report)).toEqual([
      {
        line: 28,
        from: 'http://khan.example.test/calculus',
        to: 'https://khan.example.test/calculus',
      },
      {
        line: 68,
        from: 'https://mirror.example.test/annotated',
        to: 'https://mirror.example.test/annotated/',
      },
      {
        line: 85,
        from: 'https://hf.example.test/spaces/leaderboard',
        to: 'https://leaderboard.example.test/open-llm',
      },
      {
        line: 100,
        from: 'https://hf.example.test/spaces/leaderboard',
        to: 'https://leaderboard.example.test/open-llm',
      },
    ]);
  });

  it.each([
    ['https://a.test/x#part', 'https://b.test/x', 'https://b.test/x#part'],
    ['https://a.test/x#part', 'https://b.test/x#other', 'https://b.test/x#other'],
    ['https://a.test/x', 'https://b.test/x', 'https://b.test/x'],
    ['https://a.test/x#part', 'https://a.test/x#part', undefined],
  ])('moves %s to %s as %s (a lost fragment is kept)', (url, finalUrl, expected) => {
    const [first] = report.results;
    const outcome = {
      status: 'redirected' as const,
      reason: 'permanent-redirect' as const,
      httpStatus: 200,
      finalUrl,
    };
    const redirected = { ...first!, url, outcome, mirrors: [] };
    const fixes = fixesFromReport({ ...report, results: [redirected] });
    expect(fixes.map((fix) => fix.to)).toEqual(expected === undefined ? [] : [expected]);
  });
});

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

describe('renderUnifiedDiff', () => {
  const lines = (count: number): string[] =>
    Array.from({ length: count }, (_, i) => `line ${i + 1}`);
  const text = (values: string[]): string => `${values.join('\n')}\n`;
  const edited = (count: number, edits: Record<number, string>): string =>
    text(lines(count).map((value, i) => edits[i + 1] ?? value));

  it.each<[string, string, string, string[]]>([
    ['identical texts', text(lines(5)), text(lines(5)), []],
    [
      'one line in the middle',
      text(lines(9)),
      edited(9, { 5: 'five' }),
      ['@@ -3,5 +3,5 @@', ' line 3', ' line 4', '-line 5', '+five', ' line 6', ' line 7'],
    ],
    [
      'the first line',
      text(lines(5)),
      edited(5, { 1: 'one' }),
      ['@@ -1,3 +1,3 @@', '-line 1', '+one', ' line 2', ' line 3'],
    ],
    [
      'two distant lines',
      text(lines(12)),
      edited(12, { 2: 'two', 11: 'eleven' }),
      [
        '@@ -1,4 +1,4 @@',
        ' line 1',
        '-line 2',
        '+two',
        ' line 3',
        ' line 4',
        '@@ -9,4 +9,4 @@',
        ' line 9',
        ' line 10',
        '-line 11',
        '+eleven',
        ' line 12',
      ],
    ],
    [
      'two close lines in one hunk',
      text(lines(10)),
      edited(10, { 4: 'four', 7: 'seven' }),
      [
        '@@ -2,8 +2,8 @@',
        ' line 2',
        ' line 3',
        '-line 4',
        '+four',
        ' line 5',
        ' line 6',
        '-line 7',
        '+seven',
        ' line 8',
        ' line 9',
      ],
    ],
    [
      'an added line',
      text(lines(3)),
      text([...lines(3), 'line 4']),
      ['@@ -2,2 +2,3 @@', ' line 2', ' line 3', '+line 4'],
    ],
    [
      'a removed line',
      text(lines(4)),
      text(['line 1', 'line 2', 'line 4']),
      ['@@ -1,4 +1,3 @@', ' line 1', ' line 2', '-line 3', ' line 4'],
    ],
    ['everything replaced', 'a\n', 'b\n', ['@@ -1,1 +1,1 @@', '-a', '+b']],
    [
      'a missing final newline',
      'a\nb',
      'a\nc',
      [
        '@@ -1,2 +1,2 @@',
        ' a',
        '-b',
        '\\ No newline at end of file',
        '+c',
        '\\ No newline at end of file',
      ],
    ],
    [
      'a final newline added',
      'a',
      'a\n',
      ['@@ -1,1 +1,1 @@', '-a', '\\ No newline at end of file', '+a'],
    ],
  ])('shows %s', (_, oldText, newText, hunks) => {
    const diff = renderUnifiedDiff(oldText, newText, 'roadmap.yaml');
    const expected =
      hunks.length === 0
        ? ''
        : `${['--- a/roadmap.yaml', '+++ b/roadmap.yaml', ...hunks].join('\n')}\n`;
    expect(diff).toBe(expected);
  });

  it('shows the fixture fixes as four one-line changes', () => {
    const { text: fixed } = applyUrlFixes(roadmap, fixesFromReport(report));
    const diff = renderUnifiedDiff(roadmap, fixed, 'roadmap.yaml').split('\n');
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
