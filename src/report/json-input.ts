/**
 * Reading back a JSON file curate wrote earlier (a report, the history): text that is not JSON,
 * or JSON of the wrong shape, is an `InputError` naming the file and each field, never a stack
 * trace. JSON carries no useful positions, so every problem is at line 0.
 */
import type { z } from 'zod';
import { InputError, type InputProblem } from '../errors.js';
import { reportFilesTextOf, type Lang } from '../i18n/index.js';

/** Parses `text` read from `file`; not JSON → an `InputError` with `message` and `hint`. */
export function parseJsonInput(
  text: string,
  file: string,
  notJson: { message: string; hint?: string; lang?: Lang },
): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(
      notJson.message,
      [
        {
          file,
          line: 0,
          column: 0,
          path: '',
          message: reportFilesTextOf(notJson.lang ?? 'en').notJson(reason),
        },
      ],
      {
        cause: error,
        lang: notJson.lang,
        ...(notJson.hint === undefined ? {} : { hint: notJson.hint }),
      },
    );
  }
}

/** A schema's complaints about `file`, one problem per issue, each naming its field path. */
export function schemaProblems(file: string, issues: readonly z.core.$ZodIssue[]): InputProblem[] {
  return issues.map((issue) => ({
    file,
    line: 0,
    column: 0,
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}
