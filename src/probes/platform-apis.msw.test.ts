/**
 * The GitHub, Hugging Face and arXiv probes against msw stand-ins for their APIs, reached
 * through Node's global `fetch` (which msw/node intercepts) with the probes' own request
 * headers, so these tests check the exact requests the probes send and what they read back.
 */
import { readFileSync } from 'node:fs';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { globalFetchTransport } from '../../test/helpers/global-fetch-transport.js';
import { createApiValidators } from '../cache/api-validators.js';
import { arxivProbe } from './arxiv.js';
import { createGithubProbe } from './github.js';
import { huggingfaceProbe } from './huggingface.js';
import { createProbeRunner, type Probe, type ProbeSession, type ProbeVerdict } from './probe.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../test/fixtures/probes/${name}`, import.meta.url), 'utf8');

const repo = (fullName: string, extra: Record<string, unknown> = {}) => ({
  full_name: fullName,
  archived: false,
  disabled: false,
  updated_at: '2024-01-02T03:04:05Z',
  ...extra,
});

const quota = (remaining: number) => ({
  'x-ratelimit-remaining': String(remaining),
  'x-ratelimit-reset': '1764684000',
});

const LIVE_ETAG = 'W/"4c6a1d"';

/** GitHub calls left this hour; at 0 the API answers 403, as GitHub does. */
let githubBudget = 60;

const server = setupServer(
  http.get('https://api.github.com/repos/:owner/:repo', ({ params, request }) => {
    const name = `${String(params.owner)}/${String(params.repo)}`;
    // A conditional request GitHub can answer 304 costs no quota.
    if (name === 'live/repo' && request.headers.get('if-none-match') === LIVE_ETAG) {
      return new HttpResponse(null, { status: 304, headers: { etag: LIVE_ETAG } });
    }
    githubBudget -= 1;
    if (githubBudget < 0) {
      return HttpResponse.json(
        { message: 'API rate limit exceeded for 203.0.113.7.' },
        { status: 403, headers: quota(0) },
      );
    }
    const headers = quota(githubBudget);
    switch (name) {
      case 'live/repo':
        return HttpResponse.json(repo('live/repo'), { headers: { ...headers, etag: LIVE_ETAG } });
      case 'old/archive':
        return HttpResponse.json(repo('old/archive', { archived: true }), { headers });
      case 'off/repo':
        return HttpResponse.json(repo('off/repo', { disabled: true }), { headers });
      case 'moved/away':
        return HttpResponse.redirect('https://api.github.com/repositories/4242', 301);
      case 'taken/down':
        return HttpResponse.json(
          {
            message: 'Repository access blocked',
            block: { reason: 'dmca', html_url: 'https://github.com/github/dmca/blob/master/x.md' },
          },
          { status: 451, headers },
        );
      default:
        return HttpResponse.json({ message: 'Not Found' }, { status: 404, headers });
    }
  }),
  http.get('https://api.github.com/repositories/4242', () =>
    HttpResponse.json(repo('new-owner/new-name'), { headers: quota(58) }),
  ),
  http.get('https://api.github.com/repos/live/repo/contents/*', ({ request }) => {
    const url = new URL(request.url);
    const ref = url.searchParams.get('ref');
    if (url.pathname.endsWith('/docs/here.md') && ref === 'main') {
      return HttpResponse.json({ type: 'file', path: 'docs/here.md' });
    }
    if (url.pathname.endsWith('/notes.md') && ref === 'release/v1') {
      return HttpResponse.json({ type: 'file', path: 'notes.md' });
    }
    if (ref !== 'main') {
      return HttpResponse.json(
        { message: `No commit found for the ref ${ref ?? ''}` },
        { status: 404 },
      );
    }
    return HttpResponse.json({ message: 'Not Found' }, { status: 404 });
  }),
  http.get('https://:host/api/:kind/:owner/:name', ({ params }) => {
    const id = `${String(params.owner)}/${String(params.name)}`;
    switch (id) {
      case 'meta-llama/Llama-3.1-8B':
        return HttpResponse.json({ id, gated: 'manual', disabled: false });
      case 'open/model':
        return HttpResponse.json({ id, gated: false });
      case 'off/model':
        return HttpResponse.json({ id, disabled: true });
      case 'hidden/model':
        return HttpResponse.json(
          { error: 'Invalid username or password.' },
          { status: 401, headers: { 'x-error-code': 'RepoNotFound' } },
        );
      default:
        return HttpResponse.json(
          { error: 'Repository not found' },
          { status: 404, headers: { 'x-error-code': 'RepoNotFound' } },
        );
    }
  }),
  http.get('https://export.arxiv.org/api/query', ({ request }) => {
    const ids = new URL(request.url).searchParams.get('id_list') ?? '';
    const body = ids.includes('1706.03762')
      ? fixture('arxiv-feed-3.xml')
      : fixture('arxiv-feed-empty.xml');
    return new HttpResponse(body, { headers: { 'content-type': 'application/atom+xml' } });
  }),
);

/** Every request the stand-ins saw: URL and the headers the probe sent. */
const requested: { url: string; headers: Headers }[] = [];

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  server.events.on('request:start', ({ request }) => {
    requested.push({ url: request.url, headers: request.headers });
  });
});
afterEach(() => {
  requested.length = 0;
  githubBudget = 60;
});
afterAll(() => {
  server.close();
});

const transport = globalFetchTransport;

/** A clock that only moves when slept on, recording every sleep. */
function fakeSession(): ProbeSession & { slept: number[] } {
  let now = 1_000_000;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: (ms) => {
      slept.push(ms);
      now += ms;
      return Promise.resolve();
    },
  };
}

/** Probes `urls` as a run does: prepared together in the given order, then asked one by one. */
async function probeAll(probe: Probe, urls: string[], session = fakeSession()) {
  const runner = createProbeRunner([probe], transport, {
    urls: urls.map((url) => new URL(url)),
    session,
  });
  const verdicts: (ProbeVerdict | undefined)[] = [];
  for (const url of urls) verdicts.push(await runner.probe(new URL(url)));
  return verdicts;
}

const urls = () => requested.map((request) => request.url);

describe('GitHub probe', () => {
  const github = createGithubProbe({ token: 'ghp_secret' });

  it('confirms a live repository with one API call, sending the token to api.github.com', async () => {
    const [verdict] = await probeAll(github, ['https://github.com/live/repo/wiki']);
    expect(verdict).toEqual({ kind: 'confirmed', title: undefined });
    expect(urls()).toEqual(['https://api.github.com/repos/live/repo']);
    expect(requested[0]!.headers.get('authorization')).toBe('Bearer ghp_secret');
    expect(requested[0]!.headers.get('accept')).toBe('application/vnd.github+json');
    expect(github.requestHeaders?.(new URL('https://github.com/live/repo'))).toEqual({});
  });

  it('finds an archived repository, with its date, and keeps it ok', async () => {
    const [verdict] = await probeAll(github, ['https://github.com/old/archive']);
    expect(verdict).toEqual({
      kind: 'confirmed',
      title: undefined,
      findings: [{ kind: 'archived', platform: 'github', since: '2024-01-02T03:04:05Z' }],
    });
  });

  it('follows a rename to the new name: redirected, with the new URL and a renamed finding', async () => {
    const [verdict] = await probeAll(github, ['https://github.com/moved/away/releases#latest']);
    const newUrl = 'https://github.com/new-owner/new-name/releases#latest';
    expect(verdict).toEqual({
      kind: 'outcome',
      outcome: {
        status: 'redirected',
        reason: 'permanent-redirect',
        httpStatus: 301,
        finalUrl: newUrl,
      },
      findings: [
        {
          kind: 'renamed',
          platform: 'github',
          from: 'moved/away',
          to: 'new-owner/new-name',
          newUrl,
        },
      ],
    });
  });

  it.each([
    ['https://github.com/gone/repo', 'broken:repo-missing'],
    ['https://github.com/off/repo', 'broken:repo-disabled'],
    ['https://github.com/taken/down', 'broken:repo-blocked'],
  ])('%s → %s', async (input, expected) => {
    const [verdict] = await probeAll(github, [input]);
    expect(
      verdict?.kind === 'outcome' && `${verdict.outcome.status}:${verdict.outcome.reason}`,
    ).toBe(expected);
  });

  it('says why GitHub blocked a repository', async () => {
    const [verdict] = await probeAll(github, ['https://github.com/taken/down']);
    expect(verdict).toMatchObject({
      outcome: {
        detail:
          'GitHub API 451: Repository access blocked (dmca); notice: https://github.com/github/dmca/blob/master/x.md',
      },
    });
  });

  it('asks the contents API whether a file is still on its ref', async () => {
    const [here, gone] = await probeAll(github, [
      'https://github.com/live/repo/blob/main/docs/here.md',
      'https://github.com/live/repo/blob/main/docs/gone.md',
    ]);
    expect(here).toEqual({ kind: 'confirmed', title: undefined });
    expect(gone).toEqual({
      kind: 'outcome',
      outcome: {
        status: 'broken',
        reason: 'path-missing',
        detail: 'GitHub API 404: "docs/gone.md" is not on main of live/repo',
      },
      findings: [],
    });
    // One repository call for both links.
    expect(urls()).toEqual([
      'https://api.github.com/repos/live/repo',
      'https://api.github.com/repos/live/repo/contents/docs/here.md?ref=main',
      'https://api.github.com/repos/live/repo/contents/docs/gone.md?ref=main',
    ]);
  });

  it('reads a ref with a slash by giving it one more segment when GitHub has no such ref', async () => {
    const [verdict] = await probeAll(github, [
      'https://github.com/live/repo/blob/release/v1/notes.md',
    ]);
    expect(verdict).toEqual({ kind: 'confirmed', title: undefined });
    expect(urls().slice(1)).toEqual([
      'https://api.github.com/repos/live/repo/contents/v1/notes.md?ref=release',
      'https://api.github.com/repos/live/repo/contents/notes.md?ref=release%2Fv1',
    ]);
  });

  /** Probes these GitHub repositories (owner/name) with `budget` API calls left in the quota. */
  const probeReposWithQuota = (budget: number, repos: readonly string[]) => {
    githubBudget = budget;
    return probeAll(
      github,
      repos.map((repo) => `https://github.com/${repo}`),
    );
  };

  it('stops at an exhausted quota: the rest are unprobed, never broken, in the order given', async () => {
    const verdicts = await probeReposWithQuota(1, [
      'live/repo',
      'old/archive',
      'gone/repo',
      'off/repo',
    ]);
    const unprobed = {
      kind: 'inconclusive',
      detail: 'GitHub API quota exhausted',
      findings: [{ kind: 'unprobed', platform: 'github', retryAt: '2025-12-02T14:00:00.000Z' }],
    };
    expect(verdicts).toEqual([
      { kind: 'confirmed', title: undefined },
      unprobed,
      unprobed,
      unprobed,
    ]);
    // The last answer said 0 left: the one call already in flight beside it was refused, and
    // nothing more was asked.
    expect(urls()).toEqual([
      'https://api.github.com/repos/live/repo',
      'https://api.github.com/repos/old/archive',
    ]);
  });

  it('treats a 403 with no quota left as exhausted, not as a verdict', async () => {
    const verdicts = await probeReposWithQuota(0, ['gone/repo', 'live/repo', 'old/archive']);
    expect(verdicts.map((verdict) => verdict?.kind)).toEqual([
      'inconclusive',
      'inconclusive',
      'inconclusive',
    ]);
    expect(verdicts[0]).toMatchObject({ findings: [{ kind: 'unprobed' }] });
    expect(urls()).toHaveLength(2);
  });

  it('keeps the ETag and asks again with If-None-Match: a 304 stands for the answer, at no quota', async () => {
    const validators = createApiValidators();
    const probe = createGithubProbe({ token: undefined, validators });
    const [first] = await probeAll(probe, ['https://github.com/live/repo']);
    expect(validators.entries()).toEqual({
      'https://api.github.com/repos/live/repo': {
        etag: LIVE_ETAG,
        body: '{"full_name":"live/repo","archived":false,"disabled":false,"updated_at":"2024-01-02T03:04:05Z"}',
        checkedAt: '1970-01-01T00:16:40.000Z',
      },
    });
    githubBudget = 0;
    const [again] = await probeAll(probe, ['https://github.com/live/repo']);
    expect(again).toEqual(first);
    expect(requested.at(-1)?.headers.get('if-none-match')).toBe(LIVE_ETAG);
    expect(githubBudget).toBe(0);
  });

  it('sends no token when there is none', async () => {
    await probeAll(createGithubProbe({ token: undefined }), ['https://github.com/live/repo']);
    expect(requested[0]!.headers.get('authorization')).toBeNull();
  });
});

describe('Hugging Face probe', () => {
  it.each([
    [
      'https://huggingface.co/meta-llama/Llama-3.1-8B',
      'https://huggingface.co/api/models/meta-llama/Llama-3.1-8B',
      {
        kind: 'confirmed',
        title: undefined,
        findings: [{ kind: 'gated', platform: 'huggingface', approval: 'manual' }],
      },
    ],
    [
      'https://huggingface.co/open/model/tree/main',
      'https://huggingface.co/api/models/open/model',
      { kind: 'confirmed', title: undefined },
    ],
    [
      'https://hf-mirror.com/open/model',
      'https://hf-mirror.com/api/models/open/model',
      { kind: 'confirmed', title: undefined },
    ],
  ])('%s asks %s', async (input, request, expected) => {
    const [verdict] = await probeAll(huggingfaceProbe, [input]);
    expect(verdict).toEqual(expected);
    expect(urls()).toEqual([request]);
  });

  it.each([
    [
      'https://huggingface.co/datasets/gone/data',
      'https://huggingface.co/api/datasets/gone/data',
      'broken:repo-missing',
    ],
    [
      'https://huggingface.co/spaces/gone/space',
      'https://huggingface.co/api/spaces/gone/space',
      'broken:repo-missing',
    ],
    [
      'https://huggingface.co/off/model',
      'https://huggingface.co/api/models/off/model',
      'broken:repo-disabled',
    ],
    [
      'https://huggingface.co/hidden/model',
      'https://huggingface.co/api/models/hidden/model',
      'unverified:auth-required',
    ],
  ])('%s asks %s → %s', async (input, request, expected) => {
    const [verdict] = await probeAll(huggingfaceProbe, [input]);
    expect(
      verdict?.kind === 'outcome' && `${verdict.outcome.status}:${verdict.outcome.reason}`,
    ).toBe(expected);
    expect(urls()).toEqual([request]);
  });
});

describe('arXiv probe', () => {
  it('asks about every paper of the run in one call and reads each one from it', async () => {
    const session = fakeSession();
    const [live, missing, withdrawn, pdf] = await probeAll(
      arxivProbe,
      [
        'https://arxiv.org/abs/1706.03762',
        'https://arxiv.org/abs/2303.99999',
        'https://arxiv.org/abs/1905.00001v3',
        'https://arxiv.org/pdf/1706.03762v7.pdf',
      ],
      session,
    );
    expect(urls()).toEqual([
      'https://export.arxiv.org/api/query?id_list=1706.03762%2C2303.99999%2C1905.00001&max_results=3',
    ]);
    expect(session.slept).toEqual([]);
    expect(live).toEqual({ kind: 'confirmed', title: 'Attention Is All You Need' });
    expect(pdf).toEqual(live);
    expect(missing).toEqual({
      kind: 'outcome',
      outcome: {
        status: 'broken',
        reason: 'paper-missing',
        detail: 'the arXiv API has no paper 2303.99999',
      },
    });
    expect(withdrawn).toEqual({
      kind: 'confirmed',
      title: 'A Result That Did Not Hold',
      findings: [
        {
          kind: 'withdrawn',
          platform: 'arxiv',
          reason: 'This paper has been withdrawn by the authors due to a crucial error in Lemma 2',
          lastLiveVersion: 'v2',
        },
      ],
    });
  });

  it('asks again, 3 s later, before believing an empty feed', async () => {
    const session = fakeSession();
    const [verdict] = await probeAll(arxivProbe, ['https://arxiv.org/abs/2303.99999'], session);
    expect(verdict).toMatchObject({ outcome: { status: 'broken', reason: 'paper-missing' } });
    expect(urls()).toHaveLength(2);
    expect(session.slept).toEqual([3000]);
  });

  it('keeps 3 s between batches of 50 ids', async () => {
    const session = fakeSession();
    const ids = Array.from({ length: 51 }, (_, index) => `1706.${String(10000 + index)}`);
    ids[50] = '1706.03762';
    await probeAll(
      arxivProbe,
      ids.map((id) => `https://arxiv.org/abs/${id}`),
      session,
    );
    // The first batch (no paper found) is asked twice, then the second once: 3 s apart each.
    expect(urls()).toHaveLength(3);
    expect(urls()[2]).toBe('https://export.arxiv.org/api/query?id_list=1706.03762&max_results=1');
    expect(session.slept).toEqual([3000, 3000]);
  });

  it('calls a link that names no arXiv id missing without asking', async () => {
    const [verdict] = await probeAll(arxivProbe, ['https://arxiv.org/abs/not-an-id']);
    expect(verdict).toMatchObject({ outcome: { status: 'broken', reason: 'paper-missing' } });
    expect(urls()).toEqual([]);
  });
});
