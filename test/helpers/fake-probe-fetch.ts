/**
 * A fake network for the platform probes' unit tests: answers a URL from a table (or with the
 * fallback) and records every URL it was asked for, in order.
 */
import type { ProbeFetch, ProbeResponse } from '../../src/probes/probe.js';

const NO_ROUTE: ProbeResponse = { kind: 'failure', reason: 'no route' };

/** Answers `table[url.href]`, else `fallback` (a failure unless given). */
export function fakeProbeFetch(
  table: Readonly<Record<string, ProbeResponse>> = {},
  fallback: ProbeResponse = NO_ROUTE,
): { fetch: ProbeFetch; requested: string[] } {
  const requested: string[] = [];
  return {
    requested,
    fetch: (url) => {
      requested.push(url.href);
      return Promise.resolve(table[url.href] ?? fallback);
    },
  };
}
