/**
 * The bundled action entry (action/index.js) run as GitHub runs one step of it: `INPUT_*`
 * variables from action.yml's inputs, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, and the
 * runner's GITHUB_* variables; the test adds the event (GITHUB_EVENT_PATH) and any API URL.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runProcess, type ProcessRun } from './cli.js';
import { actionInputEnv, LOCAL_ACTION } from './workflow-runner.js';

/** A generous deadline per action run: it stops a hung run, it measures nothing. */
const RUN_DEADLINE_MS = 180_000;

/** A finished step: its exit code and output, what it wrote to $GITHUB_OUTPUT and the summary. */
export type ActionRun = ProcessRun & { outputs: Record<string, string>; summary: string };

/** Reads $GITHUB_OUTPUT's `name<<delimiter` entries. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const match of text.matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) {
    outputs[match[1]!] = match[3]!;
  }
  return outputs;
}

let runs = 0;

/**
 * Runs the action in `workspace` with `inputs` (the rest take action.yml's defaults); `runnerDir`
 * holds the step's files, RUNNER_TEMP and HOME.
 */
export async function runActionEntry(
  workspace: string,
  runnerDir: string,
  inputs: Readonly<Record<string, string>>,
  env: Readonly<Record<string, string>> = {},
): Promise<ActionRun> {
  runs += 1;
  const outputFile = join(runnerDir, `output-${runs}.txt`);
  const summaryFile = join(runnerDir, `summary-${runs}.md`);
  await writeFile(outputFile, '');
  await writeFile(summaryFile, '');
  const run = await runProcess(process.execPath, [LOCAL_ACTION.entry], {
    cwd: workspace,
    env: {
      ...actionInputEnv(inputs),
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_SERVER_URL: 'https://github.example.test',
      GITHUB_REPOSITORY: 'maintainer/roadmap',
      GITHUB_RUN_ID: String(runs),
      GITHUB_RUN_ATTEMPT: '1',
      RUNNER_TEMP: runnerDir,
      HOME: runnerDir,
      GIT_CONFIG_NOSYSTEM: '1',
      ...env,
    },
    deadlineMs: RUN_DEADLINE_MS,
  });
  return {
    ...run,
    outputs: parseOutputs(await readFile(outputFile, 'utf8')),
    summary: await readFile(summaryFile, 'utf8'),
  };
}
