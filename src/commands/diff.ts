/** `curate diff <old.json> <new.json>`: what changed between two reports, link by link. */
import type { Command } from 'commander';
import { EXIT_CODES, type ExitCode } from '../errors.js';
import { resolveFailOn } from '../options/parsers.js';
import { diffReports, hasNewFailures, renderDiffJson, renderDiffText } from '../report/diff.js';
import { addFailOnOption, type CommandIo, type RunCommand } from './io.js';
import { readReportFile } from './read-input.js';

/** Raw flags of `curate diff`. */
export type DiffFlags = { json?: boolean; failOn?: string };

/**
 * Compares two reports. Exits 1 when a link fails in the newer report that did not fail in the
 * older one (so a CI step can gate on regressions only), 0 otherwise; failures that were already
 * there, fixes and moved links are printed but do not fail.
 */
export async function diffCommand(
  oldFile: string,
  newFile: string,
  flags: DiffFlags,
  io: CommandIo,
): Promise<ExitCode> {
  const before = await readReportFile(oldFile);
  const after = await readReportFile(newFile);
  const diff = diffReports(before, after, { failing: resolveFailOn(flags.failOn) });
  io.stdout.write(flags.json === true ? renderDiffJson(diff) : renderDiffText(diff));
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
    .option('--json', 'print the diff as JSON');
  addFailOnOption(command, 'count as failing');
  command.action((oldFile: string, newFile: string, flags: DiffFlags) =>
    run((io) => diffCommand(oldFile, newFile, flags, io)),
  );
}
