/**
 * One walk over a roadmap shared by the linter and the planner, so both visit resources in the
 * same order and name them by the same field paths.
 */
import type { Resource, Roadmap, Section } from './schema.js';

/** A field path such as `['sections', 0, 'resources', 3, 'url']`. */
export type FieldPath = readonly (string | number)[];

/** A section with its field path and the ids of the sections around it (outermost first). */
export type SectionEntry = { section: Section; path: FieldPath; ancestorIds: readonly string[] };

/** A resource with its field path, its innermost section and, for topic resources, the topic. */
export type ResourceEntry = {
  resource: Resource;
  path: FieldPath;
  section: Section;
  /** Ids of the innermost section and every section around it. */
  sectionIds: readonly string[];
  topic: string | undefined;
};

/** Every section, depth-first in file order (a section before its subsections). */
export function listSections(roadmap: Roadmap): SectionEntry[] {
  const entries: SectionEntry[] = [];
  const visit = (
    sections: readonly Section[],
    parentPath: FieldPath,
    ancestorIds: readonly string[],
  ): void => {
    sections.forEach((section, index) => {
      const path = [...parentPath, 'sections', index];
      entries.push({ section, path, ancestorIds });
      visit(section.sections ?? [], path, [...ancestorIds, section.id]);
    });
  };
  visit(roadmap.sections, [], []);
  return entries;
}

/**
 * Every resource in reading order: within a section, the resources of its topics first (topics
 * come first on the page), then its own resources, then those of its subsections.
 */
export function listResources(roadmap: Roadmap): ResourceEntry[] {
  return listSections(roadmap).flatMap(({ section, path, ancestorIds }) => {
    const sectionIds = [...ancestorIds, section.id];
    const fromTopics = (section.topics ?? []).flatMap((topic, topicIndex) =>
      typeof topic === 'string'
        ? []
        : (topic.resources ?? []).map((resource, index) => ({
            resource,
            path: [...path, 'topics', topicIndex, 'resources', index],
            section,
            sectionIds,
            topic: topic.title,
          })),
    );
    const own = (section.resources ?? []).map((resource, index) => ({
      resource,
      path: [...path, 'resources', index],
      section,
      sectionIds,
      topic: undefined,
    }));
    return [...fromTopics, ...own];
  });
}

/** Renders a field path as people read it: `sections[0].resources[3].url`, `hosts["a.test"]`. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') {
      text += `[${segment}]`;
      continue;
    }
    const key = String(segment);
    // Keys that are not identifiers (host names, region codes with dots) are quoted.
    text += /^[A-Za-z_][A-Za-z0-9_]*$/.test(key)
      ? `${text === '' ? '' : '.'}${key}`
      : `[${JSON.stringify(key)}]`;
  }
  return text;
}
