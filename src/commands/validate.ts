/** `curate validate`: schema and lint, no network. */
import type { Command } from 'commander';
import { formatAnnotation } from '../ci/annotations.js';
import { EXIT_CODES, formatProblem, UsageError, type ExitCode } from '../errors.js';
import { lintRoadmap, type LintFinding } from '../roadmap/lint.js';
import { loadRoadmap } from '../roadmap/load.js';
import type { CommandIo, RunCommand } from './io.js';

/** Output styles of `validate --format`. */
export const VALIDATE_FORMATS = ['text', 'json', 'github'] as const;
type ValidateFormat = (typeof VALIDATE_FORMATS)[number];

/** Raw flags of `curate validate`. */
export type ValidateFlags = { format?: string };

function parseFormat(format: string | undefined): ValidateFormat {
  const value = format ?? 'text';
  const known = VALIDATE_FORMATS.find((candidate) => candidate === value);
  if (known === undefined) {
    throw new UsageError(`--format: "${value}" is not one of ${VALIDATE_FORMATS.join(', ')}.`);
  }
  return known;
}

function textFinding(finding: LintFinding): string {
  return `${finding.severity}: ${formatProblem(finding)} [${finding.rule}]`;
}

/** GitHub workflow command, so a pull request shows the finding on its YAML line. */
function githubFinding(finding: LintFinding): string {
  const hint = finding.hint === undefined ? '' : ` (${finding.hint})`;
  return formatAnnotation({
    level: finding.severity,
    file: finding.file,
    line: finding.line,
    col: finding.column,
    title: finding.rule,
    message: `${finding.path}: ${finding.message}${hint}`,
  });
}

/** Validates one roadmap file; exit 1 when any lint error is found. */
export async function validateCommand(
  file: string,
  flags: ValidateFlags,
  io: CommandIo,
): Promise<ExitCode> {
  const format = parseFormat(flags.format);
  const loaded = await loadRoadmap(file);
  const findings = lintRoadmap(loaded);
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.length - errors;
  if (format === 'json') {
    io.stdout.write(`${JSON.stringify({ file, errors, warnings, findings }, null, 2)}\n`);
  } else {
    for (const finding of findings) {
      io.stdout.write(`${format === 'github' ? githubFinding(finding) : textFinding(finding)}\n`);
    }
    const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
    io.stderr.write(
      `${file}: ${errors > 0 ? 'invalid' : 'valid'} — ${plural(errors, 'error')}, ${plural(warnings, 'warning')}.\n`,
    );
  }
  return errors > 0 ? EXIT_CODES.failing : EXIT_CODES.ok;
}

/** Adds `validate` to the program. */
export function registerValidateCommand(program: Command, run: RunCommand): void {
  program
    .command('validate')
    .description('check the roadmap file (schema and lint) without touching the network')
    .argument('[roadmap]', 'roadmap file', 'roadmap.yaml')
    .option('--format <format>', 'text (default), json, or github (workflow annotations)')
    .action((file: string, flags: ValidateFlags) => run((io) => validateCommand(file, flags, io)));
}
