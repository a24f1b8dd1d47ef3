/**
 * The examples that end each command's `--help`: the two or three invocations a maintainer
 * reaches for first. Kept in one table, apart from the commands' option lists, and attached by
 * cli.ts to every command it registers that has an entry.
 */
import type { Command } from 'commander';
import { cliTextOf, type Lang } from '../i18n/index.js';
import { helpTextOf } from './help-text.js';

/** Examples per command name: the command line, then what it does. */
export const HELP_EXAMPLES: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  validate: [
    ['curate validate', 'check roadmap.yaml against the schema and the lint rules'],
    ['curate validate docs/roadmap.yaml --format json', 'the problems as JSON, for a tool'],
    ['curate validate --format github', 'the problems as annotations in a workflow'],
  ],
  check: [
    ['curate check', 'check every link and mirror, reports in reports/'],
    ['curate check --changed-since origin/main --format github', "a pull request's new links"],
    ['curate check --shard 2/4 --cache .curate-cache/2.json --max-age 12h', 'one part of four'],
  ],
  merge: [
    ['curate merge reports-*/report.json -o reports', 'one report from the shards'],
    ['curate merge global/report.json cn/report.json', 'observations from two vantages'],
  ],
  diff: [
    ['curate diff old/report.json reports/report.json', 'what broke, moved or came back'],
    ['curate diff reports/audit/report.json reports/report.json', 'since the last audit'],
  ],
  fix: [
    ['curate fix --from reports/report.json --dry-run', 'the permanent redirects, as a diff'],
    ['curate fix --from reports/report.json', '…and written to the roadmap'],
  ],
  history: [
    ['curate history reports/report.json', 'add the run to reports/history.json'],
    [
      'curate history reports/report.json --fail-after 3 --tracking-issue issue.md',
      'and write the tracking issue',
    ],
  ],
  completion: [
    ['source <(curate completion bash)', 'complete commands and options in this bash'],
    ['curate completion zsh > "${fpath[1]}/_curate"', 'install it for zsh'],
  ],
};

const MAX_INLINE_CHARS = 48;

/** The "Examples:" block for a command, or undefined when it has none. */
export function renderHelpExamples(name: string, lang: Lang = 'en'): string | undefined {
  const examples = HELP_EXAMPLES[name];
  if (examples === undefined) return undefined;
  // A long command line gets its words on the next line; the short ones share a column.
  const isLong = (line: string) => line.length > MAX_INLINE_CHARS;
  const width = Math.max(0, ...examples.map(([line]) => (isLong(line) ? 0 : line.length)));
  // English is the table's own; another language has each line's words in its help catalog.
  const translated = helpTextOf(lang)?.examples[name];
  const lines = examples.map(([line, english], index) => {
    const what = translated?.[index] ?? english;
    return isLong(line) ? `  $ ${line}\n      ${what}` : `  $ ${line.padEnd(width)}  ${what}`;
  });
  return `\n${cliTextOf(lang).examplesHeading}\n${lines.join('\n')}\n`;
}

/** Ends the `--help` of each of `program`'s commands that has examples with them. */
export function addHelpExamples(program: Command, lang: Lang = 'en'): void {
  for (const command of program.commands) {
    const text = renderHelpExamples(command.name(), lang);
    if (text !== undefined) command.addHelpText('after', text);
  }
}
