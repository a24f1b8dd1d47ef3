/**
 * schema/roadmap.schema.json, the file editors read through the `yaml-language-server` modeline:
 * it is what zod makes of RoadmapSchema today, and a JSON Schema validator agrees with zod on the
 * bundled roadmap and on every fixture.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import {
  RESOURCE_KINDS,
  ROADMAP_JSON_SCHEMA_HEADER,
  RoadmapSchema,
} from '../src/roadmap/schema.js';
import { REPO_ROOT } from './helpers/cli.js';

const schemaFile = join(REPO_ROOT, 'schema', 'roadmap.schema.json');
const committed = JSON.parse(await readFile(schemaFile, 'utf8')) as Record<string, unknown>;
const ajv = new Ajv2020.default({ allErrors: true, strict: true });
const validateJsonSchema = ajv.compile(committed);

const fixtureDirs = ['test/fixtures/roadmaps', 'test/fixtures/roadmaps/invalid'];
const fixtures = (
  await Promise.all(
    fixtureDirs.map(async (dir) =>
      (await readdir(join(REPO_ROOT, dir)))
        .filter((name) => name.endsWith('.yaml'))
        .map((name) => join(dir, name)),
    ),
  )
).flat();

/** The file's data, or undefined when it is not YAML at all (then no schema is asked). */
async function readYamlData(file: string): Promise<{ data: unknown } | undefined> {
  const doc = parseDocument(await readFile(join(REPO_ROOT, file), 'utf8'), { uniqueKeys: true });
  if (doc.errors.length > 0) return undefined;
  try {
    return { data: doc.toJS({ maxAliasCount: 100 }) };
  } catch {
    // An alias bomb: the loader refuses it before any schema sees it.
    return undefined;
  }
}

describe('schema/roadmap.schema.json', () => {
  it('is what z.toJSONSchema makes of RoadmapSchema today (run `npm run schema` if not)', () => {
    expect(committed).toEqual({ ...z.toJSONSchema(RoadmapSchema), ...ROADMAP_JSON_SCHEMA_HEADER });
  });

  it('describes every key, so an editor explains what it completes', () => {
    const undescribed: string[] = [];
    const visit = (node: unknown, path: string): void => {
      if (typeof node !== 'object' || node === null) return;
      const record = node as Record<string, unknown>;
      const properties = (record['properties'] ?? {}) as Record<string, Record<string, unknown>>;
      for (const [key, value] of Object.entries(properties)) {
        if (typeof value['description'] !== 'string') undescribed.push(`${path}.${key}`);
      }
      for (const [key, value] of Object.entries(record)) visit(value, `${path}/${key}`);
    };
    visit(committed, '');

    expect(undescribed).toEqual([]);
  });

  it('lists the resource kinds as enum values', () => {
    const section = (committed['$defs'] as Record<string, { properties: Record<string, unknown> }>)[
      'Section'
    ];
    const resources = section?.properties['resources'] as { items: { properties: object } };

    expect(resources.items.properties).toMatchObject({
      kind: { enum: [...RESOURCE_KINDS] },
    });
  });

  it('is named by the modeline on the first line of the bundled roadmap', async () => {
    const text = await readFile(join(REPO_ROOT, 'roadmap.yaml'), 'utf8');

    expect(text.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=./schema/roadmap.schema.json',
    );
  });

  it('accepts the bundled roadmap, as zod does', async () => {
    const parsed = await readYamlData('roadmap.yaml');

    expect(RoadmapSchema.safeParse(parsed?.data).success).toBe(true);
    expect(validateJsonSchema(parsed?.data)).toBe(true);
  });

  it.each(fixtures)('agrees with zod on %s', async (file) => {
    // Files that are not YAML at all (syntax errors, tabs, duplicate keys, an alias bomb) never
    // reach a schema: the loader stops them, and an editor shows the YAML error instead.
    const parsed = await readYamlData(file);
    const isYaml = parsed !== undefined;

    expect(isYaml || file.includes('invalid/')).toBe(true);
    expect(isYaml && validateJsonSchema(parsed.data)).toBe(
      isYaml && RoadmapSchema.safeParse(parsed.data).success,
    );
  });

  it('accepts what zod accepts and rejects what it rejects, rule by rule', () => {
    const resource = { id: 'intro', title: 'Intro', kind: 'video', url: 'https://example.test/' };
    const roadmapWith = (patch: object) => ({
      version: 1,
      title: 'T',
      sections: [{ id: '1', title: 'S', resources: [{ ...resource, ...patch }] }],
    });
    const cases: object[] = [
      roadmapWith({}),
      roadmapWith({ kind: 'podcast' }),
      roadmapWith({ id: 'Has Spaces' }),
      roadmapWith({ titel: 'typo' }),
      roadmapWith({ access: { cn: 'vpn' } }),
      roadmapWith({ access: { china: 'vpn' } }),
      roadmapWith({ mirrors: [{ url: 'https://example.test/m', confirmed: 'yes' }] }),
      { version: 2, title: 'T', sections: [{ id: '1', title: 'S' }] },
      { version: 1, title: 'T', sections: [] },
      {
        version: 1,
        title: 'T',
        settings: { timeout: '15 minutes' },
        sections: [{ id: '1', title: 'S' }],
      },
      {
        version: 1,
        title: 'T',
        sections: [{ id: '1', title: 'S', sections: [{ id: '', title: 'x' }] }],
      },
    ];
    for (const data of cases) {
      expect
        .soft(validateJsonSchema(data), JSON.stringify(data))
        .toBe(RoadmapSchema.safeParse(data).success);
    }
  });

  it('cannot express what only zod checks: a title of spaces, which zod trims before `min(1)`', () => {
    // `nonEmpty` is z.string().trim().min(1): JSON Schema's minLength counts the spaces, so an
    // editor accepts `title: "  "` and `curate validate` rejects it. The only such rule today.
    const blankTitle = { version: 1, title: '  ', sections: [{ id: '1', title: 'S' }] };

    expect(validateJsonSchema(blankTitle)).toBe(true);
    expect(RoadmapSchema.safeParse(blankTitle).success).toBe(false);
  });
});
