import { describe, expect, it } from 'vitest';
import type { LinkPlan } from '../domain.js';
import { UsageError } from '../errors.js';
import { parseRoadmap } from '../roadmap/load.js';
import { decideLink, planChecks } from './plan-checks.js';
import type { PlanSettings } from './plan-checks.js';

const ALL: PlanSettings = { exclude: [], only: [], isOffline: false };

const ROADMAP = `version: 1
title: Plan test
regions: [cn]
sections:
  - id: "1"
    title: Fundamentals
    topics:
      - Linear algebra
      - title: Attention
        resources:
          - id: attention
            title: Attention Is All You Need
            kind: paper
            url: https://example.test/attention
    resources:
      - id: essence
        title: Essence of Linear Algebra
        kind: video
        url: https://video.example.test/essence
        access: { cn: vpn }
        mirrors:
          - url: https://mirror.example.test/essence
            platform: bilibili
            lang: zh
            note: 中文配音
          - url: https://mirror.example.test/candidate
            confirmed: false
    sections:
      - id: "1.1"
        title: Python
        resources:
          - id: no-link
            title: A post without a link
            kind: article
          - id: same-as-attention
            title: The same paper, linked again
            kind: paper
            url: HTTPS://EXAMPLE.test/attention
  - id: "2"
    title: Scientist
    resources:
      - id: ftp-file
        title: Old file
        kind: dataset
        url: ftp://example.test/data
      - id: with-space
        title: ExLlamaV2
        kind: article
        url: https://example.test/Run LLMs.html
`;

const loaded = parseRoadmap(ROADMAP, 'roadmap.yaml');

describe('planChecks', () => {
  it('lists resources depth-first: topic resources, own resources, then subsections', () => {
    const plan = planChecks(loaded, ALL);
    expect(
      plan.resources.map(({ id, sectionId, sectionTitle, topic }) => [
        id,
        sectionId,
        sectionTitle,
        topic,
      ]),
    ).toEqual([
      ['attention', '1', 'Fundamentals', 'Attention'],
      ['essence', '1', 'Fundamentals', undefined],
      ['no-link', '1.1', 'Python', undefined],
      ['same-as-attention', '1.1', 'Python', undefined],
      ['ftp-file', '2', 'Scientist', undefined],
      ['with-space', '2', 'Scientist', undefined],
    ]);
  });

  it('plans each URL with its field path and line', () => {
    const plan = planChecks(loaded, ALL);
    const essence = plan.resources[1]!;
    expect(essence).toMatchObject({
      title: 'Essence of Linear Algebra',
      kind: 'video',
      access: { cn: 'vpn' },
      link: {
        url: 'https://video.example.test/essence',
        path: 'sections[0].resources[0].url',
        line: 19,
        plan: { kind: 'check', targetId: 'https://video.example.test/essence' },
      },
    });
    expect(essence.mirrors).toEqual([
      {
        url: 'https://mirror.example.test/essence',
        path: 'sections[0].resources[0].mirrors[0].url',
        line: 22,
        plan: { kind: 'check', targetId: 'https://mirror.example.test/essence' },
        platform: 'bilibili',
        lang: 'zh',
        note: '中文配音',
        isConfirmed: true,
      },
      {
        url: 'https://mirror.example.test/candidate',
        path: 'sections[0].resources[0].mirrors[1].url',
        line: 26,
        plan: { kind: 'check', targetId: 'https://mirror.example.test/candidate' },
        platform: undefined,
        lang: undefined,
        note: undefined,
        isConfirmed: false,
      },
    ]);
  });

  it.each<[string, Partial<PlanSettings>, LinkPlan]>([
    ['no-link', {}, { kind: 'skip', reason: 'no-url' }],
    [
      'ftp-file',
      {},
      { kind: 'skip', reason: 'unsupported-scheme', detail: 'ftp: URLs are not checked' },
    ],
    ['with-space', {}, { kind: 'check', targetId: 'https://example.test/Run%20LLMs.html' }],
    [
      'with-space',
      { exclude: [/Run LLMs/] },
      { kind: 'skip', reason: 'excluded', detail: 'matches /Run LLMs/' },
    ],
    [
      'with-space',
      { exclude: [/Run%20LLMs/] },
      { kind: 'skip', reason: 'excluded', detail: 'matches /Run%20LLMs/' },
    ],
    ['with-space', { isOffline: true }, { kind: 'skip', reason: 'offline' }],
    [
      'with-space',
      { isOffline: true, exclude: [/example/] },
      { kind: 'skip', reason: 'excluded', detail: 'matches /example/' },
    ],
    ['no-link', { isOffline: true }, { kind: 'skip', reason: 'no-url' }],
  ])('plans %s with %j as %j', (id, settings, expected) => {
    const plan = planChecks(loaded, { ...ALL, ...settings });
    expect(plan.resources.find((resource) => resource.id === id)?.link.plan).toEqual(expected);
  });

  it('gives a resource without a URL the path and line of the resource', () => {
    const link = planChecks(loaded, ALL).resources.find(
      (resource) => resource.id === 'no-link',
    )?.link;
    expect(link).toEqual({
      url: undefined,
      path: 'sections[0].sections[0].resources[0]',
      line: 32,
      plan: { kind: 'skip', reason: 'no-url' },
    });
  });

  it('fetches each URL once, with every place it appears, in first-seen order', () => {
    const plan = planChecks(loaded, ALL);
    expect(plan.targets.map((target) => target.id)).toEqual([
      'https://example.test/attention',
      'https://video.example.test/essence',
      'https://mirror.example.test/essence',
      'https://mirror.example.test/candidate',
      'https://example.test/Run%20LLMs.html',
    ]);
    expect(plan.targets[0]?.url.href).toBe('https://example.test/attention');
    expect(plan.targets[0]?.refs).toEqual([
      {
        resourceId: 'attention',
        role: 'resource',
        path: 'sections[0].topics[1].resources[0].url',
        line: 14,
      },
      {
        resourceId: 'same-as-attention',
        role: 'resource',
        path: 'sections[0].sections[0].resources[1].url',
        line: 38,
      },
    ]);
    expect(plan.targets[2]?.refs).toEqual([
      {
        resourceId: 'essence',
        role: 'mirror',
        path: 'sections[0].resources[0].mirrors[0].url',
        line: 22,
      },
    ]);
  });

  it('plans no targets offline but still lists every resource', () => {
    const plan = planChecks(loaded, { ...ALL, isOffline: true });
    expect(plan.targets).toEqual([]);
    expect(plan.resources).toHaveLength(6);
  });

  it('applies a /g exclude pattern to every URL, not every other one', () => {
    const plan = planChecks(loaded, { ...ALL, exclude: [/example\.test/g] });
    expect(plan.targets).toEqual([]);
  });

  it.each([
    [['essence'], ['essence']],
    [['1.1'], ['no-link', 'same-as-attention']],
    [['1'], ['attention', 'essence', 'no-link', 'same-as-attention']],
    [
      ['2', 'attention'],
      ['attention', 'ftp-file', 'with-space'],
    ],
  ])('keeps only %j', (only, expected) => {
    const plan = planChecks(loaded, { ...ALL, only });
    expect(plan.resources.map((resource) => resource.id)).toEqual(expected);
  });

  it('fetches only the targets of the selected resources', () => {
    const plan = planChecks(loaded, { ...ALL, only: ['1.1'] });
    expect(
      plan.targets.map((target) => [target.id, target.refs.map((ref) => ref.resourceId)]),
    ).toEqual([['https://example.test/attention', ['same-as-attention']]]);
  });

  it('keeps only what the selector accepts, within --only, and fetches only their URLs', () => {
    const select = (id: string) => id !== 'essence' && id !== 'attention';
    const plan = planChecks(loaded, { ...ALL, only: ['1'], select });
    expect(plan.resources.map((resource) => resource.id)).toEqual(['no-link', 'same-as-attention']);
    expect(plan.targets.map((target) => target.id)).toEqual(['https://example.test/attention']);
    expect(planChecks(loaded, { ...ALL, select: () => false })).toEqual({
      resources: [],
      targets: [],
    });
  });

  it.each([
    [
      ['essense'],
      '--only: no section or resource has the id "essense"',
      '"essense": did you mean "essence"?',
    ],
    [
      ['1.1', '1.2', 'atention'],
      '--only: no section or resource has the id "1.2", "atention"',
      '"1.2": did you mean "1.1"? "atention": did you mean "attention"?',
    ],
    [
      ['zzzzzz'],
      '--only: no section or resource has the id "zzzzzz"',
      'use a section id such as "1" or a resource id from the roadmap',
    ],
  ])('refuses unknown ids %j', (only, message, hint) => {
    let error: unknown;
    try {
      planChecks(loaded, { ...ALL, only });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect(error).toMatchObject({ message, hint, exitCode: 2 });
  });
});

describe('decideLink', () => {
  const none = { exclude: [], isOffline: false };

  it.each<[string | undefined, LinkPlan]>([
    [undefined, { kind: 'skip', reason: 'no-url' }],
    ['https://example.test/a#frag', { kind: 'check', targetId: 'https://example.test/a#frag' }],
    ['  https://Example.test  ', { kind: 'check', targetId: 'https://example.test/' }],
    [
      'mailto:x@example.test',
      { kind: 'skip', reason: 'unsupported-scheme', detail: 'mailto: URLs are not checked' },
    ],
    [
      'https://exa mple.test/',
      { kind: 'invalid', detail: '"https://exa mple.test/" is not a valid URL' },
    ],
    [
      'example.test/a',
      {
        kind: 'invalid',
        detail: '"example.test/a" has no scheme; did you mean https://example.test/a?',
      },
    ],
  ])('%j → %j', (text, expected) => {
    expect(decideLink(text, none).plan).toEqual(expected);
  });

  it('hands over the parsed URL for a check', () => {
    expect(decideLink('https://例子.测试/a', none).url?.href).toBe(
      'https://xn--fsqu00a.xn--0zwm56d/a',
    );
  });
});
