/**
 * Every report a test produces is checked here, since production writes report.json without
 * validating it (issue 16): against the zod schema, against schema/report.schema.json (the
 * contract readers of report.json get), and for its text: what `renderJson` streams must be
 * exactly what the zod-parsed report prints, keys in schema order.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import Ajv2020 from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { z } from 'zod';
import { renderJson } from '../../src/report/json.js';
import { ReportSchema, type Report } from '../../src/report/schema.js';

const jsonSchema = JSON.parse(
  readFileSync(new URL('../../schema/report.schema.json', import.meta.url), 'utf8'),
) as object;

// CommonJS whose module.exports is also their `default`: the same value either way.
const ajv = new Ajv2020.default({ allErrors: true, strict: false });
ajvFormats.default(ajv);
const validateJsonSchema = ajv.compile(jsonSchema);

/** Throws with what broke, unless `value` is a valid report rendered in schema order; returns it typed. */
export function expectValidReport(value: unknown): Report {
  const parsed = ReportSchema.safeParse(value);
  if (!parsed.success) {
    throw new Error(`The report does not match its zod schema:\n${z.prettifyError(parsed.error)}`);
  }
  if (!validateJsonSchema(value)) {
    throw new Error(
      `The report does not match schema/report.schema.json:\n${ajv.errorsText(validateJsonSchema.errors, { separator: '\n' })}`,
    );
  }
  const rendered = renderJson(value as Report);
  const expected = `${JSON.stringify(parsed.data, null, 2)}\n`;
  if (rendered !== expected) {
    const line = firstDifferentLine(rendered, expected);
    throw new Error(`renderJson differs from the schema-ordered report at line ${String(line)}`);
  }
  return parsed.data;
}

/** Reads a written report.json and checks it as `expectValidReport` does. */
export async function readValidReport(path: string): Promise<Report> {
  return expectValidReport(JSON.parse(await readFile(path, 'utf8')));
}

function firstDifferentLine(a: string, b: string): number {
  const aLines = a.split('\n');
  const bLines = b.split('\n');
  return aLines.findIndex((line, index) => line !== bLines[index]) + 1;
}
