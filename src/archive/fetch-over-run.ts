/**
 * The Wayback Machine lookup's GET over the run's fetches: its slots, retries (429 too), proxy
 * and private-address guard, stopping at the archive's `Location` instead of following it.
 */
import { assertNever } from '../assert-never.js';
import type { RunFetches } from '../fetch/run-fetches.js';
import type { ArchiveFetch } from './wayback.js';

/** The archive lookup's GET over the run's fetches: its slots, retries (429 too) and guard. */
export function archiveFetchOver(fetches: RunFetches): ArchiveFetch {
  return async (url, stopAtLocation) => {
    const fetched = await fetches.extra(url, {
      headersFor: () => ({}),
      followMetaRefresh: false,
      stopAtLocation,
    });
    switch (fetched.kind) {
      case 'response':
        return { kind: 'response', status: fetched.status, location: fetched.headers.location };
      case 'network-failure':
        return { kind: 'failure', detail: fetched.failure.message };
      case 'timeout':
        return { kind: 'failure', detail: `timed out (${fetched.phase})` };
      default:
        return assertNever(fetched);
    }
  };
}
