import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  MirrorSchema,
  RESOURCE_KINDS,
  ResourceSchema,
  RoadmapSchema,
  SettingsSchema,
} from './schema.js';
import { allowedKeysAt, editDistance, suggestNearest } from './suggest.js';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['', 'abc', 3],
    ['title', 'title', 0],
    ['titel', 'title', 1], // transposition
    ['vidoe', 'video', 1], // transposition
    ['kitten', 'sitting', 3],
    ['url', 'urls', 1],
    ['ca', 'abc', 3], // optimal string alignment does not edit a substring twice
  ])('%j → %j is %i', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });
});

describe('suggestNearest', () => {
  const resourceKeys = [
    'id',
    'title',
    'url',
    'kind',
    'lang',
    'author',
    'description',
    'note',
    'access',
    'mirrors',
  ];

  it.each([
    ['titel', resourceKeys, 'title'],
    ['Title', resourceKeys, 'title'],
    ['mirror', resourceKeys, 'mirrors'],
    ['descripton', resourceKeys, 'description'],
    ['lnag', resourceKeys, 'lang'],
    ['vidoe', RESOURCE_KINDS, 'video'],
    ['artcle', RESOURCE_KINDS, 'article'],
    ['zzz', resourceKeys, undefined],
    ['summary', resourceKeys, undefined],
    ['x', [], undefined],
  ])('%j among %j → %j', (input, candidates, expected) => {
    expect(suggestNearest(input, candidates)).toBe(expected);
  });

  it('keeps the first of equally near candidates', () => {
    expect(suggestNearest('ab', ['aa', 'bb'])).toBe('aa');
    expect(suggestNearest('ab', ['bb', 'aa'])).toBe('bb');
  });
});

describe('allowedKeysAt', () => {
  const keysOf = (schema: z.ZodObject): string[] => Object.keys(schema.shape);

  it.each([
    [[], keysOf(RoadmapSchema)],
    [
      ['sections', 0],
      ['id', 'title', 'intro', 'note', 'topics', 'resources', 'sections'],
    ],
    [
      ['sections', 0, 'sections', 2, 'sections', 1],
      ['id', 'title', 'intro', 'note', 'topics', 'resources', 'sections'],
    ],
    [['sections', 0, 'resources', 3], keysOf(ResourceSchema)],
    [
      ['sections', 0, 'topics', 1],
      ['title', 'summary', 'resources'],
    ],
    [['sections', 0, 'topics', 1, 'resources', 0, 'mirrors', 0], keysOf(MirrorSchema)],
    [['settings'], keysOf(SettingsSchema)],
    [
      ['settings', 'hosts', 'example.test'],
      ['perHost', 'headers', 'accept'],
    ],
    [['source'], ['title', 'url', 'note']],
    [['sections', 0, 'title'], []],
    [['nope', 1], []],
  ])('at %j', (path, expected) => {
    expect(allowedKeysAt(RoadmapSchema, path)).toEqual(expected);
  });
});
