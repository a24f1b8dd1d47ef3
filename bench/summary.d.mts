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
  isCurate: boolean;
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
  speedupOverLinkinator: number;
  peakRssBytes: number;
  requestsPerUrl: number;
  cpuMsPerLink: number;
};

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
