import { describe, expect, it } from 'vitest';
import { testFetchSettings } from '../../test/helpers/fetch-settings.js';
import { recordingSleep, useMockAgent } from '../../test/helpers/mock-agent.js';
import { fetchTarget, type FetchDeps, type FetchSettings } from './http-client.js';
import { ABORTED_CODE, NOT_STARTED_CODE } from './network-failure.js';

const origin = 'https://www.example.test';

const settings: FetchSettings = testFetchSettings();

const agent = useMockAgent();

function deps(extra: Partial<FetchDeps> = {}): FetchDeps {
  return {
    dispatcher: agent(),
    sleep: () => Promise.resolve(),
    random: () => 0,
    ...extra,
  };
}

function reply(
  path: string,
  status: number,
  headers: Record<string, string> = {},
  body = '',
): void {
  agent().get(origin).intercept({ path, method: 'GET' }).reply(status, body, { headers });
}

describe('fetchTarget redirects', () => {
  it('records each followed redirect as a hop and keeps the fragment for finalUrl', async () => {
    reply('/a', 301, { location: '/b' });
    reply('/b', 302, { location: 'https://other.example.test/c' });
    agent()
      .get('https://other.example.test')
      .intercept({ path: '/c', method: 'GET' })
      .reply(200, '<p>hi</p>', { headers: { 'content-type': 'text/html' } });

    const outcome = await fetchTarget(new URL(`${origin}/a#part`), settings, deps());

    expect(outcome).toMatchObject({
      kind: 'response',
      status: 200,
      finalUrl: 'https://other.example.test/c#part',
      hops: [
        { url: `${origin}/a`, status: 301 },
        { url: `${origin}/b`, status: 302 },
      ],
      body: '<p>hi</p>',
      contentType: 'text/html',
    });
  });

  it.each([
    ['too many redirects', ['/1', '/2', '/3', '/4'], '/5', { reason: 'too-many-redirects' }, 4],
    ['a loop', ['/x', '/y'], '/x', { reason: 'redirect-loop' }, 2],
  ])('stops at %s', async (_name, paths, last, failure, hopCount) => {
    paths.forEach((path, index) => {
      reply(path, 301, { location: paths[index + 1] ?? last });
    });

    const outcome = await fetchTarget(new URL(`${origin}${paths[0]!}`), settings, deps());

    expect(outcome).toMatchObject({ kind: 'network-failure', failure });
    expect(outcome.hops).toHaveLength(hopCount);
  });

  it.each([
    ['a non-http(s) Location', 'ftp://files.example.test/x', 'unsupported-redirect'],
    ['an unparsable Location', 'http://[bad', 'invalid-redirect'],
  ])('refuses %s', async (_name, location, reason) => {
    reply('/go', 302, { location });

    const outcome = await fetchTarget(new URL(`${origin}/go`), settings, deps());

    expect(outcome).toMatchObject({
      kind: 'network-failure',
      failure: { reason },
      hops: [{ url: `${origin}/go`, status: 302 }],
    });
  });

  it('treats a 3xx without Location as the final answer', async () => {
    reply('/not-modified', 304);

    const outcome = await fetchTarget(new URL(`${origin}/not-modified`), settings, deps());

    expect(outcome).toMatchObject({ kind: 'response', status: 304, hops: [] });
  });

  it('follows a meta refresh on a 200 page, recording the page as a hop', async () => {
    const html = '<html><head><meta http-equiv="refresh" content="0; url=/new"></head></html>';
    reply('/old', 200, { 'content-type': 'text/html' }, html);
    reply('/new', 200, { 'content-type': 'text/html' }, 'new');

    const outcome = await fetchTarget(new URL(`${origin}/old`), settings, deps());

    expect(outcome).toMatchObject({
      kind: 'response',
      finalUrl: `${origin}/new`,
      hops: [{ url: `${origin}/old`, status: 200 }],
    });
  });

  it.each([
    ['when disabled', 200, false],
    ['on a 404 page', 404, true],
  ])('does not follow a meta refresh %s', async (_name, status, followMetaRefresh) => {
    const html = '<meta http-equiv="refresh" content="0; url=/new">';
    reply('/old', status, { 'content-type': 'text/html' }, html);

    const outcome = await fetchTarget(
      new URL(`${origin}/old`),
      { ...settings, followMetaRefresh },
      deps(),
    );

    expect(outcome).toMatchObject({ kind: 'response', status, finalUrl: `${origin}/old` });
  });
});

describe('fetchTarget requests', () => {
  it('sends our headers plus the per-host ones computed for each hop', async () => {
    const seen: Record<string, unknown>[] = [];
    const record = (path: string, status: number, headers: Record<string, string>) =>
      agent()
        .get(new URL(path).origin)
        .intercept({ path: new URL(path).pathname, method: 'GET' })
        .reply((options) => {
          seen.push(options.headers as Record<string, unknown>);
          return { statusCode: status, data: '', responseOptions: { headers } };
        });
    record(`${origin}/private`, 302, { location: 'https://cdn.example.test/file' });
    record('https://cdn.example.test/file', 200, {});
    const headersFor = (url: URL): Record<string, string> =>
      url.hostname === 'www.example.test' ? { Authorization: 'Bearer secret' } : {};

    await fetchTarget(new URL(`${origin}/private`), { ...settings, headersFor }, deps());

    expect(seen[0]).toMatchObject({ 'user-agent': 'curate-test', authorization: 'Bearer secret' });
    expect(seen[1]).toMatchObject({ 'user-agent': 'curate-test' });
    expect(seen[1]).not.toHaveProperty('authorization');
  });

  it('keeps only the listed response headers', async () => {
    reply('/', 429, { 'retry-after': '3', 'set-cookie': 'a=b', server: 'nginx' });

    const outcome = await fetchTarget(new URL(`${origin}/`), settings, deps());

    expect(outcome.kind === 'response' && outcome.headers).toEqual({
      'retry-after': '3',
      server: 'nginx',
    });
  });

  it('reports durationMs from the injected clock', async () => {
    reply('/', 200);
    const times = [1000, 1250];

    const outcome = await fetchTarget(
      new URL(`${origin}/`),
      settings,
      deps({ now: () => times.shift() ?? 1250 }),
    );

    expect(outcome.durationMs).toBe(250);
  });
});

describe('fetchTarget retries', () => {
  it('retries a 503 after the backoff and returns the final answer', async () => {
    reply('/', 503);
    reply('/', 200);
    const { waits, sleep } = recordingSleep();

    const outcome = await fetchTarget(
      new URL(`${origin}/`),
      { ...settings, retries: 2 },
      deps({ sleep }),
    );

    expect(outcome).toMatchObject({ kind: 'response', status: 200 });
    expect(waits).toEqual([50]);
  });

  it('returns the last outcome when the retries run out', async () => {
    reply('/', 500);
    reply('/', 502);

    const outcome = await fetchTarget(new URL(`${origin}/`), { ...settings, retries: 1 }, deps());

    expect(outcome).toMatchObject({ kind: 'response', status: 502 });
  });

  it('retries a connection reset', async () => {
    agent()
      .get(origin)
      .intercept({ path: '/', method: 'GET' })
      .replyWithError(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }));
    reply('/', 200);

    const outcome = await fetchTarget(new URL(`${origin}/`), { ...settings, retries: 1 }, deps());

    expect(outcome).toMatchObject({ kind: 'response', status: 200 });
  });

  it('takes a slot for each attempt and waits for the retry without one', async () => {
    reply('/', 503);
    reply('/', 200);
    const events: string[] = [];
    let isInSlot = false;

    const outcome = await fetchTarget(
      new URL(`${origin}/`),
      { ...settings, retries: 1 },
      deps({
        schedule: async (attempt) => {
          events.push('slot taken');
          isInSlot = true;
          try {
            return await attempt();
          } finally {
            isInSlot = false;
            events.push('slot freed');
          }
        },
        sleep: () => {
          events.push(isInSlot ? 'wait in a slot' : 'wait');
          return Promise.resolve();
        },
      }),
    );

    expect(outcome).toMatchObject({ kind: 'response', status: 200 });
    expect(events).toEqual(['slot taken', 'slot freed', 'wait', 'slot taken', 'slot freed']);
  });

  it('counts the attempts and the wait in durationMs, not the time queued for a slot', async () => {
    reply('/', 503);
    reply('/', 200);
    let clockMs = 0;

    const outcome = await fetchTarget(
      new URL(`${origin}/`),
      { ...settings, retries: 1 },
      deps({
        now: () => clockMs,
        schedule: (attempt) => {
          clockMs += 1000; // queued behind the other URLs of the host
          return attempt();
        },
        dispatcher: agent().compose((dispatch) => (options, handler) => {
          clockMs += 20; // the request itself
          return dispatch(options, handler);
        }),
        sleep: (ms) => {
          clockMs += ms;
          return Promise.resolve();
        },
      }),
    );

    expect(outcome.durationMs).toBe(20 + 50 + 20);
  });

  it('returns at once an answer whose Retry-After is longer than it ever waits, with that wait', async () => {
    reply('/', 429, { 'retry-after': '86400' });
    const { waits, sleep } = recordingSleep();

    const outcome = await fetchTarget(
      new URL(`${origin}/`),
      { ...settings, retries: 2 },
      deps({ sleep }),
    );

    expect(outcome).toMatchObject({ kind: 'response', status: 429, retryAfterMs: 86_400_000 });
    expect(waits).toEqual([]);
  });

  it('starts no wait that the link budget cannot hold, and keeps the answer', async () => {
    reply('/', 503, { 'retry-after': '4' });
    let clockMs = 0;

    const outcome = await fetchTarget(
      new URL(`${origin}/`),
      { ...settings, retries: 2, maxTimePerLinkMs: 3000 },
      deps({ now: () => clockMs, sleep: (ms) => ((clockMs += ms), Promise.resolve()) }),
    );

    expect(outcome).toMatchObject({ kind: 'response', status: 503, retryAfterMs: 4000 });
    expect(clockMs).toBe(0);
  });

  it("cuts a retry's deadline to what is left of the link budget", async () => {
    reply('/', 503);
    // Without the budget, the retry's 1 s deadline would see this answer after 300 ms.
    agent().get(origin).intercept({ path: '/', method: 'GET' }).reply(200, 'late').delay(300);
    let clockMs = 0;

    const outcome = await fetchTarget(
      new URL(`${origin}/`),
      { ...settings, retries: 1, maxTimePerLinkMs: 1000 },
      deps({
        now: () => clockMs,
        // The first request and its backoff (50 ms) leave 30 ms of the budget.
        dispatcher: agent().compose((dispatch) => (options, handler) => {
          clockMs += 920;
          return dispatch(options, handler);
        }),
        sleep: (ms) => ((clockMs += ms), Promise.resolve()),
      }),
    );

    expect(outcome).toMatchObject({ kind: 'timeout', phase: 'headers' });
  });

  it('retries a timeout once at most, whatever the retries allow', async () => {
    agent()
      .get(origin)
      .intercept({ path: '/', method: 'GET' })
      .reply(200, 'late')
      .delay(500)
      .times(2);

    const outcome = await fetchTarget(
      new URL(`${origin}/`),
      { ...settings, retries: 3, timeoutMs: 50 },
      deps(),
    );

    // A third attempt would find no interceptor left and fail as a network error instead.
    expect(outcome).toMatchObject({ kind: 'timeout', phase: 'headers' });
  });

  it('does not retry a missing page', async () => {
    reply('/', 404);

    const outcome = await fetchTarget(new URL(`${origin}/`), { ...settings, retries: 3 }, deps());

    expect(outcome).toMatchObject({ kind: 'response', status: 404 });
  });
});

describe('fetchTarget failures', () => {
  it('maps transport errors through the failure table', async () => {
    agent()
      .get(origin)
      .intercept({ path: '/', method: 'GET' })
      .replyWithError(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }));

    const outcome = await fetchTarget(new URL(`${origin}/`), settings, deps());

    expect(outcome).toMatchObject({
      kind: 'network-failure',
      failure: { reason: 'dns', code: 'ENOTFOUND' },
    });
  });

  it('reports the deadline as a headers timeout when the answer never comes', async () => {
    agent().get(origin).intercept({ path: '/', method: 'GET' }).reply(200, 'late').delay(500);

    const outcome = await fetchTarget(
      new URL(`${origin}/`),
      { ...settings, timeoutMs: 50 },
      deps(),
    );

    expect(outcome).toMatchObject({ kind: 'timeout', phase: 'headers' });
  });

  it('returns a NOT_STARTED failure without requesting when the run is already cancelled', async () => {
    const controller = new AbortController();
    controller.abort();

    const outcome = await fetchTarget(
      new URL(`${origin}/`),
      settings,
      deps({ signal: controller.signal }),
    );

    // Nothing was sent: the report says "not started", not "interrupted in flight".
    expect(outcome).toMatchObject({
      kind: 'network-failure',
      failure: { code: NOT_STARTED_CODE },
    });
  });

  it('stops retrying when the run is cancelled during the wait', async () => {
    reply('/', 503);
    const controller = new AbortController();

    const outcome = await fetchTarget(
      new URL(`${origin}/`),
      { ...settings, retries: 3 },
      deps({
        signal: controller.signal,
        sleep: () => {
          controller.abort();
          return Promise.resolve();
        },
      }),
    );

    expect(outcome).toMatchObject({ kind: 'network-failure', failure: { code: ABORTED_CODE } });
  });
});
