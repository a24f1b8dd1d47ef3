import { describe, expect, it } from 'vitest';
import type { CheckTarget } from '../domain.js';
import { PROBE_HOST_COUNT, sampleHosts } from './network-probe.js';

const target = (url: string): CheckTarget => ({ id: url, url: new URL(url), refs: [] });

describe('sampleHosts', () => {
  const targets = [
    'https://www.youtube.com/watch?v=1',
    'https://www.youtube.com/watch?v=2',
    'https://colab.research.google.com/x',
    'https://medium.com/a',
    'https://huggingface.co/b',
    'https://twitter.com/c',
    'https://arxiv.org/abs/1',
    'https://github.com/d',
  ].map(target);

  it('takes the first target of each distinct host, at most PROBE_HOST_COUNT', () => {
    expect(sampleHosts(targets).map((sampled) => sampled.id)).toEqual([
      'https://www.youtube.com/watch?v=1',
      'https://colab.research.google.com/x',
      'https://medium.com/a',
      'https://huggingface.co/b',
      'https://twitter.com/c',
    ]);
    expect(PROBE_HOST_COUNT).toBe(5);
  });

  it('samples hosts the vantage is known to block last, so a censored vantage is not called offline', () => {
    const blocked = new Set([
      'www.youtube.com',
      'colab.research.google.com',
      'medium.com',
      'huggingface.co',
      'twitter.com',
    ]);
    const sample = sampleHosts(targets, (url) => blocked.has(url.hostname));
    expect(sample.map((sampled) => sampled.url.hostname)).toEqual([
      'arxiv.org',
      'github.com',
      'www.youtube.com',
      'colab.research.google.com',
      'medium.com',
    ]);
  });
});
