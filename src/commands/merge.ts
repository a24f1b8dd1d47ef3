/**
 * `curate merge`: joins report.json files of one roadmap (the shards of a run, and the runs of
 * several vantages, e.g. global and cn) into one report whose region verdicts use every
 * observation, and writes report.json and report.md as `check` does.
 */
import type { Command } from 'commander';
import { EXIT_CODES, type ExitCode } from '../errors.js';
import { DEFAULTS } from '../options/defaults.js';
import { assessRegions } from '../region/assess.js';
import { loadRegionInputs } from '../region/load-rules.js';
import { renderJson } from '../report/json.js';
import { renderMarkdown } from '../report/markdown.js';
import { mergeReports } from '../report/merge.js';
import { writeReports } from '../report/write.js';
import { collectRepeated, type CommandIo, type RunCommand } from './io.js';
import { readReportFile } from './read-input.js';

/** Raw flags of `curate merge`. */
export type MergeFlags = { out?: string; regionRules?: string[]; quiet?: boolean };

/** Merges reports and writes the result; exits 0 unless an input or the output fails. */
export async function mergeCommand(
  files: readonly string[],
  flags: MergeFlags,
  io: CommandIo,
): Promise<ExitCode> {
  const reports = await Promise.all(files.map((file) => readReportFile(file)));
  const merged = mergeReports(reports);
  // The regions come from the reports (each lists its roadmap's regions), the rules from disk:
  // the same rules `check` used, plus any --region-rules given here.
  const regions = [...new Set(reports.flatMap((report) => Object.keys(report.regions ?? {})))];
  const inputs = await loadRegionInputs(regions, flags.regionRules ?? []);
  const report = assessRegions(merged, inputs);
  const written = await writeReports(flags.out ?? DEFAULTS.out, [
    { name: 'report.json', content: renderJson(report) },
    { name: 'report.md', content: renderMarkdown(report) },
  ]);
  if (flags.quiet !== true) {
    const vantages = report.vantages ?? [report.vantage];
    io.stdout.write(
      `merged ${reports.length} reports (${vantages.join(', ')}): ${report.summary.total} resources.\n`,
    );
    for (const path of written) io.stdout.write(`wrote ${path}\n`);
  }
  return EXIT_CODES.ok;
}

/** Adds `merge` to the program. */
export function registerMergeCommand(program: Command, run: RunCommand): void {
  program
    .command('merge')
    .description(
      'merge report.json files of one roadmap (shards, and vantages such as global and cn) into one report',
    )
    .argument('<reports...>', 'report.json files')
    .option(
      '-o, --out <dir>',
      'directory for the merged report.json and report.md (default: reports)',
    )
    .option(
      '--region-rules <file>',
      'also judge region access by this rules file: YAML rules or an AutoProxy list (repeatable)',
      collectRepeated,
    )
    .option('-q, --quiet', 'print nothing but errors')
    .action((files: string[], flags: MergeFlags) => run((io) => mergeCommand(files, flags, io)));
}
