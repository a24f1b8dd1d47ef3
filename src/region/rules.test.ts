import { describe, expect, it } from 'vitest';
import { parseAutoProxyList } from './gfwlist.js';
import { RegionRulesFileSchema, type RegionRules } from './rules-schema.js';
import { matchAutoProxyLists, matchRegionRules, matchRegionSources } from './rules.js';

const rules: RegionRules = {
  list: 'cn.yaml',
  region: 'cn',
  updated: '2026-11-28',
  source: 'tests',
  rules: [
    { id: 'google', match: 'google.com', level: 'blocked', note: 'Google' },
    { id: 'colab', match: 'colab.research.google.com', level: 'blocked', note: 'Colab' },
    { id: 'x-short', match: 'x.co', level: 'blocked', note: 'short links' },
    { id: 'github', match: 'github.com', level: 'throttled', note: 'slow' },
    { id: 'openai', match: 'openai.com', level: 'refuses-region', note: 'refuses cn' },
  ],
};

const gfwlist = parseAutoProxyList(
  '[AutoProxy 0.2.9]\n||github.com\n||medium.com\n||google.com\n@@||dl.google.com\n',
  'gfwlist.txt',
);
const otherList = parseAutoProxyList('[AutoProxy]\n||medium.com\n', 'mine.txt');

const ids = (matches: readonly { ruleId: string }[]) => matches.map((match) => match.ruleId);

describe('matchRegionRules', () => {
  it.each([
    ['https://google.com/', ['google']],
    ['https://www.google.com/search?q=x', ['google']],
    ['https://colab.research.google.com/drive/1', ['colab', 'google']],
    ['https://x.co/abc', ['x-short']],
    ['https://www.x.co/abc', ['x-short']],
    ['https://x.com/abc', []],
    ['https://notgoogle.com/', []],
    ['https://google.com.example.net/', []],
    ['https://GitHub.com./torvalds', ['github']],
    ['https://platform.openai.com/docs', ['openai']],
    ['https://arxiv.org/abs/1706.03762', []],
  ])('%s → %j, most specific first', (url, expected) => {
    expect(ids(matchRegionRules(rules, new URL(url)))).toEqual(expected);
  });

  it('reports the rule with its file, level and note', () => {
    expect(matchRegionRules(rules, new URL('https://openai.com/'))).toEqual([
      { ruleId: 'openai', list: 'cn.yaml', level: 'refuses-region', note: 'refuses cn' },
    ]);
  });
});

describe('matchAutoProxyLists', () => {
  it.each([
    ['https://medium.com/@someone/post', ['gfwlist.txt', 'mine.txt']],
    ['https://github.com/karpathy/nanoGPT', ['gfwlist.txt']],
    ['https://dl.google.com/x.zip', []],
    ['https://arxiv.org/', []],
  ])('%s is blocked by %j', (url, lists) => {
    const matches = matchAutoProxyLists([gfwlist, otherList], new URL(url));
    expect(matches.map((match) => match.list)).toEqual(lists);
    expect(matches.every((match) => match.level === 'blocked')).toBe(true);
  });

  it('cites the deciding line of the list', () => {
    expect(matchAutoProxyLists([gfwlist], new URL('https://medium.com/'))).toEqual([
      {
        ruleId: '||medium.com',
        list: 'gfwlist.txt',
        level: 'blocked',
        note: 'listed in gfwlist.txt',
      },
    ]);
  });
});

describe('matchRegionSources', () => {
  it.each([
    // the curated file decides before a list: github.com is throttled, not blocked
    ['https://github.com/a/b', ['github', '||github.com']],
    ['https://colab.research.google.com/', ['colab', 'google', '||google.com']],
    // a list fills in hosts the curated file does not name
    ['https://medium.com/p/1', ['||medium.com', '||medium.com']],
    // a list's exception removes only that list's block
    ['https://dl.google.com/x.zip', ['google']],
    ['https://arxiv.org/', []],
  ])('%s → %j', (url, expected) => {
    expect(
      ids(matchRegionSources({ rules: [rules], lists: [gfwlist, otherList] }, new URL(url))),
    ).toEqual(expected);
  });
});

describe('RegionRulesFileSchema', () => {
  it.each([
    ['default-open', 'example.com', false],
    ['example', 'example.com', true],
    ['example', '*.example.com', false],
    ['example', 'https://example.com/', false],
    ['example', 'Example.com', false],
    ['example', 'localhost', false],
    ['example', 'xn--bcher-kva.example', true],
  ])('id %s, match %s → valid %s', (id, match, isValid) => {
    const file = {
      region: 'cn',
      updated: '2026-11-28',
      source: 'tests',
      rules: [{ id, match, level: 'blocked', note: 'n' }],
    };
    expect(RegionRulesFileSchema.safeParse(file).success).toBe(isValid);
  });
});
