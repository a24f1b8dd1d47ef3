/**
 * The reference texts of what `fix`, `mirrors` and `history` say when they cannot go on as
 * asked: a report of another roadmap, a --confirm with nothing to confirm, no network, a
 * history.json that is not one. zh-CN (commands-zh-CN.ts) is typed against this.
 */
import type { TextsOf } from './catalog.js';

export const COMMAND_TEXT_EN = {
  // commands/fix.ts
  fixOtherRoadmap: (reported: string, roadmap: string) =>
    `the report is of ${reported}, not ${roadmap}; only URLs found on the reported lines are fixed.`,
  fixNetworkDown: 'The network is unavailable, so no redirect could be seen; nothing was fixed.',
  // commands/mirrors.ts
  mirrorsNetworkDown: 'The network is unavailable, so no mirror could be searched.',
  confirmNoResource: (file: string, id: string) =>
    `--confirm: ${file} has no resource with id "${id}".`,
  confirmNoResourceHint: 'Pass the id of a resource, as mirrors.json and the report name it.',
  confirmNothing: (id: string, file: string, url: string | undefined) =>
    `--confirm: ${id} in ${file} has no mirror with confirmed: false${url === undefined ? '' : ` and url ${url}`}.`,
  confirmNothingHint:
    'Run curate mirrors --write first, or pass --url with one of its unconfirmed mirrors.',
  // commands/diff.ts
  diffJsonAndFormat: (format: string) => `--json and --format ${format} ask for two outputs.`,
  diffJsonAndFormatHint: 'Use --format alone.',
  // commands/read-input.ts: the input files a command reads, by kind
  inputFile: {
    roadmap: 'the roadmap',
    list: 'the list',
    report: 'the report',
    history: 'the history',
  },
  noSuchFile: 'no such file',
  isDirectory: 'is a directory',
  noPermission: 'permission denied',
  cannotReadInput: (what: string, path: string, problem: string) =>
    `Cannot read ${what} ${path}: ${problem}.`,
  cannotReadInputProblem: (what: string, problem: string) => `cannot read ${what}: ${problem}`,
  // commands/completion.ts
  completionUnknownShell: (shell: string, shells: readonly string[]) =>
    `completion: "${shell}" is not a shell curate completes: ${shells.join(', ')}.`,
  // report/history.ts
  historyNotJson: (file: string) => `${file} is not a history file.`,
  historyInvalid: (file: string) => `${file} is not a valid history file.`,
  historyInvalidHint: 'delete it to start a new history; the next audit writes a fresh one',
} as const;

/** The shape every language's command texts have: en's keys, strings widened. */
export type CommandText = TextsOf<typeof COMMAND_TEXT_EN>;
