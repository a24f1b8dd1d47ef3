/**
 * Reads `roadmap.yaml` and turns it into a validated `Roadmap` that still knows where each value
 * came from, so every later finding can point at `file:line:column`. All problems are reported at
 * once, as an `InputError`; bad input never reaches the user as a stack trace.
 */
import { readFile, stat } from 'node:fs/promises';
import type { SourcePosition } from '../domain.js';
import { InputError } from '../errors.js';
import type { InputProblem } from '../errors.js';
import { problemsFromIssues } from './issues.js';
import { RoadmapSchema } from './schema.js';
import type { Roadmap } from './schema.js';
import type { FieldPath } from './walk.js';
import { explainYamlProblems } from './yaml-problems.js';
import { readYamlSource } from './yaml-source.js';
import { isLang, roadmapLoadTextOf, type Lang, type ReadFailureCode } from '../i18n/index.js';

/** A validated roadmap plus its source, for messages that point into the file. */
export type LoadedRoadmap = {
  file: string;
  text: string;
  roadmap: Roadmap;
  /** 1-based position of the value at `path`, else of its nearest existing parent; 0:0 if none. */
  locate(path: FieldPath): SourcePosition;
};

/** Largest roadmap file `loadRoadmap` reads, in bytes. @default 5 MiB */
export const DEFAULT_MAX_ROADMAP_BYTES = 5 * 1024 * 1024;

/**
 * The language of the problems: one language, or how to choose it from the roadmap's own
 * `lang:` (undefined until the file parses, or when it declares none), as `--lang` and the
 * locale would around it.
 */
export type LangChoice = Lang | ((roadmapLang: Lang | undefined) => Lang);

function chooseLang(choice: LangChoice | undefined, roadmapLang: Lang | undefined): Lang {
  if (choice === undefined) return 'en';
  return typeof choice === 'function' ? choice(roadmapLang) : choice;
}

/** Reads and validates a roadmap file; refuses directories and files over `maxBytes` unread. */
export async function loadRoadmap(
  file: string,
  options: { maxBytes?: number; lang?: LangChoice } = {},
): Promise<LoadedRoadmap> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_ROADMAP_BYTES;
  const lang = chooseLang(options.lang, undefined);
  const words = roadmapLoadTextOf(lang);
  const info = await stat(file).catch((error: unknown) => {
    throw unreadable(file, error, lang);
  });
  if (info.isDirectory()) {
    throw refused(file, words.isDirectory, words.isDirectoryHint, lang);
  }
  // A FIFO or device could block forever or never end.
  if (!info.isFile()) {
    throw refused(file, words.notRegularFile, words.notRegularFileHint, lang);
  }
  const tooBig = (size: number): InputError =>
    refused(file, words.tooBig(words.bytes(size), words.bytes(maxBytes)), words.tooBigHint, lang);
  if (info.size > maxBytes) {
    throw tooBig(info.size);
  }
  const bytes = await readFile(file).catch((error: unknown) => {
    throw unreadable(file, error, lang);
  });
  // The file may have grown between stat and read.
  if (bytes.length > maxBytes) {
    throw tooBig(bytes.length);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw refused(file, words.notUtf8, words.notUtf8Hint, lang);
  }
  return parseRoadmap(text, file, options.lang);
}

/** Parses and validates roadmap text; `file` is only used in messages. */
export function parseRoadmap(text: string, file: string, langChoice?: LangChoice): LoadedRoadmap {
  const read = readYamlSource(text, file);
  const lang = chooseLang(
    langChoice,
    read.kind === 'ok' ? declaredLang(read.source.data) : undefined,
  );
  const words = roadmapLoadTextOf(lang);
  const yaml = explainYamlProblems(text, read, lang);
  if (yaml.kind === 'failed') {
    throw invalid(file, yaml.problems, lang);
  }
  const { source } = yaml;
  const { data } = source;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const position = data === null ? { line: 0, column: 0 } : source.locate([]);
    const message =
      data === null
        ? words.emptyFile
        : words.topLevel(Array.isArray(data) ? 'list' : 'value', JSON.stringify(data));
    throw invalid(
      file,
      [...yaml.problems, { file, ...position, path: '', message, hint: words.topLevelHint }],
      lang,
    );
  }
  const result = RoadmapSchema.safeParse(data);
  const schemaProblems = result.success
    ? []
    : problemsFromIssues(result.error.issues, { file, schema: RoadmapSchema, ...source, words });
  const problems = [...yaml.problems, ...schemaProblems];
  if (!result.success || problems.length > 0) {
    throw invalid(file, problems, lang);
  }
  return { file, text, roadmap: result.data, locate: (path) => source.locate(path) };
}

/** The `lang:` a parsed roadmap declares, read before the schema judges the rest. */
function declaredLang(data: unknown): Lang | undefined {
  if (data === null || typeof data !== 'object' || !('lang' in data)) return undefined;
  const { lang } = data;
  return typeof lang === 'string' && isLang(lang) ? lang : undefined;
}

function invalid(file: string, problems: readonly InputProblem[], lang: Lang): InputError {
  return new InputError(roadmapLoadTextOf(lang).notValidRoadmap(file, problems.length), problems, {
    lang,
  });
}

function refused(file: string, message: string, hint: string, lang: Lang): InputError {
  return new InputError(
    roadmapLoadTextOf(lang).fileSays(file, message),
    [{ file, line: 0, column: 0, path: '', message, hint }],
    { hint, lang },
  );
}

function unreadable(file: string, error: unknown, lang: Lang): InputError {
  const words = roadmapLoadTextOf(lang);
  const code = error instanceof Error && 'code' in error ? String(error.code) : undefined;
  const [message, hint] = (isReadFailureCode(code) ? words.readFailure[code] : undefined) ?? [
    words.cannotRead(error instanceof Error ? error.message : String(error)),
    words.cannotReadHint,
  ];
  return new InputError(
    words.fileSays(file, message),
    [{ file, line: 0, column: 0, path: '', message, hint }],
    { hint, cause: error, lang },
  );
}

function isReadFailureCode(code: string | undefined): code is ReadFailureCode {
  return ['ENOENT', 'ENOTDIR', 'EACCES', 'EPERM', 'ELOOP', 'ENAMETOOLONG'].includes(code ?? '');
}
