/**
 * What a command may use of the outside world, handed over by cli.ts (the only file that touches
 * `process`). Commands print through it and return an exit code; they never exit themselves.
 */
import { isAbsolute, relative } from 'node:path';
import type { Command } from 'commander';
import type { ExitCode } from '../errors.js';
import type { Lang } from '../i18n/index.js';
import { DEFAULTS } from '../options/defaults.js';

/** A writable text stream; `isTTY`/`columns` decide how progress is drawn. */
export type TextStream = { isTTY?: boolean; columns?: number; write(text: string): unknown };

/** The process as a command sees it. */
export type CommandIo = {
  stdout: TextStream;
  stderr: TextStream;
  env: Readonly<Record<string, string | undefined>>;
  /** Working directory for relative paths and git. */
  cwd: string;
  toolVersion: string;
  /** Fires when the user asks the run to stop (Ctrl-C, SIGTERM). */
  interruptSignal: AbortSignal;
  /**
   * The language the command line asked for (`--lang`, else the locale): what a command that
   * reads no roadmap speaks. English when absent.
   */
  lang?: Lang;
};

/** A command's body: parsed arguments in, exit code out. */
export type CommandResult = Promise<ExitCode>;

/** Runs a command body with the process's io and records its exit code (cli.ts provides it). */
export type RunCommand = (body: (io: CommandIo) => CommandResult) => Promise<void>;

/** commander parser for repeatable options: `--only a --only b` → `['a', 'b']`. */
export function collectRepeated(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/**
 * A path as GitHub names files (annotations, code scanning): relative to the working directory,
 * where the workflows run at the repository root, when it was given as an absolute path.
 */
export function repositoryPath(path: string, cwd: string): string {
  return isAbsolute(path) ? relative(cwd, path) : path;
}

/**
 * `--fail-on`, spelled and explained once for every command that judges results; its default
 * is `DEFAULTS.failOn` and `resolveFailOn` parses it, so the commands cannot drift apart.
 */
export function addFailOnOption(command: Command, counts: string): Command {
  return command.option(
    '--fail-on <statuses>',
    `statuses (or status:reason) that ${counts}, comma-separated, or none (default: ${DEFAULTS.failOn.join(',')})`,
  );
}
