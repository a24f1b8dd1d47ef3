import { describe, expect, it } from 'vitest';
import { planChecks } from '../plan/plan-checks.js';
import { parseRoadmap } from '../roadmap/load.js';
import { planSuggestedMirrors, suggestMirrors } from './mirror-suggestions.js';

describe('suggestMirrors', () => {
  it.each([
    ['https://huggingface.co/blog/moe', ['https://hf-mirror.com/blog/moe']],
    [
      'https://huggingface.co/datasets/x/y?row=2#top',
      ['https://hf-mirror.com/datasets/x/y?row=2#top'],
    ],
    ['https://www.huggingface.co/spaces/a/b', ['https://hf-mirror.com/spaces/a/b']],
    ['http://huggingface.co/', ['https://hf-mirror.com/']],
    ['https://HUGGINGFACE.CO/models', ['https://hf-mirror.com/models']],
    // not the same host: no rule
    ['https://huggingface.com/x', []],
    ['https://discuss.huggingface.co/t/1', []],
    ['https://hf-mirror.com/x', []],
    ['https://www.youtube.com/watch?v=x', []],
  ])('%s → %j', (url, expected) => {
    expect(suggestMirrors(new URL(url)).map((suggestion) => suggestion.url)).toEqual(expected);
  });
});

describe('planSuggestedMirrors', () => {
  it('adds one target per new suggestion, skips listed mirrors and shares planned targets', () => {
    const loaded = parseRoadmap(
      `
version: 1
title: t
sections:
  - id: '1'
    title: s
    resources:
      - { id: a, title: A, kind: docs, url: 'https://huggingface.co/docs/a' }
      - id: b
        title: B
        kind: docs
        url: 'https://huggingface.co/docs/b'
        mirrors: [{ url: 'https://hf-mirror.com/docs/b' }]
      - { id: c, title: C, kind: docs, url: 'https://huggingface.co/docs/c' }
      - { id: d, title: D, kind: docs, url: 'https://example.com/', mirrors: [{ url: 'https://hf-mirror.com/docs/c' }] }
`,
      'roadmap.yaml',
    );
    const plan = planChecks(loaded, { exclude: [], only: [], isOffline: false });
    const suggested = planSuggestedMirrors(plan);
    expect(suggested.targets.map((target) => target.id)).toEqual(['https://hf-mirror.com/docs/a']);
    expect(suggested.targets[0]?.refs).toEqual([]);
    expect([...suggested.byResource.keys()]).toEqual(['a', 'c']);
    expect(suggested.byResource.get('c')).toEqual([
      {
        url: 'https://hf-mirror.com/docs/c',
        platform: 'hf-mirror',
        targetId: 'https://hf-mirror.com/docs/c',
      },
    ]);
  });

  it('suggests nothing offline', () => {
    const loaded = parseRoadmap(
      `
version: 1
title: t
sections:
  - { id: '1', title: s, resources: [{ id: a, title: A, kind: docs, url: 'https://huggingface.co/a' }] }
`,
      'roadmap.yaml',
    );
    const plan = planChecks(loaded, { exclude: [], only: [], isOffline: true });
    expect(planSuggestedMirrors(plan)).toEqual({ targets: [], byResource: new Map() });
  });
});
