/**
 * What the main thread and a check worker say to each other. Everything here crosses a
 * thread by structured clone, so it is plain data: targets travel as hrefs (a `URL` cannot be
 * cloned) and the options as the inputs they were resolved from (`OptionsSource`), which the
 * worker resolves again: functions such as `perHostFor` cannot be cloned either.
 */
import type { ApiValidator } from '../cache/api-validators.js';
import type { CheckResult, CheckTarget, RoadmapRef } from '../domain.js';
import type { OptionsSource } from '../options/slices.js';
import type { ProgressEvent } from '../progress/state.js';

/** A target as it crosses to a worker. */
export type PostedTarget = { id: string; href: string; refs: readonly RoadmapRef[] };

/** Handed to a worker as its `workerData`: all it needs to check its share of the links. */
export type WorkerStart = {
  /** 0-based, for telling the workers apart in events and faults. */
  workerIndex: number;
  targets: readonly PostedTarget[];
  options: OptionsSource;
  /** The worker's share of `--concurrency`; `--per-host` holds as is, every host being in one worker. */
  concurrency: number;
  /** Whether the main thread shows progress: fetch events are posted only then. */
  isObserved: boolean;
  /** The `--cache` file's platform API validators, when the run has a cache. */
  apiValidators: Readonly<Record<string, ApiValidator>> | undefined;
  /** Tests only: the worker throws after posting this many checked results. */
  crashAfterResults?: number;
};

/** Main thread → worker. */
export type ToWorker = { kind: 'abort' };

/** Worker → main thread. */
export type FromWorker =
  /** Every `target-checked` (so a crash loses only unfinished links), and fetch events when observed. */
  | { kind: 'event'; event: ProgressEvent }
  /**
   * The worker's share is done (or stopped by `abort`): every result it has, interrupted ones
   * included, and its validators to write back to the cache.
   */
  | {
      kind: 'done';
      results: readonly CheckResult[];
      apiValidators: Readonly<Record<string, ApiValidator>> | undefined;
    };

export function postedTarget(target: CheckTarget): PostedTarget {
  return { id: target.id, href: target.url.href, refs: target.refs };
}

export function receivedTarget(target: PostedTarget): CheckTarget {
  return { id: target.id, url: new URL(target.href), refs: target.refs };
}
