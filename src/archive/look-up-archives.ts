/**
 * The archive stage of a run: for every dead link (`broken`, which includes
 * `redirected-to-home`), its closest Wayback Machine snapshot, a few at a time, answers from
 * the `--cache` file first. Only links this run checked are asked, and only when the network
 * was up (`run.ts` calls it after the checks).
 */
import pLimit from 'p-limit';
import type { CheckResult } from '../domain.js';
import type { ArchivedCopy } from './archived-copy.js';
import { lookUpSnapshot, type ArchiveFetch } from './wayback.js';

/**
 * Lookups in flight at once, on top of the run's per-host slots: the Wayback Machine throttles
 * clients that send many requests together (429s, then refused connections).
 */
export const ARCHIVE_CONCURRENCY = 2;

/** What the archive stage needs from the run. */
export type ArchiveLookupDeps = {
  fetch: ArchiveFetch;
  /** An answer kept from an earlier run (`--cache`), by target id. */
  cached?: (targetId: string) => ArchivedCopy | undefined;
};

/** Whether a result is dead enough for its archived copy to be worth offering. */
export function isWorthArchiving(result: Pick<CheckResult, 'status' | 'isCached'>): boolean {
  return result.status === 'broken' && result.isCached !== true;
}

/** The archive's answer per target id, for the results worth archiving. */
export async function lookUpArchives(
  results: readonly CheckResult[],
  urlOf: (targetId: string) => URL | undefined,
  deps: ArchiveLookupDeps,
): Promise<Map<string, ArchivedCopy>> {
  const limit = pLimit(ARCHIVE_CONCURRENCY);
  const answers = new Map<string, ArchivedCopy>();
  await Promise.all(
    results.filter(isWorthArchiving).map(async (result) => {
      const url = urlOf(result.targetId);
      if (url === undefined) return;
      const answer =
        deps.cached?.(result.targetId) ?? (await limit(() => lookUpSnapshot(url, deps.fetch)));
      answers.set(result.targetId, answer);
    }),
  );
  return answers;
}
