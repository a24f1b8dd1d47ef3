/** Probe verdicts in one comparable word, for the probes' table tests. */
import { assertNever } from '../../src/domain.js';
import type { ProbeVerdict } from '../../src/probes/probe.js';

/** `confirmed`, `inconclusive`, or `status:reason` of an outcome (`broken:video-removed`). */
export function verdictSummary(verdict: ProbeVerdict): string {
  switch (verdict.kind) {
    case 'confirmed':
    case 'inconclusive':
      return verdict.kind;
    case 'outcome':
      return `${verdict.outcome.status}:${verdict.outcome.reason}`;
    default:
      return assertNever(verdict);
  }
}
