// Writes schema/report.schema.json from the report's zod schema, the one source of truth.
// Run after `npm run build`: it reads the compiled schema from dist/.
import { writeFile } from 'node:fs/promises';
import { stdout } from 'node:process';
import { URL, fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { z } from 'zod';
import { REPORT_JSON_SCHEMA_HEADER } from '../dist/report/json.js';
import { ReportSchema } from '../dist/report/schema.js';

const outFile = fileURLToPath(new URL('../schema/report.schema.json', import.meta.url));
const { $schema, ...body } = z.toJSONSchema(ReportSchema);
// `$schema` first, then the identity, then the body: the order people expect when reading the file.
const document = { $schema, ...REPORT_JSON_SCHEMA_HEADER, ...body };
// Formatted as the repository's Prettier config would, so `format:check` passes on the output.
const text = await format(JSON.stringify(document), {
  ...(await resolveConfig(outFile)),
  filepath: outFile,
});
await writeFile(outFile, text, 'utf8');
stdout.write(`wrote ${outFile}\n`);
