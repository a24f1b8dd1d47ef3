import { describe, expect, it } from 'vitest';
import type { Access } from '../domain.js';
import { assessStaticRegion } from './assess-static.js';
import { parseAutoProxyList } from './gfwlist.js';
import type { RegionRules } from './rules-schema.js';
import type { RegionRuleSources } from './rules.js';
import { isPresumedOpen, type RegionAccess, type RegionVerdict } from './verdict.js';

const cnRules: RegionRules = {
  list: 'cn.yaml',
  region: 'cn',
  updated: '2026-11-28',
  source: 'tests',
  rules: [
    { id: 'youtube', match: 'youtube.com', level: 'blocked', note: 'YouTube' },
    { id: 'github', match: 'github.com', level: 'throttled', note: 'slow' },
    { id: 'openai', match: 'openai.com', level: 'refuses-region', note: 'refuses cn' },
  ],
};
const ruRules: RegionRules = { ...cnRules, list: 'ru.yaml', region: 'ru', rules: [] };
const gfwlist = parseAutoProxyList(
  '[AutoProxy 0.2.9]\n||medium.com\n||github.com\n',
  'gfwlist.txt',
);

/** `rule:<id>`, `declared` or `none`: enough to tell the decisions apart. */
const evidenceLabel = ({ evidence }: RegionVerdict): string => {
  if (evidence === undefined) return 'none';
  return evidence.source === 'rule' ? `rule:${evidence.ruleId}` : evidence.source;
};

const withRules: RegionRuleSources = { rules: [cnRules, ruRules], lists: [gfwlist] };
const withoutRules: RegionRuleSources = { rules: [ruRules], lists: [] };

describe('assessStaticRegion', () => {
  it.each<
    [string, Access | undefined, RegionRuleSources, RegionAccess, string, string | undefined]
  >([
    // [url, declared, sources, access, evidence, conflict: ruled access]
    // a rule decides
    ['https://www.youtube.com/watch?v=1', undefined, withRules, 'vpn', 'rule:youtube', undefined],
    ['https://github.com/a/b', undefined, withRules, 'partial', 'rule:github', undefined],
    ['https://openai.com/research', undefined, withRules, 'vpn', 'rule:openai', undefined],
    ['https://medium.com/p/1', undefined, withRules, 'vpn', 'rule:||medium.com', undefined],
    // a rule that agrees with the roadmap: no conflict
    ['https://www.youtube.com/watch?v=1', 'vpn', withRules, 'vpn', 'rule:youtube', undefined],
    ['https://openai.com/', 'vpn', withRules, 'vpn', 'rule:openai', undefined],
    // a rule that disagrees decides, and the disagreement is a finding
    ['https://www.youtube.com/watch?v=1', 'open', withRules, 'vpn', 'rule:youtube', 'vpn'],
    ['https://github.com/a/b', 'vpn', withRules, 'partial', 'rule:github', 'partial'],
    ['https://github.com/a/b', 'open', withRules, 'partial', 'rule:github', 'partial'],
    // no rule: the declaration decides; declaring a restriction no rule knows is a finding
    ['https://arxiv.org/abs/1', 'open', withRules, 'open', 'declared', undefined],
    ['https://immersivemath.com/ila/', 'vpn', withRules, 'vpn', 'declared', 'open'],
    ['https://example.org/', 'partial', withRules, 'partial', 'declared', 'open'],
    // no rule, nothing declared: presumed open, because rules lists name what is blocked
    ['https://arxiv.org/abs/1', undefined, withRules, 'open', 'rule:default-open', undefined],
    // nothing to consult for the region: nothing to claim, and nothing to conflict with
    ['https://arxiv.org/abs/1', undefined, withoutRules, 'unknown', 'none', undefined],
    ['https://www.youtube.com/', undefined, withoutRules, 'unknown', 'none', undefined],
    ['https://www.youtube.com/', 'open', withoutRules, 'open', 'declared', undefined],
    ['https://example.org/', 'vpn', withoutRules, 'vpn', 'declared', undefined],
  ])('%s declared %s → %s', (url, declared, sources, access, evidence, ruled) => {
    const { verdict, conflict } = assessStaticRegion('cn', new URL(url), declared, sources);
    expect(verdict.region).toBe('cn');
    expect(verdict.access).toBe(access);
    expect(evidenceLabel(verdict)).toBe(evidence);
    expect(conflict?.ruled).toBe(ruled);
    expect(conflict?.declared).toBe(ruled === undefined ? undefined : declared);
  });

  it('cites the rule, its list and its note as evidence', () => {
    const { verdict } = assessStaticRegion(
      'cn',
      new URL('https://openai.com/'),
      undefined,
      withRules,
    );
    expect(verdict.evidence).toEqual({
      source: 'rule',
      ruleId: 'openai',
      list: 'cn.yaml',
      level: 'refuses-region',
      note: 'refuses cn',
    });
  });

  it('names every consulted list of the region when it presumes a host open', () => {
    const { verdict } = assessStaticRegion(
      'cn',
      new URL('https://arxiv.org/'),
      undefined,
      withRules,
    );
    expect(verdict.evidence).toMatchObject({
      ruleId: 'default-open',
      list: 'cn.yaml, gfwlist.txt',
      level: 'unlisted',
    });
    expect(isPresumedOpen(verdict)).toBe(true);
  });

  it('uses only the rules files of the region asked about', () => {
    const { verdict } = assessStaticRegion('ru', new URL('https://www.youtube.com/'), undefined, {
      rules: [cnRules, ruRules],
      lists: [],
    });
    expect(verdict).toMatchObject({ region: 'ru', access: 'open', evidence: { list: 'ru.yaml' } });
  });

  it.each([
    ['https://www.youtube.com/', 'open', 'rule youtube in cn.yaml says blocked (vpn)'],
    ['https://example.org/', 'vpn', 'no rule in cn.yaml, gfwlist.txt names the host'],
  ] as const)('explains the conflict for %s declared %s', (url, declared, explanation) => {
    const { conflict } = assessStaticRegion('cn', new URL(url), declared, withRules);
    expect(conflict?.message).toContain(`declares cn: ${declared}`);
    expect(conflict?.message).toContain(explanation);
  });
});
