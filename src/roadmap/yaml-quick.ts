/**
 * The quick reader for the plain YAML roadmaps are written in: js-yaml's flat event parser plus a
 * small index of where each value starts. On a 10,000-resource roadmap it is about ten times
 * faster than composing a `yaml` Document, and leaves a tenth of the garbage.
 *
 * It vouches only for what it understands exactly like the careful reader (`yaml-source.ts`):
 * one document whose top level is a mapping, with no anchors, aliases, tags or directives, and no
 * syntax error or duplicate key. For anything else it returns undefined, and the careful reader
 * reads the file again, with its guards and its positioned, hinted problems.
 */
import {
  CORE_SCHEMA,
  EVENT_ID,
  SCALAR_STYLE,
  constructFromEvents,
  getScalarValue,
  parseEvents,
  type Event,
  type ScalarEvent,
} from 'js-yaml';
import { LineCounter } from 'yaml';
import type { SourcePosition } from '../domain.js';
import { locatePath, type LocatePart, type TreeAccess } from './locate-path.js';
import { MAX_NESTING_DEPTH } from './yaml-source.js';

/** Plain data and the means to point back into the text, for a document the quick reader vouches for. */
export type QuickYaml = {
  data: Record<string, unknown>;
  /** Same contract as `YamlSource.locate`: the value (or key) at `path`, else its nearest parent. */
  locate(path: readonly PropertyKey[], part?: LocatePart): SourcePosition;
};

const BARE_CR = /\r(?!\n)/;

/**
 * The two parsers count nesting differently (yaml's CST stack has more levels than js-yaml's
 * collections); well below the careful limit, the quick reader never accepts what it refuses.
 */
const QUICK_MAX_DEPTH = Math.floor(MAX_NESTING_DEPTH / 2);

/** yaml refuses an implicit key longer than this (YAML 1.2, 7.4.1); the quick reader leaves such keys to it. */
const MAX_KEY_CHARS = 1024;

/** Where a node starts; `undefined` for an empty value, which callers locate by its key. */
type Start = number | undefined;

type IndexNode =
  | { kind: 'scalar'; start: Start }
  | { kind: 'map'; start: Start; entries: Map<string, { key: Start; value: IndexNode }> }
  | { kind: 'seq'; start: Start; items: IndexNode[] };

/** Reads `text` when it is plain YAML with a mapping at the top; otherwise undefined. */
export function readPlainYaml(text: string): QuickYaml | undefined {
  // A bare CR ends a line for js-yaml but not for yaml (or the line index here).
  if (BARE_CR.test(text)) return undefined;
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth: QUICK_MAX_DEPTH });
  } catch {
    return undefined;
  }
  const root = indexEvents(events, text);
  if (root?.kind !== 'map') return undefined;
  let documents: unknown[];
  try {
    documents = constructFromEvents(events, { source: text, schema: CORE_SCHEMA, maxAliases: 0 });
  } catch {
    // A duplicate key, or a scalar the schema refuses: the careful reader explains it.
    return undefined;
  }
  const [data] = documents;
  if (documents.length !== 1 || !isRecord(data)) return undefined;
  const at = lineIndex(text);
  return { data, locate: createLocator(root, at) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type Collection = Extract<IndexNode, { kind: 'map' | 'seq' }>;

/** A key read in an open mapping, waiting for its value. */
type PendingKey = { name: string; start: Start };

// `true:`, `null:` and `1.10:` become other keys in the data than their text ("1.1"); roadmaps
// key their mappings by field names, so such keys go to the careful reader.
const NON_STRING_PLAIN_KEY = /^(?:true|false|null|~|[-+.\d].*)$/i;

/**
 * Builds the position index from the flat events, or undefined when the document uses anything
 * the quick reader does not vouch for. Iterative: the parser already bounded the depth.
 */
function indexEvents(events: readonly Event[], text: string): IndexNode | undefined {
  const stack: Collection[] = [];
  // Per open collection: the key read in a mapping and waiting for its value.
  const pendingKeys: (PendingKey | undefined)[] = [];
  let root: IndexNode | undefined;
  let documents = 0;
  // Where the last scalar ended: a block scalar's header lies after it (after its key).
  let previousEnd = 0;

  /** Files a node under its parent; false when it is a key no path could name. */
  const attach = (node: IndexNode, keyName: () => string | undefined): boolean => {
    const depth = stack.length - 1;
    const parent = stack[depth];
    if (parent === undefined) {
      root = node;
      return true;
    }
    if (parent.kind === 'seq') {
      parent.items.push(node);
      return true;
    }
    const pending = pendingKeys[depth];
    if (pending === undefined) {
      const name = node.kind === 'scalar' ? keyName() : undefined;
      if (name === undefined) return false;
      pendingKeys[depth] = { name, start: node.start };
      return true;
    }
    parent.entries.set(pending.name, { key: pending.start, value: node });
    pendingKeys[depth] = undefined;
    return true;
  };

  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        documents += 1;
        if (documents > 1 || event.directives.length > 0) return undefined;
        break;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        if (event.anchorStart !== -1 || event.tagStart !== -1) return undefined;
        const node: Collection =
          event.type === EVENT_ID.MAPPING
            ? { kind: 'map', start: event.start, entries: new Map() }
            : { kind: 'seq', start: event.start, items: [] };
        if (!attach(node, () => undefined)) return undefined;
        stack.push(node);
        pendingKeys.push(undefined);
        break;
      }
      case EVENT_ID.SCALAR: {
        if (event.anchorStart !== -1 || event.tagStart !== -1) return undefined;
        const start = scalarStart(event, text, previousEnd);
        if (start === null) return undefined;
        previousEnd = Math.max(previousEnd, scalarEnd(event));
        // Decoded only when the scalar is a key: values need no name.
        const keyName = (): string | undefined => {
          if (event.valueEnd - event.valueStart > MAX_KEY_CHARS) return undefined;
          const name = getScalarValue(text, event);
          // An empty key is `null` in the data and "" in a path: no path could name it.
          const isPlainNonString =
            event.style === SCALAR_STYLE.PLAIN && (name === '' || NON_STRING_PLAIN_KEY.test(name));
          return isPlainNonString ? undefined : name;
        };
        if (!attach({ kind: 'scalar', start }, keyName)) return undefined;
        break;
      }
      case EVENT_ID.ALIAS:
        return undefined;
      case EVENT_ID.POP:
        // Popping a document has no collection to close.
        if (stack.length > 0) {
          stack.pop();
          // A key without a value cannot come from the parser; refuse rather than guess.
          if (pendingKeys.pop() !== undefined) return undefined;
        }
        break;
    }
  }
  return root;
}

/**
 * Where a scalar starts, as the careful reader counts it: at the opening quote of a quoted
 * scalar, at the `|`/`>` header of a block scalar; undefined for an empty plain value; null when
 * the header cannot be found (the careful reader then takes over).
 */
function scalarStart(event: ScalarEvent, text: string, notBefore: number): Start | null {
  switch (event.style) {
    case SCALAR_STYLE.PLAIN:
      return event.valueStart === -1 || event.valueStart === event.valueEnd
        ? undefined
        : event.valueStart;
    case SCALAR_STYLE.SINGLE_QUOTED:
    case SCALAR_STYLE.DOUBLE_QUOTED:
      return event.valueStart - 1;
    case SCALAR_STYLE.LITERAL_BLOCK:
    case SCALAR_STYLE.FOLDED_BLOCK:
      return blockHeaderStart(text, event.valueStart, notBefore);
    default:
      return null;
  }
}

// The header ends its line: an indicator, optional indentation/chomping, optional comment.
const BLOCK_HEADER = /[|>][1-9+-]{0,2}[ \t]*(?:#.*)?$/;

/**
 * The content of a block scalar starts on the line after its header, which comes after
 * `notBefore` (the end of its key, whose text may hold a `|` or `>` of its own).
 */
function blockHeaderStart(text: string, contentStart: number, notBefore: number): number | null {
  if (contentStart <= 0) return null;
  const headerLineEnd = text.lastIndexOf('\n', contentStart - 1);
  if (headerLineEnd === -1) return null;
  const searchFrom = Math.max(text.lastIndexOf('\n', headerLineEnd - 1) + 1, notBefore);
  const line = text.slice(searchFrom, headerLineEnd).replace(/\r$/, '');
  const match = BLOCK_HEADER.exec(line);
  return match === null ? null : searchFrom + match.index;
}

/** Where a scalar's text ends, closing quote included. */
function scalarEnd(event: ScalarEvent): number {
  if (event.valueEnd === -1) return 0;
  const isQuoted =
    event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED;
  return isQuoted ? event.valueEnd + 1 : event.valueEnd;
}

/** 1-based line and column of an offset, from yaml's own line counter. */
function lineIndex(text: string): (offset: number) => SourcePosition {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
    lines.addNewLine(at + 1);
  }
  return (offset) => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
}

function createLocator(
  root: IndexNode,
  at: (offset: number) => SourcePosition,
): QuickYaml['locate'] {
  const positionOf = (start: Start): SourcePosition | undefined =>
    start === undefined ? undefined : at(start);
  const access: TreeAccess<IndexNode, Start> = {
    step(node, segment) {
      if (node.kind === 'map') return node.entries.get(String(segment));
      if (node.kind === 'seq' && typeof segment === 'number') {
        return { key: undefined, value: node.items[segment] };
      }
      return undefined;
    },
    nodeStart: (node) => positionOf(node?.start),
    keyStart: positionOf,
  };
  return (path, part = 'value') => locatePath(root, path, part, access);
}
