/** Types for summary.mjs, so TypeScript tests can check how targets are judged. */
import type { Score } from './verdicts.mjs';

/** One run as raw numbers. */
export type BenchRecord = {
  caseName: string;
  mix: string;
  /** URLs the farm never answers (0 for most cases). */
  hangs: number;
  n: number;
  hosts: number;
  resources: number;
  distinct: number;
  tool: string;
  /** Curate from this build (the other build of `--before` is not). */
  isCurate: boolean;
  /** The other build of `--before`: shown, never judged. */
  isBefore?: boolean;
  isDefaults: boolean;
  limits: { concurrency: number; perHost: number };
  wallMs: number;
  wallsMs: number[];
  boundMs: number;
  simpleBoundMs: number;
  /** Spawn → the farm's first request. */
  startupMs: number | undefined;
  /** The farm's first request → its last answer done. */
  networkMs: number | undefined;
  /** The farm's last answer done → exit. */
  tailMs: number | undefined;
  peakRssBytes: number | undefined;
  cpuMs: number | undefined;
  farmCpuMs: number | undefined;
  exitCode: number;
  isTimedOut: boolean;
  requests: number;
  connectionsOpened: number;
  maxInFlightPerHost: number;
  maxConnectionsPerHost: number;
  score: Score | undefined;
};

/** One of the targets, judged; `isMet` undefined: shown for information only. */
export type TargetVerdict = { name: string; measured: string; isMet: boolean | undefined };

/** A run's wall time split into start-up, network phase and tail. */
export type RunPhases = {
  startupMs: number | undefined;
  networkMs: number | undefined;
  tailMs: number | undefined;
};

/** The thresholds of the targets. */
export declare const TARGETS: {
  boundRatio: number;
  startupMs: number;
  smallStartupMs: number;
  wallOverLinkinator: number;
  peakRssBytes: number;
  requestsPerUrl: number;
  cpuMsPerLink: number;
  bigCpuMsPerLink: number;
};

/** Peak RSS at the smallest and largest N of the mixed H=50 case, when two N were run. */
export declare function memoryGrowth(records: readonly BenchRecord[]):
  | {
      caseName: string;
      fromN: number;
      toN: number;
      fromMb: number;
      toMb: number;
      ratio: number;
      nRatio: number;
    }
  | undefined;

/** Splits a run at the farm's first request and last answer (one performance.now() clock). */
export declare function runPhases(
  measured: { spawnedAt: number; wallMs: number },
  stats: { firstRequestAt: number | undefined; lastAnswerAt: number | undefined },
): RunPhases;

/** The runs as one Markdown table. */
export declare function renderTable(records: readonly BenchRecord[]): string;

/** The targets these runs can decide. */
export declare function evaluateTargets(
  records: readonly BenchRecord[],
  context: { versionStartupMs: number },
): TargetVerdict[];

/** The targets as a Markdown list. */
export declare function renderTargets(targets: readonly TargetVerdict[]): string;
