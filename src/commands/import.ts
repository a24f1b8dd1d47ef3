/**
 * `curate import <list.md|list.html>`: the command's flags. Its body (import-list.ts, with the
 * Markdown and HTML parsers) is loaded when the command runs, so that every other command starts
 * without parsing them.
 */
import type { Command } from 'commander';
import type { RunCommand } from './io.js';

/** Raw flags of `curate import`. */
export type ImportFlags = {
  out?: string;
  force?: boolean;
  merge?: string;
  title?: string;
  dryRun?: boolean;
};

/** Adds `import` to the program. */
export function registerImportCommand(program: Command, run: RunCommand): void {
  program
    .command('import')
    .description(
      'write a roadmap.yaml from a Markdown or HTML list of links (headings become sections)',
    )
    .argument('<list>', 'the list: Markdown (.md), or HTML (.html, .htm)')
    .option(
      '-o, --out <file>',
      'write the roadmap to this file (default: stdout); never over an existing file without --force',
    )
    .option('--force', 'replace the --out file if it exists')
    .option(
      '--title <title>',
      "the roadmap's title (default: the list's one top heading, else its file name)",
    )
    .option(
      '--merge <roadmap>',
      'add what the list has that this roadmap lacks, in place; name what it dropped',
    )
    .option('--dry-run', 'with --merge: print the changes as a unified diff and write nothing')
    .action((file: string, flags: ImportFlags) =>
      run(async (io) => {
        const { importCommand } = await import('./import-list.js');
        return importCommand(file, flags, io);
      }),
    );
}
