/**
 * Writes rendered reports to disk. Each file is written to a temporary name and renamed into
 * place, so a reader (or a CI step) never sees a half-written report. A report given in chunks
 * is rendered while it is written, so no string of the whole report is ever built.
 */
import { randomUUID } from 'node:crypto';
import { appendFile, mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InternalError, ReportWriteError } from '../errors.js';
import {
  reportFilesTextOf,
  type Lang,
  type ReportFilesText,
  type WrittenFileKind,
} from '../i18n/index.js';

/**
 * One rendered report: a plain file name inside the output directory and its text, whole or
 * in chunks (rendered lazily, as they are written).
 */
export type ReportFile = { name: string; content: string | Iterable<string> };

/** Chunks are gathered up to about this many characters per write: few system calls, small strings. */
const WRITE_BATCH_CHARS = 64 * 1024;

/**
 * Creates `outDir` if needed and writes each file atomically; returns the written paths in order.
 * A failure is a `ReportWriteError` in `lang`.
 */
export async function writeReports(
  outDir: string,
  files: readonly ReportFile[],
  lang: Lang = 'en',
): Promise<string[]> {
  const words = reportFilesTextOf(lang);
  try {
    await mkdir(outDir, { recursive: true });
  } catch (error) {
    throw new ReportWriteError(words.cannotCreateReportDir(outDir, messageOf(error)), {
      hint: hintFor(error, outDir, words),
      cause: error,
      lang,
    });
  }
  const written: string[] = [];
  // One at a time, so a failure names the first file that could not be written.
  for (const file of files) {
    written.push(await writeAtomically(outDir, file, lang));
  }
  return written;
}

async function writeAtomically(outDir: string, file: ReportFile, lang: Lang): Promise<string> {
  if (file.name === '' || basename(file.name) !== file.name) {
    throw new InternalError(`Report file name must be a plain file name, got "${file.name}"`);
  }
  const path = join(outDir, file.name);
  // Same directory as the target: rename is only atomic within one file system.
  const tempPath = join(outDir, `.${file.name}.${randomUUID()}.tmp`);
  try {
    await (typeof file.content === 'string'
      ? writeFile(tempPath, file.content, 'utf8')
      : writeChunks(tempPath, file.content));
    await rename(tempPath, path);
    return path;
  } catch (error) {
    await rm(tempPath, { force: true }).catch(() => undefined);
    // A renderer's bug surfaces here, as its chunks are rendered: it is not a write failure.
    if (!isFileSystemError(error)) throw error;
    const words = reportFilesTextOf(lang);
    throw new ReportWriteError(words.cannotWriteReport(path, messageOf(error)), {
      hint: hintFor(error, outDir, words),
      cause: error,
      lang,
    });
  }
}

async function writeChunks(path: string, chunks: Iterable<string>): Promise<void> {
  const handle = await open(path, 'w');
  try {
    // Each writeFile on the handle writes all it is given at the current position: an append.
    let batch: string[] = [];
    let batchChars = 0;
    for (const chunk of chunks) {
      batch.push(chunk);
      batchChars += chunk.length;
      if (batchChars >= WRITE_BATCH_CHARS) {
        await handle.writeFile(batch.join(''), 'utf8');
        batch = [];
        batchChars = 0;
      }
    }
    if (batchChars > 0) await handle.writeFile(batch.join(''), 'utf8');
  } finally {
    await handle.close();
  }
}

/** Whether an error came from the file system (it names a system call), not from a renderer. */
function isFileSystemError(error: unknown): boolean {
  return error instanceof Error && 'syscall' in error;
}

/**
 * Writes one file atomically (temporary name, then rename), creating its directory: for files
 * other than the reports, such as the roadmap `curate fix` rewrites, history.json or the cache.
 * `what` says which file it is in the messages, which are in `lang`.
 */
export async function writeFileAtomically(
  path: string,
  content: string,
  what: WrittenFileKind,
  lang: Lang = 'en',
): Promise<void> {
  const dir = dirname(path);
  const tempPath = join(dir, `.${basename(path)}.${randomUUID()}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(tempPath, content, 'utf8');
    await rename(tempPath, path);
  } catch (error) {
    await rm(tempPath, { force: true }).catch(() => undefined);
    const words = reportFilesTextOf(lang);
    throw new ReportWriteError(
      words.cannotWriteFile(words.writtenFile[what], path, messageOf(error)),
      { hint: words.cannotWriteFileHint(dir), cause: error, lang },
    );
  }
}

/** Appends text to a file that others write too, such as `$GITHUB_STEP_SUMMARY`. */
export async function appendText(
  path: string,
  text: string,
  what: WrittenFileKind,
  lang: Lang = 'en',
): Promise<void> {
  try {
    await appendFile(path, text, 'utf8');
  } catch (error) {
    const words = reportFilesTextOf(lang);
    throw new ReportWriteError(
      words.cannotAppend(words.writtenFile[what], path, messageOf(error)),
      {
        cause: error,
        lang,
      },
    );
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What a person can do about the usual file system errors. */
function hintFor(error: unknown, outDir: string, words: ReportFilesText): string {
  const code =
    error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : '';
  switch (code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return words.outDirNotWritable(outDir);
    case 'ENOTDIR':
    case 'EEXIST':
      return words.outDirIsFile(outDir);
    case 'EISDIR':
      return words.outDirHasDirectory(outDir);
    case 'ENOSPC':
    case 'EDQUOT':
      return words.diskFull;
    default:
      return words.otherOutDir;
  }
}
