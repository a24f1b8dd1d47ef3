/** Reading the input files of `diff`, `fix --from` and `history`, with errors a person can act on. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError, wholeFileProblem } from '../errors.js';
import { commandTextOf, type CommandText, type Lang } from '../i18n/index.js';
import { parseHistory, type History } from '../report/history.js';
import { parseReport } from '../report/parse.js';
import type { Report } from '../report/schema.js';

/** What an input file is to the command reading it, as its errors name it. */
export type InputFileKind = 'roadmap' | 'list' | 'report' | 'history';

/** The text of an input file; an unreadable file is an `InputError` (exit 2) naming it. */
export async function readInputFile(
  path: string,
  kind: InputFileKind,
  lang: Lang = 'en',
): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const words = commandTextOf(lang);
    const code = errorCode(error);
    const problem = readProblem(code, words) ?? String(error);
    const what = words.inputFile[kind];
    throw new InputError(
      words.cannotReadInput(what, path, problem),
      [wholeFileProblem(path, words.cannotReadInputProblem(what, problem))],
      { cause: error, lang },
    );
  }
}

/** Like `readInputFile`, but `undefined` when the file does not exist yet (a first run). */
export async function readOptionalInputFile(
  path: string,
  kind: InputFileKind,
  lang: Lang = 'en',
): Promise<string | undefined> {
  try {
    return await readInputFile(path, kind, lang);
  } catch (error) {
    if (error instanceof InputError && errorCode(error.cause) === 'ENOENT') return undefined;
    throw error;
  }
}

/** The usual reasons a file cannot be read, in the catalog's words; others keep the system's text. */
function readProblem(code: string | undefined, words: CommandText): string | undefined {
  switch (code ?? '') {
    case 'ENOENT':
      return words.noSuchFile;
    case 'EISDIR':
      return words.isDirectory;
    case 'EACCES':
    case 'EPERM':
      return words.noPermission;
    default:
      return undefined;
  }
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

/** Reads a report.json given on the command line; unreadable or invalid → `InputError` in `lang`. */
export async function readReportFile(path: string, lang: Lang = 'en'): Promise<Report> {
  return parseReport(await readInputFile(path, 'report', lang), path, lang);
}

/**
 * The history.json in a report directory, for report.html's trend: `undefined` when there is
 * none (a local run, a first audit); a malformed one is an `InputError` naming it.
 */
export async function readHistoryBeside(
  outDir: string,
  lang: Lang = 'en',
): Promise<History | undefined> {
  const path = join(outDir, 'history.json');
  const text = await readOptionalInputFile(path, 'history', lang);
  return text === undefined ? undefined : parseHistory(text, path, lang);
}
