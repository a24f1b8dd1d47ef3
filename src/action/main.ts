/**
 * The GitHub Action's entry (action.yml, bundled into action/index.js): reads the inputs, does
 * what a workflow would otherwise write steps for (fetching a pull request's base commit,
 * restoring and saving the result cache, the tracking issue), runs the curate CLI bundled beside
 * it (action/cli.js) as a child process, and sets the outputs from the report it wrote.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import process from 'node:process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import * as core from '@actions/core';
import * as glob from '@actions/glob';
import { DEFAULTS } from '../options/defaults.js';
import { resolveFailOn } from '../options/parsers.js';
import type { FailOn } from '../outcome/fail-on.js';
import { loadRoadmap } from '../roadmap/load.js';
import { parseReport } from '../report/parse.js';
import { actionTextOf, type Lang } from '../i18n/index.js';
import { resolveLang, roadmapLangOf } from '../options/lang.js';
import {
  ActionInputError,
  curateArguments,
  readActionInputs,
  type ActionInputs,
  type InputLookup,
} from './inputs.js';
import { pullRequestBaseSha, reportOutputs, reportPathOutputs } from './outputs.js';
import { restoreResultCache, resultCacheKeys, saveResultCache } from './result-cache.js';
import { syncTrackingIssue } from './tracking-issue-sync.js';

const CLI = join(dirname(fileURLToPath(import.meta.url)), 'cli.js');
/** Exit codes a run with `fail: false` does not fail the step for (README, "Exit codes"). */
const TOLERATED_EXITS = new Set([1, 3]);

async function main(): Promise<void> {
  const input: InputLookup = (name) => core.getInput(name);
  const lang = await actionLang(input);
  const words = actionTextOf(lang);
  let inputs: ActionInputs;
  try {
    inputs = readActionInputs(input, lang);
  } catch (error) {
    if (!(error instanceof ActionInputError)) throw error;
    core.setFailed(error.message);
    return;
  }
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const cwd = resolve(workspace, inputs.workingDirectory);
  const temp = await mkdtemp(join(process.env.RUNNER_TEMP ?? tmpdir(), 'curate-action-'));

  const baseSha = inputs.isChangedOnly ? await pullRequestBase(cwd, lang) : undefined;
  const cacheFile =
    inputs.hasCache && inputs.command === 'check'
      ? join(cwd, '.curate-cache', `results-${shardName(inputs)}.json`)
      : undefined;
  const cacheKeys = resultCacheKeys(inputs.roadmap, inputs.shard, {
    id: process.env.GITHUB_RUN_ID ?? '0',
    attempt: process.env.GITHUB_RUN_ATTEMPT ?? '1',
  });
  if (cacheFile !== undefined) core.info(await restoreResultCache(cacheFile, cacheKeys, lang));
  const trackingIssueFile = inputs.hasTrackingIssue ? join(temp, 'tracking-issue.json') : undefined;

  const argv = curateArguments(inputs, {
    baseSha,
    cacheFile: cacheFile === undefined ? undefined : relative(cwd, cacheFile),
    trackingIssueFile,
    args: await expandPatterns(inputs.args, cwd),
  });
  core.info(`curate ${argv.join(' ')}`);
  let code: number;
  try {
    code = await runCurate(argv, cwd, inputs);
  } finally {
    // Also after a failing check: its ok results are what a re-run should not fetch again.
    if (cacheFile !== undefined && existsSync(cacheFile)) {
      core.info(await saveResultCache(cacheFile, cacheKeys, lang));
    }
  }
  core.setOutput('exit-code', String(code));

  if (inputs.command === 'check' || inputs.command === 'merge') {
    const out = inputs.out ?? DEFAULTS.out;
    const paths = reportPathOutputs(out, (path) => existsSync(resolve(cwd, path)));
    for (const [name, value] of Object.entries(paths)) core.setOutput(name, value);
    const reportFile = paths['report-json'];
    if (reportFile !== undefined) {
      const report = parseReport(await readFile(resolve(cwd, reportFile), 'utf8'), reportFile);
      for (const [name, value] of Object.entries(
        reportOutputs(report, await failOnOf(inputs, cwd)),
      )) {
        core.setOutput(name, value);
      }
    }
  }
  // `history` exits 1 while the issue should be open: with tracking-issue on, the issue says it.
  let isIssueExit = false;
  if (trackingIssueFile !== undefined && existsSync(trackingIssueFile)) {
    await updateTrackingIssue(trackingIssueFile, inputs, lang);
    isIssueExit = code === 1;
  }

  if (code === 0 || isIssueExit) return;
  if (!inputs.shouldFail && TOLERATED_EXITS.has(code)) {
    if (code === 3) core.warning(words.noNetwork);
    return;
  }
  core.setFailed(words.exited(inputs.command, code));
}

/**
 * The language of the action's own log lines, chosen as the CLI chooses its own: the `lang`
 * input, else the roadmap's `lang:`, else the runner's locale. A `lang` the CLI refuses is the
 * CLI's to report (exit 2); until then the action speaks English.
 */
async function actionLang(input: InputLookup): Promise<Lang> {
  const given = (name: string, fallback: string): string => input(name).trim() || fallback;
  const roadmap = resolve(
    process.env.GITHUB_WORKSPACE ?? process.cwd(),
    given('working-directory', '.'),
    given('roadmap', 'roadmap.yaml'),
  );
  // merge and history may run where no roadmap is: then only the input and the locale count.
  const text = await readFile(roadmap, 'utf8').catch(() => undefined);
  try {
    return resolveLang({
      flag: input('lang').trim() || undefined,
      roadmap: roadmapLangOf(text),
      env: process.env,
    });
  } catch {
    return 'en';
  }
}

/**
 * The `--fail-on` the CLI judged with, resolved as it resolves it: the input, else (check) the
 * roadmap's `settings.failOn`, else the default. The CLI already refused a bad one (exit 2).
 */
async function failOnOf(inputs: ActionInputs, cwd: string): Promise<FailOn> {
  const settings =
    inputs.command === 'check'
      ? (await loadRoadmap(resolve(cwd, inputs.roadmap))).roadmap.settings
      : undefined;
  return resolveFailOn(inputs.failOn, settings?.failOn);
}

/** `changed-only`: the pull request's base, fetched into a shallow checkout when missing. */
async function pullRequestBase(cwd: string, lang: Lang): Promise<string | undefined> {
  const eventPath = process.env.GITHUB_EVENT_PATH;
  const event: unknown =
    eventPath === undefined || !existsSync(eventPath)
      ? undefined
      : JSON.parse(await readFile(eventPath, 'utf8'));
  const sha = pullRequestBaseSha(event);
  if (sha === undefined) {
    core.warning(actionTextOf(lang).noPullRequestBase(process.env.GITHUB_EVENT_NAME ?? 'unknown'));
    return undefined;
  }
  if ((await runChild('git', ['cat-file', '-e', `${sha}^{commit}`], cwd)) !== 0) {
    // actions/checkout clones one commit deep: --changed-since reads roadmap.yaml at the base.
    await runChild('git', ['fetch', '--no-tags', '--depth=1', 'origin', sha], cwd);
  }
  return sha;
}

function shardName(inputs: ActionInputs): string {
  return inputs.shard === undefined ? 'all' : `${inputs.shard.index}-of-${inputs.shard.total}`;
}

/** `args` words with `*`, `?` or `[` are file patterns (merge's shard reports), sorted. */
async function expandPatterns(args: readonly string[], cwd: string): Promise<string[]> {
  const expanded: string[] = [];
  for (const word of args) {
    if (word.startsWith('-') || !/[*?[]/.test(word)) {
      expanded.push(word);
      continue;
    }
    const globber = await glob.create(resolve(cwd, word), { matchDirectories: false });
    const files = (await globber.glob()).map((file) => relative(cwd, file)).sort();
    // No match: passed on as written, so curate names the missing file.
    expanded.push(...(files.length > 0 ? files : [word]));
  }
  return expanded;
}

/** Runs the bundled CLI; its annotations are passed on only with `annotations: true`. */
async function runCurate(argv: string[], cwd: string, inputs: ActionInputs): Promise<number> {
  const child = spawn(process.execPath, [CLI, ...argv], {
    cwd,
    env: {
      ...process.env,
      GITHUB_STEP_SUMMARY: inputs.hasJobSummary ? process.env.GITHUB_STEP_SUMMARY : '',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  lines.on('line', (line) => {
    if (!inputs.hasAnnotations && /^::(error|warning|notice)[ :]/.test(line)) return;
    process.stdout.write(`${line}\n`);
  });
  return new Promise((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      resolvePromise(code ?? 70);
    });
  });
}

function runChild(command: string, args: string[], cwd: string): Promise<number> {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', () => {
      resolvePromise(127);
    });
    child.on('close', (code) => {
      resolvePromise(code ?? 1);
    });
  });
}

async function updateTrackingIssue(file: string, inputs: ActionInputs, lang: Lang): Promise<void> {
  const words = actionTextOf(lang);
  const issue = JSON.parse(await readFile(file, 'utf8')) as {
    title: string;
    label: string;
    body: string;
    shouldBeOpen: boolean;
  };
  const repository = process.env.GITHUB_REPOSITORY;
  if (inputs.token === undefined || repository === undefined) {
    throw new ActionInputError(words.trackingIssueNeedsToken);
  }
  const done = await syncTrackingIssue(
    {
      url: process.env.GITHUB_API_URL ?? 'https://api.github.com',
      repository,
      token: inputs.token,
      fetch,
    },
    issue,
  );
  if (done.kind === 'none') {
    core.info(words.noIssueNeeded);
    return;
  }
  core.info(words.issueDone(done.kind, done.number, done.url));
  core.setOutput('tracking-issue-number', String(done.number));
  core.setOutput('tracking-issue-url', done.url);
  core.setOutput('tracking-issue-state', done.kind === 'closed' ? 'closed' : 'open');
}

try {
  await main();
} catch (error) {
  core.setFailed(error instanceof Error ? error.message : String(error));
}
