/**
 * `curate import --merge`: what a newer version of a list adds goes into an existing roadmap,
 * and what it dropped is named, never deleted. Only new text is written: the yaml Document finds
 * where each new resource or section goes (by section and topic title, a resource by its URL),
 * and the new lines are spliced in there, as `curate fix` splices, so every hand-written field,
 * comment and blank line of the roadmap stays byte for byte.
 */
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { Roadmap, Section } from '../roadmap/schema.js';
import { applyTextEdits, type TextEdit } from '../roadmap/unified-diff.js';
import { listResources, type FieldPath } from '../roadmap/walk.js';
import type { ImportedList, ImportedResource, ImportedSection, ImportedTopic } from './build.js';
import { appendItems, resourceItem, sectionItem, topicItem } from './merge-yaml.js';
import type { ListSource } from './render.js';

/** A resource of the roadmap that the newer list no longer has. */
export type DroppedResource = { id: string; title: string; url: string; line: number };

/** What a merge did. */
export type MergeResult = {
  text: string;
  edits: TextEdit[];
  added: ImportedResource[];
  /** New sections, by title (their resources are in `added`). */
  addedSections: string[];
  dropped: DroppedResource[];
  /** New resources that had nowhere to go (a flow-style list in the roadmap): add them by hand. */
  unplaced: ImportedResource[];
};

/** The roadmap as loaded: its data, its text and where a field path sits in the text. */
export type MergeTarget = {
  roadmap: Roadmap;
  text: string;
  locate(path: FieldPath): { line: number };
};

/** Comparable form of a URL: the same link written with or without a trailing `/`. */
export function urlKey(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

/** URLs of an imported list, mirrors included. */
function importedUrls(sections: readonly ImportedSection[]): Set<string> {
  const urls = new Set<string>();
  const add = (imported: ImportedResource) => {
    if (imported.resource.url !== undefined) urls.add(urlKey(imported.resource.url));
    for (const mirror of imported.resource.mirrors ?? []) urls.add(urlKey(mirror.url));
  };
  const visit = (section: ImportedSection) => {
    section.resources.forEach(add);
    for (const topic of section.topics)
      if (topic.kind === 'resources') topic.resources.forEach(add);
    section.sections.forEach(visit);
  };
  sections.forEach(visit);
  return urls;
}

/** Merges `list` (a newer import) into the roadmap; `source` is the newer list, for comments. */
export function mergeImportedList(
  target: MergeTarget,
  list: ImportedList,
  source: ListSource,
): MergeResult {
  const doc = parseDocument(target.text, { lineCounter: new LineCounter() });
  const existing = listResources(target.roadmap);
  const known = new Set<string>();
  for (const { resource } of existing) {
    if (resource.url !== undefined) known.add(urlKey(resource.url));
    for (const mirror of resource.mirrors ?? []) known.add(urlKey(mirror.url));
  }
  const newer = importedUrls(list.sections);
  const result: MergeResult = {
    text: target.text,
    edits: [],
    added: [],
    addedSections: [],
    dropped: existing
      .filter(({ resource }) => resource.url !== undefined && !newer.has(urlKey(resource.url)))
      .map(({ resource, path }) => ({
        id: resource.id,
        title: resource.title,
        url: resource.url ?? '',
        line: target.locate([...path, 'url']).line,
      })),
    unplaced: [],
  };
  const isNew = (imported: ImportedResource) =>
    imported.resource.url !== undefined && !known.has(urlKey(imported.resource.url));
  const inserts = new Map<number, string[]>();
  const insert = (at: number, text: string) => inserts.set(at, [...(inserts.get(at) ?? []), text]);
  const context: MergeContext = { doc, text: target.text, source, isNew, insert, result };
  mergeSections(context, target.roadmap.sections, ['sections'], list.sections, '');
  result.edits = [...inserts]
    .sort(([a], [b]) => a - b)
    .map(([at, texts]) => ({ start: at, end: at, text: texts.join('') }));
  result.text = applyTextEdits(target.text, result.edits);
  return result;
}

type MergeContext = {
  doc: Document;
  text: string;
  source: ListSource;
  isNew: (imported: ImportedResource) => boolean;
  insert: (at: number, text: string) => void;
  result: MergeResult;
};

function sameTitle(a: string, b: string): boolean {
  const key = (title: string) => title.replace(/\s+/g, ' ').trim().toLowerCase();
  return key(a) === key(b);
}

function mergeSections(
  context: MergeContext,
  sections: readonly Section[],
  path: FieldPath,
  imported: readonly ImportedSection[],
  parentId: string,
): void {
  let nextNumber = nextChildNumber(sections);
  for (const newer of imported) {
    const index = sections.findIndex((section) => sameTitle(section.title, newer.title));
    const match = sections[index];
    if (match !== undefined) {
      mergeIntoSection(context, match, [...path, index], newer);
      continue;
    }
    const pruned = onlyNew(newer, context.isNew);
    if (pruned === undefined) continue;
    renumber(pruned, `${parentId}${nextNumber}`);
    nextNumber += 1;
    const placed = appendItems(
      context,
      path.slice(0, -1),
      [sectionItem(pruned, context.source)],
      'sections',
    );
    collect(pruned, (resource) =>
      (placed ? context.result.added : context.result.unplaced).push(resource),
    );
    if (placed) context.result.addedSections.push(pruned.title);
  }
}

function mergeIntoSection(
  context: MergeContext,
  section: Section,
  path: FieldPath,
  newer: ImportedSection,
): void {
  const newResources = newer.resources.filter(context.isNew);
  addResources(context, [...path, 'resources'], newResources);
  const newTopics: ImportedTopic[] = [];
  for (const topic of newer.topics) {
    if (topic.kind !== 'resources') continue;
    const fresh = topic.resources.filter(context.isNew);
    if (fresh.length === 0) continue;
    const index = (section.topics ?? []).findIndex(
      (existing) => typeof existing !== 'string' && sameTitle(existing.title, topic.title),
    );
    if (index === -1) newTopics.push({ ...topic, resources: fresh });
    else addResources(context, [...path, 'topics', index, 'resources'], fresh);
  }
  if (newTopics.length > 0) {
    const items = newTopics.map((topic) => topicItem(topic, context.source));
    const placed = appendItems(context, path, items, 'topics');
    for (const topic of newTopics) {
      if (topic.kind === 'resources')
        (placed ? context.result.added : context.result.unplaced).push(...topic.resources);
    }
  }
  mergeSections(
    context,
    section.sections ?? [],
    [...path, 'sections'],
    newer.sections,
    `${section.id}.`,
  );
}

function addResources(context: MergeContext, path: FieldPath, resources: ImportedResource[]): void {
  if (resources.length === 0) return;
  const items = resources.map((imported) => resourceItem(imported, context.source));
  const placed = appendItems(context, path.slice(0, -1), items, String(path.at(-1)));
  (placed ? context.result.added : context.result.unplaced).push(...resources);
}

/** A section with only the new resources, or undefined when nothing in it is new. */
function onlyNew(
  section: ImportedSection,
  isNew: (imported: ImportedResource) => boolean,
): ImportedSection | undefined {
  const sections = section.sections.flatMap((child) => onlyNew(child, isNew) ?? []);
  const resources = section.resources.filter(isNew);
  const topics = section.topics.flatMap((topic): ImportedTopic[] => {
    if (topic.kind === 'text') return [];
    const fresh = topic.resources.filter(isNew);
    return fresh.length === 0 ? [] : [{ ...topic, resources: fresh }];
  });
  if (resources.length === 0 && topics.length === 0 && sections.length === 0) return undefined;
  return { ...section, resources, topics, sections };
}

function renumber(section: ImportedSection, id: string): void {
  section.id = id;
  section.sections.forEach((child, index) => {
    renumber(child, `${id}.${index + 1}`);
  });
}

function collect(section: ImportedSection, into: (resource: ImportedResource) => void): void {
  section.resources.forEach(into);
  for (const topic of section.topics) if (topic.kind === 'resources') topic.resources.forEach(into);
  section.sections.forEach((child) => {
    collect(child, into);
  });
}

/** One past the largest last number of the sections' ids (`2.3` → 4), at least 1. */
function nextChildNumber(sections: readonly Section[]): number {
  const numbers = sections.map((section) => Number(section.id.split('.').at(-1)));
  return Math.max(0, ...numbers.filter(Number.isInteger)) + 1;
}
