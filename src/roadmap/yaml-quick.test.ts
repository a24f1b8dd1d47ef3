import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPlainYaml } from './yaml-quick.js';
import type { LocatePart } from './locate-path.js';
import { readYamlSource } from './yaml-source.js';

function repoFile(path: string): string {
  return readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
}

/** Every path into plain data: each mapping value and sequence item, depth-first. */
function pathsOf(value: unknown, prefix: readonly PropertyKey[] = []): PropertyKey[][] {
  const paths: PropertyKey[][] = [[...prefix]];
  if (Array.isArray(value)) {
    value.forEach((item, index) => paths.push(...pathsOf(item, [...prefix, index])));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...prefix, key]));
  }
  return paths;
}

/** A roadmap-shaped document written in every style the quick reader has to place exactly. */
const STYLES = [
  'version: 1',
  'title: "Styles: quoted \\u00e9 and \\"escapes\\""',
  "subtitle: 'it''s single-quoted'",
  'empty:',
  'empty-quoted: ""',
  'comment-only: # nothing yet',
  'notes: |',
  '  a literal block',
  '  on two lines',
  'folded: >- # with a comment after the header',
  '  folded text',
  'indented: |2',
  '    two spaces kept',
  'plain-multi: first line',
  '  continued here',
  'sections:',
  '  - id: intro',
  '    title: 入门',
  '    resources:',
  '      - { id: r1, title: "One", url: "https://example.com/a#x", kind: article }',
  '      - id: r2',
  '        title: Two # a comment',
  '        mirrors: [{ url: https://b.example/v, region: cn }, { url: "https://c.example" }]',
  '        tags: []',
  '        extra: {}',
  '      -',
  '        id: r3',
  '        url:   https://spaced.example/',
  '  -   id: "quoted id"',
  '      topics:',
  '        - plain topic',
  '        - "quoted: topic"',
  '        - name: object topic',
  '          papers: [p1, "p2"]',
].join('\n');

describe('readPlainYaml agrees with the careful reader', () => {
  const documents: [string, string][] = [
    ['the bundled roadmap', repoFile('roadmap.yaml')],
    ['the e2e fixture', repoFile('test/fixtures/roadmaps/e2e.yaml')],
    ['every scalar and collection style', `${STYLES}\n`],
    ['the same with CRLF line ends', `${STYLES}\n`.replace(/\n/g, '\r\n')],
    ['no final newline', STYLES],
    ['a document start marker and comments', `# roadmap\n---\n${STYLES}\n...\n`],
    [
      'block scalars under keys that hold > or | themselves',
      `${STYLES}\nnotes-a>#b: |\n  text\n"x> #y": >-\n  more\n'p|q': |+\n\n  kept\n`,
    ],
  ];

  it.each(documents)('%s: same data, same positions for every value and key', (_, text) => {
    const careful = readYamlSource(text, 'roadmap.yaml');
    if (careful.kind !== 'ok') throw new Error('the careful reader failed on a test document');
    const quick = readPlainYaml(text);

    expect(quick?.data).toEqual(careful.source.data);
    const parts: LocatePart[] = ['value', 'key'];
    for (const path of pathsOf(careful.source.data)) {
      for (const part of parts) {
        expect([path, part, quick?.locate(path, part)]).toEqual([
          path,
          part,
          careful.source.locate(path, part),
        ]);
      }
    }
    // Paths that do not exist fall back to their nearest parent in both.
    for (const path of [
      ['sections', 0, 'nope'],
      ['sections', 99],
      ['nope', 'deeper'],
    ]) {
      expect(quick?.locate(path)).toEqual(careful.source.locate(path));
    }
  });
});

describe('readPlainYaml leaves to the careful reader', () => {
  it.each([
    ['a syntax error', 'version: 1\ntitle: "unclosed\n'],
    ['a duplicate key', 'version: 1\nversion: 2\n'],
    ['an anchor and alias', 'version: 1\na: &x [1]\nb: *x\n'],
    ['a tag', 'version: !!str 1\n'],
    ['a directive', '%YAML 1.2\n---\nversion: 1\n'],
    ['two documents', 'version: 1\n---\ntitle: T\n'],
    ['absurd nesting', `version: 1\ntitle: ${'['.repeat(500)}\n`],
    ['a top-level list', '- a\n- b\n'],
    ['a top-level scalar', 'just text\n'],
    ['an empty file', '# nothing\n'],
    ['a numeric key, which the data spells differently', 'version: 1\n1.10: x\n'],
    ['a boolean key', 'true: x\n'],
    ['a collection as a key', '? [a, b]\n: x\n'],
    ['an empty explicit key, which the data calls "null"', 'version: 1\n? \n: x\n'],
    ['an empty key in a flow mapping', 'version: 1\nhosts: {: x}\n'],
    ['bare CR line ends, which only one parser reads as line ends', 'version: 1\rtitle: T\r'],
    ['a key over 1024 characters, which yaml refuses', `version: 1\n${'k'.repeat(1100)}: x\n`],
    [
      'nesting deep, though below the careful limit',
      `version: 1\ntitle: ${'['.repeat(60)}${']'.repeat(60)}\n`,
    ],
  ])('%s', (_, text) => {
    expect(readPlainYaml(text)).toBeUndefined();
  });
});
