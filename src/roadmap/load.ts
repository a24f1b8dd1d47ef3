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
import { plural } from '../text/plural.js';

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

/** Reads and validates a roadmap file; refuses directories and files over `maxBytes` unread. */
export async function loadRoadmap(
  file: string,
  options: { maxBytes?: number } = {},
): Promise<LoadedRoadmap> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_ROADMAP_BYTES;
  const info = await stat(file).catch((error: unknown) => {
    throw unreadable(file, error);
  });
  if (info.isDirectory()) {
    throw refused(
      file,
      'is a directory, not a roadmap file',
      'pass the YAML file itself, e.g. roadmap.yaml',
    );
  }
  // A FIFO or device could block forever or never end.
  if (!info.isFile()) {
    throw refused(file, 'is not a regular file', 'pass a YAML file saved on disk');
  }
  const tooBig = (size: number): InputError =>
    refused(
      file,
      `is ${formatBytes(size)}, more than the ${formatBytes(maxBytes)} a roadmap may have`,
      'split the roadmap, or check that this is the right file',
    );
  if (info.size > maxBytes) {
    throw tooBig(info.size);
  }
  const bytes = await readFile(file).catch((error: unknown) => {
    throw unreadable(file, error);
  });
  // The file may have grown between stat and read.
  if (bytes.length > maxBytes) {
    throw tooBig(bytes.length);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw refused(
      file,
      'is not UTF-8 text',
      'save it as UTF-8 (GBK/GB2312 files are not supported)',
    );
  }
  return parseRoadmap(text, file);
}

/** Parses and validates roadmap text; `file` is only used in messages. */
export function parseRoadmap(text: string, file: string): LoadedRoadmap {
  const yaml = explainYamlProblems(text, readYamlSource(text, file));
  if (yaml.kind === 'failed') {
    throw invalid(file, yaml.problems);
  }
  const { source } = yaml;
  const { data } = source;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const found =
      data === null ? 'the file is empty' : `the top level is ${describeTopLevel(data)}`;
    const position = data === null ? { line: 0, column: 0 } : source.locate([]);
    throw invalid(file, [
      ...yaml.problems,
      {
        file,
        ...position,
        path: '',
        message: `${found}, but a roadmap is a mapping of keys such as version, title and sections`,
        hint: 'start the file with `version: 1`, then `title:` and `sections:`',
      },
    ]);
  }
  const result = RoadmapSchema.safeParse(data);
  const schemaProblems = result.success
    ? []
    : problemsFromIssues(result.error.issues, { file, schema: RoadmapSchema, ...source });
  const problems = [...yaml.problems, ...schemaProblems];
  if (!result.success || problems.length > 0) {
    throw invalid(file, problems);
  }
  return { file, text, roadmap: result.data, locate: (path) => source.locate(path) };
}

function describeTopLevel(data: unknown): string {
  return Array.isArray(data) ? 'a list' : `a single value (${JSON.stringify(data)})`;
}

function invalid(file: string, problems: readonly InputProblem[]): InputError {
  return new InputError(
    `${file} is not a valid roadmap (${plural(problems.length, 'problem')})`,
    problems,
  );
}

function refused(file: string, message: string, hint: string): InputError {
  return new InputError(
    `${file} ${message}`,
    [{ file, line: 0, column: 0, path: '', message, hint }],
    { hint },
  );
}

function unreadable(file: string, error: unknown): InputError {
  const code = error instanceof Error && 'code' in error ? String(error.code) : undefined;
  const [message, hint] = READ_FAILURES[code ?? ''] ?? [
    `cannot be read (${error instanceof Error ? error.message : String(error)})`,
    'check the path and the file',
  ];
  return new InputError(
    `${file} ${message}`,
    [{ file, line: 0, column: 0, path: '', message, hint }],
    {
      hint,
      cause: error,
    },
  );
}

const READ_FAILURES: Readonly<Record<string, readonly [message: string, hint: string]>> = {
  ENOENT: ['does not exist', 'check the path; it is relative to the current directory'],
  ENOTDIR: ['does not exist (a parent is not a directory)', 'check the path'],
  EACCES: ['cannot be read: permission denied', 'make the file readable for this user'],
  EPERM: ['cannot be read: permission denied', 'make the file readable for this user'],
  ELOOP: ['is a symbolic link loop', 'point at the real file'],
  ENAMETOOLONG: ['has a name that is too long', 'check the path'],
};

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${bytes} bytes`;
}
