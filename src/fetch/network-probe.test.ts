import { describe, expect, it } from 'vitest';
import type { CheckTarget } from '../domain.js';
import { isAnyTrue, PROBE_HOST_COUNT, sampleHosts } from './network-probe.js';

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

describe('isAnyTrue', () => {
  const after = (ms: number, value: boolean): Promise<boolean> =>
    new Promise((resolve) => {
      setTimeout(() => {
        resolve(value);
      }, ms);
    });
  const never = new Promise<boolean>(() => undefined);

  it('settles true at the first true, without waiting for the others', async () => {
    await expect(isAnyTrue([never, after(5, false), after(10, true)])).resolves.toBe(true);
  });

  it('settles false once every check settled false', async () => {
    await expect(isAnyTrue([after(5, false), after(1, false)])).resolves.toBe(false);
  });

  it('settles false for no checks', async () => {
    await expect(isAnyTrue([])).resolves.toBe(false);
  });
});
