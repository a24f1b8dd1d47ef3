/** Types for verdicts.mjs, so TypeScript tests can check the parsers and the score. */
import type { BenchResource } from './generate.mjs';

/** How a tool's verdicts compare with the farm's answers. */
export type Score = {
  urls: number;
  expectedBroken: number;
  brokenMissed: number;
  aliveWrong: number;
  missing: number;
  wrong: Record<string, number>;
};

/** A status and its reason, as report.json writes them. */
type StatusReason = { status: string; reason: string };

/** curate's report.json (schemaVersion 2: in `outcome`; version 1: on the entry) as verdicts per URL. */
export declare function curateVerdicts(report: {
  results: readonly ({ url: string | null } & ({ outcome: StatusReason } | StatusReason))[];
}): Map<string, string>;

/** linkinator's JSON output as verdicts per URL. */
export declare function linkinatorVerdicts(output: {
  links?: readonly { url: string; state: string }[];
}): Map<string, string>;

/** markdown-link-check's text output as verdicts per URL. */
export declare function markdownLinkCheckVerdicts(text: string): Map<string, string>;

/** Scores verdicts against the expected answer of every distinct URL. */
export declare function scoreVerdicts(
  resources: readonly Pick<BenchResource, 'url' | 'kind'>[],
  verdicts: ReadonlyMap<string, string>,
): Score;

/** A short table cell: ✓, or what went wrong. */
export declare function describeScore(score: Score): string;
