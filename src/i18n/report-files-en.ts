/**
 * The reference texts of what curate says about the report files it reads back (report.json,
 * history.json) and merges, and about files it cannot write. zh-CN (report-files-zh-CN.ts) is
 * typed against this. File names, flags and system error text stay as written.
 */
import type { TextsOf } from './catalog.js';
import { plural, pluralForm } from '../text/plural.js';

/** A shard's report as the "different splits" error describes it. */
export type ShardOfFile = { file: string; index: string; total: string };

export const REPORT_FILES_TEXT_EN = {
  // report/json-input.ts: the problem under a file that is not JSON (JSON.parse's reason as given).
  notJson: (reason: string) => `not JSON: ${reason}`,
  // report/parse.ts
  reportNotJson: (file: string) => `${file} is not a report.`,
  reportNotJsonHint: 'pass the report.json that `curate check` wrote',
  reportInvalid: (file: string) => `${file} is not a valid report.json.`,
  reportInvalidHint:
    'pass the report.json that `curate check` wrote, with the same version of curate',
  // report/merge.ts
  mergeNothing: 'curate merge needs at least one report.',
  mergeVersions: (versions: readonly string[]) =>
    `Cannot merge reports of schema versions ${versions.join(' and ')}.`,
  mergeVersionsHint: 'write all reports with the same version of curate',
  mergeRoadmaps: (roadmaps: readonly string[]) =>
    `Cannot merge reports of different roadmaps: ${roadmaps.join(', ')}.`,
  mergeRoadmapsHint: 'merge only the shards of one run over one roadmap',
  mergeConflict: (id: string) => `Resource "${id}" appears in two reports with different results.`,
  mergeConflictHint: 'merge the shards of one run only (same --shard total, same roadmap)',
  // report/shard-set.ts
  shardTwice: (shard: string, files: readonly string[]) =>
    `shard ${shard} given ${files.length === 2 ? 'twice' : `${files.length} times`}: ${files.join(', ')}.`,
  shardTwiceHint: 'pass each shard’s report.json once, all from the same run',
  shardsMissing: (missing: string) => `${missing}: cannot merge an incomplete run.`,
  shardsMissingHint: (reports: number, missing: number) =>
    `pass the report.json of every shard, or --allow-partial to merge the ${plural(reports, 'report')} given (the merged report then says it is partial and which ${pluralForm(missing, 'shard')} ${pluralForm(missing, 'is', 'are')} missing)`,
  shardSplits: (vantage: string | undefined, shards: readonly ShardOfFile[]) =>
    `shards of different splits${vantage === undefined ? '' : ` (${vantage})`}: ${shards
      .map(({ file, index, total }) => `${file} is ${index}/${total}`)
      .join(', ')}.`,
  shardSplitsHint: 'merge the shards of one run, all checked with the same --shard total',
  // report/write.ts: the files curate writes besides the reports, as its errors name them.
  writtenFile: {
    roadmap: 'the roadmap',
    history: 'the history',
    cache: 'the cache',
    trackingIssue: 'the tracking issue',
    mirrors: 'mirrors.json',
    jobSummary: 'the job summary',
    /** A file `curate init` creates: its path says which. */
    file: 'the file',
  },
  cannotCreateReportDir: (dir: string, why: string) =>
    `Cannot create the report directory ${dir}: ${why}`,
  cannotWriteReport: (path: string, why: string) => `Cannot write the report ${path}: ${why}`,
  cannotWriteFile: (what: string, path: string, why: string) =>
    `Cannot write ${what} to ${path}: ${why}`,
  cannotWriteFileHint: (dir: string) => `Check that ${dir} exists and may be written to.`,
  cannotAppend: (what: string, path: string, why: string) =>
    `Cannot append ${what} to ${path}: ${why}`,
  // cache/cache-file.ts: a --cache file that cannot be used is ignored, with a warning.
  cacheUnreadable: (path: string, why: string) => `cannot read the cache ${path}: ${why}`,
  cacheNotCurate: (path: string) =>
    `${path} is not a curate cache file; checking everything and writing a new one.`,
  // commands/write-new-file.ts: `import -o` and `init` never replace a file unasked.
  newFileExists: (path: string) => `${path} already exists; curate does not overwrite it.`,
  newFileExistsHint: 'Pass --force to replace it, or write somewhere else.',
  // What a person can do about the usual file system errors when writing the reports.
  outDirNotWritable: (dir: string) =>
    `Check that you may write to ${dir}, or choose another directory with --out.`,
  outDirIsFile: (dir: string) =>
    `Part of ${dir} is a file, not a directory; choose another directory with --out.`,
  outDirHasDirectory: (dir: string) =>
    `A directory in ${dir} has the report's name; move it away or choose another --out.`,
  diskFull: 'The disk is full; free some space and run the check again.',
  otherOutDir: 'Choose another directory with --out.',
} as const;

/** What a file curate writes besides the reports is, to the messages about it. */
export type WrittenFileKind = keyof typeof REPORT_FILES_TEXT_EN.writtenFile;

/** The shape every language's report-file texts have: en's keys, strings widened. */
export type ReportFilesText = TextsOf<typeof REPORT_FILES_TEXT_EN>;
