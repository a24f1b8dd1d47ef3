/** The outcome inside a result: what report entries and observations keep of a check. */
import type { CheckResult } from '../domain.js';
import type { CheckOutcome } from './model.js';

/** A result without what was observed on the way (target, hops, times, title, cache mark). */
export function outcomeOf(result: CheckResult): CheckOutcome {
  // The rest of a union keeps each variant apart, so this is the variant the result carries;
  // the named fields are there to be left out.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { targetId, hops, durationMs, checkedAt, pageTitle, isCached, findings, ...outcome } =
    result;
  return outcome;
}
