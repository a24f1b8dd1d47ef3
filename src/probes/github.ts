/**
 * The GitHub probe. A repository page answers 200 when the repository is archived, and a
 * renamed one only redirects; a file deleted from a live repository is a 404 a checker cannot
 * tell from a private repository. The REST API says which (docs.github.com/rest/repos):
 *
 * | request                                        | answer                                        | verdict                                    |
 * | ---------------------------------------------- | --------------------------------------------- | ------------------------------------------ |
 * | `GET /repos/{owner}/{repo}`                    | 200, `full_name` as asked                     | confirmed                                  |
 * |                                                | 200, `archived: true`                         | confirmed + finding `archived` (`updated_at`) |
 * |                                                | 301 → 200 with another `full_name`            | `redirected` to the new URL + finding `renamed` |
 * |                                                | 200, `disabled: true`                         | broken `repo-disabled`                     |
 * |                                                | 404                                           | broken `repo-missing` (deleted, or private) |
 * |                                                | 451 (`block.reason`, e.g. `dmca`)             | broken `repo-blocked`, the reason in `detail` |
 * |                                                | 403/429 with `x-ratelimit-remaining: 0`       | quota gone: this and every later link keep their page check, with finding `unprobed` |
 * |                                                | 401, other 403, 5xx, not JSON, network failure | inconclusive (the page check stands)      |
 * | `GET /repos/{full_name}/contents/{path}?ref=`  | 200 (a file or a folder listing)              | the repository's verdict                   |
 * | (blob and tree links only)                     | 404 "No commit found for the ref …"           | the ref is longer (`feature/x`): try with one more segment, at most 4 |
 * |                                                | 404                                           | broken `path-missing` (findings kept)      |
 *
 * The quota is 60 requests an hour without a token. The probe prepares the run's links in the
 * order given (resources before mirrors), one repository call per repository, and stops asking
 * as soon as `x-ratelimit-remaining` reaches 0. `GITHUB_TOKEN`, when set, is sent to
 * api.github.com only (headers are computed per hop, so a redirect elsewhere never carries it);
 * a `settings.hosts["api.github.com"].headers` entry overrides it.
 *
 * With `--cache`, each answer's ETag is kept (with only the fields read here) and sent back as
 * `If-None-Match`: a 304, which GitHub does not count against the quota, stands for that answer.
 */
import pLimit from 'p-limit';
import type { ApiValidators } from '../cache/api-validators.js';
import type { FindingOf } from '../outcome/findings.js';
import { permanentMove } from '../outcome/model.js';
import { isJsonObject, parseJsonObject, stringField, type JsonObject } from './json-body.js';
import { revalidated, type SessionDeps } from './github-etag.js';
import { parseGithubUrl, renamedUrl, repoKey, type GithubTarget } from './github-url.js';
import type { Probe, ProbeFetch, ProbeMatch, ProbeResponse, ProbeVerdict } from './probe.js';

const PROBE_ID = 'github';
const API = 'https://api.github.com';
/** How many more segments of a blob/tree path may belong to a ref such as `release/v1`. */
const MAX_REF_SEGMENTS = 4;
/** GitHub API calls in flight during the preparation; the run's probe limit applies on top. */
const PREPARE_CONCURRENCY = 2;

/** What the repository call said, before any contents call. */
type RepoAnswer =
  | { kind: 'live'; fullName: string; archived: boolean; updatedAt: string | undefined }
  | { kind: 'verdict'; verdict: ProbeVerdict };

/** The API as one run sees it: quota-aware GETs and one repository call per repository. */
type GithubSession = {
  get(url: URL): Promise<ProbeResponse | 'exhausted'>;
  repo(target: GithubTarget): Promise<RepoAnswer>;
  unprobed(detail: string): ProbeVerdict;
};

function createSession(fetch: ProbeFetch, deps: SessionDeps): GithubSession {
  let exhausted: { retryAt: string | undefined } | undefined;
  const repos = new Map<string, Promise<RepoAnswer>>();
  const session: GithubSession = {
    async get(url) {
      if (exhausted !== undefined) return 'exhausted';
      const response = revalidated(url, await fetch(url), deps);
      if (response.kind !== 'response') return response;
      const remaining = response.headers?.['x-ratelimit-remaining'];
      if (remaining === '0') exhausted = { retryAt: resetTime(response) };
      const isRefused = response.status === 403 || response.status === 429;
      return isRefused && remaining === '0' ? 'exhausted' : response;
    },
    repo(target) {
      const key = repoKey(target);
      let answer = repos.get(key);
      if (answer === undefined) {
        answer = session.get(apiUrl(`/repos/${target.owner}/${target.repo}`)).then(readRepo);
        repos.set(key, answer);
      }
      return answer;
    },
    unprobed(detail) {
      const finding: FindingOf<'unprobed'> = {
        kind: 'unprobed',
        platform: 'github',
        ...(exhausted?.retryAt === undefined ? {} : { retryAt: exhausted.retryAt }),
      };
      return { kind: 'inconclusive', detail, findings: [finding] };
    },
  };
  const readRepo = (response: ProbeResponse | 'exhausted'): RepoAnswer =>
    response === 'exhausted'
      ? { kind: 'verdict', verdict: session.unprobed('GitHub API quota exhausted') }
      : readRepoResponse(response);
  return session;
}

/** `x-ratelimit-reset` (epoch seconds) as an ISO time, when the API gave it. */
function resetTime(response: Extract<ProbeResponse, { kind: 'response' }>): string | undefined {
  const seconds = Number(response.headers?.['x-ratelimit-reset']);
  return Number.isFinite(seconds) && seconds > 0
    ? new Date(seconds * 1000).toISOString()
    : undefined;
}

function apiUrl(path: string): URL {
  return new URL(path, API);
}

/** What `GET /repos/{owner}/{repo}` said (after its redirect, for a renamed repository). */
export function readRepoResponse(response: ProbeResponse): RepoAnswer {
  if (response.kind === 'failure') {
    return inconclusive(`GitHub API not reachable: ${response.reason}`);
  }
  const json = parseJsonObject(response.body);
  switch (response.status) {
    case 200: {
      const fullName = stringField(json, 'full_name');
      if (json === undefined || fullName === undefined) {
        return inconclusive('GitHub API answered 200 without a repository');
      }
      if (json.disabled === true) {
        return broken('repo-disabled', `GitHub disabled ${fullName}`);
      }
      return {
        kind: 'live',
        fullName,
        archived: json.archived === true,
        updatedAt: stringField(json, 'updated_at'),
      };
    }
    case 404:
      return broken('repo-missing', 'GitHub API 404: the repository was deleted, or is private');
    case 451:
      return broken('repo-blocked', blockDetail(json));
    default:
      return inconclusive(
        response.status === 401
          ? 'GitHub API 401: the token was refused'
          : `GitHub API answered ${response.status}`,
      );
  }
}

/** `GitHub API 451: access blocked (dmca)`, with the notice's address when given. */
function blockDetail(json: JsonObject | undefined): string {
  const block = isJsonObject(json?.block) ? json.block : undefined;
  const reason = stringField(block, 'reason');
  const notice = stringField(block, 'html_url');
  const message = stringField(json, 'message') ?? 'Repository access blocked';
  return `GitHub API 451: ${message}${reason === undefined ? '' : ` (${reason})`}${notice === undefined ? '' : `; notice: ${notice}`}`;
}

function broken(reason: 'repo-disabled' | 'repo-missing' | 'repo-blocked', detail: string) {
  return {
    kind: 'verdict' as const,
    verdict: { kind: 'outcome' as const, outcome: { status: 'broken' as const, reason, detail } },
  };
}

function inconclusive(detail: string): RepoAnswer {
  return { kind: 'verdict', verdict: { kind: 'inconclusive', detail } };
}

/** The verdict for one link: its repository's, then (blob/tree) whether the content exists. */
async function probeLink(match: ProbeMatch, session: GithubSession): Promise<ProbeVerdict> {
  const target = parseGithubUrl(match.url);
  if (target === undefined) {
    return { kind: 'inconclusive', detail: `not a GitHub repository link: ${match.url.href}` };
  }
  const repo = await session.repo(target);
  if (repo.kind === 'verdict') return repo.verdict;
  const findings: (FindingOf<'renamed'> | FindingOf<'archived'>)[] = [];
  const asked = `${target.owner}/${target.repo}`;
  const isRenamed = repo.fullName.toLowerCase() !== asked.toLowerCase();
  const newUrl = renamedUrl(match.url, repo.fullName);
  if (isRenamed) {
    findings.push({ kind: 'renamed', platform: 'github', from: asked, to: repo.fullName, newUrl });
  }
  if (repo.archived) {
    findings.push({
      kind: 'archived',
      platform: 'github',
      ...(repo.updatedAt === undefined ? {} : { since: repo.updatedAt }),
    });
  }
  if (target.content !== undefined) {
    const missing = await findMissingContent(repo.fullName, target.content.segments, session);
    if (missing === 'exhausted') return session.unprobed('GitHub API quota exhausted');
    if (missing !== undefined) {
      return {
        kind: 'outcome',
        outcome: { status: 'broken', reason: 'path-missing', detail: missing.missing },
        findings,
      };
    }
  }
  if (isRenamed) {
    // A rename is a permanent move: GitHub answers the old name with a 301 to the new one.
    return { kind: 'outcome', outcome: permanentMove(301, newUrl), findings };
  }
  return { kind: 'confirmed', title: undefined, ...(findings.length > 0 ? { findings } : {}) };
}

const NO_REF = /^No commit found for the ref/i;

/**
 * Undefined when the file or folder exists (or the API could not tell); otherwise why it is missing. A ref may hold `/`, so
 * while GitHub says "no commit for the ref", the ref takes one more segment of the path.
 */
async function findMissingContent(
  fullName: string,
  segments: readonly string[],
  session: GithubSession,
): Promise<{ missing: string } | 'exhausted' | undefined> {
  const limit = Math.min(segments.length, MAX_REF_SEGMENTS);
  for (let refLength = 1; refLength <= limit; refLength += 1) {
    const ref = segments.slice(0, refLength).join('/');
    const path = segments.slice(refLength).map(encodeURIComponent).join('/');
    const url = apiUrl(`/repos/${fullName}/contents/${path}`);
    url.searchParams.set('ref', ref);
    const response = await session.get(url);
    if (response === 'exhausted') return 'exhausted';
    if (response.kind !== 'response') return undefined;
    if (response.status === 200) return undefined;
    if (response.status !== 404) return undefined; // the page check stands
    const message = stringField(parseJsonObject(response.body), 'message') ?? '';
    if (!NO_REF.test(message)) {
      return {
        missing: `GitHub API 404: "${segments.slice(refLength).join('/')}" is not on ${ref} of ${fullName}`,
      };
    }
  }
  return {
    missing: `GitHub API 404: no branch, tag or commit "${segments[0] ?? ''}" in ${fullName}`,
  };
}

/** The GitHub probe, with the run's token (or none). */
export function createGithubProbe(settings: {
  token: string | undefined;
  validators?: ApiValidators | undefined;
}): Probe {
  const { validators } = settings;
  return {
    id: PROBE_ID,
    match(url) {
      if (parseGithubUrl(url) === undefined) return undefined;
      return { probeId: PROBE_ID, key: url.href, url };
    },
    run(match, fetch) {
      return probeLink(match, createSession(fetch, { validators, now: () => Date.now() }));
    },
    prepare(matches, fetch, probeSession) {
      const session = createSession(fetch, { validators, now: () => probeSession.now() });
      const limit = pLimit(PREPARE_CONCURRENCY);
      return new Map(
        matches.map((match) => [match.key, limit(() => probeLink(match, session))] as const),
      );
    },
    requestHeaders(url) {
      if (url.hostname !== 'api.github.com') return {};
      const etag = validators?.get(url.href)?.etag;
      return {
        accept: 'application/vnd.github+json',
        'x-github-api-version': '2022-11-28',
        ...(settings.token === undefined ? {} : { authorization: `Bearer ${settings.token}` }),
        ...(etag === undefined ? {} : { 'if-none-match': etag }),
      };
    },
  };
}
