/** Types for bound.mjs, so TypeScript tests can check the lower bound. */
import type { AnswerKind } from './farm.mjs';

/** The farm's timing that the bound depends on. */
export type CostSettings = {
  latencyMs: number;
  slowMs: number;
  retryWaitMs: number;
  /** One attempt's deadline: what a URL the farm never answers costs at least. */
  timeoutMs?: number;
};

/** Slot-time and shortest elapsed time for one URL of a kind. */
export declare function costOf(
  kind: AnswerKind,
  settings: CostSettings,
): { workMs: number; chainMs: number };

/** The lower bound of a run with `perHost` and `concurrency` limits. */
export declare function lowerBound(
  resources: readonly { url: string; kind: AnswerKind }[],
  settings: CostSettings & { perHost: number; concurrency: number },
): { boundMs: number; simpleMs: number; distinct: number };
