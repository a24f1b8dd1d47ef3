import { describe, expect, it } from 'vitest';
import type { CheckTarget, FetchOutcome } from '../domain.js';
import type { FetchSettings } from './http-client.js';
import {
  isAnyTrue,
  probeNetwork,
  PROBE_HOST_COUNT,
  PROBE_TIMEOUT_MS,
  sampleHosts,
} from './network-probe.js';

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

describe('probeNetwork', () => {
  const refused: FetchOutcome = {
    kind: 'network-failure',
    failure: { reason: 'refused', code: 'ECONNREFUSED', message: 'refused' },
    hops: [],
    durationMs: 1,
  };
  const answered: FetchOutcome = {
    kind: 'response',
    status: 200,
    finalUrl: 'https://a.example.test/',
    hops: [],
    headers: {},
    contentType: 'text/html',
    body: '',
    durationMs: 1,
  };
  const runSettings = { timeoutMs: 20_000, retries: 2 } as FetchSettings;
  const sampled = ['https://a.example.test/', 'https://b.example.test/'].map(target);

  it("samples through the run's fetches, one short attempt each, and is up at the first answer", async () => {
    const asked: FetchSettings[] = [];
    const neverSettles = new Promise<FetchOutcome>(() => undefined);
    const verdict = await probeNetwork(sampled, {
      fetches: {
        sample: (sampledTarget, adjust) => {
          asked.push(adjust(runSettings));
          return sampledTarget.url.hostname === 'a.example.test'
            ? Promise.resolve(answered)
            : neverSettles;
        },
      },
    });
    expect(verdict).toEqual({ kind: 'up' });
    expect(asked).toEqual([
      { timeoutMs: PROBE_TIMEOUT_MS, retries: 0 },
      { timeoutMs: PROBE_TIMEOUT_MS, retries: 0 },
    ]);
  });

  it('is down when every sample fails below HTTP, and interrupted when Ctrl-C caused it', async () => {
    const fetches = { sample: () => Promise.resolve(refused) };
    await expect(probeNetwork(sampled, { fetches })).resolves.toMatchObject({
      kind: 'down',
      hostsTried: ['a.example.test', 'b.example.test'],
    });
    await expect(probeNetwork(sampled.slice(0, 1), { fetches })).resolves.toMatchObject({
      message: 'the one host tried could not be reached (ECONNREFUSED)',
    });
    await expect(probeNetwork(sampled, { fetches })).resolves.toMatchObject({
      message: 'none of 2 hosts could be reached (ECONNREFUSED)',
    });
    const controller = new AbortController();
    controller.abort();
    await expect(probeNetwork(sampled, { fetches, signal: controller.signal })).resolves.toEqual({
      kind: 'interrupted',
    });
  });
});
