import { describe, expect, it } from 'vitest';
import { isInShard } from '../ci/shard.js';
import { resourceSelector } from './select.js';

const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];

describe('resourceSelector', () => {
  it('selects everything when nothing narrows the run', () => {
    expect(resourceSelector({})).toBeUndefined();
  });

  it('keeps exactly the changed ids, and nothing for an empty change set', () => {
    expect(ids.filter(resourceSelector({ changedIds: new Set(['b', 'z']) })!)).toEqual(['b']);
    expect(ids.filter(resourceSelector({ changedIds: new Set() })!)).toEqual([]);
  });

  it('splits the ids into disjoint shards that cover them all', () => {
    const parts = [1, 2, 3].map((index) =>
      ids.filter(resourceSelector({ shard: { index, total: 3 } })!),
    );
    expect(parts.flat().sort()).toEqual(ids);
    expect(new Set(parts.flat()).size).toBe(ids.length);
  });

  it('needs every part to agree', () => {
    const shard = { index: 1, total: 2 };
    const select = resourceSelector({ shard, changedIds: new Set(ids) })!;
    expect(ids.filter(select)).toEqual(ids.filter((id) => isInShard(id, shard)));
  });
});
