/**
 * The JSON report: the machine-readable record of a run, `schema/report.schema.json`'s shape.
 * It is rendered in chunks, the head and then one resource at a time, so a report of 50,000
 * links is written to disk without one string of all of it; and it is not validated on the way
 * out (a zod pass over every result cost ~3% of a run's CPU, issue 16): `buildReport` makes
 * every report, so the tests validate what it makes (test/helpers/report-schema.ts checks each
 * report they produce against the zod schema and the JSON Schema).
 */
import { REPORT_SCHEMA_VERSION, ReportSchema, ResourceResultSchema } from './schema.js';
import { MirrorResultSchema } from './schema.js';
import type { MirrorResult, Report, ResourceResult } from './schema.js';

/** The `$id` and `title` added to the exported JSON Schema (`scripts/export-schema.mjs`). */
export const REPORT_JSON_SCHEMA_HEADER = {
  $id: `urn:curate:report:v${REPORT_SCHEMA_VERSION}`,
  title: 'curate link report',
} as const;

// The schema's key order, read off its shapes once: a report lists its keys in this order
// whichever stage added them (the region verdicts come after `mirrors` was set, for one).
const REPORT_KEYS = Object.keys(ReportSchema.shape);
const RESOURCE_KEYS = Object.keys(ResourceResultSchema.shape);
const MIRROR_KEYS = Object.keys(MirrorResultSchema.shape);

/** Renders a report as pretty JSON with a trailing newline, in one string. */
export function renderJson(report: Report): string {
  return [...renderJsonChunks(report)].join('');
}

/**
 * The same text as `renderJson`, in chunks: the report's head, then each resource (with its
 * mirrors), then the tail. What `JSON.stringify(report, null, 2)` would print with the keys
 * in schema order.
 */
export function* renderJsonChunks(report: Report): Generator<string> {
  const keys = REPORT_KEYS.filter((key) => readKey(report, key) !== undefined);
  yield '{';
  for (const [index, key] of keys.entries()) {
    const separator = index === 0 ? '\n' : ',\n';
    if (key === 'results' && report.results.length > 0) {
      yield `${separator}  "results": [`;
      for (const [resultIndex, result] of report.results.entries()) {
        const json = JSON.stringify(orderedResource(result), null, 2);
        yield `${resultIndex === 0 ? '\n' : ',\n'}    ${indented(json, '    ')}`;
      }
      yield '\n  ]';
    } else {
      yield `${separator}  ${JSON.stringify(key)}: ${indented(JSON.stringify(readKey(report, key), null, 2), '  ')}`;
    }
  }
  yield keys.length === 0 ? '}\n' : '\n}\n';
}

function orderedResource(result: ResourceResult): Record<string, unknown> {
  const ordered = inKeyOrder(result, RESOURCE_KEYS);
  if (result.mirrors.length > 0) {
    ordered.mirrors = result.mirrors.map((mirror: MirrorResult) => inKeyOrder(mirror, MIRROR_KEYS));
  }
  return ordered;
}

/** A shallow copy with `keys` first, in their order, and any other key after them. */
function inKeyOrder(value: object, keys: readonly string[]): Record<string, unknown> {
  const ordered: Record<string, unknown> = {};
  for (const key of keys) {
    const field = readKey(value, key);
    if (field !== undefined) ordered[key] = field;
  }
  // A key the schema does not know is a bug the tests catch; it is still written, not lost.
  for (const [key, field] of Object.entries(value)) {
    if (!(key in ordered)) ordered[key] = field;
  }
  return ordered;
}

function readKey(value: object, key: string): unknown {
  return (value as Record<string, unknown>)[key];
}

/** `json` nested at `indent`: JSON strings never hold a raw newline, so every one is a line. */
function indented(json: string, indent: string): string {
  return json.replaceAll('\n', `\n${indent}`);
}
