import { describe, expect, it } from 'vitest';
import { loadReportFixture } from '../../test/fixtures/ci/fixtures.js';
import { isInShard } from '../ci/shard.js';
import { UsageError } from '../errors.js';
import { summariesOf } from './build.js';
import { renderMarkdown } from './markdown.js';
import { mergeInputs } from './merge.js';
import type { Report } from './schema.js';
import { checkShardSet, type MergeInput } from './shard-set.js';
import { expectValidReport } from '../../test/helpers/report-schema.js';

const unsharded = loadReportFixture();

/** Shard `index` of `total` as `check --shard` writes it: its resources and its `shard` field. */
function shard(index: number, total: number, vantage = 'global'): MergeInput {
  const results = unsharded.results.filter((result) => isInShard(result.id, { index, total }));
  const report: Report = {
    ...unsharded,
    vantage,
    shard: { index, total },
    ...summariesOf(results),
    results,
  };
  return { file: `${vantage}-${index}/report.json`, report };
}

const strict = { allowPartial: false };

describe('checkShardSet', () => {
  it('accepts every shard once, in any order, and finds nothing missing', () => {
    expect(checkShardSet([shard(3, 3), shard(1, 3), shard(2, 3)], strict)).toEqual([]);
  });

  it('refuses a missing shard, naming it (exit 2)', () => {
    const inputs = [shard(1, 3), shard(3, 3)];
    expect(() => checkShardSet(inputs, strict)).toThrow(UsageError);
    expect(() => checkShardSet(inputs, strict)).toThrow(
      'shard 2/3 is missing: cannot merge an incomplete run.',
    );
  });

  it('names every missing shard', () => {
    expect(() => checkShardSet([shard(2, 4)], strict)).toThrow(
      'shards 1/4, 3/4 and 4/4 are missing',
    );
  });

  it('refuses a shard given twice, naming both files, even with --allow-partial', () => {
    const twice = [shard(1, 3), { ...shard(1, 3), file: 'old/report.json' }, shard(2, 3)];
    for (const allowPartial of [false, true]) {
      expect(() => checkShardSet(twice, { allowPartial })).toThrow(
        'shard 1/3 given twice: global-1/report.json, old/report.json.',
      );
    }
  });

  it('refuses shards of different splits', () => {
    expect(() => checkShardSet([shard(1, 2), shard(2, 3)], strict)).toThrow(
      'shards of different splits: global-1/report.json is 1/2, global-2/report.json is 2/3.',
    );
  });

  it('checks each vantage on its own: shard 1/2 from global and from cn is no double', () => {
    const inputs = [shard(1, 2), shard(2, 2), shard(1, 2, 'cn'), shard(2, 2, 'cn')];
    expect(checkShardSet(inputs, strict)).toEqual([]);
    expect(() => checkShardSet(inputs.slice(0, 3), strict)).toThrow('shard 2/2 (cn) is missing');
  });

  it('ignores reports without a shard (a whole run, a merge, or version 1)', () => {
    const whole = { file: 'cn/report.json', report: { ...unsharded, vantage: 'cn' } };
    expect(checkShardSet([shard(1, 2), shard(2, 2), whole], strict)).toEqual([]);
    expect(checkShardSet([{ file: 'a.json', report: unsharded }], strict)).toEqual([]);
  });

  it('with --allow-partial, returns the missing shards instead of refusing', () => {
    expect(checkShardSet([shard(1, 3), shard(3, 3)], { allowPartial: true })).toEqual([
      { vantage: 'global', index: 2, total: 3 },
    ]);
  });
});

describe('mergeInputs', () => {
  it('joins a whole set of shards into the unsharded report (no shard field left)', () => {
    const merged = mergeInputs([shard(2, 2), shard(1, 2)], strict);
    expect(merged).toStrictEqual(unsharded);
  });

  it('marks a partial merge partial, names the missing shards in report.json and counts them in report.md', () => {
    const merged = mergeInputs([shard(1, 3), shard(3, 3)], { allowPartial: true });
    expect(merged.partial).toBe(true);
    expect(merged.missingShards).toEqual([{ vantage: 'global', index: 2, total: 3 }]);
    expect(() => expectValidReport(merged)).not.toThrow();
    const markdown = renderMarkdown(merged);
    expect(markdown).toContain(
      '> This report is partial: 1 shard is missing (merged with `--allow-partial`), so its resources are not listed.',
    );
    // How many shards, not which: the ids mean nothing to a maintainer reading report.md.
    expect(markdown.split('\n')[2]).toMatch(
      / partly checked from global, .*; 1 shard is missing\.$/,
    );
    expect(markdown).not.toContain('2/3');
  });

  it('keeps a partial merge partial when it is merged again', () => {
    const partial = mergeInputs([shard(1, 2)], { allowPartial: true });
    const again = mergeInputs([{ file: 'merged.json', report: partial }], strict);
    expect(again.partial).toBe(true);
    expect(again.missingShards).toEqual([{ vantage: 'global', index: 2, total: 2 }]);
  });
});
