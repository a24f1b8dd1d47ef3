/**
 * The report.json format: its zod schema is the source of truth, exported as
 * `schema/report.schema.json` (see `npm run schema`), and every written report is checked against it.
 */
import { z } from 'zod';
import { FindingsSchema } from '../outcome/findings.js';
import {
  ArchiveUnansweredSchema,
  NoSnapshotSchema,
  SnapshotSchema,
} from '../archive/archived-copy.js';
import { CheckOutcomeSchema, STATUSES } from '../outcome/model.js';
import { RegionSummarySchema, RegionVerdictSchema } from '../region/verdict.js';
import { ACCESS_LEVELS } from '../roadmap/schema.js';

/**
 * Bumped only for a breaking change of report.json. Version 2: every entry and observation
 * carries the typed `outcome` instead of flat `status`, `reason` and optional fields (version 1
 * reports are upgraded where they are read, see `upgrade-v1.ts`).
 */
export const REPORT_SCHEMA_VERSION = 2;

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
 * What one vantage saw of a URL: the result's outcome, kept per vantage so that reports from
 * several vantages can be merged (`curate merge`) and compared.
 */
export const ObservationSchema = z.strictObject({
  outcome: CheckOutcomeSchema,
  pageTitle: z.string().optional(),
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
  /**
   * Written by curate before `findings` existed; read into a `title-drift` finding
   * (`parse.ts`) and never written any more.
   * @deprecated
   */
  titleDrift: TitleDriftSchema.optional(),
};

/**
 * A dead link's archived copy (the Wayback Machine's closest snapshot), with the snapshot's own
 * verdict per region: web.archive.org is blocked in mainland China.
 */
const ArchivedSchema = z.discriminatedUnion('kind', [
  SnapshotSchema.extend({ region: z.record(z.string(), RegionVerdictSchema).optional() }),
  NoSnapshotSchema,
  ArchiveUnansweredSchema,
]);

/** Fields shared by a resource's own check and a mirror's check. */
const entryShape = {
  url: z.string().nullable(),
  /** Line of the URL in the roadmap file. */
  line: z.number().int().min(0),
  /** What the check means: status, reason and the fields that reason requires (see README). */
  outcome: CheckOutcomeSchema,
  redirects: z.array(HopSchema),
  /** The page's `<title>` as read. */
  pageTitle: z.string().optional(),
  durationMs: z.number().min(0),
  checkedAt: z.string(),
  /** Present when the result was reused from the `--cache` file, not fetched in this run. */
  cached: z.literal(true).optional(),
  /** What a platform said beside the status (archived, renamed, gated, withdrawn, title drift). */
  findings: FindingsSchema,
  /** For a broken link checked with the network up: what the Wayback Machine holds of it. */
  archived: ArchivedSchema.optional(),
  ...regionShape,
};

export const MirrorResultSchema = z.strictObject({
  ...entryShape,
  platform: z.string().optional(),
  lang: z.string().optional(),
  note: z.string().optional(),
  confirmed: z.boolean(),
  /** `curate mirrors` matched it by strong evidence; it covers like a confirmed one until then. */
  matchedByEvidence: z.boolean().optional(),
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
  ...entryShape,
  mirrors: z.array(MirrorResultSchema),
  /** Known mirrors (e.g. hf-mirror.com for huggingface.co) that answered ok in this run. */
  suggestedMirrors: z
    .array(z.strictObject({ url: z.string(), platform: z.string(), status: StatusSchema }))
    .optional(),
});

/** One part of a `--shard i/n` partition: `index` is 1-based, at most `total`. */
const ShardSchema = z.strictObject({
  index: z.number().int().min(1),
  total: z.number().int().min(1),
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
  networkDown: z
    .strictObject({
      /** In English; `hostsTried` and `failure` let a report say it in its own language. */
      message: z.string(),
      /** How many hosts the probe tried (absent in reports from before this field). */
      hostsTried: z.number().int().positive().optional(),
      /** What the first host failed with: an error code (ENOTFOUND), `timeout`, `no-answer` or `http-NNN`. */
      failure: z.string().min(1).optional(),
    })
    .optional(),
  /** The part this report covers, for a run with `--shard i/n`; absent for a whole run or a merge. */
  shard: ShardSchema.optional(),
  /**
   * Set by `curate merge --allow-partial` when shards were missing: their resources are not in
   * the report at all (and `partial` is true).
   */
  missingShards: z.array(z.strictObject({ vantage: z.string(), ...ShardSchema.shape })).optional(),
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
export type Archived = z.infer<typeof ArchivedSchema>;
export type MissingShard = NonNullable<Report['missingShards']>[number];
/** What a resource and a mirror entry share: one checked URL of the report. */
export type ReportEntry = Omit<
  MirrorResult,
  'platform' | 'lang' | 'note' | 'confirmed' | 'matchedByEvidence'
>;
