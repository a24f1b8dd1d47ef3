/**
 * An imported list as roadmap.yaml text: the schema modeline first, then the roadmap, each
 * resource under a comment with the source line it came from, so a maintainer reviewing the
 * import sees what every entry was made of.
 */
import { Document, isMap } from 'yaml';
import { ROADMAP_SCHEMA_MODELINE } from '../init/templates.js';
import type { Resource, Roadmap, Section, Topic } from '../roadmap/schema.js';
import type { ImportedList, ImportedResource, ImportedSection, ImportedTopic } from './build.js';

/** Where the list came from, for the header and the per-resource comments. */
export type ListSource = {
  /** The file as the user named it, e.g. `README.md`. */
  file: string;
  /** The file's lines, for quoting each resource's source line. */
  lines: readonly string[];
};

const MAX_QUOTED_CHARS = 160;

/** The roadmap an imported list stands for (what `renderImportedList` writes). */
export function roadmapOf(list: ImportedList, source: Pick<ListSource, 'file'>): Roadmap {
  return {
    version: 1,
    title: list.title,
    source: { title: source.file, note: 'imported with curate import' },
    sections: list.sections.map(sectionOf),
  };
}

/** The section as roadmap data (empty lists left out). */
export function sectionOf(section: ImportedSection): Section {
  const data: Section = { id: section.id, title: section.title };
  if (section.topics.length > 0) data.topics = section.topics.map(topicOf);
  if (section.resources.length > 0)
    data.resources = section.resources.map(({ resource }) => resource);
  if (section.sections.length > 0) data.sections = section.sections.map(sectionOf);
  return data;
}

function topicOf(topic: ImportedTopic): Topic {
  if (topic.kind === 'text') return topic.title;
  const data: Exclude<Topic, string> = { title: topic.title };
  if (topic.summary !== undefined) data.summary = topic.summary;
  data.resources = topic.resources.map(({ resource }) => resource);
  return data;
}

/** The roadmap.yaml text of an imported list. */
export function renderImportedList(list: ImportedList, source: ListSource): string {
  const doc = new Document(roadmapOf(list, source));
  doc.commentBefore = [
    ROADMAP_SCHEMA_MODELINE,
    ` Imported from ${source.file} by curate import: check titles, kinds and descriptions, then run`,
    ' curate validate. The comment above each resource is the source line it came from.',
  ].join('\n');
  list.sections.forEach((section, index) => {
    annotateSection(doc.getIn(['sections', index]), section, source);
  });
  return doc.toString({ lineWidth: 0 });
}

function annotateSection(node: unknown, section: ImportedSection, source: ListSource): void {
  if (!isMap(node)) return;
  annotateResources(node.get('resources'), section.resources, source);
  section.topics.forEach((topic, index) => {
    if (topic.kind === 'resources') {
      annotateResources(node.getIn(['topics', index, 'resources']), topic.resources, source);
    }
  });
  section.sections.forEach((child, index) => {
    annotateSection(node.getIn(['sections', index]), child, source);
  });
}

function annotateResources(node: unknown, resources: ImportedResource[], source: ListSource): void {
  if (node === undefined || node === null || typeof node !== 'object' || !('items' in node)) return;
  const items = (node as { items: unknown[] }).items;
  resources.forEach((imported, index) => {
    const item = items[index];
    if (isMap(item)) item.commentBefore = sourceComment(imported, source);
  });
}

/** ` README.md:42: - [Title](https://…): what it is` (long lines cut at 160 characters). */
export function sourceComment(
  imported: Pick<ImportedResource, 'line'>,
  source: ListSource,
): string {
  const text = (source.lines[imported.line - 1] ?? '').trim();
  const quoted = text.length > MAX_QUOTED_CHARS ? `${text.slice(0, MAX_QUOTED_CHARS - 1)}…` : text;
  return ` ${source.file}:${imported.line}: ${quoted}`;
}

/** Every resource of a roadmap's sections, topics included, in file order. */
export function resourcesOfSections(sections: readonly Section[]): Resource[] {
  return sections.flatMap((section) => [
    ...(section.topics ?? []).flatMap((topic) =>
      typeof topic === 'string' ? [] : (topic.resources ?? []),
    ),
    ...(section.resources ?? []),
    ...resourcesOfSections(section.sections ?? []),
  ]);
}
