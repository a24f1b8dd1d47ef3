import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readCiFixture } from '../../test/fixtures/ci/fixtures.js';
import { changedResourceIds } from './changed-since.js';

const BASE = `
version: 1
title: T
sections:
  - id: "1"
    title: One
    resources:
      - { id: a, title: A, url: https://a.example.test/, kind: docs }
      - id: b
        title: B
        url: https://b.example.test/
        kind: video
        mirrors:
          - { url: https://m1.example.test/b, platform: x }
          - { url: https://m2.example.test/b, platform: y }
    sections:
      - id: "1.1"
        title: Deeper
        topics:
          - plain topic
          - title: Papers
            resources:
              - { id: c, title: C, url: https://c.example.test/, kind: paper }
        sections:
          - id: "1.1.1"
            title: Deepest
            resources:
              - { id: d, title: D, kind: book }
`;

/** The base roadmap with one textual edit applied. */
const edit = (from: string, to: string): string => {
  if (!BASE.includes(from)) throw new Error(`fixture edit not found: ${from}`);
  return BASE.replace(from, to);
};

describe('changedResourceIds', () => {
  it.each<[string, string, string[]]>([
    ['nothing changed', BASE, []],
    [
      'a comment and re-indented flow map',
      edit(
        '      - { id: a, title: A, url: https://a.example.test/, kind: docs }',
        '      # the docs\n      - id: a\n        title: A\n        url: "https://a.example.test/"\n        kind: docs',
      ),
      [],
    ],
    ['a new title only', edit('title: B', 'title: B, renamed'), []],
    ['a new kind and note only', edit('kind: paper }', 'kind: article, note: hi }'), []],
    [
      'mirrors reordered',
      edit(
        '          - { url: https://m1.example.test/b, platform: x }\n          - { url: https://m2.example.test/b, platform: y }',
        '          - { url: https://m2.example.test/b, platform: y }\n          - { url: https://m1.example.test/b, platform: x }',
      ),
      [],
    ],
    ['a mirror note changed', edit('platform: y', 'platform: y, note: 生肉'), []],
    [
      'resource moved to another section',
      edit(
        '              - { id: c, title: C, url: https://c.example.test/, kind: paper }\n',
        '',
      ).replace(
        'kind: book }',
        'kind: book }\n              - { id: c, title: C, url: https://c.example.test/, kind: paper }',
      ),
      [],
    ],
    ['a resource url changed', edit('https://a.example.test/', 'https://a.example.test/v2'), ['a']],
    ['a mirror url changed', edit('https://m2.example.test/b', 'https://m3.example.test/b'), ['b']],
    [
      'a mirror added',
      edit('platform: y }', 'platform: y }\n          - { url: https://m4.example.test/b }'),
      ['b'],
    ],
    [
      'a mirror removed',
      edit('          - { url: https://m2.example.test/b, platform: y }\n', ''),
      ['b'],
    ],
    [
      'a url added where there was none',
      edit('kind: book }', 'kind: book, url: https://d.example.test/ }'),
      ['d'],
    ],
    ['a url removed', edit('url: https://c.example.test/, ', ''), ['c']],
    [
      'a new resource in a topic',
      edit(
        'kind: paper }',
        'kind: paper }\n              - { id: e, title: E, url: https://e.example.test/, kind: paper }',
      ),
      ['e'],
    ],
    ['an id renamed (checked as new)', edit('id: c,', 'id: c2,'), ['c2']],
    [
      'a resource deleted',
      edit('      - { id: a, title: A, url: https://a.example.test/, kind: docs }\n', ''),
      [],
    ],
  ])('%s', (_, afterText, expected) => {
    expect([...changedResourceIds(parse(BASE), parse(afterText))].sort()).toEqual(expected);
  });

  it('checks every resource when the roadmap did not exist at the ref', () => {
    expect([...changedResourceIds(undefined, parse(BASE))].sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('finds nothing to check when the roadmap was deleted', () => {
    expect(changedResourceIds(parse(BASE), undefined).size).toBe(0);
  });

  it.each([
    ['a scalar', 'just text'],
    ['a list', [1, 2, 3]],
    ['an old shape', { sections: [{ items: [{ id: 'a', url: 'https://a.example.test/' }] }] }],
  ])('treats %s at the ref as a roadmap with no resources', (_, before) => {
    expect([...changedResourceIds(before, parse(BASE))].sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('follows YAML aliases without looping', () => {
    const before = parse(BASE) as { sections: { self?: unknown }[] };
    const first = before.sections[0]!;
    first.self = first;
    expect(changedResourceIds(before, parse(BASE)).size).toBe(0);
  });

  it('finds every resource of the fixture roadmap, topics included', () => {
    const ids = changedResourceIds(undefined, parse(readCiFixture('roadmap.yaml')));
    expect(ids).toContain('attention-paper');
    expect(ids.size).toBe(13);
  });
});
