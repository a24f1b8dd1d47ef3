/**
 * How a platform's verdict refines the HTTP classification: the platform knows whether a video
 * still exists, the page's status code does not. Pure.
 */
import type { Classification } from '../classify/classify.js';
import { assertNever, type CheckOutcome } from '../domain.js';
import type { ProbeVerdict } from './probe.js';

/** Whether a probe can add anything: only pages that answered (a 404 is already final). */
export function isWorthProbing(outcome: CheckOutcome): boolean {
  return (
    outcome.status === 'ok' || outcome.status === 'redirected' || outcome.status === 'unverified'
  );
}

/** Combines the HTTP classification with a probe's verdict (undefined: no probe applied). */
export function applyProbeVerdict(
  classification: Classification,
  verdict: ProbeVerdict | undefined,
): Classification {
  if (verdict === undefined || !isWorthProbing(classification.outcome)) return classification;
  switch (verdict.kind) {
    case 'confirmed': {
      const title = verdict.title ?? classification.pageTitle;
      const { outcome } = classification;
      // The page hid behind a consent or bot wall, but the platform vouches for the content.
      const confirmed: CheckOutcome =
        outcome.status === 'unverified'
          ? { status: 'ok', reason: 'ok', httpStatus: outcome.httpStatus ?? 200 }
          : outcome;
      return { outcome: confirmed, pageTitle: title };
    }
    case 'outcome':
      return { outcome: verdict.outcome, pageTitle: verdict.title ?? classification.pageTitle };
    case 'inconclusive':
      // Rate limited or the API is down: the HTTP answer stands; never call it broken on a guess.
      return classification;
    default:
      return assertNever(verdict);
  }
}
