/**
 * A validator for the official SARIF 2.1.0 JSON schema (OASIS, draft-04), vendored in
 * test/fixtures/sarif/ (see its README for source and licence), for the unit and e2e tests.
 */
import { readFileSync } from 'node:fs';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';

const schema = JSON.parse(
  readFileSync(new URL('../fixtures/sarif/sarif-schema-2.1.0.json', import.meta.url), 'utf8'),
) as object;

// Both are CommonJS whose module.exports is also their `default`: the same value either way.
const ajv = new AjvDraft04.default({ allErrors: true, strict: false });
ajvFormats.default(ajv);

/** Validates a parsed SARIF log; its `errors` say what broke the schema. */
export const validateSarif = ajv.compile(schema);
