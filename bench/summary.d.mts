/** Types for summary.mjs, so TypeScript tests can check how targets are judged. */
import type { Score } from './verdicts.mjs';

/** One run as raw numbers. */
export type BenchRecord = {
  caseName: string;
  mix: string;
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
  startupMs: number | undefined;
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

/** One of the targets, judged. */
export type TargetVerdict = { name: string; measured: string; isMet: boolean };

/** The thresholds of the targets. */
export declare const TARGETS: {
  boundRatio: number;
  startupMs: number;
  speedupOverLinkinator: number;
  peakRssBytes: number;
  requestsPerUrl: number;
  cpuMsPerLink: number;
};

/** The runs as one Markdown table. */
export declare function renderTable(records: readonly BenchRecord[]): string;

/** The targets these runs can decide. */
export declare function evaluateTargets(
  records: readonly BenchRecord[],
  context: { versionStartupMs: number },
): TargetVerdict[];

/** The targets as a Markdown list. */
export declare function renderTargets(targets: readonly TargetVerdict[]): string;
