/**
 * The roadmap file format, version 1: the one definition of what `roadmap.yaml` may contain.
 * Every object is strict, so a misspelt key is an error with a suggestion, never silently ignored.
 */
import { z } from 'zod';

/** Kinds of resource a roadmap lists. */
export const RESOURCE_KINDS = [
  'video',
  'course',
  'article',
  'book',
  'paper',
  'repo',
  'docs',
  'tool',
  'notebook',
  'leaderboard',
  'dataset',
] as const;

/** Declared access levels for a region. */
export const ACCESS_LEVELS = ['open', 'vpn', 'partial'] as const;

const nonEmpty = z.string().trim().min(1, 'must not be empty');

/** A slug: lower-case letters, digits, `-`, `_` and `.`; stable across runs, used in reports. */
const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be a slug: lower-case letters, digits, ".", "_" or "-"');

/** A two-letter region code such as `cn`. */
export const RegionIdSchema = z
  .string()
  .regex(/^[a-z]{2}$/, 'must be a two-letter region code such as "cn"');

/**
 * A URL as people write it. Parsing and linting (spaces, schemes, `http://`) happen in the
 * linter, not here, so that one bad URL is a finding on its line rather than a schema failure.
 */
const urlText = nonEmpty;

const AccessSchema = z.record(RegionIdSchema, z.enum(ACCESS_LEVELS));

/** A copy of a resource on another platform (e.g. a Bilibili re-upload, hf-mirror.com). */
export const MirrorSchema = z.strictObject({
  url: urlText,
  /** Where the copy lives, e.g. `bilibili`, `hf-mirror`. */
  platform: nonEmpty.optional(),
  lang: nonEmpty.optional(),
  /** e.g. 中文配音, 中文字幕, 生肉. */
  note: z.string().optional(),
  /** False for candidates found elsewhere that nobody has confirmed yet. @default true */
  confirmed: z.boolean().optional(),
  /**
   * `strong`: `curate mirrors --write` matched the copy by evidence (duration and title). An
   * unconfirmed mirror with strong evidence covers its resource, shown as "matched by evidence".
   */
  evidence: z.enum(['strong']).optional(),
});

/** One course, video, post, paper or tool. */
export const ResourceSchema = z.strictObject({
  id: slug,
  title: nonEmpty,
  /** Absent when no URL is known; `validate` warns and `check` skips it. */
  url: urlText.optional(),
  kind: z.enum(RESOURCE_KINDS),
  lang: nonEmpty.optional(),
  author: z.string().optional(),
  description: z.string().optional(),
  note: z.string().optional(),
  access: AccessSchema.optional(),
  mirrors: z.array(MirrorSchema).optional(),
});

/** A bullet point of a section; the object form can name papers and libraries to check. */
export const TopicSchema = z.union([
  nonEmpty,
  z.strictObject({
    title: nonEmpty,
    summary: z.string().optional(),
    resources: z.array(ResourceSchema).optional(),
  }),
]);

const statusCode = z.number().int().min(100).max(599);

/** Per-host policy: politeness, headers (with `${VAR}` from the environment) and accepted codes. */
export const HostPolicySchema = z.strictObject({
  perHost: z.number().int().min(1).optional(),
  headers: z.record(z.string(), z.string()).optional(),
  accept: z.array(statusCode).optional(),
});

/** A duration: seconds as a number (as lychee does), or a string such as `15s`, `500ms`, `2m`. */
export const DurationSchema = z.union([
  z.number().int().positive(),
  z.string().regex(/^\d+(\.\d+)?\s*(ms|s|m)$/, 'must be a duration such as "15s", "500ms" or "2m"'),
]);

/** Optional run settings; command-line flags override them, defaults fill the rest. */
export const SettingsSchema = z.strictObject({
  concurrency: z.number().int().min(1).optional(),
  perHost: z.number().int().min(1).optional(),
  timeout: DurationSchema.optional(),
  retries: z.number().int().min(0).max(10).optional(),
  userAgent: nonEmpty.optional(),
  /** Regular expressions; matching URLs are reported `skipped` (reason: excluded). */
  exclude: z.array(nonEmpty).optional(),
  /** Status codes counted as `ok` wherever they occur. */
  accept: z.array(statusCode).optional(),
  failOn: z.array(nonEmpty).optional(),
  fragments: z.boolean().optional(),
  hosts: z.record(nonEmpty, HostPolicySchema).optional(),
});

export type Section = {
  id: string;
  title: string;
  intro?: string | undefined;
  note?: string | undefined;
  topics?: Topic[] | undefined;
  resources?: Resource[] | undefined;
  sections?: Section[] | undefined;
};

/** A section; sections nest to any depth. */
export const SectionSchema: z.ZodType<Section> = z.strictObject({
  id: z.string().regex(/^[0-9A-Za-z][0-9A-Za-z.-]*$/, 'must be a section number such as "2.1"'),
  title: nonEmpty,
  intro: z.string().optional(),
  note: z.string().optional(),
  topics: z.array(TopicSchema).optional(),
  resources: z.array(ResourceSchema).optional(),
  get sections() {
    return z.array(SectionSchema).optional();
  },
});

/** The whole roadmap file. */
export const RoadmapSchema = z.strictObject({
  version: z.literal(1),
  title: nonEmpty,
  description: z.string().optional(),
  /** Where the roadmap comes from (the post it encodes, the course it translates). */
  source: z
    .strictObject({
      title: z.string().optional(),
      url: urlText.optional(),
      note: z.string().optional(),
    })
    .optional(),
  regions: z.array(RegionIdSchema).optional(),
  settings: SettingsSchema.optional(),
  sections: z.array(SectionSchema).min(1, 'a roadmap needs at least one section'),
});

export type Roadmap = z.infer<typeof RoadmapSchema>;
export type Resource = z.infer<typeof ResourceSchema>;
export type Mirror = z.infer<typeof MirrorSchema>;
export type Topic = z.infer<typeof TopicSchema>;
export type Settings = z.infer<typeof SettingsSchema>;
export type HostPolicy = z.infer<typeof HostPolicySchema>;
