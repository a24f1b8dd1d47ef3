/**
 * Findings beside the status: what a platform said about a resource that is worth a
 * maintainer's look but does not, by default, make the link fail (a repository that was
 * archived or renamed, a gated model, a withdrawn paper, a page whose title became a
 * placeholder). Each finding is typed by `kind`, carries the fields its sentence needs, and can
 * be made failing with `--fail-on <kind>` (see `fail-on.ts`). One zod union, as the outcome.
 */
import { z } from 'zod';

/** The finding words, in the order reports list them; also `--fail-on` items. */
export const FINDING_KINDS = [
  'archived',
  'renamed',
  'gated',
  'withdrawn',
  'title-drift',
  'unprobed',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

const FINDING_WORDS: ReadonlySet<string> = new Set(FINDING_KINDS);

/** Whether a word is a finding kind (`--fail-on` items, SARIF rule ids). */
export function isFindingKind(word: string): word is FindingKind {
  return FINDING_WORDS.has(word);
}

/** Each kind of a link's findings once, in the model's order: what history and diff keep. */
export function findingKinds(findings: readonly Pick<Finding, 'kind'>[]): FindingKind[] {
  return FINDING_KINDS.filter((kind) => findings.some((finding) => finding.kind === kind));
}

/** The platforms that give findings. */
export const FINDING_PLATFORMS = ['github', 'huggingface', 'arxiv'] as const;

export const FindingSchema = z.discriminatedUnion('kind', [
  /** GitHub: read-only since archived. */
  z.strictObject({
    kind: z.literal('archived'),
    platform: z.literal('github'),
    /**
     * The repository's `updated_at` (ISO 8601): the REST API has no archive date, and archiving
     * is itself an update, so this is the archive date unless the settings changed since.
     */
    since: z.string().optional(),
  }),
  /** The repository now lives under another name or owner; `curate fix` applies `newUrl`. */
  z.strictObject({
    kind: z.literal('renamed'),
    platform: z.enum(FINDING_PLATFORMS),
    /** `owner/name` as the roadmap wrote it, and as the platform calls it now. */
    from: z.string(),
    to: z.string(),
    newUrl: z.string(),
  }),
  /** Hugging Face: the files open only after the learner accepts the author's conditions. */
  z.strictObject({
    kind: z.literal('gated'),
    platform: z.literal('huggingface'),
    /** `auto`: accepted at once after a click; `manual`: the author approves each request. */
    approval: z.enum(['auto', 'manual']),
  }),
  /** arXiv: the authors withdrew the paper; earlier versions stay readable. */
  z.strictObject({
    kind: z.literal('withdrawn'),
    platform: z.literal('arxiv'),
    /** The withdrawal's own words (the Atom entry's comment). */
    reason: z.string(),
    /** The last version before the withdrawal, e.g. `v2`; absent when the first was withdrawn. */
    lastLiveVersion: z.string().optional(),
  }),
  /** The page answers, but its title is a placeholder (`report/title-drift.ts`). */
  z.strictObject({
    kind: z.literal('title-drift'),
    pageTitle: z.string(),
    reason: z.string(),
  }),
  /**
   * The platform's API was not asked (GitHub's quota ran out): the link stands as its page
   * check said, unconfirmed by the API. Never failing by default.
   */
  z.strictObject({
    kind: z.literal('unprobed'),
    platform: z.enum(FINDING_PLATFORMS),
    /** When the quota comes back (ISO 8601), where the API said. */
    retryAt: z.string().optional(),
  }),
]);

export type Finding = z.infer<typeof FindingSchema>;
export type FindingOf<K extends FindingKind> = Extract<Finding, { kind: K }>;

/** The findings of an entry, or none: reports and results omit an empty list. */
export const FindingsSchema = z.array(FindingSchema).min(1).optional();
