/**
 * The JSON report: the machine-readable record of a run, checked against its own schema on the
 * way out so a written report.json always matches `schema/report.schema.json`.
 */
import { z } from 'zod';
import { InternalError } from '../errors.js';
import { REPORT_SCHEMA_VERSION, ReportSchema } from './schema.js';
import type { Report } from './schema.js';

/** The `$id` and `title` added to the exported JSON Schema (`scripts/export-schema.mjs`). */
export const REPORT_JSON_SCHEMA_HEADER = {
  $id: `urn:curate:report:v${REPORT_SCHEMA_VERSION}`,
  title: 'curate link report',
} as const;

/** Renders a report as pretty JSON with a trailing newline; throws InternalError if it breaks the schema. */
export function renderJson(report: Report): string {
  const parsed = ReportSchema.safeParse(report);
  if (!parsed.success) {
    // buildReport produces every report, so a schema mismatch is a bug, not bad input.
    throw new InternalError(
      `The report does not match its schema:\n${z.prettifyError(parsed.error)}`,
      {
        cause: parsed.error,
      },
    );
  }
  // The parsed copy lists keys in schema order, whatever order the caller built them in.
  return `${JSON.stringify(parsed.data, null, 2)}\n`;
}
