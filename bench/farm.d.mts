/** Types for farm.mjs, so TypeScript tests can drive the farm. */

/** Kinds of answer a farm path can name. */
export type AnswerKind = 'ok' | '404' | 'moved' | 'found' | 'flaky' | 'slow' | 'big' | 'hang';

/** Every kind the farm serves, in a fixed order. */
export declare const ANSWER_KINDS: readonly AnswerKind[];

/** How a farm is set up; every field has a default. */
export type FarmOptions = {
  hosts?: number;
  port?: number;
  latencyMs?: number;
  jitterMs?: number;
  slowMs?: number;
  bigBodyBytes?: number;
  seed?: number;
};

/** What one host saw. */
export type HostStats = {
  requests: number;
  inFlight: number;
  maxInFlight: number;
  openConnections: number;
  maxOpenConnections: number;
  connectionsOpened: number;
};

/** The farm's counters at one moment. */
export type FarmStats = {
  requests: number;
  unexpected: number;
  byMethod: Record<string, number>;
  byKind: Partial<Record<AnswerKind, number>>;
  maxInFlightPerHost: number;
  maxOpenConnectionsPerHost: number;
  connectionsOpened: number;
  inFlight: number;
  /** performance.now() when the first request since the last reset() arrived. */
  firstRequestAt: number | undefined;
  /** performance.now() when the last answer to a request since the last reset() was done. */
  lastAnswerAt: number | undefined;
  hosts: Record<string, HostStats>;
};

/** A running farm. */
export type Farm = {
  port: number;
  addresses: string[];
  origins: string[];
  settings: Required<FarmOptions>;
  stats(): FarmStats;
  reset(): void;
  closeIdleConnections(): void;
  close(): Promise<void>;
};

/** The address of host `index` (0-based): 127.0.0.2 for the first. */
export declare function hostAddress(index: number): string;

/** The fixed latency a path is answered with. */
export declare function latencyFor(
  path: string,
  settings: { latencyMs: number; jitterMs: number; seed: number },
): number;

/** Splits `/kind/id`, or undefined for paths the farm does not serve. */
export declare function parsePath(pathname: string): { kind: AnswerKind; id: string } | undefined;

/** The farm's ordinary page: a title, an h1 and one paragraph. */
export declare function smallPage(title: string): string;

/** The farm's long page: a title and h1, then paragraphs up to `bytes` characters. */
export declare function bigPage(title: string, bytes: number): string;

/** Starts the farm on every host address. */
export declare function startFarm(options?: FarmOptions): Promise<Farm>;
