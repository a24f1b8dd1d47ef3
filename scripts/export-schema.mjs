// Writes schema/report.schema.json and schema/roadmap.schema.json from their zod schemas, the one
// source of truth. Run after `npm run build`: it reads the compiled schemas from dist/.
import { writeFile } from 'node:fs/promises';
import { stdout } from 'node:process';
import { URL, fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { z } from 'zod';
import { REPORT_JSON_SCHEMA_HEADER } from '../dist/report/json.js';
import { ReportSchema } from '../dist/report/schema.js';
import { ROADMAP_JSON_SCHEMA_HEADER, RoadmapSchema } from '../dist/roadmap/schema.js';

/** Writes one zod schema as a formatted JSON Schema file under schema/. */
async function exportSchema(name, schema, header) {
  const outFile = fileURLToPath(new URL(`../schema/${name}`, import.meta.url));
  const { $schema, ...body } = z.toJSONSchema(schema);
  // `$schema` first, then the identity, then the body: the order people expect when reading the file.
  const document = { $schema, ...header, ...body };
  // Formatted as the repository's Prettier config would, so `format:check` passes on the output.
  const text = await format(JSON.stringify(document), {
    ...(await resolveConfig(outFile)),
    filepath: outFile,
  });
  await writeFile(outFile, text, 'utf8');
  stdout.write(`wrote ${outFile}\n`);
}

await exportSchema('report.schema.json', ReportSchema, REPORT_JSON_SCHEMA_HEADER);
await exportSchema('roadmap.schema.json', RoadmapSchema, ROADMAP_JSON_SCHEMA_HEADER);
