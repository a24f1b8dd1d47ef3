import { describe, expect, it } from 'vitest';
import { parseAutoProxyList } from './gfwlist.js';
import type { RegionRules } from './rules-schema.js';
import type { RegionRuleSources } from './rules.js';
import { blockedFromVantage } from './vantage.js';

const cnRules: RegionRules = {
  list: 'cn.yaml',
  region: 'cn',
  updated: '2026-11-28',
  source: 'tests',
  rules: [
    { id: 'youtube', match: 'youtube.com', level: 'blocked', note: 'YouTube' },
    { id: 'openai', match: 'openai.com', level: 'refuses-region', note: 'refuses cn' },
    { id: 'github', match: 'github.com', level: 'throttled', note: 'slow' },
    { id: 'gitlab', match: 'gitlab.com', level: 'throttled', note: 'slow' },
  ],
};
const ruRules: RegionRules = {
  ...cnRules,
  list: 'ru.yaml',
  region: 'ru',
  rules: [{ id: 'linkedin', match: 'linkedin.com', level: 'blocked', note: 'LinkedIn' }],
};
const sources: RegionRuleSources = {
  rules: [cnRules, ruRules],
  lists: [parseAutoProxyList('[AutoProxy 0.2.9]\n||github.com\n', 'gfwlist.txt')],
};

describe('blockedFromVantage', () => {
  it.each<[string, string, boolean]>([
    // [vantage, url, blocked]
    ['global', 'https://www.youtube.com/', false],
    ['cn', 'https://www.youtube.com/', true],
    ['cn', 'https://openai.com/', true],
    ['cn', 'https://gitlab.com/a', false],
    // throttled in cn.yaml, but gfwlist lists it: any blocking rule counts
    ['cn', 'https://github.com/a', true],
    ['cn', 'https://arxiv.org/', false],
    // another region's rules say nothing about cn
    ['cn', 'https://www.linkedin.com/', false],
    ['ru', 'https://www.linkedin.com/', true],
  ])('from %s, %s → %s', (vantage, url, blocked) => {
    expect(blockedFromVantage(vantage, sources)(new URL(url))).toBe(blocked);
  });
});
