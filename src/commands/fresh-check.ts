/**
 * The check `fix` and `mirrors` run when no `--from` report is given: a full `check` of the
 * roadmap (writing its reports, with progress), whose report they then work from.
 */
import { resolveOptions, type CurateFlags } from '../options.js';
import { createProgressReporter } from '../progress/reporter.js';
import type { Report } from '../report/schema.js';
import { roadmapLangChooser } from '../options/lang.js';
import { loadRoadmap, type LoadedRoadmap } from '../roadmap/load.js';
import type { ResolvedOptions } from '../options.js';
import { runCheck, type RunDeps, type RunOutcome } from '../run.js';
import type { CommandIo } from './io.js';
import { readReportFile } from './read-input.js';
import { cliTextOf, type Lang } from '../i18n/index.js';

/** The fresh report with its roadmap, or that the network was down (already said on stderr). */
export type FreshCheck =
  { kind: 'report'; report: Report; loaded: LoadedRoadmap } | { kind: 'network-down' };

/** The report a command works from, with the roadmap it is about; `loaded` when a check ran now. */
export type ReportSource =
  | { kind: 'report'; report: Report; roadmapFile: string; loaded?: LoadedRoadmap }
  | { kind: 'network-down' };

/**
 * The report `--from` names (its roadmap unless `file` says another), else `checkNow` of `file`
 * or roadmap.yaml: what `fix` and `mirrors` both start from.
 */
export async function reportFromFileOrCheck(
  from: string | undefined,
  file: string | undefined,
  checkNow: (roadmapFile: string) => Promise<FreshCheck>,
  lang?: Lang,
): Promise<ReportSource> {
  if (from !== undefined) {
    const report = await readReportFile(from, lang);
    return { kind: 'report', report, roadmapFile: file ?? report.roadmap.path };
  }
  const roadmapFile = file ?? 'roadmap.yaml';
  const fresh = await checkNow(roadmapFile);
  return fresh.kind === 'report' ? { ...fresh, roadmapFile } : fresh;
}

/** Checks the roadmap now; `networkDownText` is the command's own line for a dead network. */
export async function checkRoadmapNow(
  file: string,
  flags: CurateFlags,
  io: CommandIo,
  networkDownText: (lang: Lang) => string,
  lookups: { isArchiveLookupOn?: boolean } = {},
): Promise<FreshCheck> {
  const loaded = await loadRoadmap(file, { lang: roadmapLangChooser(flags.lang, io.env) });
  const options = resolveOptions(flags, loaded.roadmap.settings, io.env, loaded.roadmap.lang);
  const text = cliTextOf(options.report.lang ?? 'en');
  for (const warning of options.warnings) io.stderr.write(`${text.warning(warning)}\n`);
  const outcome = await runCheckWithProgress(loaded, options, io, {
    ...(lookups.isArchiveLookupOn === true ? { isArchiveLookupOn: true } : {}),
  });
  if (outcome.isNetworkDown) {
    io.stderr.write(`${networkDownText(options.report.lang ?? 'en')}\n`);
    return { kind: 'network-down' };
  }
  return { kind: 'report', report: outcome.report, loaded };
}

/** What a command adds to a run's deps; the clock, the signal and the progress line are set here. */
export type CommandRunDeps = Omit<RunDeps, 'toolVersion' | 'now' | 'signal' | 'onProgress'>;

/**
 * One `check` run with the progress line on stderr, as every command that checks runs it
 * (`check`, and `fix` and `mirrors` without `--from`). The line is cleared before a dead-network
 * message and when the run ends, also when it throws (a report not writable).
 */
export function runCheckWithProgress(
  loaded: LoadedRoadmap,
  options: ResolvedOptions,
  io: CommandIo,
  extra: CommandRunDeps = {},
): Promise<RunOutcome> {
  const progress = createProgressReporter(
    io.stderr,
    options.output.verbosity,
    () => Date.now(),
    options.report.lang ?? 'en',
  );
  const { onNetworkDown } = extra;
  // Said once the progress line is gone, which would otherwise draw over them.
  const workerCrashes: string[] = [];
  const text = cliTextOf(options.report.lang ?? 'en');
  const finish = (): void => {
    progress.finish();
    for (const crash of workerCrashes.splice(0)) {
      io.stderr.write(`${text.warning(text.workerCrashed(crash))}\n`);
    }
  };
  return runCheck(loaded, options, {
    toolVersion: io.toolVersion,
    now: () => new Date(),
    signal: io.interruptSignal,
    onProgress: progress.onProgress,
    onWorkerCrash: (message) => workerCrashes.push(message),
    ...extra,
    ...(onNetworkDown === undefined
      ? {}
      : {
          onNetworkDown: (verdict) => {
            progress.finish();
            onNetworkDown(verdict);
          },
        }),
  }).finally(finish);
}
