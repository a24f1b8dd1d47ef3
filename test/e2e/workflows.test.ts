/**
 * The workflows' own steps, read from .github/workflows/*.yml and run in temporary git
 * repositories by a fake runner (test/helpers/workflow-runner.ts): the nightly audit from the
 * shard checks to the pushed commit of its reports and the tracking issue, the pull-request
 * check and the dogfood job. What the CLI commands do is test/e2e/ci.test.ts's business; this
 * file proves the workflows wire them together, and that a step which would go red on GitHub
 * (a `git add` of an ignored path, a missing file) goes red here.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { http, HttpResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_PATH as CLI, REPO_ROOT as ROOT, runCurate } from '../helpers/cli.js';
import { git } from '../helpers/processes.js';
import { startProxyServer, type ProxyServer } from '../helpers/proxy-server.js';
import { htmlPage, movedPermanently } from '../helpers/responses.js';
import { validateSarif } from '../helpers/sarif-schema.js';
import { startWebServer, type WebServer } from '../helpers/web-server.js';
import { loadWorkflow } from '../helpers/workflow-file.js';
import {
  runWorkflow,
  StepFailedError,
  type FakeGithubContext,
  type FakeRunner,
  type JobResult,
} from '../helpers/workflow-runner.js';

/** The part of a SARIF log these tests read. */
type SarifLog = {
  runs: {
    results: {
      ruleId: string;
      level: string;
      locations: {
        physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
      }[];
    }[];
  }[];
};

/** Where the audit commits its merged report and history (README, reports/README.md). */
const AUDIT_DIR = 'reports/audit';

const ROADMAP = `version: 1
title: Audit roadmap
sections:
  - id: "1"
    title: Basics
    resources:
      - { id: guide, title: Guide, url: "https://docs.example.test/guide", kind: docs }
      - { id: tutorial, title: Tutorial, url: "https://docs.example.test/tutorial", kind: course }
      - { id: flaky, title: Sometimes gone, url: "https://docs.example.test/flaky", kind: article }
      - { id: moved, title: Moved page, url: "https://moved.example.test/old", kind: article }
  - id: "2"
    title: More
    resources:
      - { id: reference, title: Reference, url: "https://docs.example.test/reference", kind: docs }
      - { id: notes, title: Notes, url: "https://docs.example.test/notes", kind: article }
      - { id: faq, title: FAQ, url: "https://docs.example.test/faq", kind: docs }
      - { id: api, title: API, url: "https://docs.example.test/api", kind: docs }
`;

let isFlakyBroken = true;
const handlers = [
  http.get('https://docs.example.test/flaky', () =>
    isFlakyBroken ? new HttpResponse('gone', { status: 404 }) : htmlPage('Back again'),
  ),
  http.get('https://docs.example.test/missing', () => new HttpResponse('nope', { status: 404 })),
  http.get('https://docs.example.test/:name', ({ params }) => htmlPage(String(params.name))),
  http.get('https://moved.example.test/old', () =>
    movedPermanently('https://docs.example.test/new'),
  ),
];

// The workflows run on ubuntu-latest: bash steps, symlinks and POSIX paths; not on Windows.
describe.skipIf(process.platform === 'win32')('the workflows, run by a fake runner', () => {
  let site: WebServer;
  let proxy: ProxyServer;
  let dir: string;
  let runner: FakeRunner;

  /** The files of this repository that decide what a clone tracks and ignores under reports/. */
  async function trackedRepositoryFiles(): Promise<string[]> {
    return (await git(ROOT, 'ls-files', '--', '.gitignore', 'reports')).split('\n');
  }

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build`.');
    site = await startWebServer(handlers, { tls: 'valid' });
    proxy = await startProxyServer({
      connectTo: site.connectTo('docs.example.test', 'moved.example.test'),
    });
    dir = await mkdtemp(join(tmpdir(), 'curate-workflows-'));
    // The repository the workflows run in: this checkout's .gitignore and reports/, a small roadmap.
    const seed = join(dir, 'seed');
    await git(dir, 'init', '-q', '-b', 'main', seed);
    for (const file of await trackedRepositoryFiles()) {
      await mkdir(dirname(join(seed, file)), { recursive: true });
      await writeFile(join(seed, file), await readFile(join(ROOT, file)));
    }
    await writeFile(join(seed, 'roadmap.yaml'), ROADMAP);
    await git(seed, 'add', '.');
    await git(seed, 'commit', '-q', '-m', 'the roadmap');
    const origin = join(dir, 'origin.git');
    await git(dir, 'clone', '-q', '--bare', seed, origin);
    runner = {
      dir,
      origin,
      // The fake internet: every host through the proxy to the local server, trusted by its CA.
      env: {
        HTTPS_PROXY: proxy.url,
        NODE_EXTRA_CA_CERTS: join(ROOT, 'test', 'fixtures', 'tls', 'ca.pem'),
      },
    };
  });

  afterAll(async () => {
    await proxy.close();
    await site.close();
    await rm(dir, { recursive: true, force: true });
  });

  const github = (runId: number, extra: Record<string, unknown> = {}): FakeGithubContext => ({
    server_url: 'https://github.example.test',
    repository: 'maintainer/roadmap',
    run_id: String(runId),
    run_attempt: '1',
    ref_name: 'main',
    ...extra,
  });

  type FakeIssue = {
    number: number;
    title: string;
    body: string;
    state: string;
    state_reason: string | null;
    labels: { name: string }[];
  };

  async function trackerIssues(): Promise<FakeIssue[]> {
    const file = join(dir, 'issues.json');
    return existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as FakeIssue[]) : [];
  }

  const jobOf = (jobs: readonly JobResult[], name: string): JobResult => {
    const found = jobs.find((job) => job.job === name);
    if (found === undefined) throw new Error(`job ${name} did not run`);
    return found;
  };

  describe('audit.yml, night after night', () => {
    it('commits the merged report and history, and opens then closes the tracking issue', async () => {
      const workflow = await loadWorkflow('audit.yml');

      // Night 1: the flaky link fails for the first time: committed, but no issue yet.
      const first = await runWorkflow(runner, workflow, github(101));
      expect(first.filter((job) => job.job === 'check')).toHaveLength(4);
      const hosts = new Set(proxy.hostnames());
      expect(hosts).toEqual(new Set(['docs.example.test', 'moved.example.test']));
      expect(await git(runner.origin, 'log', '-1', '--format=%s', 'main')).toBe(
        'audit: link reports of run 101',
      );
      const committed = (
        await git(runner.origin, 'ls-tree', '--name-only', 'main', `${AUDIT_DIR}/`)
      ).split('\n');
      expect(committed).toEqual(
        expect.arrayContaining([
          `${AUDIT_DIR}/history.json`,
          `${AUDIT_DIR}/report.json`,
          `${AUDIT_DIR}/report.md`,
          `${AUDIT_DIR}/report.html`,
        ]),
      );
      // The dashboard is deployed to Pages with the history it draws the trend from.
      const site = join(dir, 'pages');
      expect(await readFile(join(site, 'report.html'), 'utf8')).toContain(
        '"title":"Audit roadmap"',
      );
      expect(existsSync(join(site, 'history.json'))).toBe(true);
      const report = await git(runner.origin, 'show', `main:${AUDIT_DIR}/report.md`);
      expect(report).toContain('flaky');
      const publish = jobOf(first, 'publish');
      const summary = await readFile(publish.summaryFile, 'utf8');
      expect(summary).toContain(report.trim());
      expect(summary).toContain(
        '+      - { id: moved, title: Moved page, url: "https://docs.example.test/new"',
      );
      // Everything the audit wrote is either in that commit or ignored.
      const checkouts = first.filter((job) => existsSync(join(job.workspace, '.git')));
      expect(checkouts.map((job) => job.job)).toEqual([
        'check',
        'check',
        'check',
        'check',
        'publish',
      ]);
      for (const job of checkouts)
        expect(await git(job.workspace, 'status', '--porcelain')).toBe('');
      expect(await trackerIssues()).toEqual([]);

      // Night 2: still failing, so it fails persistently: the history was kept, the issue opens.
      await runWorkflow(runner, workflow, github(102));
      expect(await git(runner.origin, 'log', '-1', '--format=%s', 'main')).toBe(
        'audit: link reports of run 102',
      );
      const [opened, ...others] = await trackerIssues();
      expect(others).toEqual([]);
      expect(opened).toMatchObject({ state: 'open', labels: [{ name: 'link-audit' }] });
      expect(opened?.body).toContain('flaky');
      expect(opened?.body).toContain(
        'https://github.example.test/maintainer/roadmap/actions/runs/102',
      );
      expect(opened?.body).toContain('(https://maintainer.github.io/roadmap/report.html)');
      // The second night's page draws both nights.
      const page = await readFile(join(dir, 'pages', 'report.html'), 'utf8');
      expect(page.match(/"trend":\[(.*?)\]/)?.[1]?.match(/"at":/g)).toHaveLength(2);

      // Night 3: recovered: the same issue is closed as completed.
      isFlakyBroken = false;
      await runWorkflow(runner, workflow, github(103));
      expect(await trackerIssues()).toEqual([
        expect.objectContaining({
          number: opened?.number,
          state: 'closed',
          state_reason: 'completed',
        }),
      ]);
      expect(await git(runner.origin, 'log', '--format=%s', 'main')).toBe(
        [103, 102, 101].map((id) => `audit: link reports of run ${id}`).join('\n') +
          '\nthe roadmap',
      );
    }, 600_000);
  });

  describe('pr.yml', () => {
    /** Pushes a branch off main whose roadmap gains one resource, and returns main's commit. */
    async function pushPullRequest(branch: string, url: string): Promise<string> {
      const clone = join(dir, `author-${branch}`);
      await git(dir, 'clone', '-q', runner.origin, clone);
      const base = await git(clone, 'rev-parse', 'HEAD');
      const roadmap = await readFile(join(clone, 'roadmap.yaml'), 'utf8');
      await writeFile(
        join(clone, 'roadmap.yaml'),
        `${roadmap}      - { id: added, title: Added, url: "${url}", kind: docs }\n`,
      );
      await git(clone, 'commit', '-qam', 'add a resource');
      await git(clone, 'push', '-q', 'origin', `HEAD:refs/heads/${branch}`);
      return base;
    }
    const pullRequest = (
      runId: number,
      branch: string,
      base: string,
      from = 'maintainer/roadmap',
    ) =>
      github(runId, {
        ref_name: branch,
        event: {
          pull_request: { number: runId, base: { sha: base }, head: { repo: { full_name: from } } },
        },
      });
    /** The SARIF file the fake code scanning received from a run, if any. */
    async function uploadedSarif(runId: number): Promise<SarifLog | undefined> {
      const file = join(dir, 'code-scanning', `${runId}.sarif`);
      if (!existsSync(file)) return undefined;
      const log = JSON.parse(await readFile(file, 'utf8')) as SarifLog;
      expect(validateSarif(log)).toBe(true);
      return log;
    }

    it('checks only the added resource in a shallow clone; a broken one fails the check step', async () => {
      const workflow = await loadWorkflow('pr.yml');
      const from = site.requests.length;
      const good = await pushPullRequest('pr-good', 'https://docs.example.test/added');
      const jobs = await runWorkflow(runner, workflow, pullRequest(201, 'pr-good', good));
      expect(jobs.map((job) => job.job)).toEqual(['roadmap', 'code-scanning']);
      expect(site.requests.slice(from).map((request) => request.url)).toEqual([
        'https://docs.example.test/added',
      ]);
      expect(await readFile(jobs[0]!.summaryFile, 'utf8')).toContain('curate check: Audit roadmap');
      expect((await uploadedSarif(201))?.runs[0]?.results).toEqual([]);

      const bad = await pushPullRequest('pr-bad', 'https://docs.example.test/missing');
      const failure: unknown = await runWorkflow(
        runner,
        workflow,
        pullRequest(202, 'pr-bad', bad),
      ).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(StepFailedError);
      const { step, run } = failure as StepFailedError;
      expect(step).toBe('Check the resources this pull request added or changed');
      expect(run.code).toBe(1);
      // The added resource is on the line after the last one of ROADMAP.
      const line = ROADMAP.split('\n').length;
      expect(run.stdout).toMatch(
        new RegExp(
          `^::error file=roadmap\\.yaml,line=${line},.*docs\\.example\\.test/missing`,
          'm',
        ),
      );
      // The failed check still hands its findings to code scanning, on the same line.
      const [result] = (await uploadedSarif(202))?.runs[0]?.results ?? [];
      expect(result).toMatchObject({
        ruleId: 'broken/http-404',
        level: 'error',
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'roadmap.yaml' },
              region: { startLine: line },
            },
          },
        ],
      });

      // A fork's token cannot write security events: the upload job is skipped, the check runs.
      const fork = await pushPullRequest('pr-fork', 'https://docs.example.test/added-by-fork');
      const forkJobs = await runWorkflow(
        runner,
        workflow,
        pullRequest(203, 'pr-fork', fork, 'contributor/roadmap'),
      );
      expect(forkJobs.map((job) => job.job)).toEqual(['roadmap']);
      expect(await uploadedSarif(203)).toBeUndefined();
    }, 300_000);
  });

  describe('ci.yml dogfood and local runs', () => {
    it('the dogfood job checks the roadmap offline and leaves the checkout clean', async () => {
      const [job] = await runWorkflow(runner, await loadWorkflow('ci.yml'), github(301), {
        jobs: ['dogfood'],
      });
      expect(await readFile(job!.summaryFile, 'utf8')).toContain('# Link report: Audit roadmap');
      expect(await git(job!.workspace, 'status', '--porcelain')).toBe('');
    }, 300_000);

    it("a maintainer's local runs (README) write only ignored files", async () => {
      const clone = join(dir, 'maintainer');
      await git(dir, 'clone', '-q', runner.origin, clone);
      const steps = [
        ['check', 'roadmap.yaml', '--offline'],
        ...[1, 2].map((shard) => [
          'check',
          'roadmap.yaml',
          '--offline',
          '--shard',
          `${shard}/2`,
          '--out',
          `reports-${shard}`,
          '--cache',
          `.curate-cache/shard-${shard}.json`,
        ]),
        ['merge', 'reports-1/report.json', 'reports-2/report.json', '-o', 'reports'],
        [
          'history',
          'reports/report.json',
          '--history',
          'reports/history.json',
          '--tracking-issue',
          'tracking-issue.md',
        ],
      ];
      for (const args of steps) {
        const result = await runCurate(args, { cwd: clone });
        expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
      }
      expect(existsSync(join(clone, 'reports', 'history.json'))).toBe(true);
      expect(await git(clone, 'status', '--porcelain')).toBe('');
    }, 300_000);
  });
});
