/**
 * What a finder saw that makes a copy likely the same content, as facts rather than sentences,
 * so the `curate mirrors` table can say them in the reader's language. mirrors.json keeps both:
 * `evidence` (English sentences, as before) and `facts` (these), so a report read later is worded
 * again in its reader's language.
 */
import { z } from 'zod';
import type { MirrorsText } from '../i18n/index.js';

export const EvidenceSchema = z.discriminatedUnion('kind', [
  /** A video's length against the original's, in seconds. */
  z.strictObject({ kind: z.literal('duration'), seconds: z.number(), originalSeconds: z.number() }),
  /** A multi-part upload against a playlist: parts and total length on each side. */
  z.strictObject({
    kind: z.literal('parts'),
    parts: z.number(),
    seconds: z.number(),
    originalVideos: z.number(),
    originalSeconds: z.number(),
  }),
  /** How alike the titles are, in percent; `isMatch` past the finder's threshold. */
  z.strictObject({ kind: z.literal('title'), isMatch: z.boolean(), percent: z.number() }),
  /** Who uploaded the copy, and whether that is the original author's own channel. */
  z.strictObject({ kind: z.literal('uploader'), name: z.string(), isOfficial: z.boolean() }),
  /** Gitee: the mirror's description names the GitHub repository. */
  z.strictObject({ kind: z.literal('description-names'), name: z.string() }),
  /** Gitee: the mirror's description is this alike GitHub's, in percent. */
  z.strictObject({ kind: z.literal('description-matches'), percent: z.number() }),
  /** hf-mirror.com: the mirror's page names the repository. */
  z.strictObject({ kind: z.literal('page-names'), name: z.string() }),
  /** hf-mirror.com: the same path answers (docs and other pages with no repository name). */
  z.strictObject({ kind: z.literal('same-path') }),
]);

export type Evidence = z.infer<typeof EvidenceSchema>;

/** One fact in a language's words (i18n/mirrors-en.ts, mirrors-zh-CN.ts). */
export function describeEvidence(evidence: Evidence, text: MirrorsText): string {
  const words = text.evidence;
  switch (evidence.kind) {
    case 'duration':
      return words.duration(
        formatSeconds(evidence.seconds),
        formatSeconds(evidence.originalSeconds),
      );
    case 'parts':
      return words.parts(
        evidence.parts,
        formatSeconds(evidence.seconds),
        evidence.originalVideos,
        formatSeconds(evidence.originalSeconds),
      );
    case 'title':
      return evidence.isMatch
        ? words.titleMatches(evidence.percent)
        : words.titleDiffers(evidence.percent);
    case 'uploader':
      return evidence.isOfficial
        ? words.officialChannel(evidence.name)
        : words.uploadedBy(evidence.name);
    case 'description-names':
      return words.descriptionNames(evidence.name);
    case 'description-matches':
      return words.descriptionMatches(evidence.percent);
    case 'page-names':
      return words.pageNames(evidence.name);
    case 'same-path':
      return words.samePath;
    default:
      return evidence satisfies never;
  }
}

/** `H:MM:SS` or `M:SS`. */
export function formatSeconds(total: number): string {
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
    : `${minutes}:${seconds}`;
}
