/**
 * `curate merge`: joins report.json files of one roadmap (the shards of a run, and the runs of
 * several vantages, e.g. global and cn) into one report whose region verdicts use every
 * observation, and writes the reports `check` writes (`--reports`).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { EXIT_CODES, type ExitCode } from '../errors.js';
import { DEFAULTS, STDOUT_OUT } from '../options/defaults.js';
import { parseReportFormats } from '../options/parsers.js';
import { chosenLang, LANG_HELP, resolveLang, roadmapLangOf } from '../options/lang.js';
import { parseFailOnList } from '../outcome/fail-on.js';
import { assessRegions } from '../region/assess.js';
import { loadRegionInputs } from '../region/load-rules.js';
import { missingShardsPhrase } from '../report/coverage.js';
import { mergeInputs } from '../report/merge.js';
import { renderReports } from '../report/render-reports.js';
import { renderJson } from '../report/json.js';
import { cliTextOf } from '../i18n/index.js';
import { wordsFor } from '../report/report-words.js';
import { writeReports } from '../report/write.js';
import { REPORTS_HELP } from './check.js';
import { collectRepeated, repositoryPath, type CommandIo, type RunCommand } from './io.js';
import { readHistoryBeside, readReportFile } from './read-input.js';

/** Raw flags of `curate merge`. */
export type MergeFlags = {
  out?: string;
  regionRules?: string[];
  quiet?: boolean;
  allowPartial?: boolean;
  reports?: string;
  failOn?: string;
  lang?: string;
};

/**
 * Merges reports and writes the result; exits 0 unless an input or the output fails, or the
 * shards are incomplete or doubled (exit 2; missing ones are allowed with `--allow-partial`).
 */
export async function mergeCommand(
  files: readonly string[],
  flags: MergeFlags,
  io: CommandIo,
): Promise<ExitCode> {
  // Flags first: a typo is a usage error before any file is read.
  const formats = parseReportFormats(
    flags.reports === undefined ? DEFAULTS.reports : [flags.reports],
    '--reports',
    io.lang,
  );
  const failOn = parseFailOnList(
    flags.failOn === undefined ? DEFAULTS.failOn : [flags.failOn],
    io.lang,
  );
  if (flags.lang !== undefined) resolveLang({ flag: flags.lang, env: io.env });
  const given = await Promise.all(
    files.map(async (file) => ({ file, report: await readReportFile(file, io.lang) })),
  );
  const reports = given.map((input) => input.report);
  const merged = mergeInputs(given, { allowPartial: flags.allowPartial === true, lang: io.lang });
  // The regions come from the reports (each lists its roadmap's regions), the rules from disk:
  // the same rules `check` used, plus any --region-rules given here.
  const regions = [...new Set(reports.flatMap((report) => Object.keys(report.regions ?? {})))];
  // Before the roadmap is read, so its errors are in --lang or the locale.
  const inputs = await loadRegionInputs(regions, flags.regionRules ?? [], undefined, io.lang);
  const report = assessRegions(merged, inputs);
  // `-o -`, as for check: no files; report.json alone on stdout, the rest on stderr.
  const toStdout = flags.out === STDOUT_OUT;
  const outDir = flags.out ?? DEFAULTS.out;
  if (toStdout) io.stdout.write(renderJson(report));
  // For the URLs' columns in SARIF and the roadmap's lang:; a roadmap that is not there leaves
  // the lines alone and the language to --lang and the locale.
  const roadmapText = toStdout
    ? undefined
    : await readFile(resolve(io.cwd, report.roadmap.path), 'utf8').catch(() => undefined);
  const chosen = chosenLang({ flag: flags.lang, roadmap: roadmapLangOf(roadmapText), env: io.env });
  const text = cliTextOf(chosen ?? 'en');
  const written = toStdout
    ? []
    : await writeReports(
        outDir,
        renderReports(report, formats, {
          history: formats.has('html') ? await readHistoryBeside(outDir, chosen) : undefined,
          failOn,
          lang: chosen,
          file: repositoryPath(report.roadmap.path, io.cwd),
          roadmapText,
        }),
        chosen,
      );
  if (flags.quiet !== true) {
    const messages = toStdout ? io.stderr : io.stdout;
    const vantages = report.vantages ?? [report.vantage];
    const missing =
      report.missingShards === undefined
        ? undefined
        : missingShardsPhrase(report.missingShards, wordsFor(chosen ?? 'en'));
    messages.write(`${text.merged(reports.length, vantages, report.summary.total, missing)}\n`);
    for (const path of written) messages.write(`${text.wrote(path)}\n`);
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
      'directory for the merged reports, or - for report.json on stdout (default: reports)',
    )
    .option('--reports <list>', REPORTS_HELP)
    .option('--lang <lang>', LANG_HELP)
    .option(
      '--fail-on <statuses>',
      'what report.sarif calls errors and report.junit.xml failures (default: broken); merge itself exits 0',
    )
    .option(
      '--region-rules <file>',
      'also judge region access by this rules file: YAML rules or an AutoProxy list (repeatable)',
      collectRepeated,
    )
    .option(
      '--allow-partial',
      'merge even when shards are missing; the merged report says it is partial and which are missing',
    )
    .option('-q, --quiet', 'print nothing but errors')
    .action((files: string[], flags: MergeFlags) => run((io) => mergeCommand(files, flags, io)));
}
