/** fetchTarget on real sockets: pages, redirect chains and retries. */
import { describe, expect, it } from 'vitest';
import { fetchTarget } from '../../src/fetch/http-client.js';
import {
  bigBody,
  videoBody,
  deps,
  dispatcherFor,
  fetchSettings,
  MIB,
  plainSite,
  site,
  transport,
  useFetchSites,
} from './fetch-sites.js';

useFetchSites();

describe('responses', () => {
  it('reads a 200 page over HTTPS with the test CA', async () => {
    const outcome = await fetchTarget(
      new URL('https://www.example.test/ok'),
      fetchSettings,
      deps(),
    );

    expect(outcome).toMatchObject({
      kind: 'response',
      status: 200,
      finalUrl: 'https://www.example.test/ok',
      hops: [],
      contentType: 'text/html',
      body: '<!doctype html><title>OK</title><p>hello</p>',
    });
  });

  it('reads a 200 page over plain HTTP', async () => {
    const plain = dispatcherFor(transport(plainSite));

    const outcome = await fetchTarget(
      new URL('http://www.example.test/ok'),
      fetchSettings,
      deps({ dispatcher: plain }),
    );

    expect(outcome).toMatchObject({ kind: 'response', status: 200 });
    expect(outcome.kind === 'response' && outcome.body).toContain('hello');
    expect(plainSite.requests.at(-1)).toMatchObject({
      url: 'http://www.example.test/ok',
      headers: { 'user-agent': 'curate-test/1.0' },
    });
  });

  it('never sends the fragment, and carries it to finalUrl', async () => {
    const outcome = await fetchTarget(
      new URL('https://www.example.test/ok#section-2'),
      fetchSettings,
      deps(),
    );

    expect(site.requests.at(-1)?.url).toBe('https://www.example.test/ok');
    expect(outcome).toMatchObject({ finalUrl: 'https://www.example.test/ok#section-2' });
  });

  it('keeps only maxBodyBytes of a 20 MB body and stops the download', async () => {
    const outcome = await fetchTarget(
      new URL('https://www.example.test/big'),
      fetchSettings,
      deps(),
    );

    expect(outcome.kind === 'response' && outcome.body?.length).toBe(MIB);
    expect(bigBody.bytesWritten).toBeLessThan(10 * MIB);
  });

  it('does not download a 20 MB video it cannot read: no body, and the download stopped', async () => {
    const outcome = await fetchTarget(
      new URL('https://www.example.test/video'),
      fetchSettings,
      deps(),
    );

    expect(outcome).toMatchObject({ kind: 'response', status: 200, body: undefined });
    expect(videoBody.bytesWritten).toBeLessThan(10 * MIB);
  });

  it('stops reading an endless gzip bomb at maxBodyBytes of decompressed text', async () => {
    const outcome = await fetchTarget(
      new URL('https://www.example.test/bomb'),
      fetchSettings,
      deps(),
    );

    // A response at all (not a timeout) proves the reader stopped: the stream never ends.
    expect(outcome).toMatchObject({ kind: 'response', status: 200 });
    expect(outcome.kind === 'response' && outcome.body?.length).toBe(MIB);
  });
});

describe('redirects', () => {
  it('follows a relative 301 and a cross-host 302, recording both hops', async () => {
    const outcome = await fetchTarget(
      new URL('https://www.example.test/chain/1'),
      fetchSettings,
      deps(),
    );

    expect(outcome).toMatchObject({
      kind: 'response',
      status: 200,
      finalUrl: 'https://cdn.example.test/chain/3',
      hops: [
        { url: 'https://www.example.test/chain/1', status: 301 },
        { url: 'https://www.example.test/chain/2?x=1', status: 302 },
      ],
      body: 'arrived',
    });
  });

  it('detects a loop', async () => {
    const outcome = await fetchTarget(
      new URL('https://www.example.test/loop/a'),
      fetchSettings,
      deps(),
    );

    expect(outcome).toMatchObject({
      kind: 'network-failure',
      failure: { reason: 'redirect-loop' },
      hops: [
        { url: 'https://www.example.test/loop/a', status: 301 },
        { url: 'https://www.example.test/loop/b', status: 301 },
      ],
    });
  });

  it.each([
    [20, { kind: 'response', status: 200 }],
    [21, { kind: 'network-failure', failure: { reason: 'too-many-redirects' } }],
  ])('with %i redirects in a row answers %o', async (count, expected) => {
    const outcome = await fetchTarget(
      new URL(`https://www.example.test/hops/${count}`),
      fetchSettings,
      deps(),
    );

    expect(outcome).toMatchObject(expected);
    expect(outcome.hops).toHaveLength(count);
  });

  it('follows a meta refresh, recording the page with its 200', async () => {
    const outcome = await fetchTarget(
      new URL('https://www.example.test/meta'),
      fetchSettings,
      deps(),
    );

    expect(outcome).toMatchObject({
      kind: 'response',
      finalUrl: 'https://www.example.test/ok',
      hops: [{ url: 'https://www.example.test/meta', status: 200 }],
    });
  });

  it('sends per-host headers only to their host, never across a redirect', async () => {
    const headersFor = (url: URL): Record<string, string> =>
      url.hostname === 'www.example.test' ? { authorization: 'Bearer s3cret' } : {};

    await fetchTarget(
      new URL('https://www.example.test/private'),
      { ...fetchSettings, headersFor },
      deps(),
    );

    const [first, second] = site.requests.slice(-2);
    expect(first).toMatchObject({
      url: 'https://www.example.test/private',
      headers: { authorization: 'Bearer s3cret' },
    });
    expect(second?.url).toBe('https://cdn.example.test/landing');
    expect(second?.headers).not.toHaveProperty('authorization');
  });
});

describe('retries', () => {
  it('waits as long as Retry-After asks, then returns the 200', async () => {
    const waits: number[] = [];

    const outcome = await fetchTarget(
      new URL('https://www.example.test/rate-limited'),
      { ...fetchSettings, retries: 2 },
      deps({
        sleep: (ms) => {
          waits.push(ms);
          return Promise.resolve();
        },
      }),
    );

    expect(outcome).toMatchObject({ kind: 'response', status: 200, body: 'welcome back' });
    expect(waits).toEqual([2000]);
  });

  it('retries a 503 with backoff', async () => {
    const waits: number[] = [];

    const outcome = await fetchTarget(
      new URL('https://www.example.test/flaky'),
      { ...fetchSettings, retries: 1 },
      deps({
        sleep: (ms) => {
          waits.push(ms);
          return Promise.resolve();
        },
      }),
    );

    expect(outcome).toMatchObject({ kind: 'response', status: 200 });
    expect(waits).toEqual([5]);
  });
});
