/**
 * The splicer of `curate mirrors --write` and `--confirm`: adds found mirrors to resources as
 * `confirmed: false` entries, or flips one entry's `confirmed: false` to `true`, touching
 * nothing else. As in `fix-splice.ts`, the yaml Document gives each node's source range and
 * the new text is spliced in there, then the result is re-read and compared with what was meant.
 */
import { isDeepStrictEqual } from 'node:util';
import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  type LineCounter,
  type Pair,
  type YAMLMap,
} from 'yaml';
import { InternalError } from '../errors.js';
import { renderUrlScalar } from './fix-scalar.js';
import { parseForEdit } from './fix-splice.js';
import { applyTextEdits, type TextEdit } from './unified-diff.js';

/** A mirror to add under a resource. */
export type MirrorAddition = { resourceId: string; url: string; platform: string; note: string };

/** Why an addition was not made. */
export type AdditionSkipReason =
  /** No resource with that id in the file. */
  | 'no-resource'
  /** The resource already lists that URL as a mirror. */
  | 'already-listed'
  /** The resource or its `mirrors:` is written in flow style (`{ }`/`[ ]`); add it by hand. */
  | 'flow-style';

/** The outcome of `addMirrors`. */
export type AdditionResult = {
  text: string;
  edits: TextEdit[];
  applied: MirrorAddition[];
  skipped: { addition: MirrorAddition; reason: AdditionSkipReason }[];
};

/** Every resource map of the document by id (maps with an `id` inside a `resources` list). */
function resourceMaps(doc: ReturnType<typeof parseDocument>): Map<string, YAMLMap> {
  const found = new Map<string, YAMLMap>();
  const visitNode = (node: unknown, isResourceList: boolean): void => {
    if (isSeq(node)) {
      for (const item of node.items) {
        if (isResourceList && isMap(item)) {
          const id = item.get('id');
          if (typeof id === 'string' && !found.has(id)) found.set(id, item);
        }
        visitNode(item, false);
      }
    } else if (isMap(node)) {
      for (const pair of node.items) {
        visitNode(pair.value, isScalar(pair.key) && pair.key.value === 'resources');
      }
    }
  };
  visitNode(doc.contents, false);
  return found;
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((pair) => isScalar(pair.key) && pair.key.value === key);
}

/** The column (0-based) a node starts at. */
function columnOf(offset: number, lineCounter: LineCounter): number {
  return lineCounter.linePos(offset).col - 1;
}

/**
 * Where a node's own text ends: a block collection's range runs on over the line break and
 * comments after it, so the end of its last scalar (or flow collection) is taken instead.
 */
function contentEnd(node: unknown): number | undefined {
  if ((isMap(node) || isSeq(node)) && node.flow !== true) {
    const last = node.items.at(-1);
    if (last === undefined) return undefined;
    return isPair(last) ? contentEnd(last.value ?? last.key) : contentEnd(last);
  }
  const range = (node as { range?: readonly number[] | null } | null)?.range;
  return range?.[1] ?? undefined;
}

/** The new mirror as block-style lines, each starting at `indent` (the `- ` included). */
function renderMirrorItem(addition: MirrorAddition, indent: string): string {
  const inner = `${indent}  `;
  return [
    `${indent}- url: ${renderUrlScalar(addition.url, 'PLAIN', false)}`,
    `${inner}platform: ${/^[a-z][a-z0-9-]*$/.test(addition.platform) ? addition.platform : JSON.stringify(addition.platform)}`,
    `${inner}note: ${JSON.stringify(addition.note)}`,
    `${inner}confirmed: false`,
    `${inner}evidence: strong`,
  ].join('\n');
}

/** Adds mirrors in roadmap text; every byte outside the inserted lines is kept. */
export function addMirrors(
  text: string,
  additions: readonly MirrorAddition[],
  file = 'roadmap.yaml',
): AdditionResult {
  const { doc, lineCounter } = parseForEdit(text, file, 'no mirror was added');
  const maps = resourceMaps(doc);
  const result: AdditionResult = { text, edits: [], applied: [], skipped: [] };
  const insertions = new Map<number, string[]>();
  for (const addition of additions) {
    const map = maps.get(addition.resourceId);
    if (map?.range === undefined || map.range === null) {
      result.skipped.push({ addition, reason: 'no-resource' });
      continue;
    }
    const mirrors = pairOf(map, 'mirrors')?.value;
    if (
      isSeq(mirrors) &&
      mirrors.items.some((item) => isMap(item) && item.get('url') === addition.url)
    ) {
      result.skipped.push({ addition, reason: 'already-listed' });
      continue;
    }
    const place = insertionPoint(map, mirrors, lineCounter, addition, text);
    if (place === undefined) {
      result.skipped.push({ addition, reason: 'flow-style' });
      continue;
    }
    insertions.set(place.offset, [...(insertions.get(place.offset) ?? []), place.text]);
    result.applied.push(addition);
  }
  result.edits = [...insertions]
    .map(([offset, texts]) => ({ start: offset, end: offset, text: texts.join('') }))
    .sort((a, b) => a.start - b.start);
  result.text = applyTextEdits(text, result.edits);
  assertReadsBack(doc, result.text, result.applied, file);
  return result;
}

function insertionPoint(
  map: YAMLMap,
  mirrors: unknown,
  lineCounter: LineCounter,
  addition: MirrorAddition,
  text: string,
): { offset: number; text: string } | undefined {
  if (map.flow === true) return undefined;
  // New lines go after the whole last line, so a trailing `# comment` stays where it was.
  const lineEnd = (offset: number): number => {
    const newline = text.indexOf('\n', offset);
    return newline === -1 ? text.length : text[newline - 1] === '\r' ? newline - 1 : newline;
  };
  if (isSeq(mirrors)) {
    const last = mirrors.items.at(-1);
    if (mirrors.flow === true || !isMap(last) || last.range === undefined || last.range === null) {
      return undefined;
    }
    const end = contentEnd(last);
    const first = mirrors.range?.[0];
    if (end === undefined || first === undefined) return undefined;
    // A block sequence's range starts at its first `- `.
    const indent = ' '.repeat(columnOf(first, lineCounter));
    return { offset: lineEnd(end), text: `\n${renderMirrorItem(addition, indent)}` };
  }
  if (mirrors !== undefined) return undefined;
  const firstKey = map.items[0]?.key;
  const end = contentEnd(map);
  if (!isScalar(firstKey) || firstKey.range == null || end === undefined) return undefined;
  const keyIndent = ' '.repeat(columnOf(firstKey.range[0], lineCounter));
  return {
    offset: lineEnd(end),
    text: `\n${keyIndent}mirrors:\n${renderMirrorItem(addition, `${keyIndent}  `)}`,
  };
}

/** The new text must read as the old data plus exactly the added mirrors, or it is a bug. */
function assertReadsBack(
  doc: ReturnType<typeof parseDocument>,
  newText: string,
  applied: readonly MirrorAddition[],
  file: string,
): void {
  if (applied.length === 0) return;
  const expected = doc.toJS() as unknown;
  const byId = new Map<string, MirrorAddition[]>();
  for (const addition of applied)
    byId.set(addition.resourceId, [...(byId.get(addition.resourceId) ?? []), addition]);
  const addTo = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(addTo);
    else if (typeof node === 'object' && node !== null) {
      const record = node as Record<string, unknown>;
      for (const [key, value] of Object.entries(record)) {
        if (key === 'resources' && Array.isArray(value)) {
          for (const resource of value as Record<string, unknown>[]) {
            const added = typeof resource.id === 'string' ? byId.get(resource.id) : undefined;
            if (added === undefined) continue;
            byId.delete(resource.id as string);
            const listed = Array.isArray(resource.mirrors) ? (resource.mirrors as unknown[]) : [];
            resource.mirrors = [
              ...listed,
              ...added.map(({ url, platform, note }) => ({
                url,
                platform,
                note,
                confirmed: false,
                evidence: 'strong',
              })),
            ];
          }
        }
        addTo(value);
      }
    }
  };
  addTo(expected);
  const reread = parseDocument(newText);
  if (reread.errors.length > 0 || !isDeepStrictEqual(reread.toJS(), expected)) {
    throw new InternalError(
      `curate mirrors produced YAML for ${file} that does not read back as intended`,
    );
  }
}

/** The outcome of `confirmMirror`: the new text, or why nothing was confirmed. */
export type ConfirmResult =
  | { kind: 'confirmed'; text: string; url: string; line: number }
  | { kind: 'no-resource' }
  | { kind: 'nothing-to-confirm' };

/**
 * Marks a resource's first `confirmed: false` mirror (or the one with `url`) as confirmed, by
 * rewriting that one `false` scalar to `true`.
 */
export function confirmMirror(
  text: string,
  resourceId: string,
  url: string | undefined,
  file = 'roadmap.yaml',
): ConfirmResult {
  const { doc, lineCounter } = parseForEdit(text, file, 'no mirror was confirmed');
  const map = resourceMaps(doc).get(resourceId);
  if (map === undefined) return { kind: 'no-resource' };
  const mirrors = pairOf(map, 'mirrors')?.value;
  if (!isSeq(mirrors)) return { kind: 'nothing-to-confirm' };
  for (const item of mirrors.items) {
    if (!isMap(item)) continue;
    const confirmed = pairOf(item, 'confirmed')?.value;
    const itemUrl = item.get('url');
    if (!isScalar(confirmed) || confirmed.value !== false || confirmed.range == null) continue;
    if (typeof itemUrl !== 'string' || (url !== undefined && itemUrl !== url)) continue;
    const [start, end] = confirmed.range;
    const newText = applyTextEdits(text, [{ start, end, text: 'true' }]);
    confirmed.value = true;
    const reread = parseDocument(newText);
    if (reread.errors.length > 0 || !isDeepStrictEqual(reread.toJS(), doc.toJS())) {
      throw new InternalError(
        `curate mirrors --confirm produced YAML for ${file} that does not read back as intended`,
      );
    }
    return {
      kind: 'confirmed',
      text: newText,
      url: itemUrl,
      line: lineCounter.linePos(start).line,
    };
  }
  return { kind: 'nothing-to-confirm' };
}
