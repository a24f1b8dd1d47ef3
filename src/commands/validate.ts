/** `curate validate`: YAML, schema and lint, no network. */
import type { Command } from 'commander';
import { InputError, UsageError, type ExitCode } from '../errors.js';
import { lintRoadmap } from '../roadmap/lint.js';
import {
  exitCodeOf,
  fromInputProblem,
  fromLintFinding,
  PROBLEM_FORMATS,
  renderProblems,
  type ProblemFormat,
  type RoadmapProblem,
} from '../roadmap/lint-output.js';
import { loadRoadmap } from '../roadmap/load.js';
import type { CommandIo, RunCommand } from './io.js';

/** Output styles of `validate --format`. */
export const VALIDATE_FORMATS = PROBLEM_FORMATS;

/** Raw flags of `curate validate`. */
export type ValidateFlags = { format?: string };

function parseFormat(format: string | undefined): ProblemFormat {
  const value = format ?? 'text';
  const known = VALIDATE_FORMATS.find((candidate) => candidate === value);
  if (known === undefined) {
    throw new UsageError(`--format: "${value}" is not one of ${VALIDATE_FORMATS.join(', ')}.`);
  }
  return known;
}

/**
 * Every problem of a roadmap file: those that stop it from loading (YAML, schema, an unreadable
 * file), else the lint findings of the loaded roadmap.
 */
export async function findRoadmapProblems(file: string): Promise<RoadmapProblem[]> {
  try {
    const loaded = await loadRoadmap(file);
    return lintRoadmap(loaded).map(fromLintFinding);
  } catch (error) {
    if (!(error instanceof InputError) || error.problems.length === 0) throw error;
    return error.problems.map(fromInputProblem);
  }
}

/** Validates one roadmap file; exit 2 when it cannot be loaded, 1 for lint errors. */
export async function validateCommand(
  file: string,
  flags: ValidateFlags,
  io: CommandIo,
): Promise<ExitCode> {
  const format = parseFormat(flags.format);
  const problems = await findRoadmapProblems(file);
  const rendered = renderProblems(file, problems, format);
  io.stdout.write(rendered.stdout);
  io.stderr.write(rendered.stderr);
  return exitCodeOf(problems);
}

/** Adds `validate` to the program. */
export function registerValidateCommand(program: Command, run: RunCommand): void {
  program
    .command('validate')
    .description('check the roadmap file (YAML, schema and lint) without touching the network')
    .argument('[roadmap]', 'roadmap file', 'roadmap.yaml')
    .option('--format <format>', 'text (default), json, or github (workflow annotations)')
    .action((file: string, flags: ValidateFlags) => run((io) => validateCommand(file, flags, io)));
}
