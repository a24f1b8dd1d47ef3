/**
 * Issue 13's "done when": curate adopted the way a stranger adopts it, as one journey. An empty
 * git repository; the packed tarball installed with `--omit=dev`; `npx curate init`; the
 * llm-course README imported as init's hint says; `curate validate` green; then the workflow
 * init wrote, step by step: each step that uses curate's action runs the bundled entry
 * (action/index.js) with the environment GitHub gives it: roadmap.yml on a pull request that
 * adds the imported list, then link-audit.yml's night against a fake GitHub API. No network:
 * each check runs `--offline`.
 */
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { CURATE_REPOSITORY } from '../../src/curate-repository.js';
import { RoadmapSchema, type Section } from '../../src/roadmap/schema.js';
import { runActionEntry, type ActionRun } from '../helpers/action-entry.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { startFakeGithubApi } from '../helpers/fake-github-api.js';
import { git } from '../helpers/processes.js';
import { FAKE_TOKEN } from '../helpers/workflow-runner.js';
import { installTarball, npxCurate, packTarball } from '../helpers/packed-package.js';

const LIST = join(REPO_ROOT, 'test', 'fixtures', 'import', 'llm-course-7abd96e.md');
const PULL_REQUEST = join(REPO_ROOT, 'test', 'fixtures', 'action', 'pull-request-opened.json');
/** Generous: two npm runs and a check of 200-odd resources on a loaded 2-core machine. */
const JOURNEY_DEADLINE_MS = 900_000;

type WorkflowStep = { uses?: string; with?: Record<string, string | boolean | number> };
type Workflow = { jobs: Record<string, { steps: WorkflowStep[] }> };

/** Every resource of the roadmap, counted apart from curate (sections, sub-sections, topics). */
function countResources(sections: readonly Section[]): number {
  return sections.reduce(
    (sum, section) =>
      sum +
      (section.resources ?? []).length +
      (section.topics ?? []).reduce(
        (inTopics, topic) =>
          inTopics + (typeof topic === 'string' ? 0 : (topic.resources ?? []).length),
        0,
      ) +
      countResources(section.sections ?? []),
    0,
  );
}

const commit = (repo: string, message: string) =>
  git(repo, '-c', 'user.name=s', '-c', 'user.email=s@example.test', 'commit', '-qm', message);

describe.skipIf(process.platform === 'win32')('a stranger adopts curate', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'curate-adoption-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /**
   * Runs each step of an init-written workflow that uses curate's action, with the step's own
   * `with:` as inputs; a check runs --offline, the one change tests make to it.
   */
  async function runActionSteps(
    repo: string,
    workflowFile: string,
    env: Record<string, string>,
  ): Promise<{ inputs: Record<string, string>; run: ActionRun }[]> {
    const workflow = parseYaml(
      await readFile(join(repo, '.github', 'workflows', workflowFile), 'utf8'),
    ) as Workflow;
    const steps = Object.values(workflow.jobs).flatMap((job) =>
      job.steps.filter((step) => step.uses === `${CURATE_REPOSITORY}@v1`),
    );
    const runs = [];
    for (const step of steps) {
      const inputs = Object.fromEntries(
        Object.entries(step.with ?? {}).map(([name, value]) => [name, String(value)]),
      );
      if (inputs.command === 'check') inputs.args = '--offline';
      // ${{ secrets.GITHUB_TOKEN }} is the runner's to expand.
      if (inputs.token !== undefined) inputs.token = FAKE_TOKEN;
      const run = await runActionEntry(repo, dir, inputs, {
        GITHUB_REPOSITORY: 'stranger/my-roadmap',
        ...env,
      });
      runs.push({ inputs, run });
    }
    return runs;
  }

  it(
    'installs the tarball, inits, imports a README, validates, and runs the action as its workflow says',
    async () => {
      const repo = join(dir, 'my-roadmap');
      await git(dir, 'init', '-q', '-b', 'main', repo);
      await writeFile(join(repo, 'package.json'), '{ "name": "my-roadmap", "private": true }\n');
      await writeFile(join(repo, '.gitignore'), 'node_modules/\nreports/\n.curate-cache/\n');
      await installTarball(repo, await packTarball(dir));

      const init = await npxCurate(repo, ['init']);
      expect({ code: init.code, stderr: init.stderr }).toMatchObject({ code: 0 });
      const hint = 'curate import README.md -o roadmap.yaml --force';
      expect(init.stdout).toContain(hint);
      await git(repo, 'add', '.');
      await commit(repo, 'curate init');
      const base = await git(repo, 'rev-parse', 'HEAD');

      // The pull request: the maintainer's README list, imported as init's hint says.
      await git(repo, 'checkout', '-qb', 'import-list');
      await copyFile(LIST, join(repo, 'README.md'));
      const imported = await npxCurate(repo, hint.split(' ').slice(1));
      expect(imported.stderr).toMatch(/imported \d+ sections, \d+ resources/);
      expect(imported.code).toBe(0);
      const roadmap = RoadmapSchema.parse(
        parseYaml(await readFile(join(repo, 'roadmap.yaml'), 'utf8')),
      );
      expect(roadmap.sections.map((section) => section.title)).toContain('The LLM Engineer');
      const validated = await npxCurate(repo, ['validate', 'roadmap.yaml']);
      expect(validated.stdout + validated.stderr).toMatch(/valid — 0 errors/);
      expect(validated.code).toBe(0);
      await git(repo, 'add', '.');
      await commit(repo, 'import the README list');
      const head = await git(repo, 'rev-parse', 'HEAD');

      const eventFile = join(dir, 'event.json');
      await writeFile(
        eventFile,
        (await readFile(PULL_REQUEST, 'utf8')).replace('BASE_SHA', base).replace('HEAD_SHA', head),
      );
      const pullRequest = await runActionSteps(repo, 'roadmap.yml', {
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: eventFile,
      });
      expect(pullRequest.map(({ inputs }) => inputs.command)).toEqual(['validate', 'check']);
      const [validate, check] = pullRequest.map(({ run }) => run);
      // validate: green, its warnings as annotations on the roadmap's lines.
      expect({ code: validate?.code, stderr: validate?.stderr }).toMatchObject({ code: 0 });
      expect(validate?.outputs['exit-code']).toBe('0');
      expect(validate?.stdout).toMatch(/^::warning file=roadmap\.yaml,line=\d+,col=\d+,title=/m);
      // check: what the pull request added (all of it: init's resource is gone), offline.
      expect({ code: check?.code, stderr: check?.stderr }).toMatchObject({ code: 0 });
      expect(check?.stdout).toContain(`--changed-since ${base}`);
      const resources = String(countResources(roadmap.sections));
      expect(check?.outputs).toEqual({
        'exit-code': '0',
        'report-dir': 'reports',
        'report-json': 'reports/report.json',
        'report-md': 'reports/report.md',
        'report-html': 'reports/report.html',
        ok: '0',
        redirected: '0',
        broken: '0',
        unreachable: '0',
        unverified: '0',
        skipped: resources,
        total: resources,
        uncovered: '0',
        failing: '0',
      });
      expect(check?.summary).toContain(`### curate check: ${roadmap.title}`);
      expect(check?.summary).toContain(
        `**Not checked:** ${resources} of ${resources} links not checked (--offline).`,
      );
      expect(
        JSON.parse(await readFile(join(repo, 'reports', 'report.json'), 'utf8')),
      ).toMatchObject({ summary: { total: Number(resources) } });

      // The nightly audit init wrote, on the merged roadmap, against a fake GitHub API.
      await using api = await startFakeGithubApi('stranger/my-roadmap');
      const nightly = await runActionSteps(repo, 'link-audit.yml', {
        GITHUB_EVENT_NAME: 'schedule',
        GITHUB_API_URL: api.url,
      });
      expect(nightly.map(({ inputs }) => inputs.command)).toEqual(['check', 'history']);
      for (const { inputs, run } of nightly) {
        expect({ command: inputs.command, code: run.code, output: run.stdout }).toMatchObject({
          code: 0,
        });
      }
      // Nothing was checked, so nothing fails persistently: the issue is looked for, not opened.
      expect(nightly[1]?.run.stdout).toContain('tracking issue: nothing fails persistently');
      expect(api.requests).toEqual([
        {
          method: 'GET',
          path: '/repos/stranger/my-roadmap/issues',
          authorization: `Bearer ${FAKE_TOKEN}`,
        },
      ]);
      expect(api.issues).toEqual([]);
    },
    JOURNEY_DEADLINE_MS,
  );
});
