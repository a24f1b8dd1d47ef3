/**
 * Opens, updates, reopens or closes the audit's one tracking issue through GitHub's REST API,
 * from the file `curate history --tracking-issue` wrote. One issue for ever: it is looked up by
 * label and title, in every state, before one is created, so reruns never open duplicates
 * (lychee-action's users ended up with dozens).
 */
import type { TrackingIssue } from '../ci/tracking-issue.js';

/** Where the API is and who calls it. */
export type GithubApi = {
  /** `GITHUB_API_URL`: https://api.github.com, or a GitHub Enterprise Server's. */
  url: string;
  /** `owner/name`, from `GITHUB_REPOSITORY`. */
  repository: string;
  token: string;
  /** The transport: the global fetch (tests point `url` at a local server instead). */
  fetch: typeof fetch;
};

/** What was done to the issue, for the log and the `tracking-issue-*` outputs. */
export type IssueAction =
  | { kind: 'opened' | 'updated' | 'reopened' | 'closed'; number: number; url: string }
  | { kind: 'none' };

type FoundIssue = {
  number: number;
  title: string;
  state: string;
  html_url: string;
  pull_request?: unknown;
};

/** Brings the tracking issue in line with `issue` (with its label, from `curate history`). */
export async function syncTrackingIssue(
  api: GithubApi,
  issue: TrackingIssue & { label: string },
): Promise<IssueAction> {
  const existing = await findIssue(api, issue);
  if (issue.shouldBeOpen) {
    if (existing === undefined) {
      const created = await call<FoundIssue>(api, 'POST', '/issues', {
        title: issue.title,
        body: issue.body,
        labels: [issue.label],
      });
      return { kind: 'opened', number: created.number, url: created.html_url };
    }
    await call(api, 'PATCH', `/issues/${existing.number}`, { body: issue.body, state: 'open' });
    const kind = existing.state === 'open' ? 'updated' : 'reopened';
    return { kind, number: existing.number, url: existing.html_url };
  }
  if (existing?.state !== 'open') return { kind: 'none' };
  await call(api, 'PATCH', `/issues/${existing.number}`, {
    body: issue.body,
    state: 'closed',
    state_reason: 'completed',
  });
  return { kind: 'closed', number: existing.number, url: existing.html_url };
}

/** The oldest issue with the label and title, open or closed, pull requests left out. */
async function findIssue(
  api: GithubApi,
  issue: { title: string; label: string },
): Promise<FoundIssue | undefined> {
  const found: FoundIssue[] = [];
  // 100 a page (the API's most); a page that is not full is the last.
  for (let page = 1; ; page++) {
    const query = new URLSearchParams({
      labels: issue.label,
      state: 'all',
      per_page: '100',
      page: String(page),
    });
    const batch = await call<FoundIssue[]>(api, 'GET', `/issues?${query.toString()}`);
    found.push(...batch);
    if (batch.length < 100) break;
  }
  return found
    .filter((candidate) => candidate.pull_request === undefined && candidate.title === issue.title)
    .sort((a, b) => a.number - b.number)[0];
}

async function call<T = unknown>(
  api: GithubApi,
  method: 'GET' | 'POST' | 'PATCH',
  path: string,
  body?: unknown,
): Promise<T> {
  const url = `${api.url.replace(/\/+$/, '')}/repos/${api.repository}${path}`;
  const response = await api.fetch(url, {
    method,
    headers: {
      accept: 'application/vnd.github+json',
      authorization: `Bearer ${api.token}`,
      'x-github-api-version': '2022-11-28',
      'user-agent': 'curate-action',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) {
    const text = await response.text().catch(() => '');
    const hint =
      response.status === 403 || response.status === 404
        ? ' The job needs `permissions: issues: write`, and `token` must be allowed to write issues.'
        : '';
    throw new Error(
      `GitHub API ${method} ${path.replace(/\?.*$/, '')}: HTTP ${response.status} ${text.slice(0, 300)}.${hint}`,
    );
  }
  return (await response.json()) as T;
}
