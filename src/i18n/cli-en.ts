/**
 * The reference texts of the command line itself: the labels around errors and warnings, the
 * summary lines `check` and `merge` end with, and what the other commands say about the files
 * they write. zh-CN (cli-zh-CN.ts) is typed against this. Flags, file names and status words in
 * data stay as written.
 */
import type { TextsOf } from './catalog.js';
import { plural, pluralForm } from '../text/plural.js';

/** The errors commander reports itself (its `code`s) that curate words in other languages. */
export type CommanderErrorCode =
  | 'commander.invalidArgument'
  | 'commander.unknownOption'
  | 'commander.unknownCommand'
  | 'commander.missingArgument'
  | 'commander.optionMissingArgument'
  | 'commander.missingMandatoryOptionValue'
  | 'commander.excessArguments'
  | 'commander.conflictingOption';

/**
 * What commander's error is about: the option, command or argument it names (as commander
 * quotes it), the nearest spelling it suggests, and the counts of `excessArguments`.
 */
export type CommanderErrorSubject = {
  name: string;
  /** The second name quoted, as in conflictingOption's "'--a' cannot be used with '--b'". */
  other?: string;
  suggestion?: string;
  expected?: number;
  got?: number;
  /** invalidArgument: whether `name` is an option's flags or a command argument's name. */
  of?: 'option' | 'argument';
  /** invalidArgument: the value given. */
  value?: string;
  /** invalidArgument: the allowed values, when commander's `choices` refused the value. */
  choices?: string;
  /** invalidArgument: any other reason the option's parser gave, as it wrote it. */
  reason?: string;
};

/** One language's commander errors; `undefined` keeps commander's English as it is. */
export type CommanderErrorWords = Readonly<
  Partial<Record<CommanderErrorCode, (subject: CommanderErrorSubject) => string>>
>;

export const CLI_TEXT_EN = {
  errorLabel: 'error',
  hintLabel: 'hint',
  warning: (text: string) => `warning: ${text}`,
  workerCrashed: (why: string) =>
    `a worker thread stopped (${why}); the links it had not finished were checked on the main thread.`,
  noCommand: 'error: no command given; run `curate <command> --help` for one.',
  helpAfterError: '(run with --help for usage)',
  internalError:
    'curate hit an internal error. This is a bug: please report it with the command you ran and the text above.',
  interrupted: 'Interrupted: finishing the reports with what is done (Ctrl-C again to quit now).',

  // check and merge.
  summary: (total: number, coverage: string | undefined, counts: readonly string[]) =>
    `${plural(total, 'resource')}${coverage === undefined ? '' : ` (${coverage})`}: ${counts.join(', ') || 'nothing to check'}.`,
  statusCount: (count: number, status: string) => `${count} ${status}`,
  partial: 'partial',
  privateSkips: (count: number) =>
    `${count === 1 ? '1 link was' : `${count} links were`} skipped for a private or local address; --allow-private checks them.`,
  wrote: (path: string) => `wrote ${path}`,
  networkDown: (message: string) =>
    `The network is unavailable: ${message}. No link was judged; check the connection or --proxy and run again.`,
  changedSinceNone: (ref: string) =>
    `--changed-since ${ref}: no resource was added or changed, so there is nothing to check.`,
  changedSince: (ref: string, ids: readonly string[]) =>
    `--changed-since ${ref}: ${plural(ids.length, 'resource')} added or changed: ${ids.join(', ')}.`,
  merged: (
    reports: number,
    vantages: readonly string[],
    resources: number,
    missing: string | undefined,
  ) =>
    `merged ${plural(reports, 'report')} (${vantages.join(', ')}): ${plural(resources, 'resource')}.${missing === undefined ? '' : ` Partial: ${missing}.`}`,

  // init, mirrors, diff.
  created: (path: string) => `created ${path}`,
  initNext: (actionRepository: string) =>
    `Next: add your resources to roadmap.yaml (or replace it: curate import README.md -o roadmap.yaml --force), run curate validate, push.\nThe workflows use ${actionRepository}; edit them if you run curate's action from elsewhere.`,
  initPresent: (files: readonly string[], root: string) =>
    `${files.join(', ')} already ${pluralForm(files.length, 'exists', 'exist')} in ${root}; curate init wrote nothing.`,
  initPresentHint: 'Move them aside, or start in an empty directory.',
  searched: (done: number, total: number) => `searched ${done}/${total}`,
  mirrorsAdded: (file: string, count: number) =>
    `${file}: added ${plural(count, 'unconfirmed mirror')}.`,
  mirrorSkipped: (resourceId: string, url: string, why: string) =>
    `  skipped ${resourceId} ${url}: ${why}`,
  mirrorSkip: {
    'no-resource': 'no resource with that id in the roadmap (it changed since the report)',
    'already-listed': 'the resource already lists that mirror',
    'flow-style': 'the resource is written in flow style ({ } or [ ]); add the mirror by hand',
  },
  mirrorConfirmed: (where: string, url: string, resourceId: string) =>
    `${where}: confirmed ${url} for ${resourceId}.`,
  diffJsonDeprecated: 'warning: --json is deprecated; use --format json.',

  /** commander's own errors: in English they are commander's words, untouched. */
  commanderErrors: {} as CommanderErrorWords,
  /** The heading of the examples that end a command's --help. */
  examplesHeading: 'Examples:',
} as const;

/** The shape every language's CLI texts have: en's keys, strings widened. */
export type CliText = TextsOf<typeof CLI_TEXT_EN>;
