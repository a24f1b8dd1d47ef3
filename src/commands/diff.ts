/** `curate diff <old.json> <new.json>`: what changed between two reports, link by link. */
import { Option, type Command } from 'commander';
import { EXIT_CODES, UsageError, type ExitCode } from '../errors.js';
import { parseFormatFlag, resolveFailOn } from '../options/parsers.js';
import { diffReports, hasNewFailures, renderDiffJson, renderDiffText } from '../report/diff.js';
import { addFailOnOption, type CommandIo, type RunCommand } from './io.js';
import { renderDiffMarkdown } from '../report/diff-markdown.js';
import { readReportFile } from './read-input.js';
import { cliTextOf, commandTextOf } from '../i18n/index.js';

/** Raw flags of `curate diff`. */
export type DiffFlags = { format?: string; json?: boolean; failOn?: string };

/** The outputs of `curate diff --format`, one renderer each. */
const DIFF_FORMATS = {
  text: renderDiffText,
  json: renderDiffJson,
  markdown: renderDiffMarkdown,
} as const;

type DiffFormat = keyof typeof DIFF_FORMATS;
const DIFF_FORMAT_NAMES = Object.keys(DIFF_FORMATS) as DiffFormat[];

/**
 * `--format`, the spelling every command that prints results shares. `--json`, documented
 * before `--format` existed, still works as `--format json`, with a notice on stderr.
 */
function diffFormat(flags: DiffFlags, io: CommandIo): DiffFormat {
  if (flags.json === true) {
    if (flags.format !== undefined && flags.format !== 'json') {
      const words = commandTextOf(io.lang ?? 'en');
      throw new UsageError(words.diffJsonAndFormat(flags.format), {
        hint: words.diffJsonAndFormatHint,
        lang: io.lang,
      });
    }
    io.stderr.write(`${cliTextOf(io.lang ?? 'en').diffJsonDeprecated}\n`);
  }
  return parseFormatFlag(
    flags.format,
    DIFF_FORMAT_NAMES,
    flags.json === true ? 'json' : 'text',
    io.lang,
  );
}

/**
 * Compares two reports. Exits 1 when a link fails in the newer report that did not fail in the
 * older one, or that the older one did not check (so a CI step can gate on regressions only),
 * 0 otherwise; failures that were already there, fixes, moved links and links the newer report
 * did not check are printed but do not fail.
 */
export async function diffCommand(
  oldFile: string,
  newFile: string,
  flags: DiffFlags,
  io: CommandIo,
): Promise<ExitCode> {
  const render = DIFF_FORMATS[diffFormat(flags, io)];
  const failing = resolveFailOn(flags.failOn, undefined, io.lang);
  const before = await readReportFile(oldFile, io.lang);
  const after = await readReportFile(newFile, io.lang);
  const diff = diffReports(before, after, { failing });
  io.stdout.write(render(diff));
  return hasNewFailures(diff) ? EXIT_CODES.failing : EXIT_CODES.ok;
}

/** Adds `diff` to the program. */
export function registerDiffCommand(program: Command, run: RunCommand): void {
  const command = program
    .command('diff')
    .description(
      'compare two report.json files: new failures, fixed, still failing, changed redirects (exit 1 on new failures)',
    )
    .argument('<old>', 'the older report.json')
    .argument('<new>', 'the newer report.json')
    .option('--format <format>', 'text (default), json, or markdown')
    .addOption(new Option('--json', 'deprecated: the same as --format json').hideHelp());
  addFailOnOption(command, 'count as failing');
  command.action((oldFile: string, newFile: string, flags: DiffFlags) =>
    run((io) => diffCommand(oldFile, newFile, flags, io)),
  );
}
