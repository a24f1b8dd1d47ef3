/**
 * Reading a report.json back (`curate merge`, `diff`, `fix --from`, `history`): every problem is
 * an `InputError` naming the file and the field, never a stack trace. A version 1 report is
 * upgraded to the current shape first.
 */
import { InputError, type InputProblem } from '../errors.js';
import { ReportSchema, type Report } from './schema.js';
import { isReportV1, upgradeReportV1 } from './upgrade-v1.js';

/** Parses report.json text written by `curate check` or `curate merge`, of any version read. */
export function parseReport(text: string, file: string): Report {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new InputError(
      `${file} is not a report.`,
      [{ file, line: 0, column: 0, path: '', message: `not JSON: ${message}` }],
      { cause: error, hint: 'pass the report.json that `curate check` wrote' },
    );
  }
  const parsed = ReportSchema.safeParse(isReportV1(data) ? upgradeReportV1(data) : data);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.slice(0, 20).map((issue): InputProblem => ({
    file,
    line: 0,
    column: 0,
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  throw new InputError(`${file} is not a valid report.json.`, problems, {
    hint: 'pass the report.json that `curate check` wrote, with the same version of curate',
  });
}
