/** `curate diff <old.json> <new.json>`: what changed between two reports, link by link. */
import type { Command } from 'commander';
import { EXIT_CODES, UsageError, type ExitCode } from '../errors.js';
import { parseFailOnList } from '../outcome/fail-on.js';
import { diffReports, hasNewFailures, renderDiffJson, renderDiffText } from '../report/diff.js';
import { renderDiffMarkdown } from '../report/diff-markdown.js';
import type { CommandIo, RunCommand } from './io.js';
import { readReportFile } from './read-input.js';

/** Raw flags of `curate diff`. */
export type DiffFlags = { json?: boolean; format?: string; failOn?: string };

/** The outputs of `curate diff`; `--json` is kept as the short spelling of `--format json`. */
const DIFF_FORMATS = {
  text: renderDiffText,
  json: renderDiffJson,
  markdown: renderDiffMarkdown,
} as const;

function diffRenderer(flags: DiffFlags): (typeof DIFF_FORMATS)[keyof typeof DIFF_FORMATS] {
  const format = flags.format ?? (flags.json === true ? 'json' : 'text');
  if (Object.hasOwn(DIFF_FORMATS, format)) return DIFF_FORMATS[format as keyof typeof DIFF_FORMATS];
  throw new UsageError(`--format "${format}" is not a format of curate diff.`, {
    hint: `use one of ${Object.keys(DIFF_FORMATS).join(', ')}`,
  });
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
  const render = diffRenderer(flags);
  const before = await readReportFile(oldFile);
  const after = await readReportFile(newFile);
  const diff = diffReports(
    before,
    after,
    flags.failOn === undefined ? {} : { failing: parseFailOnList([flags.failOn]) },
  );
  io.stdout.write(render(diff));
  return hasNewFailures(diff) ? EXIT_CODES.failing : EXIT_CODES.ok;
}

/** Adds `diff` to the program. */
export function registerDiffCommand(program: Command, run: RunCommand): void {
  program
    .command('diff')
    .description(
      'compare two report.json files: new failures, fixed, still failing, changed redirects (exit 1 on new failures)',
    )
    .argument('<old>', 'the older report.json')
    .argument('<new>', 'the newer report.json')
    .option('--format <format>', 'text (default), json, or markdown')
    .option('--json', 'print the diff as JSON (the same as --format json)')
    .option(
      '--fail-on <statuses>',
      'statuses counted as failing, comma-separated (default: broken,unreachable)',
    )
    .action((oldFile: string, newFile: string, flags: DiffFlags) =>
      run((io) => diffCommand(oldFile, newFile, flags, io)),
    );
}
