#!/usr/bin/env node
/**
 * The command-line program. The ONLY file that reads process.argv and the environment, listens
 * for signals, and sets the exit code (through the one table in errors.ts). Each command lives
 * in src/commands/ and returns its exit code.
 */
import { setMaxListeners } from 'node:events';
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { CommanderError } from 'commander';
import type { CommandIo, RunCommand } from './commands/io.js';
import { buildProgram } from './commands/program.js';
import { CurateError, EXIT_CODES, InputError, formatProblem, type ExitCode } from './errors.js';
import { cliTextOf, type Lang } from './i18n/index.js';
import { argvLang } from './options/lang.js';
import { PACKAGE_ROOT } from './package-root.js';

function readToolVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('package.json', PACKAGE_ROOT), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

/**
 * Maps anything thrown to a message and an exit code: the one place errors meet the user. The
 * labels follow the language the message was written in, else the command line's.
 */
function reportError(error: unknown, cliLang: Lang): ExitCode {
  const text = cliTextOf(error instanceof CurateError ? (error.lang ?? cliLang) : cliLang);
  if (error instanceof CommanderError) {
    // Help and version are "errors" to commander; it already printed what it had to.
    if (['commander.helpDisplayed', 'commander.version'].includes(error.code)) {
      return EXIT_CODES.ok;
    }
    // Help shown because no command was given (on stderr, exit code 1 to commander): a usage
    // error, as git and most CLIs treat a missing command; `curate --help` is the exit-0 way.
    if (error.code === 'commander.help' && error.exitCode !== 0) {
      process.stderr.write(`${text.noCommand}\n`);
      return EXIT_CODES.usage;
    }
    if (error.code === 'commander.help') return EXIT_CODES.ok;
    return EXIT_CODES.usage;
  }
  if (error instanceof CurateError) {
    if (error instanceof InputError && error.problems.length > 0) {
      for (const problem of error.problems) {
        process.stderr.write(`${formatProblem(problem, text.hintLabel)}\n`);
      }
      process.stderr.write(`${error.message}\n`);
    } else {
      process.stderr.write(`${text.errorLabel}: ${error.message}\n`);
    }
    if (error.hint !== undefined) process.stderr.write(`${text.hintLabel}: ${error.hint}\n`);
    return error.exitCode;
  }
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`${stack}\n\n${text.internalError}\n`);
  return EXIT_CODES.internal;
}

async function main(): Promise<void> {
  const toolVersion = readToolVersion();
  const lang = argvLang(process.argv.slice(2), process.env);
  const text = cliTextOf(lang);
  const interrupt = new AbortController();
  // Every retry wait listens for Ctrl-C on this one signal: hundreds at once are normal.
  setMaxListeners(0, interrupt.signal);
  const onSignal = () => {
    if (interrupt.signal.aborted) process.exit(EXIT_CODES.interrupted);
    process.stderr.write(`\n${text.interrupted}\n`);
    interrupt.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const io: CommandIo = {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    toolVersion,
    interruptSignal: interrupt.signal,
    lang,
  };
  let exitCode: ExitCode = EXIT_CODES.ok;
  const run: RunCommand = async (body) => {
    exitCode = await body(io);
  };

  const program = buildProgram(run, { toolVersion, lang });

  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    exitCode = reportError(error, lang);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  process.exitCode = exitCode;
}

await main();
