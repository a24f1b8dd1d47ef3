/**
 * The main thread's side of `--workers`: starts one worker thread per share of the links,
 * passes Ctrl-C on to them, relays their events to the progress line and gathers their
 * results. A worker that dies before it is done is no bug of the run's links: the links it had
 * not judged come back as `unchecked`, for the main thread to check itself.
 */
import { existsSync } from 'node:fs';
import { assertNever } from '../assert-never.js';
import { Worker } from 'node:worker_threads';
import type { ApiValidator } from '../cache/api-validators.js';
import type { CheckResult, CheckTarget } from '../domain.js';
import type { OptionsSource } from '../options/slices.js';
import { PACKAGE_ROOT } from '../package-root.js';
import type { ProgressEvent } from '../progress/state.js';
import { postedTarget, type FromWorker, type ToWorker, type WorkerStart } from './protocol.js';

/** One worker's part of the run. */
export type WorkerShare = { targets: readonly CheckTarget[]; concurrency: number };

export type PoolSetup = {
  options: OptionsSource;
  apiValidators: Readonly<Record<string, ApiValidator>> | undefined;
  onProgress?: (event: ProgressEvent) => void;
  signal?: AbortSignal;
  /** Tests only: worker `worker` throws after posting `afterResults` results. */
  crash?: { worker: number; afterResults: number };
};

/** What the workers did. */
export type PoolOutcome = {
  results: CheckResult[];
  /** Validators the workers learnt (`--cache`), to add to the run's. */
  apiValidators: Record<string, ApiValidator>;
  /** Links of workers that died before judging them; empty when every worker finished. */
  unchecked: CheckTarget[];
  /** Why each worker that died did, in English (an internal error's message). */
  crashes: string[];
};

/**
 * The worker's script: beside the running bundle (dist/cli.js, action/cli.js), else the
 * compiled one (tests run the sources, whose worker would be TypeScript).
 */
export function workerScript(): URL {
  const besideBundle = new URL('./workers/check-worker.js', import.meta.url);
  return existsSync(besideBundle)
    ? besideBundle
    : new URL('dist/workers/check-worker.js', PACKAGE_ROOT);
}

/** Checks every share in a worker of its own; settles when every worker has ended. */
export async function checkInWorkers(
  shares: readonly WorkerShare[],
  setup: PoolSetup,
): Promise<PoolOutcome> {
  const outcome: PoolOutcome = { results: [], apiValidators: {}, unchecked: [], crashes: [] };
  const relay = relayFetchIds(setup.onProgress);
  const script = workerScript();
  const running = shares.map((share, workerIndex) =>
    runWorker(script, share, workerIndex, setup, relay, outcome),
  );
  await Promise.all(running);
  return outcome;
}

function runWorker(
  script: URL,
  share: WorkerShare,
  workerIndex: number,
  setup: PoolSetup,
  relay: (workerIndex: number, event: ProgressEvent) => void,
  outcome: PoolOutcome,
): Promise<void> {
  const start: WorkerStart = {
    workerIndex,
    targets: share.targets.map(postedTarget),
    options: setup.options,
    concurrency: share.concurrency,
    isObserved: setup.onProgress !== undefined,
    apiValidators: setup.apiValidators,
    ...(setup.crash?.worker === workerIndex ? { crashAfterResults: setup.crash.afterResults } : {}),
  };
  const worker = new Worker(script, { workerData: start });
  const judged = new Map<string, CheckResult>();
  let isDone = false;
  let crash: string | undefined;
  const abort = (): void => {
    worker.postMessage({ kind: 'abort' } satisfies ToWorker);
  };
  setup.signal?.addEventListener('abort', abort, { once: true });
  if (setup.signal?.aborted === true) abort();

  worker.on('message', (message: FromWorker) => {
    switch (message.kind) {
      case 'event':
        if (message.event.kind === 'target-checked') {
          judged.set(message.event.result.targetId, message.event.result);
        }
        relay(workerIndex, message.event);
        break;
      case 'done':
        isDone = true;
        for (const result of message.results) judged.set(result.targetId, result);
        Object.assign(outcome.apiValidators, message.apiValidators);
        break;
    }
  });
  worker.on('error', (error) => {
    crash = error.message;
  });
  return new Promise<void>((resolve) => {
    worker.on('exit', (code) => {
      setup.signal?.removeEventListener('abort', abort);
      outcome.results.push(...judged.values());
      if (!isDone) {
        outcome.crashes.push(
          crash ?? `worker ${String(workerIndex)} exited with code ${String(code)}`,
        );
        outcome.unchecked.push(...share.targets.filter((target) => !judged.has(target.id)));
      }
      resolve();
    });
  });
}

/**
 * Relays workers' events to the progress line. Each worker numbers its fetches from 1, as the
 * main thread does, so a worker's fetch gets a run-wide id of its own while it is under way.
 */
function relayFetchIds(
  onProgress: ((event: ProgressEvent) => void) | undefined,
): (workerIndex: number, event: ProgressEvent) => void {
  if (onProgress === undefined) return () => undefined;
  const runIds = new Map<string, number>();
  // Far above any id the main thread's own fetches reach (the network probe's, a recheck's).
  let lastRunId = 2 ** 40;
  return (workerIndex, event) => {
    switch (event.kind) {
      case 'targets-planned':
      case 'target-checked':
      case 'workers-started':
        onProgress(event);
        return;
      case 'attempt-started':
      case 'attempt-ended':
      case 'fetch-finished':
        break;
      default:
        assertNever(event);
    }
    const key = `${String(workerIndex)}:${String(event.fetchId)}`;
    let fetchId = runIds.get(key);
    if (fetchId === undefined) {
      lastRunId += 1;
      fetchId = lastRunId;
      runIds.set(key, fetchId);
    }
    if (event.kind === 'fetch-finished') runIds.delete(key);
    onProgress({ ...event, fetchId });
  };
}
