import { describe, expect, it } from 'vitest';
import { cnRules, rulesFile } from '../../test/helpers/region-rules.js';
import { parseAutoProxyList } from './gfwlist.js';
import type { RegionRuleSources } from './rules.js';
import { blockedFromVantage } from './vantage.js';

const sources: RegionRuleSources = {
  rules: [
    cnRules,
    rulesFile('ru', [
      { id: 'linkedin', match: 'linkedin.com', level: 'blocked', note: 'LinkedIn' },
    ]),
  ],
  lists: [parseAutoProxyList('[AutoProxy 0.2.9]\n||github.com\n', 'gfwlist.txt')],
};

describe('blockedFromVantage', () => {
  it.each<[string, string, boolean]>([
    // [vantage, url, blocked]
    ['global', 'https://www.youtube.com/', false],
    ['cn', 'https://www.youtube.com/', true],
    ['cn', 'https://openai.com/', true],
    // throttled in cn.yaml, but gfwlist lists it: any blocking rule counts
    ['cn', 'https://github.com/a', true],
    ['cn', 'https://arxiv.org/', false],
    // another region's rules say nothing about cn
    ['cn', 'https://www.linkedin.com/', false],
    ['ru', 'https://www.linkedin.com/', true],
  ])('from %s, %s → %s', (vantage, url, blocked) => {
    expect(blockedFromVantage(vantage, sources)(new URL(url))).toBe(blocked);
  });

  it('does not count a throttled host that no list blocks', () => {
    const onlyCurated = { rules: [cnRules], lists: [] };
    expect(blockedFromVantage('cn', onlyCurated)(new URL('https://github.com/a'))).toBe(false);
  });
});
