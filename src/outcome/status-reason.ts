/**
 * An outcome cut down to its status and reason: what history records keep and what `--fail-on`
 * and the SARIF rules match on. Built from the model's reason lists, so a reason a record
 * accepts is one the model has.
 */
import { z } from 'zod';
import { REASONS_BY_STATUS, type CheckOutcome, type Status } from './model.js';

/**
 * A record made of `shape` plus a status and one of its reasons, and nothing else of the
 * outcome: what history records keep. Built from the same reason lists, so a reason a record
 * accepts is one the model has.
 */
export function withStatusReason<Shape extends z.ZodRawShape>(shape: Shape) {
  const variant = <S extends Status>(status: S, reasons: (typeof REASONS_BY_STATUS)[S]) =>
    z.strictObject({ ...shape, status: z.literal(status), reason: z.enum(reasons) });
  return z.discriminatedUnion('status', [
    variant('ok', REASONS_BY_STATUS.ok),
    variant('redirected', REASONS_BY_STATUS.redirected),
    variant('broken', REASONS_BY_STATUS.broken),
    variant('unreachable', REASONS_BY_STATUS.unreachable),
    variant('unverified', REASONS_BY_STATUS.unverified),
    variant('skipped', REASONS_BY_STATUS.skipped),
  ]);
}

/** A status with one of its reasons. */
export const StatusReasonSchema = withStatusReason({});
export type StatusReason = z.infer<typeof StatusReasonSchema>;

/** Each variant's own status and reason: a pick that distributes over the union. */
type OwnStatusReason<O> = O extends CheckOutcome ? Pick<O, 'status' | 'reason'> : never;

/**
 * Only the status and reason of an outcome. Both are read from the one variant, so the pair is
 * that variant's: the assertion says so, since TypeScript does not correlate two reads of a
 * union. The return type still checks that every variant's pair is a StatusReason, so a reason
 * the model has and the reason lists lack breaks the build here.
 */
export function statusReasonOf(outcome: CheckOutcome): StatusReason {
  const pair = { status: outcome.status, reason: outcome.reason } as OwnStatusReason<CheckOutcome>;
  return pair;
}
