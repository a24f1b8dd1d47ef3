/**
 * The YAML side of `curate import --merge`: new items written as block YAML, and spliced in at the
 * end of the block list (or map) they belong to, at that list's indentation.
 */
import { Document, isMap, isSeq, type YAMLMap } from 'yaml';
import type { FieldPath } from '../roadmap/walk.js';
import type { ImportedResource, ImportedSection, ImportedTopic } from './build.js';
import { sectionOf, sourceComment, type ListSource } from './render.js';

/** The roadmap being spliced: its Document, its text, and where to queue an insertion. */
export type SpliceTarget = {
  doc: Document;
  text: string;
  insert: (at: number, text: string) => void;
};

/** An item as YAML lines at column 0 (`- key: …`), with each resource's source comment. */
type YamlItem = string;

export function resourceItem(imported: ImportedResource, source: ListSource): YamlItem {
  return `#${sourceComment(imported, source)}\n${listItemYaml(imported.resource)}`;
}

export function topicItem(topic: ImportedTopic, source: ListSource): YamlItem {
  if (topic.kind === 'text') return listItemYaml(topic.title);
  const head = listItemYaml(
    topic.summary === undefined
      ? { title: topic.title }
      : { title: topic.title, summary: topic.summary },
  );
  const resources = topic.resources
    .map((imported) => indent(resourceItem(imported, source), 4))
    .join('');
  return `${head}  resources:\n${resources}`;
}

export function sectionItem(section: ImportedSection, source: ListSource): YamlItem {
  const data = sectionOf(section);
  const doc = new Document([data]);
  const resourceNodes = new Map<unknown, ImportedResource>();
  const visit = (node: unknown, imported: ImportedSection) => {
    if (!isMap(node)) return;
    const seq = node.get('resources');
    if (isSeq(seq))
      seq.items.forEach((item, index) => {
        const resource = imported.resources[index];
        if (resource !== undefined) resourceNodes.set(item, resource);
      });
    imported.topics.forEach((topic, index) => {
      const topicSeq = node.getIn(['topics', index, 'resources']);
      if (topic.kind === 'resources' && isSeq(topicSeq))
        topicSeq.items.forEach((item, at) => {
          const resource = topic.resources[at];
          if (resource !== undefined) resourceNodes.set(item, resource);
        });
    });
    imported.sections.forEach((child, index) => {
      visit(node.getIn(['sections', index]), child);
    });
  };
  visit(isSeq(doc.contents) ? doc.contents.items[0] : undefined, section);
  for (const [node, imported] of resourceNodes)
    (node as YAMLMap).commentBefore = sourceComment(imported, source);
  return doc.toString({ lineWidth: 0 });
}

function listItemYaml(value: unknown): string {
  return new Document([value]).toString({ lineWidth: 0 });
}

function indent(text: string, columns: number): string {
  const pad = ' '.repeat(columns);
  return text
    .split('\n')
    .map((line) => (line === '' ? line : `${pad}${line}`))
    .join('\n');
}

/**
 * Appends items to the block sequence at `[...mapPath, key]`, or adds `key:` with them to the
 * map at `mapPath` when it has no such key. False when the place is written in flow style
 * (`[…]`, `{…}`), where new lines cannot go without rewriting what is there.
 */
export function appendItems(
  context: SpliceTarget,
  mapPath: FieldPath,
  items: YamlItem[],
  key: string,
): boolean {
  const map = mapPath.length === 0 ? context.doc.contents : context.doc.getIn(mapPath, true);
  if (!isMap(map) || map.flow === true) return false;
  const seq = map.get(key, true);
  if (isSeq(seq)) {
    if (seq.flow === true || seq.range === undefined || seq.range === null) return false;
    const column = columnOf(context.text, seq.range[0]);
    context.insert(
      lineEndAfter(context.text, seq.range[1]),
      items.map((item) => indent(item, column)).join(''),
    );
    return true;
  }
  if (seq !== undefined || map.range === undefined || map.range === null) return false;
  const first = map.items[0]?.key;
  const keyColumn =
    first !== null && typeof first === 'object' && 'range' in first && Array.isArray(first.range)
      ? columnOf(context.text, Number(first.range[0]))
      : 0;
  const block = `${key}:\n${items.map((item) => indent(item, 2)).join('')}`;
  context.insert(lineEndAfter(context.text, map.range[1]), indent(block, keyColumn));
  return true;
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** The start of the line after the last non-blank character before `offset`. */
function lineEndAfter(text: string, offset: number): number {
  let at = Math.min(offset, text.length);
  while (at > 0 && /\s/.test(text.charAt(at - 1))) at -= 1;
  const newline = text.indexOf('\n', at);
  return newline === -1 ? text.length : newline + 1;
}
