/**
 * Which resources a run covers beyond `--only`: one shard of a CI matrix, or the resources a pull
 * request added or re-pointed. A selection decides per resource id, so a resource is either in a
 * run with all its mirrors or not at all, and a shard's report lists only its own resources.
 */
import { isInShard, type Shard } from '../ci/shard.js';

/** Whether the run covers the resource with this id. */
export type ResourceSelector = (resourceId: string) => boolean;

/** The parts of a selection; every part given must agree. */
export type Selection = {
  shard?: Shard | undefined;
  /** Ids from `changedResourceIds`; an empty set selects nothing (nothing changed). */
  changedIds?: ReadonlySet<string> | undefined;
};

/** One selector for all given parts, or `undefined` when the run covers every resource. */
export function resourceSelector(selection: Selection): ResourceSelector | undefined {
  const { shard, changedIds } = selection;
  const parts: ResourceSelector[] = [];
  if (shard !== undefined) parts.push((id) => isInShard(id, shard));
  if (changedIds !== undefined) parts.push((id) => changedIds.has(id));
  if (parts.length === 0) return undefined;
  return (id) => parts.every((part) => part(id));
}
