/**
 * A stand-in for a GitHub Actions runner, for tests that run the repository's own workflows:
 * each job checks out a local bare repository, its `run:` steps run with bash exactly as
 * written (expressions substituted from a fake context), and the actions they use are played
 * by small fakes (artifacts are directories, the issue tracker is a JSON file). A step that
 * fails here fails the same way on GitHub, so the test reports it with the step's output.
 *
 * ```ts
 * const runner = { dir, origin, env: { HTTPS_PROXY: proxy.url } };
 * const jobs = await runWorkflow(runner, await loadWorkflow('audit.yml'), context);
 * ```
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { basename, delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { inputVariable } from '../../src/action/inputs.js';
import { CLI_PATH as CLI, REPO_ROOT, runProcess, type ProcessRun } from './cli.js';
import {
  evaluateCondition,
  expandExpressions,
  matrixCombinations,
  needsOf,
  type ExpressionContext,
  type Workflow,
  type WorkflowStep,
} from './workflow-file.js';

/** Where the fake runner works and what it gives every step. */
export type FakeRunner = {
  /** A directory the runner owns: workspaces, artifacts, HOME and the fake issue tracker. */
  dir: string;
  /** The bare repository that `actions/checkout` clones and `git push origin` pushes to. */
  origin: string;
  /** Added to every step's environment (the fake internet: a proxy, a CA). */
  env: Readonly<Record<string, string>>;
};

/** The `github` part of the fake context, which also gives the runner's GITHUB_* variables. */
export type FakeGithubContext = {
  server_url: string;
  repository: string;
  run_id: string;
  run_attempt: string;
  ref_name: string;
  [key: string]: unknown;
};

/** One finished job (one per matrix combination). */
export type JobResult = {
  job: string;
  matrix: Readonly<Record<string, string | number | boolean>>;
  workspace: string;
  /** What the job appended to $GITHUB_STEP_SUMMARY. */
  summaryFile: string;
};

/** A step that exited non-zero, as the red step of a GitHub run. */
export class StepFailedError extends Error {
  override readonly name = 'StepFailedError';
  readonly step: string;
  readonly run: ProcessRun;
  constructor(step: string, run: ProcessRun) {
    super(`step "${step}" exited ${run.code}\n${run.stdout}\n${run.stderr}`);
    this.step = step;
    this.run = run;
  }
}

/** A generous per-step deadline: it only stops a hung step, it measures nothing. */
const STEP_TIMEOUT_MS = 180_000;
const GITHUB_SCRIPT_HOST = fileURLToPath(new URL('github-script-host.mjs', import.meta.url));

/**
 * Runs every job of `workflow` (or only the `jobs` named) once its `needs` are done, matrix
 * combinations at once, and resolves with the finished jobs. A failed step skips the steps
 * after it unless their `if:` says otherwise (`!cancelled()`), and the jobs that need its job
 * likewise, as on GitHub; the run then rejects with the first failed step.
 */
export async function runWorkflow(
  runner: FakeRunner,
  workflow: Workflow,
  github: FakeGithubContext,
  { jobs }: { jobs?: readonly string[] } = {},
): Promise<JobResult[]> {
  const runDir = join(runner.dir, `run-${github.run_id}-${github.run_attempt}`);
  await installNpxStub(runner.dir);
  const done: JobResult[] = [];
  const finished = new Set<string>();
  const failed = new Set<string>();
  let firstFailure: StepFailedError | undefined;
  const pending = new Map(
    Object.entries(workflow.jobs).filter(([name]) => jobs === undefined || jobs.includes(name)),
  );
  while (pending.size > 0) {
    const ready = [...pending].filter(([, job]) =>
      needsOf(job).every((need) => finished.has(need)),
    );
    if (ready.length === 0)
      throw new Error(`jobs wait for jobs that never run: ${[...pending.keys()].join(', ')}`);
    for (const [name, job] of ready) {
      pending.delete(name);
      finished.add(name);
      const hasNeedFailed = needsOf(job).some((need) => failed.has(need));
      if (!evaluateCondition(job.if ?? 'success()', { github }, { hasFailed: hasNeedFailed })) {
        continue;
      }
      const runs = matrixCombinations(job).map(async (matrix, index) => {
        const workspace = join(runDir, `${name}-${index + 1}`);
        const context = { github, matrix };
        await mkdir(workspace, { recursive: true });
        const summaryFile = join(runDir, `${name}-${index + 1}.summary.md`);
        await writeFile(summaryFile, '');
        let failure: StepFailedError | undefined;
        for (const step of job.steps) {
          const status = {
            hasFailed: failure !== undefined,
            hashFiles: (path: string) => hashFile(join(workspace, path)),
          };
          if (!evaluateCondition(step.if ?? 'success()', context, status)) continue;
          try {
            await runStep(step, { runner, runDir, workspace, summaryFile, context, github });
          } catch (error) {
            if (!(error instanceof StepFailedError)) throw error;
            failure ??= error;
          }
        }
        return { result: { job: name, matrix, workspace, summaryFile }, failure };
      });
      for (const { result, failure } of await Promise.all(runs)) {
        done.push(result);
        if (failure === undefined) continue;
        failed.add(name);
        firstFailure ??= failure;
      }
    }
  }
  if (firstFailure !== undefined) throw firstFailure;
  return done;
}

type StepScope = {
  runner: FakeRunner;
  runDir: string;
  workspace: string;
  summaryFile: string;
  context: ExpressionContext;
  github: FakeGithubContext;
};

async function runStep(step: WorkflowStep, scope: StepScope): Promise<void> {
  const name = expandExpressions(step.name ?? step.uses ?? step.run ?? '', scope.context);
  const env = Object.fromEntries(
    Object.entries(step.env ?? {}).map(([key, value]) => [
      key,
      expandExpressions(String(value), scope.context),
    ]),
  );
  if (step.run !== undefined) {
    await runScript(name, expandExpressions(step.run, scope.context), env, scope);
    return;
  }
  if (step.uses === undefined) throw new Error(`step "${name}" has neither run nor uses`);
  const inputs = Object.fromEntries(
    Object.entries(step.with ?? {}).map(([key, value]) => [
      key,
      expandExpressions(String(value), scope.context),
    ]),
  );
  await runAction(step.uses, inputs, { ...scope, name, env });
}

/** The environment GitHub gives every step, for this fake run. */
function runnerEnv(scope: StepScope): Record<string, string> {
  return {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: scope.workspace,
    GITHUB_STEP_SUMMARY: scope.summaryFile,
    GITHUB_SERVER_URL: scope.github.server_url,
    GITHUB_REPOSITORY: scope.github.repository,
    GITHUB_RUN_ID: scope.github.run_id,
    GITHUB_RUN_ATTEMPT: scope.github.run_attempt,
    GITHUB_REF_NAME: scope.github.ref_name,
    RUNNER_TEMP: scope.runDir,
    // npx first, so a step that calls it fails here instead of reaching for the registry.
    PATH: `${join(scope.runner.dir, 'bin')}${delimiter}${process.env.PATH ?? ''}`,
    // No system or user git config: a step that commits must set its own identity.
    HOME: join(scope.runner.dir, 'home'),
    GIT_CONFIG_NOSYSTEM: '1',
    ...scope.runner.env,
  };
}

async function runScript(
  name: string,
  script: string,
  env: Record<string, string>,
  scope: StepScope,
): Promise<void> {
  if (script.trim() === 'npm ci') {
    // The test has built the CLI once; "installing" links the bundle where the build puts it.
    // The link's target is resolved by node, so the CLI finds its rules/ and package.json.
    await mkdir(join(scope.workspace, 'dist'), { recursive: true });
    await symlink(CLI, join(scope.workspace, 'dist', 'cli.js'));
    return;
  }
  const file = join(scope.runDir, `step-${String(Math.random()).slice(2)}.sh`);
  await writeFile(file, script);
  // GitHub's `shell: bash` on Linux: bash --noprofile --norc -eo pipefail {0}.
  const run = await runProcess('bash', ['--noprofile', '--norc', '-eo', 'pipefail', file], {
    cwd: scope.workspace,
    env: { ...runnerEnv(scope), ...env },
    deadlineMs: STEP_TIMEOUT_MS,
  });
  if (run.code !== 0) throw new StepFailedError(name, run);
}

/** This repository's action (`uses: ./`): its metadata and its committed, bundled entry. */
export const LOCAL_ACTION = {
  metadata: join(REPO_ROOT, 'action.yml'),
  entry: join(REPO_ROOT, 'action', 'index.js'),
};

/** The token GitHub puts in `${{ github.token }}`; the fake API accepts any. */
export const FAKE_TOKEN = 'fake-github-token';

/** Inputs an action may have that change nothing on this runner. */
const IGNORED_INPUTS = new Set(['node-version', 'cache', 'persist-credentials', 'retention-days']);

async function runAction(
  uses: string,
  inputs: Record<string, string>,
  scope: StepScope & { name: string; env: Record<string, string> },
): Promise<void> {
  const action = uses.replace(/@.*$/, '');
  if (action === './') {
    await runLocalAction(inputs, scope);
    return;
  }
  const input = (key: string): string | undefined => inputs[key];
  const unknown = Object.keys(inputs).filter(
    (key) => !IGNORED_INPUTS.has(key) && !KNOWN_INPUTS[action]?.includes(key),
  );
  if (unknown.length > 0)
    throw new Error(`${uses}: the fake does not support ${unknown.join(', ')}`);
  const artifacts = join(scope.runDir, 'artifacts');
  switch (action) {
    case 'actions/checkout': {
      const depth = input('fetch-depth') ?? '1';
      const run = await runProcess(
        'git',
        [
          'clone',
          '--quiet',
          ...(depth === '0' ? [] : [`--depth=${depth}`]),
          '--branch',
          scope.github.ref_name,
          `file://${scope.runner.origin}`,
          '.',
        ],
        { cwd: scope.workspace, env: runnerEnv(scope) },
      );
      if (run.code !== 0) throw new StepFailedError(scope.name, run);
      return;
    }
    case 'actions/setup-node':
    case 'actions/cache':
      // This node runs the steps; a cache that restores nothing is a first run's cache.
      return;
    case 'actions/upload-artifact': {
      const name = input('name') ?? 'artifact';
      const path = join(scope.workspace, input('path') ?? '');
      const target = join(artifacts, name, basename(path));
      const copied = await cp(path, target, { recursive: true }).then(
        () => true,
        () => false,
      );
      if (!copied && input('if-no-files-found') === 'error') {
        throw new StepFailedError(scope.name, {
          code: 1,
          stdout: '',
          stderr: `no files at ${path}`,
        });
      }
      return;
    }
    case 'actions/download-artifact': {
      const destination = join(scope.workspace, input('path') ?? '.');
      const name = input('name');
      if (name !== undefined) {
        await cp(join(artifacts, name), destination, { recursive: true });
        return;
      }
      // With a pattern, each artifact lands in a directory of its own name.
      const pattern = new RegExp(
        `^${(input('pattern') ?? '*').split('*').map(escapeRegExp).join('.*')}$`,
      );
      for (const found of (await readdir(artifacts)).filter((entry) => pattern.test(entry))) {
        await cp(join(artifacts, found), join(destination, found), { recursive: true });
      }
      return;
    }
    case 'actions/github-script': {
      const file = join(scope.runDir, `script-${String(Math.random()).slice(2)}.cjs`);
      await writeFile(file, input('script') ?? '');
      const run = await runProcess(
        process.execPath,
        [GITHUB_SCRIPT_HOST, file, join(scope.runner.dir, 'issues.json')],
        {
          cwd: scope.workspace,
          env: { ...runnerEnv(scope), ...scope.env },
          deadlineMs: STEP_TIMEOUT_MS,
        },
      );
      if (run.code !== 0) throw new StepFailedError(scope.name, run);
      return;
    }
    case 'github/codeql-action/upload-sarif': {
      // Code scanning is a directory: each upload keeps the SARIF file as sent.
      const sarif = join(scope.workspace, input('sarif_file') ?? '');
      const target = join(scope.runner.dir, 'code-scanning', `${scope.github.run_id}.sarif`);
      await mkdir(dirname(target), { recursive: true });
      const copied = await cp(sarif, target).then(
        () => true,
        () => false,
      );
      if (!copied) {
        throw new StepFailedError(scope.name, {
          code: 1,
          stdout: '',
          stderr: `no SARIF at ${sarif}`,
        });
      }
      return;
    }
    case 'actions/upload-pages-artifact': {
      // The site as one artifact, under the name deploy-pages takes it by.
      const path = join(scope.workspace, input('path') ?? '_site');
      await rm(join(artifacts, 'github-pages'), { recursive: true, force: true });
      await cp(path, join(artifacts, 'github-pages'), { recursive: true });
      return;
    }
    case 'actions/deploy-pages': {
      // The published site: what the artifact held, replacing the previous deployment.
      const site = join(scope.runner.dir, 'pages');
      await rm(site, { recursive: true, force: true });
      await cp(join(artifacts, 'github-pages'), site, { recursive: true });
      return;
    }
    default:
      throw new Error(`no fake for ${uses}: teach test/helpers/workflow-runner.ts what it does`);
  }
}

type ActionMetadata = { inputs: Record<string, { default?: string }> };

/**
 * The `INPUT_<NAME>` variables the runner gives this repository's action for a step's `with:`:
 * every input of action.yml, the step's value or else the declared default.
 */
export function actionInputEnv(inputs: Readonly<Record<string, string>>): Record<string, string> {
  const metadata = parseYaml(readFileSync(LOCAL_ACTION.metadata, 'utf8')) as ActionMetadata;
  const unknown = Object.keys(inputs).filter((key) => !(key in metadata.inputs));
  if (unknown.length > 0) throw new Error(`action.yml has no input ${unknown.join(', ')}`);
  const env: Record<string, string> = {};
  for (const [key, declared] of Object.entries(metadata.inputs)) {
    const value =
      inputs[key] ?? (declared.default ?? '').replace('${{ github.token }}', FAKE_TOKEN);
    env[inputVariable(key)] = value;
  }
  return env;
}

/**
 * Runs `uses: ./` as GitHub runs a JavaScript action: `node action/index.js` with each input
 * (or its default from action.yml) as `INPUT_<NAME>`, and files for the event, outputs and summary.
 */
async function runLocalAction(
  inputs: Record<string, string>,
  scope: StepScope & { name: string; env: Record<string, string> },
): Promise<void> {
  const inputEnv = actionInputEnv(inputs);
  const id = String(Math.random()).slice(2);
  const eventFile = join(scope.runDir, `event-${id}.json`);
  await writeFile(eventFile, JSON.stringify(scope.github.event ?? {}));
  const outputFile = join(scope.runDir, `output-${id}.txt`);
  await writeFile(outputFile, '');
  const run = await runProcess(process.execPath, [LOCAL_ACTION.entry], {
    cwd: scope.workspace,
    env: {
      ...runnerEnv(scope),
      ...scope.env,
      ...inputEnv,
      GITHUB_EVENT_PATH: eventFile,
      GITHUB_EVENT_NAME: scope.github.event === undefined ? 'schedule' : 'pull_request',
      GITHUB_OUTPUT: outputFile,
    },
    deadlineMs: STEP_TIMEOUT_MS,
  });
  if (run.code !== 0) throw new StepFailedError(scope.name, run);
}

/** The inputs each faked action understands. */
const KNOWN_INPUTS: Partial<Record<string, readonly string[]>> = {
  'actions/checkout': ['fetch-depth'],
  'actions/setup-node': [],
  'actions/cache': ['path', 'key', 'restore-keys'],
  'actions/upload-artifact': ['name', 'path', 'if-no-files-found'],
  'actions/download-artifact': ['name', 'pattern', 'path'],
  'actions/github-script': ['script'],
  'github/codeql-action/upload-sarif': ['sarif_file', 'category'],
  'actions/upload-pages-artifact': ['path'],
  'actions/deploy-pages': [],
};

/** `hashFiles` of one file: a digest of its bytes, '' when it does not exist. */
function hashFile(path: string): string {
  return existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : '';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * An `npx` that refuses: in a checkout `npx curate` installs the checkout again from scratch
 * (README, "Set up"), and a test must never reach the registry.
 */
async function installNpxStub(dir: string): Promise<void> {
  await mkdir(join(dir, 'bin'), { recursive: true });
  const message = 'npx is not available on the fake runner: run the built CLI, node dist/cli.js';
  await writeFile(join(dir, 'bin', 'npx'), `#!/bin/sh\necho '${message}' >&2\nexit 127\n`, {
    mode: 0o755,
  });
}
