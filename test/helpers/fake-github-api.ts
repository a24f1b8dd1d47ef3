/**
 * A local stand-in for the part of GitHub's REST API the action's tracking issue uses: list a
 * repository's issues by label, create one, update one. Issues live in memory; every request is
 * recorded, so a test can see that one issue was created once and then only updated.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An issue as the fake keeps it (the fields GitHub returns that the action reads). */
export type FakeIssue = {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  state_reason: string | null;
  labels: { name: string }[];
  html_url: string;
};

/** The fields of a create or update request the fake applies. */
type IssueRequest = {
  title?: string;
  body?: string;
  state?: 'open' | 'closed';
  state_reason?: string | null;
  labels?: string[];
};

export type FakeGithubApi = AsyncDisposable & {
  /** `GITHUB_API_URL` for the action: `http://127.0.0.1:port`. */
  url: string;
  issues: FakeIssue[];
  /** `METHOD /path` of every request, and the tokens they carried. */
  requests: { method: string; path: string; authorization: string | undefined }[];
  close: () => Promise<void>;
};

/** Starts the fake API for `owner/name`. */
export async function startFakeGithubApi(repository: string): Promise<FakeGithubApi> {
  const issues: FakeIssue[] = [];
  const requests: FakeGithubApi['requests'] = [];
  const prefix = `/repos/${repository}/issues`;
  const server = createServer((request, response) => {
    void readBody(request).then((text) => {
      const url = new URL(request.url ?? '/', 'http://fake');
      requests.push({
        method: request.method ?? 'GET',
        path: url.pathname,
        authorization: request.headers.authorization,
      });
      const send = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      const body = (text === '' ? {} : JSON.parse(text)) as IssueRequest;
      if (request.method === 'GET' && url.pathname === prefix) {
        const label = url.searchParams.get('labels');
        const page = Number(url.searchParams.get('page') ?? '1');
        const perPage = Number(url.searchParams.get('per_page') ?? '30');
        const matching = issues.filter(
          (issue) => label === null || issue.labels.some((found) => found.name === label),
        );
        send(200, matching.slice((page - 1) * perPage, page * perPage));
        return;
      }
      if (request.method === 'POST' && url.pathname === prefix) {
        const number = issues.length + 1;
        const issue: FakeIssue = {
          number,
          title: body.title ?? '',
          body: body.body ?? '',
          state: 'open',
          state_reason: null,
          labels: (body.labels ?? []).map((name) => ({ name })),
          html_url: `https://github.example.test/${repository}/issues/${number}`,
        };
        issues.push(issue);
        send(201, issue);
        return;
      }
      const match = new RegExp(`^${prefix}/(\\d+)$`).exec(url.pathname);
      const issue = match === null ? undefined : issues[Number(match[1]) - 1];
      if (request.method === 'PATCH' && issue !== undefined) {
        if (body.body !== undefined) issue.body = body.body;
        if (body.state !== undefined) issue.state = body.state;
        issue.state_reason =
          body.state_reason ?? (body.state === 'open' ? null : issue.state_reason);
        send(200, issue);
        return;
      }
      send(404, { message: 'Not Found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => {
        resolve();
      });
    });
  return {
    url: `http://127.0.0.1:${port}`,
    issues,
    requests,
    close,
    [Symbol.asyncDispose]: close,
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
