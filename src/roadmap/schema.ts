/**
 * The roadmap file format, version 1: the one definition of what `roadmap.yaml` may contain.
 * Every object is strict, so a misspelt key is an error with a suggestion, never silently ignored.
 */
import { z } from 'zod';
import { LANGS } from '../i18n/catalog.js';
import { SCHEMA_RULES_EN as RULE } from '../i18n/roadmap-load-en.js';

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

const nonEmpty = z.string().trim().min(1, RULE.notEmpty);

/** A slug: lower-case letters, digits, `-`, `_` and `.`; stable across runs, used in reports. */
const slug = z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, RULE.slug);

/** A two-letter region code such as `cn`. */
export const RegionIdSchema = z.string().regex(/^[a-z]{2}$/, RULE.regionCode);

/**
 * A URL as people write it. Parsing and linting (spaces, schemes, `http://`) happen in the
 * linter, not here, so that one bad URL is a finding on its line rather than a schema failure.
 */
const urlText = nonEmpty;

const AccessSchema = z
  .record(RegionIdSchema, z.enum(ACCESS_LEVELS))
  .describe(
    'Declared access per region code, e.g. { cn: vpn }: open (reachable), vpn (needs a VPN there), partial (some of it is blocked). Overrides the shipped region rules.',
  );

/** A copy of a resource on another platform (e.g. a Bilibili re-upload, hf-mirror.com). */
export const MirrorSchema = z
  .strictObject({
    url: urlText.describe('Address of the copy (http or https).'),
    /** Where the copy lives, e.g. `bilibili`, `hf-mirror`. */
    platform: nonEmpty.optional().describe('Where the copy lives, e.g. bilibili, hf-mirror.'),
    lang: nonEmpty.optional().describe('Language of the copy, e.g. zh, en.'),
    /** e.g. 中文配音, 中文字幕, 生肉. */
    note: z.string().optional().describe('A note for readers, e.g. 中文配音, 中文字幕, 生肉.'),
    /** False for candidates found elsewhere that nobody has confirmed yet. @default true */
    confirmed: z
      .boolean()
      .optional()
      .describe(
        'False for a candidate found elsewhere that nobody has confirmed yet; it then does not count as a mirror for region access. Default true.',
      ),
    /**
     * `strong`: `curate mirrors --write` matched the copy by evidence (duration and title). An
     * unconfirmed mirror with strong evidence covers its resource, shown as "matched by evidence".
     */
    evidence: z
      .enum(['strong'])
      .optional()
      .describe(
        'strong: curate mirrors matched this copy by evidence (duration and title); an unconfirmed mirror with strong evidence still covers its resource, shown as matched by evidence.',
      ),
  })
  .describe('A copy of the resource on another platform (a Bilibili re-upload, hf-mirror.com).');

/** One course, video, post, paper or tool. */
export const ResourceSchema = z
  .strictObject({
    id: slug.describe(
      'Stable slug naming the resource in reports (lower-case letters, digits, ".", "_", "-"); unique in the roadmap.',
    ),
    title: nonEmpty.describe('Title shown to learners.'),
    /** Absent when no URL is known; `validate` warns and `check` skips it. */
    url: urlText
      .optional()
      .describe(
        'Address of the resource (http or https); without it validate warns and check skips it.',
      ),
    original_url: urlText
      .optional()
      .describe(
        'The address the resource had before `curate fix --archive` replaced it by its Wayback Machine snapshot; not checked. Put it back in url to undo.',
      ),
    kind: z.enum(RESOURCE_KINDS).describe(`What the resource is: ${RESOURCE_KINDS.join(', ')}.`),
    lang: nonEmpty.optional().describe('Language of the resource, e.g. en, zh.'),
    author: z.string().optional().describe('Author, channel or organisation.'),
    description: z.string().optional().describe('What the learner gets from it.'),
    note: z.string().optional().describe("A maintainer's note; not checked."),
    access: AccessSchema.optional(),
    mirrors: z
      .array(MirrorSchema)
      .optional()
      .describe('Copies on other platforms, checked like the resource itself.'),
  })
  .describe('One course, video, post, paper or tool.');

/** A bullet point of a section; the object form can name papers and libraries to check. */
export const TopicSchema = z
  .union([
    nonEmpty.describe('A bullet point.'),
    z.strictObject({
      title: nonEmpty.describe('The bullet point.'),
      summary: z.string().optional().describe('A sentence or two on the topic.'),
      resources: z
        .array(ResourceSchema)
        .optional()
        .describe('Papers and libraries the topic names, checked like any resource.'),
    }),
  ])
  .describe('A bullet point of a section: plain text, or an object that names resources.');

const statusCode = z.number().int().min(100).max(599);

/** Per-host policy: politeness, headers (with `${VAR}` from the environment) and accepted codes. */
export const HostPolicySchema = z
  .strictObject({
    perHost: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe('Requests at once to this host (overrides settings.perHost).'),
    headers: z
      .record(z.string(), z.string())
      .optional()
      .describe(
        'Headers sent to this host and its subdomains; ${VAR} is read from the environment, and a header whose variable is unset is not sent.',
      ),
    accept: z
      .array(statusCode)
      .optional()
      .describe('HTTP status codes counted as ok for this host.'),
  })
  .describe('Per-host policy: politeness, headers and accepted status codes.');

/** A duration: seconds as a number (as lychee does), or a string such as `15s`, `500ms`, `2m`. */
export const DurationSchema = z
  .union([z.number().int().positive(), z.string().regex(/^\d+(\.\d+)?\s*(ms|s|m)$/, RULE.duration)])
  .describe('A duration: seconds as a number, or a string such as 15s, 500ms, 2m.');

/** Optional run settings; command-line flags override them, defaults fill the rest. */
export const SettingsSchema = z
  .strictObject({
    concurrency: z.number().int().min(1).optional().describe('Requests at once (--concurrency).'),
    perHost: z.number().int().min(1).optional().describe('Requests at once per host (--per-host).'),
    timeout: DurationSchema.optional().describe('Deadline per request attempt (--timeout).'),
    maxTimePerLink: DurationSchema.optional().describe(
      'All attempts, waits and redirect hops of one link together (--max-time-per-link).',
    ),
    retries: z
      .number()
      .int()
      .min(0)
      .max(10)
      .optional()
      .describe('Extra attempts for 429, 5xx and network errors (--retries).'),
    userAgent: nonEmpty.optional().describe('User-Agent header sent with every request.'),
    /** Regular expressions; matching URLs are reported `skipped` (reason: excluded). */
    exclude: z
      .array(nonEmpty)
      .optional()
      .describe('Regular expressions; matching URLs are reported skipped (reason excluded).'),
    /** Status codes counted as `ok` wherever they occur. */
    accept: z
      .array(statusCode)
      .optional()
      .describe('HTTP status codes counted as ok wherever they occur.'),
    failOn: z
      .array(nonEmpty)
      .optional()
      .describe('Statuses or reasons that fail the run (--fail-on); default broken.'),
    fragments: z.boolean().optional().describe('Check that #fragment targets exist on the page.'),
    hosts: z
      .record(nonEmpty, HostPolicySchema)
      .optional()
      .describe('Per-host policy, keyed by host name (applies to its subdomains too).'),
  })
  .describe('Optional run settings; command-line flags override them.');

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
export const SectionSchema: z.ZodType<Section> = z
  .strictObject({
    id: z
      .string()
      .regex(/^[0-9A-Za-z][0-9A-Za-z.-]*$/, RULE.sectionNumber)
      .describe('Section number such as "2.1"; unique in the roadmap.'),
    title: nonEmpty.describe('Heading of the section.'),
    intro: z.string().optional().describe('Introductory text shown under the heading.'),
    note: z.string().optional().describe("A maintainer's note."),
    topics: z.array(TopicSchema).optional().describe('Bullet points of the section.'),
    resources: z.array(ResourceSchema).optional().describe('Resources of the section, checked.'),
    get sections() {
      return z.array(SectionSchema).optional().describe('Subsections; they nest to any depth.');
    },
  })
  // The id names its `$defs` entry in the exported JSON Schema (it is recursive, so it is one).
  .meta({ id: 'Section', description: 'A section; sections nest to any depth.' });

/** The whole roadmap file. */
export const RoadmapSchema = z
  .strictObject({
    version: z.literal(1).describe('Version of the file format; 1.'),
    title: nonEmpty.describe('Title of the roadmap.'),
    description: z.string().optional().describe('What the roadmap is for.'),
    lang: z
      .enum(LANGS)
      .optional()
      .describe(
        'Language of the reports, the tracking issue and the messages curate writes for this roadmap (en or zh-CN); --lang overrides it, and without either the locale (LC_ALL, LC_MESSAGES, LANG) decides.',
      ),
    /** Where the roadmap comes from (the post it encodes, the course it translates). */
    source: z
      .strictObject({
        title: z.string().optional().describe('Title of the source.'),
        url: urlText.optional().describe('Address of the source.'),
        note: z.string().optional().describe('How the roadmap relates to it.'),
      })
      .optional()
      .describe('Where the roadmap comes from (the post it encodes, the course it translates).'),
    regions: z
      .array(RegionIdSchema)
      .optional()
      .describe('Regions whose access is judged, e.g. [cn]; rules/<region>.yaml must exist.'),
    settings: SettingsSchema.optional(),
    sections: z
      .array(SectionSchema)
      .min(1, RULE.needsSection)
      .describe('The sections of the roadmap, in reading order.'),
  })
  .describe('A curate roadmap: sections of resources whose links curate checks.');

export type Roadmap = z.infer<typeof RoadmapSchema>;
export type Resource = z.infer<typeof ResourceSchema>;
export type Mirror = z.infer<typeof MirrorSchema>;
export type Topic = z.infer<typeof TopicSchema>;
export type Settings = z.infer<typeof SettingsSchema>;
export type HostPolicy = z.infer<typeof HostPolicySchema>;

/** The `$id` and `title` added to the exported JSON Schema (`scripts/export-schema.mjs`). */
export const ROADMAP_JSON_SCHEMA_HEADER = {
  $id: 'urn:curate:roadmap:v1',
  title: 'curate roadmap',
} as const;
