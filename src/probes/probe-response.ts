/** The bridge from the HTTP adapter's `FetchOutcome` to what a probe reads. */
import { assertNever, type FetchOutcome } from '../domain.js';
import type { ProbeResponse } from './probe.js';

/**
 * A `FetchOutcome` as a probe sees it, so that the run can build its `ProbeFetch` as
 * `(url) => fetchTarget(url, settings, deps).then(toProbeResponse)`.
 */
export function toProbeResponse(outcome: FetchOutcome): ProbeResponse {
  switch (outcome.kind) {
    case 'response':
      return {
        kind: 'response',
        status: outcome.status,
        finalUrl: outcome.finalUrl,
        body: outcome.body,
        contentType: outcome.contentType,
        headers: outcome.headers,
      };
    case 'network-failure':
      return { kind: 'failure', reason: `${outcome.failure.reason}: ${outcome.failure.message}` };
    case 'timeout':
      return { kind: 'failure', reason: `timeout (${outcome.phase})` };
    default:
      return assertNever(outcome);
  }
}
