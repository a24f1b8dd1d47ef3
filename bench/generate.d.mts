/** Types for generate.mjs, so TypeScript tests can check the generated cases. */
import type { AnswerKind } from './farm.mjs';

/** The answer mixes a case can draw from. */
export type MixName = 'mixed' | 'big' | 'all-200';

/** Share of each answer kind per mix. */
export declare const MIXES: Record<MixName, Partial<Record<AnswerKind, number>>>;

/** Kinds a correct checker reports broken. */
export declare const BROKEN_KINDS: ReadonlySet<AnswerKind>;

/** Kinds the farm never answers: a correct checker says neither alive nor broken. */
export declare const UNANSWERED_KINDS: ReadonlySet<AnswerKind>;

/** One generated resource. */
export type BenchResource = { id: string; url: string; kind: AnswerKind; hostIndex: number };

/** One generated case. */
export type BenchCase = {
  n: number;
  hosts: number;
  mix: MixName;
  seed: number;
  port: number;
  /** URLs the farm never answers. */
  hangs: number;
  resources: BenchResource[];
};

/** A seeded PRNG returning numbers in [0, 1). */
export declare function createRandom(seed: number): () => number;

/** Builds one case from its size, hosts, mix and seed. */
export declare function generateCase(spec: {
  n: number;
  hosts: number;
  mix: MixName;
  port: number;
  seed?: number;
  duplicateShare?: number;
  hangs?: number;
}): BenchCase;

/** Counts of each answer kind among a case's distinct URLs. */
export declare function countKinds(benchCase: BenchCase): Partial<Record<AnswerKind, number>>;

/** The case as a curate roadmap. */
export declare function toRoadmapYaml(benchCase: BenchCase): string;

/** The case as a Markdown list. */
export declare function toMarkdown(benchCase: BenchCase): string;

/** A file-name stem for a case. */
export declare function caseStem(benchCase: BenchCase): string;

/** Writes the roadmap and the Markdown list into `dir`. */
export declare function writeCase(
  benchCase: BenchCase,
  dir: string,
): Promise<{ roadmapPath: string; markdownPath: string }>;
