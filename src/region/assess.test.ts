import { describe, expect, it } from 'vitest';
import { cnRules } from '../../test/helpers/region-rules.js';
import type { Access, CheckOutcome } from '../domain.js';
import { countStatuses } from '../report/build.js';
import type { MirrorResult, Observation, Report, ResourceResult } from '../report/schema.js';
import { assessRegions, type RegionInputs } from './assess.js';

const at = '2026-11-28T03:00:00.000Z';
const inputs: RegionInputs = { regions: ['cn'], rules: [cnRules], lists: [] };

const seen = (outcome: CheckOutcome): Observation => ({ outcome, checkedAt: at });
const okSeen = seen({ status: 'ok', reason: 'ok', httpStatus: 200 });

function mirror(url: string, fields: Partial<MirrorResult> = {}): MirrorResult {
  return {
    url,
    line: 2,
    outcome: { status: 'ok', reason: 'ok', httpStatus: 200 },
    redirects: [],
    durationMs: 0,
    checkedAt: at,
    confirmed: true,
    ...fields,
  };
}

function resource(
  id: string,
  url: string | null,
  fields: Partial<ResourceResult> = {},
): ResourceResult {
  return {
    id,
    sectionId: '1',
    sectionTitle: 'Basics',
    title: id,
    kind: 'video',
    url,
    line: 1,
    outcome: { status: 'ok', reason: 'ok', httpStatus: 200 },
    redirects: [],
    durationMs: 0,
    checkedAt: at,
    mirrors: [],
    ...fields,
  };
}

function report(results: ResourceResult[]): Report {
  return {
    schemaVersion: 2,
    tool: { name: 'curate', version: '0' },
    roadmap: { path: 'roadmap.yaml', title: 'Roadmap' },
    vantage: 'global',
    startedAt: at,
    finishedAt: at,
    partial: false,
    summary: countStatuses([]),
    mirrorSummary: countStatuses([]),
    results,
  };
}

const youtube = 'https://www.youtube.com/watch?v=x';
const bilibili = 'https://www.bilibili.com/video/BV1x';

describe('assessRegions', () => {
  it.each<
    [string, string | null, Record<string, Observation> | undefined, Access | undefined, string]
  >([
    // [case, url, observations, declared, "access/source"]
    ['a rule', youtube, undefined, undefined, 'vpn/rule'],
    ['a throttling rule', 'https://github.com/a/b', undefined, undefined, 'partial/rule'],
    ['no rule: presumed open', bilibili, undefined, undefined, 'open/rule'],
    ['a declaration where no rule names the host', bilibili, undefined, 'vpn', 'vpn/declared'],
    ['no URL, nothing declared', null, undefined, undefined, 'unknown/none'],
    ['no URL, declared', null, undefined, 'vpn', 'vpn/declared'],
    ['cn ok outranks a rule', youtube, { cn: okSeen }, undefined, 'open/observed'],
    [
      'global ok, cn reset',
      bilibili,
      { global: okSeen, cn: seen({ status: 'unreachable', reason: 'reset' }) },
      undefined,
      'vpn/observed',
    ],
    [
      'cn failing alone: the rule decides',
      youtube,
      { cn: seen({ status: 'unreachable', reason: 'reset' }) },
      undefined,
      'vpn/rule',
    ],
    [
      'both failing: the rule decides',
      bilibili,
      {
        global: seen({ status: 'broken', reason: 'http-404', httpStatus: 404 }),
        cn: seen({ status: 'broken', reason: 'http-404', httpStatus: 404 }),
      },
      undefined,
      'open/rule',
    ],
  ])('%s → %s', (_, url, observations, declared, expected) => {
    const result = assessRegions(
      report([
        resource('r', url, {
          ...(observations === undefined ? {} : { observations }),
          ...(declared === undefined ? {} : { access: { cn: declared } }),
        }),
      ]),
      inputs,
    );
    const verdict = result.results[0]?.region?.cn;
    expect(`${verdict?.access}/${verdict?.source}`).toBe(expected);
  });

  it('keeps an inconclusive observation as evidence of the rule verdict', () => {
    const result = assessRegions(
      report([
        resource('r', youtube, {
          observations: { cn: seen({ status: 'unreachable', reason: 'reset' }) },
        }),
      ]),
      inputs,
    );
    const verdict = result.results[0]?.region?.cn;
    expect(verdict).toMatchObject({ source: 'rule', evidence: { ruleId: 'youtube' } });
    expect(verdict?.source === 'rule' ? verdict.evidence.observation : '').toMatch(/dead link/);
  });

  it('gives unknown without rules for the region, and counts it', () => {
    const result = assessRegions(report([resource('r', bilibili)]), { ...inputs, rules: [] });
    expect(result.results[0]?.region?.cn?.access).toBe('unknown');
    expect(result.regions?.cn).toMatchObject({ open: 0, unknown: 1 });
  });

  it('judges mirrors too', () => {
    const result = assessRegions(
      report([
        resource('r', youtube, {
          mirrors: [mirror(bilibili), mirror('https://m.youtube.com/x')],
        }),
      ]),
      inputs,
    );
    expect(result.results[0]?.mirrors.map((m) => m.region?.cn?.access)).toEqual(['open', 'vpn']);
  });

  it.each<[string, MirrorResult[], 'covered' | 'uncovered']>([
    ['a confirmed mirror open in cn', [mirror(bilibili)], 'covered'],
    ['no mirror', [], 'uncovered'],
    [
      'only a broken mirror',
      [mirror(bilibili, { outcome: { status: 'broken', reason: 'http-404', httpStatus: 404 } })],
      'uncovered',
    ],
    ['only an unconfirmed mirror', [mirror(bilibili, { confirmed: false })], 'uncovered'],
    ['only a mirror that needs a VPN too', [mirror('https://m.youtube.com/x')], 'uncovered'],
    [
      'a mirror observed blocked from cn',
      [
        mirror(bilibili, {
          observations: { global: okSeen, cn: seen({ status: 'unreachable', reason: 'timeout' }) },
        }),
      ],
      'uncovered',
    ],
    [
      'a broken mirror and a good one',
      [
        mirror(bilibili, { outcome: { status: 'broken', reason: 'http-404', httpStatus: 404 } }),
        mirror(`${bilibili}2`),
      ],
      'covered',
    ],
  ])('a vpn resource with %s is %s', (_, mirrors, expected) => {
    const result = assessRegions(report([resource('r', youtube, { mirrors })]), inputs);
    expect(result.regions?.cn?.[expected]).toEqual(['r']);
  });

  it.each([
    [
      'unconfirmed but matched by evidence',
      [mirror(bilibili, { confirmed: false, matchedByEvidence: true })],
      ['r'],
    ],
    [
      'confirmed and matched by evidence',
      [mirror(bilibili, { matchedByEvidence: true })],
      undefined,
    ],
  ])(
    'a vpn resource with a mirror %s is covered, by evidence only if unconfirmed',
    (_, mirrors, byEvidence) => {
      const result = assessRegions(report([resource('r', youtube, { mirrors })]), inputs);
      expect(result.regions?.cn?.covered).toEqual(['r']);
      expect(result.regions?.cn?.coveredByEvidence).toEqual(byEvidence);
    },
  );

  it('does not list open or partial resources as needing a mirror', () => {
    const result = assessRegions(
      report([resource('open', bilibili), resource('slow', 'https://github.com/a/b')]),
      inputs,
    );
    expect(result.regions?.cn).toMatchObject({
      open: 1,
      partial: 1,
      vpn: 0,
      covered: [],
      uncovered: [],
    });
  });

  it.each<
    [string, ResourceResult, { declared: Access; found: Access; source: string } | undefined]
  >([
    [
      'declared open, ruled vpn',
      resource('r', youtube, { access: { cn: 'open' } }),
      { declared: 'open', found: 'vpn', source: 'rule' },
    ],
    [
      'declared vpn, no rule (presumed open)',
      resource('r', bilibili, { access: { cn: 'vpn' } }),
      { declared: 'vpn', found: 'open', source: 'rule' },
    ],
    [
      'declared open, observed vpn',
      resource('r', bilibili, {
        access: { cn: 'open' },
        observations: { global: okSeen, cn: seen({ status: 'unreachable', reason: 'reset' }) },
      }),
      { declared: 'open', found: 'vpn', source: 'observed' },
    ],
    [
      'declared vpn, observed open',
      resource('r', youtube, { access: { cn: 'vpn' }, observations: { cn: okSeen } }),
      { declared: 'vpn', found: 'open', source: 'observed' },
    ],
    [
      'declared partial, observed open: one request cannot see throttling',
      resource('r', bilibili, { access: { cn: 'partial' }, observations: { cn: okSeen } }),
      undefined,
    ],
    ['declared as ruled', resource('r', youtube, { access: { cn: 'vpn' } }), undefined],
  ])('lists a conflict when %s', (_, entry, expected) => {
    const conflicts = assessRegions(report([entry]), inputs).regions?.cn?.conflicts ?? [];
    const found = conflicts.map(({ resourceId, line, url, declared, found, source }) => ({
      resourceId,
      line,
      url,
      declared,
      found,
      source,
    }));
    expect(found).toEqual(
      expected === undefined ? [] : [{ resourceId: 'r', line: 1, url: entry.url, ...expected }],
    );
  });
});
