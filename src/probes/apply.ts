/**
 * How a platform's verdict refines the HTTP classification: the platform knows whether a video
 * still exists, the page's status code does not. Pure.
 */
import type { Classification } from '../classify/classify.js';
import { assertNever, type CheckOutcome } from '../domain.js';
import type { Finding } from '../outcome/findings.js';
import type { ProbeVerdict } from './probe.js';
import { readPlayabilityStatus } from './youtube-playability.js';

/** Whether a probe can add anything: only pages that answered (a 404 is already final). */
export function isWorthProbing(outcome: CheckOutcome): boolean {
  return (
    outcome.status === 'ok' || outcome.status === 'redirected' || outcome.status === 'unverified'
  );
}

/** The classification after a probe, with what the platform said beside the status. */
export type ProbedClassification = Classification & { findings?: readonly Finding[] };

/**
 * Combines the HTTP classification with a probe's verdict and keeps the verdict's findings
 * (archived, gated …) beside the outcome, whichever outcome it is.
 */
export function applyProbe(
  classification: Classification,
  verdict: ProbeVerdict | undefined,
  watchPage?: string,
): ProbedClassification {
  const applied = applyProbeVerdict(classification, verdict, watchPage);
  const findings = isWorthProbing(classification.outcome) ? (verdict?.findings ?? []) : [];
  return findings.length === 0 ? applied : { ...applied, findings };
}

/**
 * Combines the HTTP classification with a probe's verdict (undefined: no probe applied) and,
 * for a YouTube watch page that was read, the player's own status: `ERROR` ("Video
 * unavailable") confirms a removal the oEmbed answer reported, or stands in for an oEmbed call
 * that was rate limited.
 */
export function applyProbeVerdict(
  classification: Classification,
  verdict: ProbeVerdict | undefined,
  watchPage?: string,
): Classification {
  if (verdict === undefined || !isWorthProbing(classification.outcome)) return classification;
  const player = watchPage === undefined ? undefined : readPlayabilityStatus(watchPage);
  if (player?.status === 'ERROR') {
    const said = `the watch page says ${player.reason ?? 'the video is unavailable'}`;
    if (verdict.kind === 'inconclusive') {
      return {
        outcome: { status: 'broken', reason: 'video-removed', detail: said },
        pageTitle: classification.pageTitle,
      };
    }
    if (verdict.kind === 'outcome' && verdict.outcome.status === 'broken') {
      const detail =
        verdict.outcome.detail === undefined ? said : `${verdict.outcome.detail}; ${said}`;
      return {
        outcome: { ...verdict.outcome, detail },
        pageTitle: verdict.title ?? classification.pageTitle,
      };
    }
  }
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
