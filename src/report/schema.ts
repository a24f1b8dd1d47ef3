/**
 * The report.json format: its zod schema is the source of truth, exported as
 * `schema/report.schema.json` (see `npm run schema`), and every written report is checked against it.
 */
import { z } from 'zod';
import { STATUSES } from '../domain.js';

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
  ...linkCheckShape,
  mirrors: z.array(MirrorResultSchema),
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
});

export type Report = z.infer<typeof ReportSchema>;
export type ResourceResult = z.infer<typeof ResourceResultSchema>;
export type MirrorResult = z.infer<typeof MirrorResultSchema>;
export type Counts = z.infer<typeof CountsSchema>;
