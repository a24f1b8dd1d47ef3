#!/usr/bin/env node
/**
 * The command-line program. The ONLY file that reads process.argv and the environment, prints
 * to the terminal, and sets exit codes (through the one table in errors.ts).
 */
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { Command, CommanderError, Option } from 'commander';
import { CurateError, EXIT_CODES, InputError, formatProblem, type ExitCode } from './errors.js';
import { resolveOptions, type CurateFlags } from './options.js';
import { createProgressReporter } from './progress.js';
import { lintRoadmap, type LintFinding } from './roadmap/lint.js';
import { loadRoadmap } from './roadmap/load.js';
import { runCheck } from './run.js';
import type { Report } from './report/schema.js';

const DEFAULT_ROADMAP = 'roadmap.yaml';

function readToolVersion(): string {
  const manifest = JSON.parse(
    readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
  ) as {
    version: string;
  };
  return manifest.version;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** `curate validate`: schema and lint, no network. */
async function validateCommand(file: string, flags: { format?: string }): Promise<ExitCode> {
  const format = flags.format ?? 'text';
  if (!['text', 'json', 'github'].includes(format)) {
    throw new CommanderError(
      EXIT_CODES.usage,
      'curate.format',
      `--format: "${format}" is not text, json or github.`,
    );
  }
  const loaded = await loadRoadmap(file);
  const findings = lintRoadmap(loaded);
  const errors = findings.filter((finding) => finding.severity === 'error');
  const warnings = findings.length - errors.length;
  if (format === 'json') {
    process.stdout.write(
      `${JSON.stringify({ file, errors: errors.length, warnings, findings }, null, 2)}\n`,
    );
  } else {
    for (const finding of findings) {
      process.stdout.write(
        `${format === 'github' ? githubAnnotation(finding) : textFinding(finding)}\n`,
      );
    }
    const verdict = errors.length > 0 ? 'invalid' : 'valid';
    process.stderr.write(
      `${file}: ${verdict} — ${errors.length} error${errors.length === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.\n`,
    );
  }
  return errors.length > 0 ? EXIT_CODES.failing : EXIT_CODES.ok;
}

function textFinding(finding: LintFinding): string {
  return `${finding.severity}: ${formatProblem(finding)} [${finding.rule}]`;
}

/** GitHub workflow command, so a pull request shows the finding on the YAML line. */
function githubAnnotation(finding: LintFinding): string {
  const escapeData = (text: string) =>
    text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escapeProperty = (text: string) =>
    escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const message =
    finding.hint === undefined ? finding.message : `${finding.message} (${finding.hint})`;
  return `::${finding.severity} file=${escapeProperty(finding.file)},line=${finding.line},col=${finding.column},title=${escapeProperty(finding.rule)}::${escapeData(`${finding.path}: ${message}`)}`;
}

type CheckFlags = CurateFlags & { resolve?: string[] };

/** `curate check`: fetch everything, write the reports, exit by --fail-on. */
async function checkCommand(file: string, flags: CheckFlags): Promise<ExitCode> {
  const loaded = await loadRoadmap(file);
  const options = resolveOptions(flags, loaded.roadmap.settings, process.env);
  for (const warning of options.warnings) process.stderr.write(`warning: ${warning}\n`);

  const controller = new AbortController();
  let interrupts = 0;
  const onInterrupt = () => {
    interrupts += 1;
    if (interrupts > 1) process.exit(130);
    process.stderr.write(
      '\nInterrupted: finishing the reports with what is done (Ctrl-C again to quit now).\n',
    );
    controller.abort();
  };
  process.on('SIGINT', onInterrupt);
  process.on('SIGTERM', onInterrupt);

  const progress = createProgressReporter(process.stderr, options.verbosity, () => Date.now());
  try {
    const outcome = await runCheck(loaded, options, {
      toolVersion: readToolVersion(),
      now: () => new Date(),
      signal: controller.signal,
      onProgress: progress.onProgress,
      onNetworkDown: (verdict) => {
        process.stderr.write(
          `The network is unavailable: ${verdict.message}. No link was judged; check the connection or --proxy and run again.\n`,
        );
      },
    });
    progress.finish();
    if (options.verbosity !== 'quiet') {
      process.stdout.write(`${summaryLine(outcome.report)}\n`);
      for (const path of outcome.writtenFiles) process.stdout.write(`wrote ${path}\n`);
    }
    if (outcome.isNetworkDown) return EXIT_CODES.networkDown;
    if (controller.signal.aborted) return EXIT_CODES.failing;
    return outcome.failingCount > 0 ? EXIT_CODES.failing : EXIT_CODES.ok;
  } finally {
    process.off('SIGINT', onInterrupt);
    process.off('SIGTERM', onInterrupt);
  }
}

function summaryLine(report: Report): string {
  const counts = report.summary;
  const parts = (['ok', 'redirected', 'broken', 'unreachable', 'unverified', 'skipped'] as const)
    .filter((status) => counts[status] > 0)
    .map((status) => `${counts[status]} ${status}`);
  const partial = report.partial ? ' (partial)' : '';
  return `${counts.total} resources${partial}: ${parts.join(', ') || 'nothing to check'}.`;
}

function buildProgram(setExitCode: (code: ExitCode) => void): Command {
  const program = new Command()
    .name('curate')
    .description(
      'Keeps a learning roadmap honest: checks every link and mirror, and reports what needs a maintainer.',
    )
    .version(readToolVersion(), '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  program
    .command('validate')
    .description('check the roadmap file (schema and lint) without touching the network')
    .argument('[roadmap]', 'roadmap file', DEFAULT_ROADMAP)
    .option('--format <format>', 'text (default), json, or github (workflow annotations)')
    .action(async (file: string, flags: { format?: string }) => {
      setExitCode(await validateCommand(file, flags));
    });

  program
    .command('check')
    .description('check every resource and mirror, and write report.json and report.md')
    .argument('[roadmap]', 'roadmap file', DEFAULT_ROADMAP)
    .option('-o, --out <dir>', 'directory for report.json and report.md (default: reports)')
    .option('--concurrency <n>', 'requests in flight across all hosts (default: 512)')
    .option('--per-host <n>', 'requests in flight per host (default: 8)')
    .option(
      '--timeout <duration>',
      'deadline per request attempt, e.g. 20s or 500ms (default: 20s)',
    )
    .option('--retries <n>', 'extra attempts for 429, 5xx and network errors (default: 2)')
    .option('--user-agent <text>', 'User-Agent header to send')
    .option(
      '--proxy <url>',
      'proxy for every request: http://, https:// or socks5:// (default: HTTPS_PROXY/HTTP_PROXY)',
    )
    .option(
      '--allow-private',
      'allow loopback, private and link-local targets (refused by default)',
    )
    .option('--offline', 'check nothing over the network; every result is skipped')
    .option(
      '--only <id>',
      'check only this resource or section id (repeatable, or comma-separated)',
      collect,
    )
    .option('--exclude <regex>', 'skip URLs matching this regular expression (repeatable)', collect)
    .option(
      '--fail-on <statuses>',
      'statuses that make the run fail, comma-separated (default: broken)',
    )
    .addOption(
      new Option('--fragments', 'check #fragment targets on HTML pages (default)').hideHelp(),
    )
    .option('--no-fragments', 'do not check #fragment targets')
    .option(
      '--vantage <name>',
      'label this run as observed from a region, e.g. cn (default: global)',
    )
    .option(
      '--connect-to <map>',
      'connect to another address for a name, curl style: host:port:address:port (repeatable)',
      collect,
    )
    .option('--ca-file <pem>', 'also trust the CA certificates in this PEM file')
    .option('-q, --quiet', 'print nothing but errors')
    .option('-v, --verbose', 'print every result as it arrives')
    .action(async (file: string, flags: CheckFlags) => {
      setExitCode(await checkCommand(file, flags));
    });

  return program;
}

function reportError(error: unknown): ExitCode {
  if (error instanceof CommanderError) {
    // Help and version are "errors" to commander; they already printed what they had to.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version')
      return EXIT_CODES.ok;
    if (error.code === 'commander.help') return EXIT_CODES.ok;
    if (error.code.startsWith('curate.')) process.stderr.write(`error: ${error.message}\n`);
    return EXIT_CODES.usage;
  }
  if (error instanceof CurateError) {
    if (error instanceof InputError && error.problems.length > 0) {
      for (const problem of error.problems) process.stderr.write(`${formatProblem(problem)}\n`);
      process.stderr.write(`${error.message}\n`);
    } else {
      process.stderr.write(`error: ${error.message}\n`);
    }
    if (error.hint !== undefined) process.stderr.write(`hint: ${error.hint}\n`);
    return error.exitCode;
  }
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(
    `${stack}\n\ncurate hit an internal error. This is a bug: please report it with the command you ran and the text above.\n`,
  );
  return EXIT_CODES.internal;
}

async function main(): Promise<void> {
  let exitCode: ExitCode = EXIT_CODES.ok;
  const program = buildProgram((code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    exitCode = reportError(error);
  }
  process.exitCode = exitCode;
}

await main();
