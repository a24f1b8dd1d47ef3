/**
 * The Hugging Face probe. A model page of a gated or disabled repository still answers, and a
 * missing one answers 401 to anyone not logged in (so that private names do not leak). The Hub
 * API (`/api/models/{id}`, `/api/datasets/{id}`, `/api/spaces/{id}`; huggingface.co/docs/hub/api)
 * says more; hf-mirror.com serves the same paths, so a mirror's links are asked of the mirror:
 *
 * | answer                                                     | verdict                               |
 * | ---------------------------------------------------------- | ------------------------------------- |
 * | 200, `gated: false`                                        | confirmed                             |
 * | 200, `gated: "auto"` / `"manual"`                          | confirmed + finding `gated` (approval) |
 * | 200, `disabled: true`; 403 with `x-error-code: DisabledRepo` | broken `repo-disabled`              |
 * | 404 (`x-error-code: RepoNotFound`)                         | broken `repo-missing`                 |
 * | 401 (missing, private or gated: the Hub will not say which) | unverified `auth-required`, never broken |
 * | 429, other 4xx, 5xx, not JSON, network failure             | inconclusive (the page check stands)  |
 */
import { parseJsonObject, stringField } from './json-body.js';
import type { Probe, ProbeMatch, ProbeResponse, ProbeVerdict } from './probe.js';

const PROBE_ID = 'huggingface';

/** The Hub's own hosts and its mirror, each answering the API for its own links. */
const HOSTS: Readonly<Record<string, string>> = {
  'huggingface.co': 'https://huggingface.co',
  'www.huggingface.co': 'https://huggingface.co',
  'hf-mirror.com': 'https://hf-mirror.com',
  'www.hf-mirror.com': 'https://hf-mirror.com',
};

/** What a Hub link points at. */
export type HubRepo = { kind: 'model' | 'dataset' | 'space'; id: string; origin: string };

const API_PATHS: Readonly<Record<HubRepo['kind'], string>> = {
  model: 'models',
  dataset: 'datasets',
  space: 'spaces',
};

/** First segments that are the Hub's own pages, never a model's owner. */
const RESERVED: ReadonlySet<string> = new Set([
  'api',
  'blog',
  'chat',
  'collections',
  'docs',
  'enterprise',
  'join',
  'learn',
  'login',
  'models',
  'new',
  'organizations',
  'papers',
  'posts',
  'pricing',
  'settings',
  'tasks',
]);

const NAME_PATTERN = /^[A-Za-z0-9_.-]+$/;

/**
 * The repository a Hub URL opens: `/{owner}/{name}` (a model), `/datasets/{owner}/{name}`,
 * `/spaces/{owner}/{name}`, with anything after it. One-segment paths are left alone: an
 * organisation's page cannot be told from a legacy model id such as `gpt2`.
 */
export function parseHubUrl(url: URL): HubRepo | undefined {
  const origin = HOSTS[url.hostname.toLowerCase()];
  if (origin === undefined) return undefined;
  const segments = url.pathname.split('/').filter((segment) => segment !== '');
  const [first, second, third] = segments;
  if (first === undefined || second === undefined) return undefined;
  const typed = first === 'datasets' || first === 'spaces';
  const [owner, name] = typed ? [second, third] : [first, second];
  if (name === undefined) return undefined;
  if (!typed && RESERVED.has(first.toLowerCase())) return undefined;
  if (!NAME_PATTERN.test(owner) || !NAME_PATTERN.test(name)) return undefined;
  const kind = first === 'datasets' ? 'dataset' : first === 'spaces' ? 'space' : 'model';
  return { kind, id: `${owner}/${name}`, origin };
}

/** `https://huggingface.co/api/models/{id}` (or the mirror's). */
export function hubApiUrl(repo: HubRepo): URL {
  return new URL(`/api/${API_PATHS[repo.kind]}/${repo.id}`, repo.origin);
}

/** What the Hub API said about a repository. */
export function readHubVerdict(response: ProbeResponse, repo: HubRepo): ProbeVerdict {
  const host = new URL(repo.origin).hostname;
  if (response.kind === 'failure') {
    return { kind: 'inconclusive', detail: `${host} API not reachable: ${response.reason}` };
  }
  const errorCode = response.headers?.['x-error-code'];
  const said = errorCode === undefined ? '' : ` (${errorCode})`;
  switch (response.status) {
    case 200:
      return readRepoInfo(response.body, repo, host);
    case 404:
      return broken('repo-missing', `${host} API 404${said}: no ${repo.kind} ${repo.id}`);
    case 401:
      return {
        kind: 'outcome',
        outcome: {
          status: 'unverified',
          reason: 'auth-required',
          httpStatus: 401,
          detail: `${host} API 401${said}: missing, private or gated; the Hub does not say which without a login`,
        },
      };
    case 403:
      if (errorCode === 'DisabledRepo') {
        return broken('repo-disabled', `${host} API 403${said}: the ${repo.kind} was disabled`);
      }
      return { kind: 'inconclusive', detail: `${host} API answered 403${said}` };
    default:
      return { kind: 'inconclusive', detail: `${host} API answered ${response.status}${said}` };
  }
}

function readRepoInfo(body: string | undefined, repo: HubRepo, host: string): ProbeVerdict {
  const json = parseJsonObject(body);
  if (json === undefined) {
    return { kind: 'inconclusive', detail: `${host} API answered 200 without JSON` };
  }
  if (json.disabled === true) {
    return broken('repo-disabled', `${host} says the ${repo.kind} ${repo.id} is disabled`);
  }
  const gated = stringField(json, 'gated');
  if (gated === 'auto' || gated === 'manual') {
    return {
      kind: 'confirmed',
      title: undefined,
      findings: [{ kind: 'gated', platform: 'huggingface', approval: gated }],
    };
  }
  return { kind: 'confirmed', title: undefined };
}

function broken(reason: 'repo-missing' | 'repo-disabled', detail: string): ProbeVerdict {
  return { kind: 'outcome', outcome: { status: 'broken', reason, detail } };
}

/** Matches model, dataset and space links on huggingface.co and hf-mirror.com. */
export const huggingfaceProbe: Probe = {
  id: PROBE_ID,
  match(url): ProbeMatch | undefined {
    const repo = parseHubUrl(url);
    if (repo === undefined) return undefined;
    return {
      probeId: PROBE_ID,
      key: `${repo.origin} ${repo.kind} ${repo.id}`,
      url: new URL(
        `${repo.kind === 'model' ? '' : `/${API_PATHS[repo.kind]}`}/${repo.id}`,
        repo.origin,
      ),
    };
  },
  async run(match, fetch) {
    const repo = parseHubUrl(match.url);
    if (repo === undefined) {
      return { kind: 'inconclusive', detail: `not a Hugging Face repository: ${match.url.href}` };
    }
    return readHubVerdict(await fetch(hubApiUrl(repo)), repo);
  },
};
