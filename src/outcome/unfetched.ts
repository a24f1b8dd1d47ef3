/**
 * Outcomes of links that were never fetched: skipped by the plan, an unparsable URL, or left
 * unchecked because the run stopped. The one place they are made, next to the model, so the
 * report and the run never invent an outcome of their own.
 */
import { assertNever } from '../assert-never.js';
import type { CheckResult, LinkPlan } from '../domain.js';
import type { CheckOutcome, OutcomeOf, SkipReason } from './model.js';

/** A skip, with the plan's explanation when it gave one. */
export function skippedOutcome(reason: SkipReason, detail?: string): OutcomeOf<'skipped'> {
  return { status: 'skipped', reason, ...(detail === undefined ? {} : { detail }) };
}

/** A URL that cannot be parsed is broken for every reader; it is never requested. */
export function invalidUrlOutcome(detail: string): OutcomeOf<'broken'> {
  return { status: 'broken', reason: 'invalid-url', detail };
}

/** The outcome the plan decided for a link it will not fetch. */
export function plannedOutcome(
  plan: Exclude<LinkPlan, { kind: 'check' }>,
): OutcomeOf<'skipped'> | OutcomeOf<'broken'> {
  return plan.kind === 'skip'
    ? skippedOutcome(plan.reason, plan.detail)
    : invalidUrlOutcome(plan.detail);
}

/**
 * A planned target with no result: the run stopped before its check started. A network-down
 * stop leaves the rest unchecked for that reason; anything else is an interruption (Ctrl-C)
 * that came before the check began (`not-started`; one in flight is `interruptedResult`).
 */
export function uncheckedOutcome(isNetworkDown: boolean): OutcomeOf<'skipped'> {
  return skippedOutcome(isNetworkDown ? 'network-down' : 'not-started');
}

/**
 * The result of a target whose check was in flight when the run was interrupted: it keeps the
 * hops it followed and the time it had spent, so the report shows what was done, but says
 * nothing about the link.
 */
export function interruptedResult(
  targetId: string,
  fetched: { hops: CheckResult['hops']; durationMs: number },
  checkedAt: string,
): CheckResult {
  return {
    ...skippedOutcome('interrupted'),
    targetId,
    hops: fetched.hops,
    durationMs: fetched.durationMs,
    checkedAt,
  };
}

/** The result of a target the run stopped fetching because the network is down. */
export function networkDownResult(targetId: string, checkedAt: string): CheckResult {
  return { ...uncheckedOutcome(true), targetId, hops: [], durationMs: 0, checkedAt };
}

/**
 * Why a link was not checked, when the run (not the link or the plan) is the reason: the network
 * was down, the run was interrupted, or `--offline` fetched nothing. Such an outcome says
 * nothing about the link: it is neither fixed nor failing, and never counted in a history.
 */
export type UncheckedReason = Extract<
  SkipReason,
  'network-down' | 'interrupted' | 'not-started' | 'offline'
>;

/** The reason a link went unchecked because of the run, or undefined for a link that was judged. */
export function uncheckedReasonOf(outcome: CheckOutcome): UncheckedReason | undefined {
  if (outcome.status !== 'skipped') return undefined;
  const { reason } = outcome;
  switch (reason) {
    case 'network-down':
    case 'interrupted':
    case 'not-started':
    case 'offline':
      return reason;
    // Chosen by the plan or decided from the URL itself: the link's own state, not the run's.
    case 'excluded':
    case 'no-url':
    case 'unsupported-scheme':
    case 'private-address':
      return undefined;
    default:
      return assertNever(reason);
  }
}

/** Whether the run left this link unchecked (see {@link uncheckedReasonOf}). */
export function isUnchecked(outcome: CheckOutcome): boolean {
  return uncheckedReasonOf(outcome) !== undefined;
}
