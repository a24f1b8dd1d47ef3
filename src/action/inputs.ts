/**
 * The action's inputs (action.yml, README "GitHub Action"), read once and turned into the
 * curate command line the action runs. Pure: the environment comes in as a lookup function.
 */
import { assertNever } from '../assert-never.js';
import { actionTextOf, type Lang } from '../i18n/index.js';

/** The commands the action runs; the others (diff, fix) are a `run:` step's business. */
export const ACTION_COMMANDS = ['validate', 'check', 'merge', 'history'] as const;
export type ActionCommand = (typeof ACTION_COMMANDS)[number];

/** What a workflow's `with:` asked for, validated. */
export type ActionInputs = {
  command: ActionCommand;
  roadmap: string;
  /** Further arguments, split like a shell's words (quotes kept together, no expansion). */
  args: readonly string[];
  lang: string | undefined;
  reports: string | undefined;
  out: string | undefined;
  failOn: string | undefined;
  isChangedOnly: boolean;
  shard: { index: number; total: number } | undefined;
  hasCache: boolean;
  hasJobSummary: boolean;
  hasAnnotations: boolean;
  hasTrackingIssue: boolean;
  /** false: failing links (exit 1) and no network (exit 3) do not fail the step. */
  shouldFail: boolean;
  token: string | undefined;
  workingDirectory: string;
};

/** An input that cannot be used: the step fails with this message before curate runs. */
export class ActionInputError extends Error {
  override readonly name = 'ActionInputError';
}

/** Reads an input as the runner passes it: `INPUT_<NAME>`, trimmed, '' when absent. */
export type InputLookup = (name: string) => string;

/** The runner's convention (as @actions/core's getInput): spaces become `_`, upper case. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replaceAll(' ', '_').toUpperCase()}`;
}

/** Validates every input at once, so one run names every mistake. */
export function readActionInputs(input: InputLookup, lang: Lang = 'en'): ActionInputs {
  const words = actionTextOf(lang);
  const problems: string[] = [];
  const optional = (name: string): string | undefined => {
    const value = input(name).trim();
    return value === '' ? undefined : value;
  };
  const flag = (name: string, fallback: boolean): boolean => {
    const value = optional(name);
    if (value === undefined) return fallback;
    // YAML 1.2 core schema booleans, as @actions/core's getBooleanInput accepts them.
    if (['true', 'True', 'TRUE'].includes(value)) return true;
    if (['false', 'False', 'FALSE'].includes(value)) return false;
    problems.push(words.notBoolean(name, value));
    return fallback;
  };
  const commandText = optional('command') ?? 'check';
  const command = ACTION_COMMANDS.find((known) => known === commandText);
  if (command === undefined) {
    problems.push(words.unknownCommand(commandText, ACTION_COMMANDS));
  }
  const shard = readShard(optional('shard'), optional('shards'), problems, lang);
  let args: readonly string[] = [];
  try {
    args = splitWords(input('args'), lang);
  } catch (error) {
    problems.push(words.badArgs((error as Error).message));
  }
  const inputs: ActionInputs = {
    command: command ?? 'check',
    roadmap: optional('roadmap') ?? 'roadmap.yaml',
    args,
    lang: optional('lang'),
    reports: optional('reports'),
    out: optional('out'),
    failOn: optional('fail-on'),
    isChangedOnly: flag('changed-only', false),
    shard,
    hasCache: flag('cache', false),
    hasJobSummary: flag('job-summary', true),
    hasAnnotations: flag('annotations', true),
    hasTrackingIssue: flag('tracking-issue', false),
    shouldFail: flag('fail', true),
    token: optional('token'),
    workingDirectory: optional('working-directory') ?? '.',
  };
  if (inputs.hasTrackingIssue && inputs.command !== 'history') {
    problems.push(words.trackingIssueNotHistory);
  }
  if (problems.length > 0) throw new ActionInputError(problems.join('\n'));
  return inputs;
}

function readShard(
  shard: string | undefined,
  shards: string | undefined,
  problems: string[],
  lang: Lang,
): ActionInputs['shard'] {
  if (shard === undefined && shards === undefined) return undefined;
  const index = Number(shard);
  const total = Number(shards);
  if (
    !Number.isInteger(index) ||
    !Number.isInteger(total) ||
    index < 1 ||
    total < 1 ||
    index > total
  ) {
    problems.push(actionTextOf(lang).badShard(shard ?? '', shards ?? ''));
    return undefined;
  }
  return { index, total };
}

/**
 * Splits `args` into words as a shell would for plain text: whitespace separates, single and
 * double quotes group, a backslash escapes the next character. Nothing is expanded.
 */
export function splitWords(text: string, lang: Lang = 'en'): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quote: '"' | "'" | undefined;
  for (let index = 0; index < text.length; index++) {
    const char = text.charAt(index);
    if (quote !== undefined) {
      if (char === quote) quote = undefined;
      else if (char === '\\' && quote === '"' && index + 1 < text.length)
        word = (word ?? '') + text.charAt(++index);
      else word = (word ?? '') + char;
    } else if (/\s/.test(char)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (char === '"' || char === "'") {
      quote = char;
      word ??= '';
    } else if (char === '\\' && index + 1 < text.length) {
      word = (word ?? '') + text.charAt(++index);
    } else {
      word = (word ?? '') + char;
    }
  }
  if (quote !== undefined) throw new Error(actionTextOf(lang).unclosedQuote(quote));
  if (word !== undefined) words.push(word);
  return words;
}

/** What the run adds to the inputs: files only the action knows the place of. */
export type RunPlan = {
  /** The base commit of the pull request, for `changed-only`. */
  baseSha: string | undefined;
  /** The result cache file, for `cache`. */
  cacheFile: string | undefined;
  /** Where `history` writes the tracking issue, for `tracking-issue`. */
  trackingIssueFile: string | undefined;
  /** `args` with their glob patterns expanded (merge's report files). */
  args: readonly string[];
};

/** The curate command line for the inputs, without the program itself. */
export function curateArguments(inputs: ActionInputs, plan: RunPlan): string[] {
  const argv: string[] = [inputs.command];
  const add = (name: string, value: string | undefined) => {
    if (value !== undefined) argv.push(name, value);
  };
  const isGithubFormat = inputs.hasAnnotations || inputs.hasJobSummary;
  switch (inputs.command) {
    case 'validate':
      argv.push(inputs.roadmap);
      if (inputs.hasAnnotations) argv.push('--format', 'github');
      break;
    case 'check':
      argv.push(inputs.roadmap);
      add('--out', inputs.out);
      add('--reports', inputs.reports);
      add('--fail-on', inputs.failOn);
      if (inputs.shard !== undefined)
        argv.push('--shard', `${inputs.shard.index}/${inputs.shard.total}`);
      add('--changed-since', plan.baseSha);
      add('--cache', plan.cacheFile);
      if (isGithubFormat) argv.push('--format', 'github');
      break;
    case 'merge':
      add('--out', inputs.out);
      add('--reports', inputs.reports);
      add('--fail-on', inputs.failOn);
      break;
    case 'history':
      add('--fail-on', inputs.failOn);
      add('--tracking-issue', plan.trackingIssueFile);
      break;
    default:
      return assertNever(inputs.command);
  }
  add('--lang', inputs.lang);
  argv.push(...plan.args);
  return argv;
}
