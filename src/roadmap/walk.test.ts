import { describe, expect, it } from 'vitest';
import type { Resource, Roadmap } from './schema.js';
import { formatFieldPath, listResources, listSections } from './walk.js';

describe('formatFieldPath', () => {
  it.each([
    [[], ''],
    [['title'], 'title'],
    [
      ['sections', 0, 'sections', 1, 'resources', 3, 'url'],
      'sections[0].sections[1].resources[3].url',
    ],
    [['settings', 'hosts', 'example.test', 'perHost'], 'settings.hosts["example.test"].perHost'],
    [['sections', 0, 'resources', 0, 'access', 'cn'], 'sections[0].resources[0].access.cn'],
    [[0, 'a'], '[0].a'],
  ])('%j → %s', (path, expected) => {
    expect(formatFieldPath(path)).toBe(expected);
  });
});

const resource = (id: string): Resource => ({ id, title: id, kind: 'article' });

const ROADMAP: Roadmap = {
  version: 1,
  title: 'T',
  sections: [
    {
      id: '1',
      title: 'One',
      resources: [resource('r1')],
      topics: ['plain', { title: 'Papers', resources: [resource('t1'), resource('t2')] }],
      sections: [
        { id: '1.1', title: 'One.one', resources: [resource('r11')] },
        {
          id: '1.2',
          title: 'One.two',
          sections: [{ id: '1.2.1', title: 'Deep', resources: [resource('r121')] }],
        },
      ],
    },
    { id: '2', title: 'Two', resources: [resource('r2a'), resource('r2b')] },
  ],
};

describe('listSections', () => {
  it('lists sections depth-first with their paths and ancestors', () => {
    expect(
      listSections(ROADMAP).map(({ section, path, ancestorIds }) => [
        section.id,
        formatFieldPath(path),
        ancestorIds,
      ]),
    ).toEqual([
      ['1', 'sections[0]', []],
      ['1.1', 'sections[0].sections[0]', ['1']],
      ['1.2', 'sections[0].sections[1]', ['1']],
      ['1.2.1', 'sections[0].sections[1].sections[0]', ['1', '1.2']],
      ['2', 'sections[1]', []],
    ]);
  });
});

describe('listResources', () => {
  it('lists topic resources, then own resources, then subsections, in file order', () => {
    expect(
      listResources(ROADMAP).map((entry) => [
        entry.resource.id,
        formatFieldPath(entry.path),
        entry.section.id,
        entry.topic,
        entry.sectionIds,
      ]),
    ).toEqual([
      ['t1', 'sections[0].topics[1].resources[0]', '1', 'Papers', ['1']],
      ['t2', 'sections[0].topics[1].resources[1]', '1', 'Papers', ['1']],
      ['r1', 'sections[0].resources[0]', '1', undefined, ['1']],
      ['r11', 'sections[0].sections[0].resources[0]', '1.1', undefined, ['1', '1.1']],
      [
        'r121',
        'sections[0].sections[1].sections[0].resources[0]',
        '1.2.1',
        undefined,
        ['1', '1.2', '1.2.1'],
      ],
      ['r2a', 'sections[1].resources[0]', '2', undefined, ['2']],
      ['r2b', 'sections[1].resources[1]', '2', undefined, ['2']],
    ]);
  });
});
