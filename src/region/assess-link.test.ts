import { describe, expect, it } from 'vitest';
import { cnRules, rulesFile } from '../../test/helpers/region-rules.js';
import { assertNever, type Access } from '../domain.js';
import type { CheckOutcome } from '../domain.js';
import type { Observation } from '../report/schema.js';
import { assessLinkRegion, type LinkRegionFacts } from './assess-link.js';
import { parseAutoProxyList } from './gfwlist.js';
import type { RegionRuleSources } from './rules.js';
import { isPresumedOpen, type RegionVerdict } from './verdict.js';

const ruRules = rulesFile('ru', []);
const gfwlist = parseAutoProxyList(
  '[AutoProxy 0.2.9]\n||medium.com\n||github.com\n',
  'gfwlist.txt',
);

const withRules: RegionRuleSources = { rules: [cnRules, ruRules], lists: [gfwlist] };
const withoutRules: RegionRuleSources = { rules: [ruRules], lists: [] };

const seen = (outcome: CheckOutcome, pageTitle?: string): Observation => ({
  outcome,
  checkedAt: '2026-11-28T03:00:00.000Z',
  ...(pageTitle === undefined ? {} : { pageTitle }),
});
const ok = seen({ status: 'ok', reason: 'ok', httpStatus: 200 });

/** `observed:<blocking or open>`, `rule:<id>`, `declared` or `none`: enough to tell the decisions apart. */
const evidenceLabel = (verdict: RegionVerdict): string => {
  switch (verdict.source) {
    case 'observed':
      return `observed:${verdict.evidence.blocking ?? 'open'}`;
    case 'rule':
      return `rule:${verdict.evidence.ruleId}`;
    case 'declared':
    case 'none':
      return verdict.source;
    default:
      return assertNever(verdict);
  }
};

const facts = (
  url: string | null,
  declared?: Access,
  observations?: Record<string, Observation>,
): LinkRegionFacts => ({ url, declared, observations });

const youtube = 'https://www.youtube.com/watch?v=1';
const github = 'https://github.com/a/b';
const arxiv = 'https://arxiv.org/abs/1';
const example = 'https://example.org/';
const reset = seen({ status: 'unreachable', reason: 'reset' });

/** `<access> <evidence>`, then ` ! <conflict source>:<found>` when the declaration is contradicted. */
function outcomeOf(link: LinkRegionFacts, sources: RegionRuleSources): string {
  const { verdict, conflict } = assessLinkRegion('cn', link, sources);
  expect(conflict?.declared).toBe(conflict === undefined ? undefined : link.declared);
  const contradiction = conflict === undefined ? '' : ` ! ${conflict.source}:${conflict.found}`;
  return `${verdict.access} ${evidenceLabel(verdict)}${contradiction}`;
}

describe('assessLinkRegion', () => {
  it.each<[string, LinkRegionFacts, RegionRuleSources, string]>([
    // rule only: a rule decides
    ['a block', facts(youtube), withRules, 'vpn rule:youtube'],
    ['a throttle', facts(github), withRules, 'partial rule:github'],
    ['a refusal', facts('https://openai.com/research'), withRules, 'vpn rule:openai'],
    ['a list', facts('https://medium.com/p/1'), withRules, 'vpn rule:||medium.com'],
    // a rule that agrees with the roadmap: no conflict
    ['an agreeing rule', facts(youtube, 'vpn'), withRules, 'vpn rule:youtube'],
    ['an agreeing refusal', facts('https://openai.com/', 'vpn'), withRules, 'vpn rule:openai'],
    // a rule that disagrees decides, and the disagreement is a finding
    ['declared open, ruled vpn', facts(youtube, 'open'), withRules, 'vpn rule:youtube ! rule:vpn'],
    [
      'declared vpn, ruled partial',
      facts(github, 'vpn'),
      withRules,
      'partial rule:github ! rule:partial',
    ],
    [
      'declared open, ruled partial',
      facts(github, 'open'),
      withRules,
      'partial rule:github ! rule:partial',
    ],
    // declared only: no rule, the declaration decides; a restriction no rule knows is a finding
    ['declared open, unlisted', facts(arxiv, 'open'), withRules, 'open declared'],
    [
      'declared vpn, unlisted',
      facts('https://immersivemath.com/ila/', 'vpn'),
      withRules,
      'vpn declared ! rule:open',
    ],
    [
      'declared partial, unlisted',
      facts(example, 'partial'),
      withRules,
      'partial declared ! rule:open',
    ],
    ['declared, no URL', facts(null, 'vpn'), withRules, 'vpn declared'],
    // no rule, nothing declared: presumed open, because rules lists name what is blocked
    ['unlisted', facts(arxiv), withRules, 'open rule:default-open'],
    // nothing to consult for the region: nothing to claim, and nothing to conflict with
    ['no rules', facts(arxiv), withoutRules, 'unknown none'],
    ['no rules, a blocked host', facts(youtube), withoutRules, 'unknown none'],
    ['no rules, declared open', facts(youtube, 'open'), withoutRules, 'open declared'],
    ['no rules, declared vpn', facts(example, 'vpn'), withoutRules, 'vpn declared'],
    ['no URL, nothing declared', facts(null), withRules, 'unknown none'],
    // observed cn vs global: a conclusive comparison outranks rules and declarations
    ['cn ok', facts(youtube, undefined, { cn: ok }), withRules, 'open observed:open'],
    [
      'cn reset, global ok',
      facts(arxiv, undefined, { global: ok, cn: reset }),
      withRules,
      'vpn observed:tcp',
    ],
    [
      'cn nxdomain, global ok, no rules',
      facts(arxiv, undefined, { global: ok, cn: seen({ status: 'broken', reason: 'nxdomain' }) }),
      withoutRules,
      'vpn observed:dns',
    ],
    [
      'cn another title',
      facts(arxiv, undefined, {
        global: seen({ status: 'ok', reason: 'ok', httpStatus: 200 }, 'arXiv'),
        cn: seen({ status: 'ok', reason: 'ok', httpStatus: 200 }, 'Blocked'),
      }),
      withRules,
      'vpn observed:http-diff',
    ],
    [
      'cn ok, declared vpn',
      facts(youtube, 'vpn', { cn: ok }),
      withRules,
      'open observed:open ! observed:open',
    ],
    [
      'cn reset, global ok, declared open',
      facts(arxiv, 'open', { global: ok, cn: reset }),
      withRules,
      'vpn observed:tcp ! observed:vpn',
    ],
    // one request cannot see throttling
    [
      'cn ok, declared partial',
      facts(arxiv, 'partial', { cn: ok }),
      withRules,
      'open observed:open',
    ],
    // an inconclusive observation leaves the decision to rules and the roadmap
    ['cn reset alone', facts(youtube, undefined, { cn: reset }), withRules, 'vpn rule:youtube'],
    [
      'cn and global 404',
      facts(arxiv, undefined, {
        global: seen({ status: 'broken', reason: 'http-404', httpStatus: 404 }),
        cn: seen({ status: 'broken', reason: 'http-404', httpStatus: 404 }),
      }),
      withRules,
      'open rule:default-open',
    ],
    [
      'cn rate-limited, global ok',
      facts(arxiv, 'vpn', {
        global: ok,
        cn: seen({ status: 'unverified', reason: 'rate-limited', httpStatus: 429 }),
      }),
      withRules,
      'vpn declared ! rule:open',
    ],
    ['global only', facts(youtube, undefined, { global: ok }), withRules, 'vpn rule:youtube'],
  ])('%s', (_, link, sources, expected) => {
    expect(outcomeOf(link, sources)).toBe(expected);
  });

  it('cites the rule, its list and its note as evidence', () => {
    const { verdict } = assessLinkRegion('cn', facts('https://openai.com/'), withRules);
    expect(verdict).toEqual({
      access: 'vpn',
      source: 'rule',
      evidence: { ruleId: 'openai', list: 'cn.yaml', level: 'refuses-region', note: 'refuses cn' },
    });
  });

  it('names every consulted list of the region when it presumes a host open', () => {
    const { verdict } = assessLinkRegion('cn', facts('https://arxiv.org/'), withRules);
    expect(verdict.evidence).toEqual({
      ruleId: 'default-open',
      list: 'cn.yaml, gfwlist.txt',
      level: 'unlisted',
      note: 'no rule names arxiv.org; presumed open',
    });
    expect(isPresumedOpen(verdict)).toBe(true);
  });

  it('uses only the rules files of the region asked about', () => {
    const { verdict } = assessLinkRegion('ru', facts('https://www.youtube.com/'), {
      rules: [cnRules, ruRules],
      lists: [],
    });
    expect(verdict).toMatchObject({
      access: 'open',
      source: 'rule',
      evidence: { list: 'ru.yaml' },
    });
  });

  it.each<[string, RegionRuleSources, string]>([
    ['declared', withRules, 'the roadmap declares cn: vpn'],
    ['none', withoutRules, 'curate has no rules for cn and the roadmap declares nothing'],
  ])('says where a %s verdict comes from', (source, sources, note) => {
    const declared = source === 'declared' ? 'vpn' : undefined;
    const { verdict } = assessLinkRegion('cn', facts('https://example.org/', declared), sources);
    expect(verdict).toEqual({ access: declared ?? 'unknown', source, evidence: { note } });
  });

  it('describes an observed block: the vantage, what it was compared with, where it failed', () => {
    const { verdict } = assessLinkRegion(
      'cn',
      facts('https://arxiv.org/', undefined, {
        global: ok,
        cn: seen({ status: 'unreachable', reason: 'reset' }),
      }),
      withRules,
    );
    expect(verdict).toEqual({
      access: 'vpn',
      source: 'observed',
      evidence: {
        vantage: 'cn',
        comparedWith: 'global',
        blocking: 'tcp',
        note: 'the connection failed from the region (IP blocking or a reset) (unreachable: reset), while global worked',
      },
    });
  });

  it('keeps an inconclusive observation as evidence of the verdict that decided', () => {
    const { verdict } = assessLinkRegion(
      'cn',
      facts('https://example.org/', 'vpn', {
        cn: seen({ status: 'unreachable', reason: 'reset' }),
      }),
      withRules,
    );
    expect(verdict).toMatchObject({
      source: 'declared',
      evidence: { note: 'the roadmap declares cn: vpn' },
    });
    expect(verdict.source === 'declared' ? verdict.evidence.observation : '').toMatch(/dead link/);
  });

  it.each([
    ['https://www.youtube.com/', 'open', 'rule youtube in cn.yaml says blocked (vpn)'],
    ['https://example.org/', 'vpn', 'no rule in cn.yaml, gfwlist.txt names the host'],
  ] as const)('explains the conflict for %s declared %s', (url, declared, explanation) => {
    const { conflict } = assessLinkRegion('cn', facts(url, declared), withRules);
    expect(conflict?.message).toBe(
      `the roadmap declares cn: ${declared}, but ${explanation}; fix the roadmap's access or the rules`,
    );
  });

  it('explains an observed conflict with the observation', () => {
    const { conflict } = assessLinkRegion(
      'cn',
      facts('https://www.youtube.com/', 'vpn', { cn: ok }),
      withRules,
    );
    expect(conflict?.message).toBe(
      "the roadmap declares cn: vpn, but a run from cn found open: the page answered (ok: ok); fix the roadmap's access",
    );
  });
});
