/**
 * The report.json format: its zod schema is the source of truth, exported as
 * `schema/report.schema.json` (see `npm run schema`), and every written report is checked against it.
 */
import { z } from 'zod';
import { STATUSES } from '../domain.js';
import { RegionSummarySchema, RegionVerdictSchema } from '../region/verdict.js';
import { ACCESS_LEVELS } from '../roadmap/schema.js';

/** Bumped only for a breaking change of report.json. */
export const REPORT_SCHEMA_VERSION = 1;

const HopSchema = z.strictObject({ url: z.string(), status: z.number().int() });

const StatusSchema = z.enum(STATUSES);

const countsShape = {
  total: z.number().int().min(0),
  ok: z.number().int().min(0),
  redirected: z.number().int().min(0),
  broken: z.number().int().min(0),
  unreachable: z.number().int().min(0),
  unverified: z.number().int().min(0),
  skipped: z.number().int().min(0),
};

/** Counts per status word. */
export const CountsSchema = z.strictObject(countsShape);

const AccessSchema = z.enum(ACCESS_LEVELS);

/**
 * What one vantage saw of a URL: the result's own words, kept per vantage so that reports from
 * several vantages can be merged (`curate merge`) and compared.
 */
export const ObservationSchema = z.strictObject({
  status: StatusSchema,
  reason: z.string(),
  httpStatus: z.number().int().optional(),
  errorCode: z.string().optional(),
  pageTitle: z.string().optional(),
  finalUrl: z.string().optional(),
  checkedAt: z.string(),
});

/** A page whose title no longer resembles the roadmap's (e.g. a domain that became a parking page). */
const TitleDriftSchema = z.strictObject({ pageTitle: z.string(), reason: z.string() });

/** Region verdicts and observations, on every resource and mirror (absent in reports before them). */
const regionShape = {
  /** Verdict per region listed in the roadmap's `regions:`. */
  region: z.record(z.string(), RegionVerdictSchema).optional(),
  /** What each vantage saw, keyed by vantage (`global`, `cn`); absent when nothing was fetched. */
  observations: z.record(z.string(), ObservationSchema).optional(),
  titleDrift: TitleDriftSchema.optional(),
};

/** Fields shared by a resource's own check and a mirror's check. */
const linkCheckShape = {
  url: z.string().nullable(),
  /** Line of the URL in the roadmap file. */
  line: z.number().int().min(0),
  status: StatusSchema,
  /** Machine-readable reason, e.g. `http-404`, `soft-404`, `timeout` (see README). */
  reason: z.string(),
  httpStatus: z.number().int().optional(),
  /** The URL to use instead (permanent redirects) or where the chain ended. */
  finalUrl: z.string().optional(),
  redirects: z.array(HopSchema),
  errorCode: z.string().optional(),
  /** A human explanation where the reason alone is not enough. */
  detail: z.string().optional(),
  /** The page's `<title>` as read. */
  pageTitle: z.string().optional(),
  durationMs: z.number().min(0),
  checkedAt: z.string(),
  /** Present when the result was reused from the `--cache` file, not fetched in this run. */
  cached: z.literal(true).optional(),
  ...regionShape,
};

export const MirrorResultSchema = z.strictObject({
  ...linkCheckShape,
  platform: z.string().optional(),
  lang: z.string().optional(),
  note: z.string().optional(),
  confirmed: z.boolean(),
});

export const ResourceResultSchema = z.strictObject({
  id: z.string(),
  sectionId: z.string(),
  sectionTitle: z.string(),
  topic: z.string().optional(),
  title: z.string(),
  kind: z.string(),
  /** What the roadmap declares per region (`access:`), as written. */
  access: z.record(z.string(), AccessSchema).optional(),
  ...linkCheckShape,
  mirrors: z.array(MirrorResultSchema),
  /** Known mirrors (e.g. hf-mirror.com for huggingface.co) that answered ok in this run. */
  suggestedMirrors: z
    .array(z.strictObject({ url: z.string(), platform: z.string(), status: StatusSchema }))
    .optional(),
});

export const ReportSchema = z.strictObject({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  tool: z.strictObject({ name: z.literal('curate'), version: z.string() }),
  roadmap: z.strictObject({ path: z.string(), title: z.string() }),
  /** Where the observations were made from: `global`, or a region such as `cn`. */
  vantage: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  /** True when the run was interrupted or the network was down: not every link was checked. */
  partial: z.boolean(),
  /** Set when the run stopped because nothing could be reached. */
  networkDown: z.strictObject({ message: z.string() }).optional(),
  /** Resource counts per status. */
  summary: CountsSchema,
  /** Mirror counts per status. */
  mirrorSummary: CountsSchema,
  results: z.array(ResourceResultSchema),
  /** Every vantage whose observations the report holds (set by `curate merge`). */
  vantages: z.array(z.string()).optional(),
  /** Per region of the roadmap: counts, coverage and conflicts. */
  regions: z.record(z.string(), RegionSummarySchema).optional(),
});

export type Report = z.infer<typeof ReportSchema>;
export type ResourceResult = z.infer<typeof ResourceResultSchema>;
export type MirrorResult = z.infer<typeof MirrorResultSchema>;
export type Counts = z.infer<typeof CountsSchema>;
export type Observation = z.infer<typeof ObservationSchema>;
export type TitleDrift = z.infer<typeof TitleDriftSchema>;
