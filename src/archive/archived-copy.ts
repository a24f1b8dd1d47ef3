/**
 * What the Wayback Machine said about a dead link: its closest snapshot, that it has none, or
 * that it could not be asked. One zod union, the type of report.json's `archived` and of the
 * `--cache` file's archive section.
 */
import { z } from 'zod';

/** The Wayback Machine holds a copy: `url` opens it, `timestamp` (ISO, UTC) is when it was taken. */
export const SnapshotSchema = z.strictObject({
  kind: z.literal('snapshot'),
  url: z.string(),
  timestamp: z.iso.datetime(),
});

/** No copy to offer: never archived (404), or excluded from the Wayback Machine (403). */
export const NoSnapshotSchema = z.strictObject({
  kind: z.literal('none'),
  reason: z.enum(['not-archived', 'excluded']),
});

/** The archive was asked and did not say: rate limited after the retries, down, or an odd answer. */
export const ArchiveUnansweredSchema = z.strictObject({
  kind: z.literal('unanswered'),
  reason: z.enum(['rate-limited', 'unreachable', 'unexpected']),
  detail: z.string(),
});

/** One dead link's answer from the archive. */
export const ArchivedCopySchema = z.discriminatedUnion('kind', [
  SnapshotSchema,
  NoSnapshotSchema,
  ArchiveUnansweredSchema,
]);

export type ArchivedCopy = z.infer<typeof ArchivedCopySchema>;
export type Snapshot = z.infer<typeof SnapshotSchema>;
