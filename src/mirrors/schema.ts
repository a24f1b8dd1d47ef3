/**
 * `mirrors.json`, what `curate mirrors` found: per resource that needs a VPN in a region, what
 * each finder answered (candidates, "could not search" and why, or "no stable mirror") and each
 * candidate with its evidence, the check it passed or failed, and how far it counts.
 */
import { z } from 'zod';
import { EvidenceSchema } from './evidence.js';
import { COULD_NOT_SEARCH_REASONS } from './finder.js';

/** Version of the mirrors.json format; bumped on any change that is not an added optional field. */
export const MIRRORS_SCHEMA_VERSION = 1;

/**
 * How far a candidate counts: `matched-by-evidence` covers the resource in the region (strong
 * evidence, checked ok and open there); `suggestion` is for a human to look at; `rejected`
 * failed its check (removed, unreachable, or not open in the region).
 */
export const MIRROR_STANDINGS = ['matched-by-evidence', 'suggestion', 'rejected'] as const;
export type MirrorStanding = (typeof MIRROR_STANDINGS)[number];

/** One finder's answer for one resource. */
export const SearchSchema = z.discriminatedUnion('result', [
  z.strictObject({
    finder: z.string(),
    result: z.literal('searched'),
    candidates: z.number().int(),
  }),
  z.strictObject({
    finder: z.string(),
    result: z.literal('could-not-search'),
    reason: z.enum(COULD_NOT_SEARCH_REASONS),
    detail: z.string(),
  }),
  z.strictObject({ finder: z.string(), result: z.literal('no-stable-mirror'), detail: z.string() }),
]);

/** The check of a candidate, made as `check` makes it (fetch, classify, probe, region). */
export const CandidateCheckSchema = z.strictObject({
  /** The report's status word (`ok`, `broken`, …) and reason, if any. */
  status: z.string(),
  reason: z.string().optional(),
  /** The candidate's access in the resource's region (`open`, `vpn`, `partial`, `unknown`). */
  access: z.string(),
});

export const CandidateSchema = z.strictObject({
  url: z.string(),
  platform: z.string(),
  finder: z.string(),
  title: z.string().optional(),
  uploader: z.string().optional(),
  strength: z.enum(['strong', 'weak']),
  standing: z.enum(MIRROR_STANDINGS),
  /** Why a candidate was rejected. */
  rejectedBecause: z.string().optional(),
  isOfficial: z.boolean(),
  /** 中文配音 / 中文字幕 / 生肉, from the title. */
  variant: z.string().optional(),
  /** In English, as always; `facts` says the same as data, for a reader in another language. */
  evidence: z.array(z.string()),
  facts: z.array(EvidenceSchema).optional(),
  check: CandidateCheckSchema,
  /** The `note` `--write` puts in roadmap.yaml. */
  note: z.string(),
});

export const MirrorsEntrySchema = z.strictObject({
  resourceId: z.string(),
  region: z.string(),
  url: z.string(),
  title: z.string(),
  searches: z.array(SearchSchema),
  /** Best first: official channels, then strong evidence, then the finder's score. */
  candidates: z.array(CandidateSchema),
});

export const MirrorsFileSchema = z.strictObject({
  schemaVersion: z.literal(MIRRORS_SCHEMA_VERSION),
  generatedAt: z.string(),
  roadmap: z.strictObject({ path: z.string() }),
  /** The report the VPN-only resources came from (`--from`), or `check` for a fresh one. */
  source: z.string(),
  resources: z.array(MirrorsEntrySchema),
});

export type MirrorsFile = z.infer<typeof MirrorsFileSchema>;
export type MirrorsEntry = z.infer<typeof MirrorsEntrySchema>;
export type RankedCandidate = z.infer<typeof CandidateSchema>;
export type CandidateCheck = z.infer<typeof CandidateCheckSchema>;
export type Search = z.infer<typeof SearchSchema>;
