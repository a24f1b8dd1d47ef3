import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { isInShard, parseShard, shardOf } from './shard.js';

const ids = (count: number, prefix = 'resource'): string[] =>
  Array.from({ length: count }, (_, i) => `${prefix}-${i}`);

describe('parseShard', () => {
  it.each([
    ['1/1', { index: 1, total: 1 }],
    ['2/4', { index: 2, total: 4 }],
    [' 4/4 ', { index: 4, total: 4 }],
    ['10/12', { index: 10, total: 12 }],
  ])('parses %j', (text, expected) => {
    expect(parseShard(text)).toEqual(expected);
  });

  it.each([
    ['', /not of the form/],
    ['2', /not of the form/],
    ['2/', /not of the form/],
    ['a/b', /not of the form/],
    ['-1/4', /not of the form/],
    ['1.5/4', /not of the form/],
    ['2 / 4', /not of the form/],
    ['0/4', /shard 0 does not exist among 4/],
    ['5/4', /shard 5 does not exist among 4/],
    ['0/0', /at least 1/],
  ])('rejects %j as a usage error', (text, message) => {
    expect(() => parseShard(text)).toThrow(UsageError);
    expect(() => parseShard(text)).toThrow(message);
  });
});

describe('isInShard', () => {
  it.each([2, 3, 4, 7])('puts every id in exactly one of %i shards', (total) => {
    for (const id of ids(200)) {
      const owners = Array.from({ length: total }, (_, i) => i + 1).filter((index) =>
        isInShard(id, { index, total }),
      );
      expect(owners).toEqual([shardOf(id, total)]);
    }
  });

  it.each([2, 3, 4, 5])('splits 200 ids roughly evenly over %i shards', (total) => {
    const sizes = new Array<number>(total).fill(0);
    for (const id of ids(200)) sizes[shardOf(id, total) - 1]! += 1;
    const expected = 200 / total;
    for (const size of sizes) {
      // Within 40% of an even split: loose enough for a hash, tight enough to catch a bias.
      expect(Math.abs(size - expected)).toBeLessThanOrEqual(expected * 0.4);
    }
  });

  it('never moves existing ids when ids are added: a shard keeps its set plus its share', () => {
    const shard = { index: 2, total: 3 };
    const old = ids(100).filter((id) => isInShard(id, shard));
    const added = ids(30, 'added');
    const now = [...added, ...ids(100)].filter((id) => isInShard(id, shard));
    expect(now.filter((id) => !added.includes(id))).toEqual(old);
  });
});
