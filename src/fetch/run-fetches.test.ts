import { describe, expect, it } from 'vitest';
import { testFetchSettings } from '../../test/helpers/fetch-settings.js';
import { useMockAgent } from '../../test/helpers/mock-agent.js';
import type { CheckTarget } from '../domain.js';
import type { FetchEvent } from './fetch-events.js';
import type { FetchSettings } from './http-client.js';
import { createRunFetches } from './run-fetches.js';
import { createSlots } from './slots.js';

const origin = 'https://www.example.test';

const settings = testFetchSettings({
  headersFor: (url) => (url.hostname === 'www.example.test' ? { 'x-configured': 'yes' } : {}),
  retries: 1,
  retryBaseDelayMs: 1,
  maxRetryAfterMs: 10,
});

const noRetries = (given: FetchSettings): FetchSettings => ({ ...given, retries: 0 });

const agent = useMockAgent();

function target(path: string): CheckTarget {
  return { id: path, url: new URL(`${origin}${path}`), refs: [] };
}

function runFetches(onFetchEvent?: (event: FetchEvent) => void) {
  return createRunFetches(settings, {
    dispatcher: agent(),
    slots: createSlots(4, () => 2),
    sleep: () => Promise.resolve(),
    ...(onFetchEvent ? { onFetchEvent } : {}),
  });
}

describe('createRunFetches', () => {
  it("hands a sampled target's final answer to the run's fetch of it, without asking again", async () => {
    agent().get(origin).intercept({ path: '/gone', method: 'GET' }).reply(404, 'no');
    const fetches = runFetches();

    const sampled = await fetches.sample(target('/gone'), noRetries);
    const checked = await fetches.target(target('/gone'));

    expect(sampled).toMatchObject({ kind: 'response', status: 404 });
    expect(checked).toBe(sampled);
  });

  it('asks again in full, retries included, when a retry could change the sampled answer', async () => {
    const pool = agent().get(origin);
    pool.intercept({ path: '/busy', method: 'GET' }).reply(503, 'busy');
    pool.intercept({ path: '/busy', method: 'GET' }).reply(503, 'still busy');
    pool.intercept({ path: '/busy', method: 'GET' }).reply(200, 'ok');
    const fetches = runFetches();

    const sampled = await fetches.sample(target('/busy'), noRetries);
    const checked = await fetches.target(target('/busy'));

    expect(sampled).toMatchObject({ kind: 'response', status: 503 });
    expect(checked).toMatchObject({ kind: 'response', status: 200 });
  });

  it("takes the sample's time out of the link's budget when it asks again", async () => {
    const pool = agent().get(origin);
    // The probe's 200 ms deadline passes. The link's 400 ms budget would let the run's fetch
    // see the second answer after 300 ms; what the sample left of it (at most 200 ms) does not.
    pool.intercept({ path: '/hung', method: 'GET' }).reply(200, 'late').delay(1000);
    pool.intercept({ path: '/hung', method: 'GET' }).reply(200, 'late').delay(300);
    const fetches = createRunFetches(
      { ...settings, retries: 0, maxTimePerLinkMs: 400 },
      { dispatcher: agent(), slots: createSlots(4, () => 2) },
    );

    const sampled = await fetches.sample(target('/hung'), (given) => ({
      ...noRetries(given),
      timeoutMs: 200,
    }));
    const checked = await fetches.target(target('/hung'));

    expect(sampled).toMatchObject({ kind: 'timeout' });
    expect(checked).toMatchObject({ kind: 'timeout' });
  });

  it('forgets a sampled answer once handed over, so no page body outlives its check', async () => {
    const pool = agent().get(origin);
    pool.intercept({ path: '/page', method: 'GET' }).reply(200, 'first');
    pool.intercept({ path: '/page', method: 'GET' }).reply(200, 'second');
    const fetches = runFetches();

    await fetches.sample(target('/page'), noRetries);
    await fetches.target(target('/page'));
    const again = await fetches.target(target('/page'));

    expect(again).toMatchObject({ kind: 'response', body: 'second' });
  });

  it("sends an extra URL's own headers under the host's configured ones, hop by hop", async () => {
    const seen: Record<string, unknown>[] = [];
    const record = (headers: unknown): void => {
      seen.push(headers as Record<string, unknown>);
    };
    agent()
      .get(origin)
      .intercept({ path: '/api', method: 'GET' })
      .reply((request) => {
        record(request.headers);
        return { statusCode: 302, data: '', responseOptions: { headers: { location: '/next' } } };
      });
    agent()
      .get(origin)
      .intercept({ path: '/next', method: 'GET' })
      .reply((request) => {
        record(request.headers);
        return { statusCode: 200, data: '{}' };
      });
    const fetches = runFetches();

    const outcome = await fetches.extra(new URL(`${origin}/api`), {
      headersFor: (url) =>
        url.pathname === '/api' ? { 'x-configured': 'probe', 'x-probe': 'api' } : {},
      followMetaRefresh: false,
    });

    expect(outcome).toMatchObject({ kind: 'response', status: 200 });
    expect(seen[0]).toMatchObject({ 'x-configured': 'yes', 'x-probe': 'api' });
    expect(seen[1]).not.toHaveProperty('x-probe');
  });

  it('tells the observer when each attempt of each fetch starts and ends, and when the fetch is over', async () => {
    const pool = agent().get(origin);
    pool.intercept({ path: '/busy', method: 'GET' }).reply(503, 'busy');
    pool.intercept({ path: '/busy', method: 'GET' }).reply(200, 'ok');
    pool.intercept({ path: '/page', method: 'GET' }).reply(200, 'ok');
    const events: FetchEvent[] = [];
    const fetches = runFetches((event) => events.push(event));

    await fetches.target(target('/busy'));
    await fetches.extra(new URL(`${origin}/page`), {
      headersFor: () => ({}),
      followMetaRefresh: false,
    });

    const busy = { fetchId: 1, url: `${origin}/busy`, host: 'www.example.test' };
    expect(events).toEqual([
      { kind: 'attempt-started', attempt: 1, maxAttempts: 2, ...busy },
      { kind: 'attempt-ended', attempt: 1, ...busy },
      { kind: 'attempt-started', attempt: 2, maxAttempts: 2, ...busy },
      { kind: 'attempt-ended', attempt: 2, ...busy },
      { kind: 'fetch-finished', ...busy },
      {
        kind: 'attempt-started',
        attempt: 1,
        maxAttempts: 2,
        fetchId: 2,
        url: `${origin}/page`,
        host: 'www.example.test',
      },
      {
        kind: 'attempt-ended',
        attempt: 1,
        fetchId: 2,
        url: `${origin}/page`,
        host: 'www.example.test',
      },
      { kind: 'fetch-finished', fetchId: 2, url: `${origin}/page`, host: 'www.example.test' },
    ]);
  });

  it('keeps one cookie jar for the run: a wall passed for one target stays passed for the next', async () => {
    const pool = agent().get(origin);
    pool
      .intercept({ path: '/wall/a', method: 'GET' })
      .reply(302, '', { headers: { location: '/wall/a', 'set-cookie': 'pass=1; Path=/' } });
    pool
      .intercept({ path: '/wall/a', method: 'GET', headers: { cookie: 'pass=1' } })
      .reply(200, 'a');
    pool
      .intercept({ path: '/wall/b', method: 'GET', headers: { cookie: 'pass=1' } })
      .reply(200, 'b');
    const fetches = runFetches();

    await fetches.target(target('/wall/a'));
    const second = await fetches.target(target('/wall/b'));

    expect(second).toMatchObject({ kind: 'response', status: 200, hops: [] });
  });
});
