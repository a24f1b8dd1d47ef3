/**
 * `curate fix [roadmap]`: rewrites every URL that moved permanently to where it moved, from a
 * report (`--from`) or a fresh check, and leaves every other byte of the file as it was.
 */
import type { Command } from 'commander';
import { EXIT_CODES, type ExitCode } from '../errors.js';
import { cliTextOf, commandOutputTextOf, commandTextOf, type Lang } from '../i18n/index.js';
import type { CurateFlags } from '../options.js';
import { roadmapLangOf } from '../options/lang.js';
import { writeFileAtomically } from '../report/write.js';
import { archiveFixesFromReport, fixesFromReport } from '../roadmap/fix.js';
import { applyUrlFixes, type FixResult } from '../roadmap/fix-splice.js';
import { renderUnifiedDiff } from '../roadmap/unified-diff.js';
import { checkRoadmapNow, reportFromFileOrCheck } from './fresh-check.js';
import { collectRepeated, type CommandIo, type RunCommand } from './io.js';
import { readInputFile } from './read-input.js';

/** Raw flags of `curate fix`: its own, plus the network flags of a fresh check. */
export type FixFlags = Pick<
  CurateFlags,
  | 'out'
  | 'only'
  | 'proxy'
  | 'allowPrivate'
  | 'connectTo'
  | 'caFile'
  | 'timeout'
  | 'maxTimePerLink'
  | 'retries'
  | 'quiet'
> & { from?: string; dryRun?: boolean; archive?: boolean };

/**
 * Fixes moved URLs in the roadmap. Exits 0 when the fixes are applied (or shown, with
 * `--dry-run`), also when there is nothing to fix; 3 when a fresh check finds no network.
 */
export async function fixCommand(
  file: string | undefined,
  flags: FixFlags,
  io: CommandIo,
): Promise<ExitCode> {
  const source = await reportFromFileOrCheck(
    flags.from,
    file,
    (roadmapFile) =>
      checkRoadmapNow(roadmapFile, flags, io, (lang) => commandTextOf(lang).fixNetworkDown, {
        isArchiveLookupOn: flags.archive === true,
      }),
    io.lang,
  );
  if (source.kind === 'network-down') return EXIT_CODES.networkDown;
  const { report, roadmapFile } = source;
  const text = await readInputFile(roadmapFile, 'roadmap', io.lang);
  // fix has no --lang: the roadmap's lang: comes first, then the locale (io.lang).
  const lang = roadmapLangOf(text) ?? io.lang ?? 'en';
  if (normalisePath(report.roadmap.path) !== normalisePath(roadmapFile)) {
    const warning = commandTextOf(lang).fixOtherRoadmap(report.roadmap.path, roadmapFile);
    io.stderr.write(`${cliTextOf(lang).warning(warning)}\n`);
  }
  // --archive is opt-in: a snapshot is a frozen copy, not the living page the roadmap chose.
  const fixes = [
    ...fixesFromReport(report),
    ...(flags.archive === true ? archiveFixesFromReport(report) : []),
  ];
  const result = applyUrlFixes(text, fixes, roadmapFile);
  if (flags.dryRun === true) {
    io.stdout.write(renderUnifiedDiff(text, result.edits, roadmapFile));
  } else if (result.text !== text) {
    await writeFileAtomically(roadmapFile, result.text, 'roadmap', lang);
  }
  io.stderr.write(describeFixes(result, roadmapFile, flags.dryRun === true, lang));
  return EXIT_CODES.ok;
}

/**
 * What was (or would be) rewritten, and each fix skipped with why: `1 moved URL`, and with
 * --archive `and 2 dead URLs to their archived copy`.
 */
export function describeFixes(
  result: FixResult,
  file: string,
  isDryRun: boolean,
  lang: Lang = 'en',
): string {
  const words = commandOutputTextOf(lang);
  const archived = result.applied.filter((fix) => fix.keepsOriginal === true).length;
  const moved = result.applied.length - archived;
  const lines = [words.fixSummary(file, isDryRun, moved, archived, result.skipped.length)];
  for (const { fix, reason } of result.skipped) {
    lines.push(words.fixSkipped(file, fix.line, fix.from, fix.to, words.fixSkipReason[reason]));
  }
  return `${lines.join('\n')}\n`;
}

function normalisePath(path: string): string {
  return path.replaceAll('\\', '/').replace(/^(\.\/)+/, '');
}

/** Adds `fix` to the program. */
export function registerFixCommand(program: Command, run: RunCommand): void {
  program
    .command('fix')
    .description('rewrite permanently redirected URLs in the roadmap, keeping everything else')
    .argument('[roadmap]', "roadmap file (default: the report's roadmap, else roadmap.yaml)")
    .option('--from <report>', 'take the redirects from this report.json instead of checking now')
    .option('--dry-run', 'print the changes as a unified diff and write nothing')
    .option(
      '--archive',
      'also replace broken URLs by their Wayback Machine snapshot, keeping the old one as original_url (without --from: the check looks them up)',
    )
    .option(
      '-o, --out <dir>',
      'without --from: where the check writes its reports (default: reports)',
    )
    .option(
      '--only <id>',
      'without --from: check only this resource or section id',
      collectRepeated,
    )
    .option('--proxy <url>', 'without --from: proxy for every request')
    .option('--allow-private', 'without --from: allow loopback and private targets')
    .option(
      '--connect-to <map>',
      'without --from: host:port:address:port (repeatable)',
      collectRepeated,
    )
    .option('--ca-file <pem>', 'without --from: also trust these CA certificates')
    .option('--timeout <duration>', 'without --from: deadline per request attempt')
    .option(
      '--max-time-per-link <duration>',
      'without --from: most time one link may take, retries included',
    )
    .option('--retries <n>', 'without --from: extra attempts for 429, 5xx and network errors')
    .option('-q, --quiet', 'without --from: no progress')
    .action((file: string | undefined, flags: FixFlags) =>
      run((io) => fixCommand(file, flags, io)),
    );
}
