/**
 * Run failures (as opposed to link outcomes, which are data). Each carries what a person needs
 * to act on it; `cli.ts` is the one place that turns them into messages and exit codes.
 */
import type { Lang } from './i18n/index.js';

/** The exit-code contract (README "Exit codes"). */
export const EXIT_CODES = {
  /** Nothing failing per `--fail-on`. */
  ok: 0,
  /** Some result is failing per `--fail-on`, or `validate` found lint errors. */
  failing: 1,
  /** Bad flags, unreadable or invalid roadmap, rules or report. */
  usage: 2,
  /** The network itself is unavailable: nothing could be reached. */
  networkDown: 3,
  /**
   * Interrupted (Ctrl-C, SIGTERM) before every link was checked; the reports say what was done.
   * 128 + SIGINT, as shells report it and as a second Ctrl-C exits at once.
   */
  interrupted: 130,
  /** A bug in curate (EX_SOFTWARE). */
  internal: 70,
} as const;

export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/** What a failure may say besides its message. */
export type CurateErrorOptions = {
  hint?: string | undefined;
  cause?: unknown;
  /**
   * The language the message and hint are written in, when its producer chose one (the
   * roadmap's `lang:`): the labels around them (`error:`, `hint:`) follow it.
   */
  lang?: Lang | undefined;
};

/** Base class of every expected run failure. */
export abstract class CurateError extends Error {
  abstract readonly exitCode: ExitCode;
  /** A suggestion shown under the message, e.g. how to fix the input. */
  readonly hint: string | undefined;
  readonly lang: Lang | undefined;

  constructor(message: string, options: CurateErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.hint = options.hint;
    this.lang = options.lang;
  }
}

/** A flag or argument that cannot be used as given. */
export class UsageError extends CurateError {
  override readonly name = 'UsageError';
  readonly exitCode = EXIT_CODES.usage;
}

/** One problem found in an input file, positioned for a person and for CI annotations. */
export type InputProblem = {
  file: string;
  /** 1-based; 0 when the position is unknown. */
  line: number;
  column: number;
  /** Field path such as `sections[0].resources[2].kind`; empty for whole-file problems. */
  path: string;
  message: string;
  hint?: string;
  /** Machine name of the problem (`unknown-key`, `yaml-indentation`, …), when its producer gives one. */
  code?: string;
  /** The roadmap resource the problem is in, when known: people find a resource by id and title. */
  resource?: { id: string; title?: string };
};

/** A problem with a whole file (unreadable, not that kind of file): no line, column or field. */
export function wholeFileProblem(file: string, message: string, hint?: string): InputProblem {
  return { file, line: 0, column: 0, path: '', message, ...(hint === undefined ? {} : { hint }) };
}

/** The roadmap (or another input file such as a rules file or report) cannot be used. */
export class InputError extends CurateError {
  override readonly name = 'InputError';
  readonly exitCode = EXIT_CODES.usage;
  readonly problems: readonly InputProblem[];

  constructor(
    message: string,
    problems: readonly InputProblem[],
    options: CurateErrorOptions = {},
  ) {
    super(message, options);
    this.problems = problems;
  }
}

/** Reports could not be written where asked. */
export class ReportWriteError extends CurateError {
  override readonly name = 'ReportWriteError';
  readonly exitCode = EXIT_CODES.usage;
}

/** A broken invariant inside curate: always a bug. */
export class InternalError extends Error {
  override readonly name = 'InternalError';
}

/** Formats one input problem the way compilers do: `file:line:col path: message`. */
export function formatProblem(problem: InputProblem, hintLabel = 'hint'): string {
  const where =
    problem.line > 0 ? `${problem.file}:${problem.line}:${problem.column}` : problem.file;
  const path = problem.path === '' ? '' : ` ${problem.path}:`;
  const hint = problem.hint === undefined ? '' : `\n  ${hintLabel}: ${problem.hint}`;
  return `${where}${path} ${problem.message}${hint}`;
}
