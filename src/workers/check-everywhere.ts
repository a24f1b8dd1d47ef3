/**
 * Where a run's links are checked: on the main thread alone, or shared among worker threads
 * (`--workers`, decision 32). With workers, the network probe's sampled links whose answers
 * are final are judged here first (the answers are in this thread's fetches), then every other
 * link goes to the worker that holds its host, and a crashed worker's unjudged links are
 * checked here at the end. The phases never overlap, so no host ever has requests from two
 * threads at once.
 */
import { availableParallelism } from 'node:os';
import { checkTargets, type CheckContext } from '../check-loop.js';
import type { CheckTarget } from '../domain.js';
import type { ResolvedOptions } from '../options.js';
import { DEFAULT_PROBES, findProbe } from '../probes/probe.js';
import { affinityGroups, shareConcurrency, shareGroups, workerCountFor } from './partition.js';
import { checkInWorkers, type PoolSetup } from './pool.js';

export type Everywhere = {
  parallel: ResolvedOptions['parallel'];
  concurrency: number;
  /** Whether the run's transport can be rebuilt in a worker: not when a test injected its own. */
  canUseWorkers: boolean;
  /** Told once per worker that died, with why (its links were checked here instead). */
  onWorkerCrash?: (message: string) => void;
  /** Tests only: make a worker crash (see `PoolSetup.crash`). */
  crash?: PoolSetup['crash'];
};

export async function checkEverywhere(
  targets: readonly CheckTarget[],
  context: CheckContext,
  everywhere: Everywhere,
): Promise<void> {
  const groups = groupsOf(targets);
  const workerCount = everywhere.canUseWorkers
    ? workerCountFor(everywhere.parallel.workers, {
        cores: availableParallelism(),
        links: targets.length,
        groups: groups.length,
      })
    : 1;
  if (workerCount === 1) {
    await checkTargets(targets, context);
    return;
  }
  const { deps } = context;
  // A function, not a narrowed read: the signal flips while the workers run.
  const isAborted = (): boolean => deps.signal?.aborted === true;
  // The probe's answers live in this thread: those final are judged here, before any worker
  // starts on their hosts; the others go to the workers like any link.
  const sampled = await context.fetches.settleSamples();
  await checkTargets(
    targets.filter((target) => sampled.has(target.id)),
    context,
  );
  if (isAborted()) return;
  const rest = targets.filter((target) => !context.results.has(target.id));
  const shares = shareGroups(groupsOf(rest), workerCount)
    .map((indexes) => indexes.map((index) => rest[index] as CheckTarget))
    .filter((share) => share.length > 0);
  const concurrencies = shareConcurrency(
    everywhere.concurrency,
    shares.map((share) => share.length),
  );
  deps.onProgress?.({ kind: 'workers-started', workers: shares.length, links: rest.length });
  const pooled = await checkInWorkers(
    shares.map((share, index) => ({ targets: share, concurrency: concurrencies[index] as number })),
    {
      options: everywhere.parallel.source,
      apiValidators: deps.apiValidators?.entries(),
      ...(deps.onProgress ? { onProgress: deps.onProgress } : {}),
      ...(deps.signal ? { signal: deps.signal } : {}),
      ...(everywhere.crash ? { crash: everywhere.crash } : {}),
    },
  );
  for (const result of pooled.results) context.results.set(result.targetId, result);
  for (const [url, validator] of Object.entries(pooled.apiValidators)) {
    deps.apiValidators?.set(url, validator);
  }
  for (const crash of pooled.crashes) everywhere.onWorkerCrash?.(crash);
  if (pooled.unchecked.length > 0 && !isAborted()) {
    await checkTargets(pooled.unchecked, context);
  }
}

/** The targets' affinity groups (workers/partition.ts), as indexes into `targets`. */
function groupsOf(targets: readonly CheckTarget[]): number[][] {
  return affinityGroups(
    targets.map((target) => ({
      host: target.url.hostname,
      probeId: findProbe(DEFAULT_PROBES, target.url)?.probe.id,
    })),
  );
}
