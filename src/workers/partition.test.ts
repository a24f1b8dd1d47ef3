import { describe, expect, it } from 'vitest';
import {
  affinityGroups,
  MIN_LINKS_PER_AUTO_WORKER,
  shareConcurrency,
  shareGroups,
  workerCountFor,
  type AffinityKeys,
} from './partition.js';

const link = (host: string, probeId?: string): AffinityKeys => ({ host, probeId });

describe('affinityGroups', () => {
  it('keeps every link of a host together, largest group first', () => {
    const groups = affinityGroups([
      link('a.example'),
      link('b.example'),
      link('a.example'),
      link('c.example'),
      link('b.example'),
      link('a.example'),
    ]);
    expect(groups).toEqual([[0, 2, 5], [1, 4], [3]]);
  });

  it("joins the hosts one probe answers for, and through them the host's other pages", () => {
    // The GitHub probe answers for repositories on github.com and gist.github.com; a github.com
    // page the probe does not match still shares the host's slots, so all three are one group.
    const groups = affinityGroups([
      link('github.com', 'github'),
      link('gist.github.com', 'github'),
      link('github.com'),
      link('arxiv.org', 'arxiv'),
      link('export.arxiv.org'),
    ]);
    expect(groups).toEqual([[0, 1, 2], [3], [4]]);
  });

  it('joins transitively: two probes bridged by one host are one group', () => {
    const groups = affinityGroups([
      link('one.example', 'p'),
      link('two.example', 'q'),
      link('two.example', 'p'),
      link('three.example'),
    ]);
    expect(groups).toEqual([[0, 1, 2], [3]]);
  });
});

describe('shareGroups', () => {
  it('gives each group to the least loaded worker, so no worker ends above the mean by more than a group', () => {
    const groups = [
      [0, 1, 2, 3, 4],
      [5, 6, 7],
      [8, 9, 10],
      [11, 12],
      [13, 14],
    ];
    const shares = shareGroups(groups, 2);
    expect(shares.map((share) => share.length).sort()).toEqual([7, 8]);
    // Every link once, each share in input order, groups never split.
    expect(shares.flat().sort((a, b) => a - b)).toEqual([...Array(15).keys()]);
    for (const share of shares) expect(share).toEqual([...share].sort((a, b) => a - b));
    for (const group of groups) {
      expect(shares.filter((share) => group.some((index) => share.includes(index)))).toHaveLength(
        1,
      );
    }
  });

  it('leaves a worker empty when there are fewer groups than workers', () => {
    expect(shareGroups([[0, 1], [2]], 3)).toEqual([[0, 1], [2], []]);
  });
});

describe('shareConcurrency', () => {
  it('splits the slots by links, never above the whole, every worker at least one', () => {
    expect(shareConcurrency(16, [300, 100])).toEqual([12, 4]);
    expect(shareConcurrency(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(shareConcurrency(4, [1000, 1, 1])).toEqual([2, 1, 1]);
    for (const [concurrency, links] of [
      [7, [5, 9, 2]],
      [32, [1, 1000]],
      [3, [10, 10, 10]],
    ] as const) {
      const shares = shareConcurrency(concurrency, links);
      expect(shares.reduce((sum, share) => sum + share, 0)).toBe(concurrency);
      expect(Math.min(...shares)).toBeGreaterThanOrEqual(1);
    }
  });

  it('gives each worker one slot when there are more workers than slots', () => {
    expect(shareConcurrency(2, [5, 5, 5])).toEqual([1, 1, 1]);
  });
});

describe('workerCountFor', () => {
  const many = 100 * MIN_LINKS_PER_AUTO_WORKER;

  it('auto: one per core but one on 4 cores or more, none extra below', () => {
    expect(workerCountFor('auto', { cores: 2, links: many, groups: 1000 })).toBe(1);
    expect(workerCountFor('auto', { cores: 3, links: many, groups: 1000 })).toBe(1);
    expect(workerCountFor('auto', { cores: 4, links: many, groups: 1000 })).toBe(3);
    expect(workerCountFor('auto', { cores: 8, links: many, groups: 1000 })).toBe(7);
  });

  it('auto: no worker for fewer links than pay for it', () => {
    const cores = 8;
    expect(workerCountFor('auto', { cores, links: 180, groups: 60 })).toBe(1);
    expect(
      workerCountFor('auto', { cores, links: 2 * MIN_LINKS_PER_AUTO_WORKER + 1, groups: 60 }),
    ).toBe(2);
  });

  it('a number is taken as asked, but never more workers than groups', () => {
    expect(workerCountFor(3, { cores: 2, links: 10, groups: 9 })).toBe(3);
    expect(workerCountFor(6, { cores: 2, links: 10, groups: 2 })).toBe(2);
    expect(workerCountFor(1, { cores: 16, links: many, groups: 1000 })).toBe(1);
  });
});
