import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { applyUrlFixes } from './fix-splice.js';
import type { UrlFix } from './fix.js';

const SNAPSHOT = 'https://web.archive.org/web/20240102030405/https://gone.example.test/a';

const archive = (line: number, from: string): UrlFix => ({
  line,
  from,
  to: SNAPSHOT,
  keepsOriginal: true,
});

describe('applyUrlFixes with original_url (fix --archive)', () => {
  it('in a block mapping: the new URL, the old one on the next line as written, the comment kept', () => {
    const text = [
      'resources:',
      '  - id: a',
      "    url: 'https://gone.example.test/a'   # the course page",
      '    kind: course',
      '  - id: b',
      '    url: https://live.example.test/',
      '',
    ].join('\n');
    const {
      text: fixed,
      applied,
      skipped,
    } = applyUrlFixes(text, [archive(3, 'https://gone.example.test/a')]);
    expect(skipped).toEqual([]);
    expect(applied).toHaveLength(1);
    expect(fixed).toBe(
      [
        'resources:',
        '  - id: a',
        `    url: '${SNAPSHOT}'   # the course page`,
        "    original_url: 'https://gone.example.test/a'",
        '    kind: course',
        '  - id: b',
        '    url: https://live.example.test/',
        '',
      ].join('\n'),
    );
  });

  it('in a flow mapping: right after the URL, every other byte the same', () => {
    const before =
      'sections:\n  - { id: a, url: https://gone.example.test/a, kind: repo } # keep\n';
    const { text } = applyUrlFixes(before, [archive(2, 'https://gone.example.test/a')]);
    expect(text).toBe(
      `sections:\n  - { id: a, url: ${SNAPSHOT}, original_url: https://gone.example.test/a, kind: repo } # keep\n`,
    );
    expect(parse(text)).toEqual({
      sections: [
        { id: 'a', url: SNAPSHOT, original_url: 'https://gone.example.test/a', kind: 'repo' },
      ],
    });
  });

  it('keeps CRLF line endings', () => {
    const before = 'r:\r\n  url: https://gone.example.test/a\r\n  kind: repo\r\n';
    const { text } = applyUrlFixes(before, [archive(2, 'https://gone.example.test/a')]);
    expect(text).toBe(
      `r:\r\n  url: ${SNAPSHOT}\r\n  original_url: https://gone.example.test/a\r\n  kind: repo\r\n`,
    );
  });

  it('never overwrites an original_url already there', () => {
    const before =
      'r:\n  url: https://gone.example.test/a\n  original_url: https://older.example.test/\n';
    const { text, skipped } = applyUrlFixes(before, [archive(2, 'https://gone.example.test/a')]);
    expect(text).toBe(before);
    expect(skipped.map((skip) => skip.reason)).toEqual(['has-original']);
  });
});
