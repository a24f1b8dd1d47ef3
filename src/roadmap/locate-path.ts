/**
 * Walks a field path down a parsed YAML tree to a source position. Both YAML readers use it, so
 * the quick one (js-yaml events) and the careful one (a `yaml` Document) cannot disagree on
 * where a value is, whatever their trees look like.
 */
import type { SourcePosition } from '../domain.js';

/** Which side of a `key: value` pair a position points at. */
export type LocatePart = 'key' | 'value';

/** The pair (or sequence item, with no key) one path segment leads to. */
export type TreeStep<N, K> = { key: K | undefined; value: N | undefined };

/** How to walk one reader's tree: a step down, and where a node or a key starts. */
export type TreeAccess<N, K> = {
  /** The key and value a segment names under `node`, or undefined when it names nothing. */
  step(node: N, segment: PropertyKey): TreeStep<N, K> | undefined;
  /** Undefined for an empty value (`url:`), which is then located by its key. */
  nodeStart(node: N | undefined): SourcePosition | undefined;
  keyStart(key: K | undefined): SourcePosition | undefined;
};

/** 1-based position of the value (or key) at `path`, else of its nearest existing parent; 0:0 if none. */
export function locatePath<N, K>(
  root: N,
  path: readonly PropertyKey[],
  part: LocatePart,
  access: TreeAccess<N, K>,
): SourcePosition {
  let node: N | undefined = root;
  let position = access.nodeStart(root) ?? { line: 0, column: 0 };
  for (const [index, segment] of path.entries()) {
    const found: TreeStep<N, K> | undefined =
      node === undefined ? undefined : access.step(node, segment);
    if (found === undefined) break;
    const isLast = index === path.length - 1;
    position =
      (isLast && part === 'key' ? access.keyStart(found.key) : access.nodeStart(found.value)) ??
      access.keyStart(found.key) ??
      position;
    node = found.value;
  }
  return position;
}
