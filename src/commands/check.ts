/** `curate check`: fetch everything, write the reports, exit by --fail-on. */
import { describeNetworkDown } from '../i18n/network-down.js';
import { Option, type Command } from 'commander';
import { readCacheFile, writeCacheFile } from '../cache/cache-file.js';
import { createApiValidators } from '../cache/api-validators.js';
import { cachedArchivedCopy, updateArchiveCache } from '../cache/archive-cache.js';
import { cachedResult, updateResultCache } from '../cache/result-cache.js';
import { formatAnnotation, renderJobSummary, reportAnnotations } from '../ci/annotations.js';
import { EXIT_CODES, type ExitCode } from '../errors.js';
import { resolveOptions, type CurateFlags, type ResolvedOptions } from '../options.js';
import { DEFAULTS } from '../options/defaults.js';
import { LANG_HELP, roadmapLangChooser } from '../options/lang.js';
import { resourceSelector, type ResourceSelector } from '../plan/select.js';
import { coverageWords, reportCoverage } from '../report/coverage.js';
import { REPORT_FORMATS } from '../report/render-reports.js';
import { renderJson } from '../report/json.js';
import type { Report } from '../report/schema.js';
import { appendText } from '../report/write.js';
import { changedSinceRef } from '../roadmap/changed-at-ref.js';
import { loadRoadmap, type LoadedRoadmap } from '../roadmap/load.js';
import { runCheckWithProgress } from './fresh-check.js';
import { CATALOGS, cliTextOf, type Lang } from '../i18n/index.js';
import { wordsFor } from '../report/report-words.js';
import { lintBeforeCheck } from './validate.js';
import {
  addFailOnOption,
  collectRepeated,
  repositoryPath,
  type CommandIo,
  type RunCommand,
} from './io.js';

/** The help of `--reports`, shared by `check` and `merge`. */
export const REPORTS_HELP = `report files to write, comma-separated: ${REPORT_FORMATS.join(', ')}; report.json is always written (default: ${DEFAULTS.reports.join(',')})`;

/** Raw flags of `curate check`. */
export type CheckFlags = CurateFlags & {
  /** `--archive`: ask the Wayback Machine for a snapshot of every broken link. */
  archive?: boolean;
};

/** One line a maintainer reads first: counts per status. */
export function summaryLine(report: Report, lang: Lang = 'en'): string {
  const text = cliTextOf(lang);
  const counts = report.summary;
  const parts = (['ok', 'redirected', 'broken', 'unreachable', 'unverified', 'skipped'] as const)
    .filter((status) => counts[status] > 0)
    .map((status) => text.statusCount(counts[status], CATALOGS[lang].status[status]));
  // Said from the outcomes, as report.md says it: "(not checked)" for a network-down run.
  const coverage = reportCoverage(report);
  const partial =
    coverage.kind !== 'checked'
      ? coverageWords(coverage, wordsFor(lang))
      : report.partial
        ? text.partial
        : undefined;
  return text.summary(counts.total, partial, parts);
}

/**
 * How many links were skipped because they point to a private or local address, and the flag
 * that checks them; undefined when none was. Said in the summary because nothing else is: a
 * skip is not failing, so a roadmap of intranet links would otherwise pass without a word.
 */
export function privateSkipLine(report: Report, lang: Lang = 'en'): string | undefined {
  const isPrivate = (entry: { outcome: { reason: string } }) =>
    entry.outcome.reason === 'private-address';
  const count = report.results.reduce(
    (total, result) =>
      total + (isPrivate(result) ? 1 : 0) + result.mirrors.filter(isPrivate).length,
    0,
  );
  return count === 0 ? undefined : cliTextOf(lang).privateSkips(count);
}

/** Checks a roadmap and writes its reports. */
export async function checkCommand(
  file: string,
  flags: CheckFlags,
  io: CommandIo,
): Promise<ExitCode> {
  const loaded = await loadRoadmap(file, { lang: roadmapLangChooser(flags.lang, io.env) });
  const options = resolveOptions(flags, loaded.roadmap.settings, io.env, loaded.roadmap.lang);
  const lang = options.report.lang ?? 'en';
  const text = cliTextOf(lang);
  for (const warning of options.warnings) io.stderr.write(`${text.warning(warning)}\n`);
  const hasLintErrors = await lintBeforeCheck(
    loaded,
    io.stderr,
    options.output.verbosity === 'quiet',
    lang,
  );
  const select = await selectResources(loaded, options, io, lang);
  const cacheFile = options.cache;
  const cache = cacheFile === undefined ? undefined : await readCacheFile(cacheFile.file, lang);
  if (cache?.warning !== undefined) io.stderr.write(`${text.warning(cache.warning)}\n`);
  // One clock reading for the whole run, so every cached entry is judged against the same time.
  const clock = { nowMs: Date.now(), maxAgeMs: cacheFile?.maxAgeMs ?? 0 };
  const validators = createApiValidators(cache?.cache.validators);

  const outcome = await runCheckWithProgress(loaded, options, io, {
    onNetworkDown: (verdict) => {
      io.stderr.write(
        `${text.networkDown(describeNetworkDown(verdict.hostsTried.length, verdict.failure, lang))}\n`,
      );
    },
    roadmapRepositoryPath: repositoryPath(loaded.file, io.cwd),
    isArchiveLookupOn: flags.archive === true,
    ...(select === undefined ? {} : { select }),
    ...(cache === undefined
      ? {}
      : {
          cachedResult: (target) => cachedResult(cache.cache, target.id, clock),
          apiValidators: validators,
          cachedArchivedCopy: (id) => cachedArchivedCopy(cache.cache.archive, id, clock.nowMs),
        }),
  });
  if (cache !== undefined && cacheFile !== undefined) {
    const updated = updateResultCache(
      cache.cache,
      outcome.report,
      Date.now(),
      validators.entries(),
    );
    const archive = updateArchiveCache(cache.cache.archive, outcome.report, Date.now());
    await writeCacheFile(cacheFile.file, { ...updated, archive }, options.report.lang);
  }
  if (options.output.format === 'github') await writeGithubOutput(outcome.report, options, io);
  if (options.output.format === 'json') io.stdout.write(renderJson(outcome.report));
  // With --format json, stdout is the report alone: what is said about the run goes to stderr.
  const messages = options.output.format === 'json' ? io.stderr : io.stdout;
  if (options.output.verbosity !== 'quiet') {
    messages.write(`${summaryLine(outcome.report, lang)}\n`);
    const privateSkips = privateSkipLine(outcome.report, lang);
    if (privateSkips !== undefined) messages.write(`${privateSkips}\n`);
    for (const path of outcome.writtenFiles) messages.write(`${text.wrote(path)}\n`);
  }
  if (outcome.isNetworkDown) return EXIT_CODES.networkDown;
  // An interrupted run has not judged everything: never report it as a clean pass.
  if (io.interruptSignal.aborted) return EXIT_CODES.interrupted;
  return outcome.failingCount > 0 || hasLintErrors ? EXIT_CODES.failing : EXIT_CODES.ok;
}

/** The `--shard` and `--changed-since` selection, saying what it chose unless quiet. */
async function selectResources(
  loaded: LoadedRoadmap,
  options: ResolvedOptions,
  io: CommandIo,
  lang: Lang,
): Promise<ResourceSelector | undefined> {
  const ref = options.selection.changedSince;
  const changedIds =
    ref === undefined ? undefined : await changedSinceRef(ref, loaded, io.cwd, lang);
  if (changedIds !== undefined && options.output.verbosity !== 'quiet') {
    const text = cliTextOf(lang);
    const line =
      changedIds.size === 0
        ? text.changedSinceNone(ref ?? '')
        : text.changedSince(ref ?? '', [...changedIds]);
    io.stderr.write(`${line}\n`);
  }
  return resourceSelector({ shard: options.selection.shard, changedIds });
}

/** Workflow annotations on the roadmap's lines, and the job summary when Actions asks for one. */
async function writeGithubOutput(
  report: Report,
  options: ResolvedOptions,
  io: CommandIo,
): Promise<void> {
  // GitHub places annotations by repository path; the workflow runs at the repository root.
  const file = repositoryPath(report.roadmap.path, io.cwd);
  for (const annotation of reportAnnotations(report, {
    failing: options.report.failOn,
    file,
    lang: options.report.lang,
  })) {
    io.stdout.write(`${formatAnnotation(annotation)}\n`);
  }
  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  if (summaryFile !== undefined && summaryFile !== '') {
    const summary = renderJobSummary(report, {
      failing: options.report.failOn,
      lang: options.report.lang,
    });
    await appendText(summaryFile, summary, 'jobSummary', options.report.lang);
  }
}

/** Adds `check` to the program. No option has a commander default: see options/defaults.ts. */
export function registerCheckCommand(program: Command, run: RunCommand): void {
  const command = program
    .command('check')
    .description(
      'check every resource and mirror, and write the reports (report.json, report.md, ...)',
    )
    .argument('[roadmap]', 'roadmap file', 'roadmap.yaml')
    .option(
      '-o, --out <dir>',
      'directory for the reports, or - for report.json on stdout (default: reports)',
    )
    .option('--reports <list>', REPORTS_HELP)
    .option('--lang <lang>', LANG_HELP)
    .option('--concurrency <n>', 'requests in flight across all hosts (default: 512)')
    .option('--per-host <n>', 'requests in flight per host (default: 8)')
    .option(
      '--workers <n>',
      'worker threads sharing the links, or auto: cores − 1 on 4+ cores for large lists (default: auto)',
    )
    .option(
      '--timeout <duration>',
      'deadline per request attempt, e.g. 20s or 500ms (default: 20s)',
    )
    .option(
      '--max-time-per-link <duration>',
      'most time one link may take: attempts, waits between them and redirects (default: 25s)',
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
      collectRepeated,
    )
    .option(
      '--exclude <regex>',
      'skip URLs matching this regular expression (repeatable)',
      collectRepeated,
    );
  addFailOnOption(command, 'make the run exit 1');
  command
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
      collectRepeated,
    )
    .option('--ca-file <pem>', 'also trust the CA certificates in this PEM file')
    .option('--shard <i/n>', 'check only part i of n of the resources (a stable split by id)')
    .option(
      '--changed-since <git-ref>',
      'check only resources added, or whose url or mirrors changed, since this git ref',
    )
    .option(
      '--format <format>',
      'what stdout gets: text (the summary, default), json (report.json alone), or github (workflow annotations, job summary)',
    )
    .option(
      '--archive',
      'ask the Wayback Machine for a snapshot of every broken link (shown in the reports)',
    )
    .option('--cache <file>', 'reuse ok results recorded in this file instead of fetching again')
    .option('--max-age <duration>', 'how old a cached ok result may be, e.g. 12h (default: 1d)')
    .option(
      '--region-rules <file|url>',
      'also judge region access by this rules file or URL: YAML rules or an AutoProxy list such as gfwlist (repeatable)',
      collectRepeated,
    )
    .option('-q, --quiet', 'print nothing but errors')
    .option('-v, --verbose', 'print every result as it arrives')
    .action((file: string, flags: CheckFlags) => run((io) => checkCommand(file, flags, io)));
}
