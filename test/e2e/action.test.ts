/**
 * The bundled action entry (action/index.js), run as GitHub runs it: `INPUT_*` variables,
 * GITHUB_EVENT_PATH with a pull_request payload, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and
 * GITHUB_WORKSPACE, against a local site and, for the tracking issue, a local fake GitHub API.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { http, HttpResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runActionEntry, type ActionRun } from '../helpers/action-entry.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { startFakeGithubApi, type FakeGithubApi } from '../helpers/fake-github-api.js';
import { git } from '../helpers/processes.js';
import { htmlPage } from '../helpers/responses.js';
import { startWebServer, type WebServer } from '../helpers/web-server.js';
import { FAKE_TOKEN, LOCAL_ACTION } from '../helpers/workflow-runner.js';

let isFlakyBroken = true;
const handlers = [
  http.get('*/missing', () => new HttpResponse('nope', { status: 404 })),
  http.get('*/flaky', () =>
    isFlakyBroken ? new HttpResponse('gone', { status: 404 }) : htmlPage('Back again'),
  ),
  http.get('*/:name', ({ params }) => htmlPage(String(params.name))),
];

describe.skipIf(process.platform === 'win32')('the action entry (action/index.js)', () => {
  let site: WebServer;
  let dir: string;

  beforeAll(async () => {
    if (!existsSync(LOCAL_ACTION.entry)) throw new Error('action/index.js is missing');
    site = await startWebServer(handlers);
    dir = await mkdtemp(join(tmpdir(), 'curate-action-'));
  });
  afterAll(async () => {
    await site.close();
    await rm(dir, { recursive: true, force: true });
  });

  const roadmap = (resources: string[]) =>
    `version: 1\ntitle: Action roadmap\nsections:\n  - id: "1"\n    title: Basics\n    resources:\n${resources.map((line) => `      - ${line}\n`).join('')}`;
  const resource = (id: string) =>
    `{ id: ${id}, title: ${id}, url: "${site.origin}/${id}", kind: docs }`;

  const runAction = (
    workspace: string,
    inputs: Record<string, string>,
    env: Record<string, string> = {},
  ): Promise<ActionRun> => runActionEntry(workspace, dir, inputs, env);

  it('checks only what a pull request added, in a shallow clone, with outputs, annotations and summary', async () => {
    const seed = join(dir, 'seed');
    await git(dir, 'init', '-q', '-b', 'main', seed);
    await writeFile(join(seed, 'roadmap.yaml'), roadmap([resource('guide')]));
    await git(seed, 'add', '.');
    await git(
      seed,
      '-c',
      'user.name=m',
      '-c',
      'user.email=m@example.test',
      'commit',
      '-qm',
      'base',
    );
    const base = await git(seed, 'rev-parse', 'HEAD');
    await git(seed, 'checkout', '-qb', 'add-resource');
    await writeFile(join(seed, 'roadmap.yaml'), roadmap([resource('guide'), resource('missing')]));
    await git(
      seed,
      '-c',
      'user.name=c',
      '-c',
      'user.email=c@example.test',
      'commit',
      '-qam',
      'add',
    );
    const head = await git(seed, 'rev-parse', 'HEAD');
    const origin = join(dir, 'origin.git');
    await git(dir, 'clone', '-q', '--bare', seed, origin);
    // actions/checkout's default: the head commit only, so the base must be fetched.
    const workspace = join(dir, 'pr');
    await git(
      dir,
      'clone',
      '-q',
      '--depth=1',
      '--branch',
      'add-resource',
      `file://${origin}`,
      workspace,
    );
    const payload = (
      await readFile(
        join(REPO_ROOT, 'test', 'fixtures', 'action', 'pull-request-opened.json'),
        'utf8',
      )
    )
      .replace('BASE_SHA', base)
      .replace('HEAD_SHA', head);
    const eventFile = join(dir, 'event.json');
    await writeFile(eventFile, payload);

    const from = site.requests.length;
    const run = await runAction(
      workspace,
      { 'changed-only': 'true', reports: 'md,sarif', args: '--allow-private' },
      { GITHUB_EVENT_PATH: eventFile, GITHUB_EVENT_NAME: 'pull_request' },
    );
    expect({ code: run.code, stderr: run.stderr }).toMatchObject({ code: 1 });
    expect(site.requests.slice(from).map((request) => new URL(request.url).pathname)).toEqual([
      '/missing',
    ]);
    expect(run.outputs).toMatchObject({
      'exit-code': '1',
      broken: '1',
      'report-dir': 'reports',
      'report-json': 'reports/report.json',
      'report-md': 'reports/report.md',
      'report-sarif': 'reports/report.sarif',
    });
    expect(run.outputs['report-html']).toBeUndefined();
    // The added resource is the roadmap's last line.
    expect(run.stdout).toMatch(/^::error file=roadmap\.yaml,line=8,.*\/missing/m);
    expect(run.stdout).toMatch(/^::error::curate check exited 1\./m);
    expect(run.summary).toContain('### curate check: Action roadmap');
    expect(run.summary).toMatch(/\*\*Failing \(1\)\*\*\n\n- `roadmap\.yaml:8` \*\*missing\*\*/);
  }, 600_000);

  it('refuses bad inputs before running curate, naming each', async () => {
    const run = await runAction(dir, { command: 'lint', shard: '5', shards: '4' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('command: "lint" is not one of');
    expect(run.stdout).toMatch(/shard \/ shards: "5" of "4"/);
    expect(run.outputs['exit-code']).toBeUndefined();
  }, 600_000);

  it('speaks the roadmap’s language in its own log lines, as the CLI does in its output', async () => {
    const zh = join(dir, 'zh');
    await git(dir, 'init', '-q', '-b', 'main', zh);
    await writeFile(join(zh, 'roadmap.yaml'), `lang: zh-CN\n${roadmap([resource('guide')])}`);
    const refused = await runAction(zh, { command: 'lint' });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('command："lint" 不在 validate、check、merge、history 之中。');
    // Its one link is on 127.0.0.1, skipped as private: failing once --fail-on counts skipped.
    const failed = await runAction(zh, { command: 'check', 'fail-on': 'skipped' });
    expect(failed.stdout).toMatch(/^::error::curate check 退出码为 1。/m);
  }, 600_000);

  describe('the tracking issue, night after night, on a fake GitHub API', () => {
    let api: FakeGithubApi;
    let audit: string;
    beforeAll(async () => {
      api = await startFakeGithubApi('maintainer/roadmap');
      audit = join(dir, 'audit');
      await git(dir, 'init', '-q', '-b', 'main', audit);
      await writeFile(join(audit, 'roadmap.yaml'), roadmap([resource('guide'), resource('flaky')]));
    });
    afterAll(async () => {
      await api.close();
    });

    /** One night: the check, then history with the tracking issue. */
    async function night(n: number): Promise<ActionRun> {
      const check = await runAction(audit, {
        out: `audit-${n}`,
        'fail-on': 'none',
        args: '--allow-private',
      });
      expect({ code: check.code, stderr: check.stderr }).toMatchObject({ code: 0 });
      const history = await runAction(
        audit,
        {
          command: 'history',
          args: `audit-${n}/report.json --history history.json`,
          'tracking-issue': 'true',
        },
        { GITHUB_API_URL: api.url },
      );
      expect({ code: history.code, output: history.stdout + history.stderr }).toMatchObject({
        code: 0,
      });
      return history;
    }
    const posts = () => api.requests.filter((request) => request.method === 'POST');

    it('opens one issue once, updates it, and closes it when all is well', async () => {
      isFlakyBroken = true;
      await night(1);
      expect(api.issues).toEqual([]);

      const second = await night(2);
      expect(api.issues).toEqual([
        expect.objectContaining({ number: 1, state: 'open', labels: [{ name: 'link-audit' }] }),
      ]);
      expect(api.issues[0]?.body).toContain('flaky');
      expect(second.outputs).toMatchObject({
        'exit-code': '1',
        'tracking-issue-number': '1',
        'tracking-issue-state': 'open',
      });

      const third = await night(3);
      expect(third.stdout).toContain('tracking issue: updated #1');
      expect(api.issues).toHaveLength(1);
      expect(posts()).toHaveLength(1);

      isFlakyBroken = false;
      const fourth = await night(4);
      expect(fourth.outputs['tracking-issue-state']).toBe('closed');
      expect(api.issues).toEqual([
        expect.objectContaining({ number: 1, state: 'closed', state_reason: 'completed' }),
      ]);
      expect(posts()).toHaveLength(1);
      expect(new Set(api.requests.map((request) => request.authorization))).toEqual(
        new Set([`Bearer ${FAKE_TOKEN}`]),
      );
    }, 900_000);
  });
});
