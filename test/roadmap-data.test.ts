/**
 * Checks the seed roadmap.yaml as data: it must stay schema-valid and keep the post's shape
 * (sections, resources, topic links) while maintainers and tools edit it.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RoadmapSchema } from '../src/roadmap/schema.js';
import type { Resource, Roadmap, Section } from '../src/roadmap/schema.js';

const roadmapText = readFileSync(new URL('../roadmap.yaml', import.meta.url), 'utf8');
const parseResult = RoadmapSchema.safeParse(parse(roadmapText));

/** The parsed roadmap; throws the schema's own message so a broken file fails with a reason. */
function readRoadmap(): Roadmap {
  if (!parseResult.success) throw new Error(z.prettifyError(parseResult.error));
  return parseResult.data;
}

type PlacedResource = { sectionId: string; isTopicLink: boolean; resource: Resource };

/** Every resource of the tree, topic links included, depth-first in file order. */
function collectResources(sections: readonly Section[]): PlacedResource[] {
  return sections.flatMap((section) => [
    ...(section.topics ?? []).flatMap((topic) =>
      typeof topic === 'string'
        ? []
        : (topic.resources ?? []).map((resource) => ({
            sectionId: section.id,
            isTopicLink: true,
            resource,
          })),
    ),
    ...(section.resources ?? []).map((resource) => ({
      sectionId: section.id,
      isTopicLink: false,
      resource,
    })),
    ...collectResources(section.sections ?? []),
  ]);
}

function duplicates(values: readonly string[]): string[] {
  return values.filter((value, index) => values.indexOf(value) !== index);
}

describe('roadmap.yaml', () => {
  it('is valid against the roadmap schema', () => {
    const problems = parseResult.success ? 'none' : z.prettifyError(parseResult.error);
    expect(problems).toBe('none');
  });

  it('has the three parts of the post as top sections, in order', () => {
    expect(readRoadmap().sections.map((section) => [section.id, section.title])).toEqual([
      ['1', '大语言模型基础'],
      ['2', '大语言模型前沿算法和框架'],
      ['3', '大语言模型工程化'],
    ]);
  });

  it('nests the 19 subsections of the post under their parts, in order', () => {
    const subsectionIds = readRoadmap().sections.map((part) =>
      (part.sections ?? []).map((section) => section.id),
    );
    expect(subsectionIds).toEqual([
      ['1.1', '1.2', '1.3', '1.4'],
      ['2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7', '2.8'],
      ['3.1', '3.2', '3.3', '3.4', '3.5', '3.6', '3.7'],
    ]);
  });

  it('gives every subsection topics and resources, and nests no deeper', () => {
    const subsections = readRoadmap().sections.flatMap((part) => part.sections ?? []);
    const incomplete = subsections
      .filter(
        (section) =>
          (section.topics ?? []).length === 0 ||
          (section.resources ?? []).length === 0 ||
          section.sections !== undefined,
      )
      .map((section) => section.id);
    expect(incomplete).toEqual([]);
  });

  it('uses each resource id once across the file, topic links included', () => {
    const ids = collectResources(readRoadmap().sections).map(({ resource }) => resource.id);
    expect(duplicates(ids)).toEqual([]);
  });

  it('keeps the 94 section resources with a URL and the 79 topic links of the data', () => {
    const placed = collectResources(readRoadmap().sections);
    const sectionResources = placed.filter((entry) => !entry.isTopicLink);
    const topicLinks = placed.filter((entry) => entry.isTopicLink);
    expect({
      sectionResourcesWithUrl: sectionResources.filter(({ resource }) => resource.url).length,
      topicLinks: topicLinks.length,
      topicLinksWithoutUrl: topicLinks.filter(({ resource }) => !resource.url).length,
    }).toEqual({ sectionResourcesWithUrl: 94, topicLinks: 79, topicLinksWithoutUrl: 0 });
  });

  it('explains, for each of the three resources without a URL, that no link is known', () => {
    const withoutUrl = collectResources(readRoadmap().sections)
      .filter(({ resource }) => resource.url === undefined)
      .map(({ sectionId, resource }) => ({
        sectionId,
        id: resource.id,
        mentionsCandidates: resource.note?.includes('url_candidates') ?? false,
      }));
    expect(withoutUrl).toEqual([
      { sectionId: '1.3', id: 'andrew-ng-deep-learning', mentionsCandidates: true },
      { sectionId: '1.3', id: 'd2l-dive-into-deep-learning', mentionsCandidates: true },
      { sectionId: '1.3', id: 'hung-yi-lee-deep-learning', mentionsCandidates: true },
    ]);
  });

  it('says what each unconfirmed mirror is', () => {
    const unconfirmed = collectResources(readRoadmap().sections).flatMap(({ resource }) =>
      (resource.mirrors ?? [])
        .filter((mirror) => mirror.confirmed === false)
        .map((mirror) => ({ id: resource.id, url: mirror.url, note: mirror.note?.trim() ?? '' })),
    );
    expect(unconfirmed).toHaveLength(8);
    expect(unconfirmed.filter((mirror) => mirror.note === '')).toEqual([]);
  });

  it('declares cn: vpn only where the post says the resource needs 科学上网', () => {
    const vpnIds = collectResources(readRoadmap().sections)
      .filter(({ resource }) => resource.access?.['cn'] === 'vpn')
      .map(({ resource }) => resource.id);
    expect(vpnIds).toEqual(['aerin-ap-statistics', 'freecodecamp-python']);
  });
});
