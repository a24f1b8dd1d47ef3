/**
 * Shared types of the check pipeline. No logic lives here except the small predicates that
 * belong with the types (the way lychee keeps `Status::is_error` next to `Status`).
 */
import type { Finding } from './outcome/findings.js';
import type { CheckOutcome, SkipReason } from './outcome/model.js';

/** A region learners live in, as listed in the roadmap's `regions:` (e.g. `cn`). */
export type RegionId = string;

/** How a learner in a region can open a resource. `partial`: reachable but throttled or flaky. */
export type Access = 'open' | 'vpn' | 'partial';

export {
  STATUSES,
  type BrokenReason,
  type CheckOutcome,
  type OkReason,
  type OutcomeOf,
  type Reason,
  type ReasonOf,
  type SkipReason,
  type Status,
  type UnreachableReason,
  type UnverifiedReason,
} from './outcome/model.js';
export { isFailing } from './outcome/fail-on.js';

/** Where a target appears in the roadmap: the resource itself, or one of its mirrors. */
export type RoadmapRef = {
  resourceId: string;
  role: 'resource' | 'mirror';
  /** Field path in the roadmap, e.g. `sections[0].sections[1].resources[3].url`. */
  path: string;
  /** 1-based line of the URL in the roadmap file (0 when unknown, e.g. built in memory). */
  line: number;
};

/** One URL to fetch, with every place it appears in the roadmap. Duplicated URLs share one. */
export type CheckTarget = {
  /** The normalised URL (fragment included); unique within a run. */
  id: string;
  url: URL;
  refs: readonly RoadmapRef[];
};

/** One followed redirect: the URL that answered and the status it answered with. */
export type Hop = { url: string; status: number };

/** Why the transport failed, independent of what it means for the learner. */
export type NetworkFailureReason =
  | 'dns'
  | 'dns-temporary'
  | 'refused'
  | 'reset'
  | 'tls'
  | 'proxy'
  | 'private-address'
  | 'too-many-redirects'
  | 'redirect-loop'
  | 'unsupported-redirect'
  | 'invalid-redirect'
  | 'other';

export type NetworkFailure = {
  reason: NetworkFailureReason;
  /** The Node/undici error code, e.g. `ENOTFOUND`, `UND_ERR_SOCKET`. */
  code: string | undefined;
  message: string;
  /** For `unsupported-redirect`: the scheme the Location named, without its colon. */
  scheme?: string;
};

/** What the network did: the output of `fetch/`, the input of `classify/`. */
export type FetchOutcome =
  | {
      kind: 'response';
      status: number;
      finalUrl: string;
      hops: readonly Hop[];
      /** Lower-cased header names; only the few classification needs. */
      headers: Readonly<Record<string, string>>;
      /** The wait its `Retry-After` asked for (seconds or an HTTP-date), when it gave one. */
      retryAfterMs?: number;
      contentType: string | undefined;
      /** Decoded text of an HTML/text body, capped; undefined for other content types. */
      body: string | undefined;
      durationMs: number;
    }
  | { kind: 'network-failure'; failure: NetworkFailure; hops: readonly Hop[]; durationMs: number }
  | {
      kind: 'timeout';
      phase: 'connect' | 'headers' | 'body';
      hops: readonly Hop[];
      durationMs: number;
    };

/** The outcome of one target plus what was observed on the way. */
export type CheckResult = CheckOutcome & {
  targetId: string;
  hops: readonly Hop[];
  durationMs: number;
  /** ISO time the check finished (passed in by the adapter, never read inside a stage). */
  checkedAt: string;
  /** The page's `<title>`, when an HTML page was read. */
  pageTitle?: string;
  /** Reused from the `--cache` file instead of fetched; `checkedAt` is the real check's time. */
  isCached?: boolean;
  /** What a platform said beside the status (archived, renamed, gated, withdrawn …). */
  findings?: readonly Finding[];
};

export { assertNever } from './assert-never.js';

/** Whether the roadmap should be edited because of this outcome (a dead or moved link). */
export function needsEdit(outcome: Pick<CheckOutcome, 'status'>): boolean {
  return outcome.status === 'broken' || outcome.status === 'redirected';
}

/** A 1-based position in an input file (0:0 when unknown). */
export type SourcePosition = { line: number; column: number };

/** What the plan decided for one URL of the roadmap: fetch it (as a shared target) or skip it. */
export type LinkPlan =
  | { kind: 'check'; targetId: string }
  | { kind: 'skip'; reason: SkipReason; detail?: string }
  /** The URL cannot be parsed: reported `broken` (reason: invalid-url) without a request. */
  | { kind: 'invalid'; detail: string };

/** One URL of a resource (its own or a mirror's) with its place in the file. */
export type PlannedLink = {
  /** As written in the roadmap; undefined when the resource has no URL. */
  url: string | undefined;
  /** Field path of the URL (or of the resource when it has none). */
  path: string;
  line: number;
  plan: LinkPlan;
};

export type PlannedMirror = PlannedLink & {
  platform: string | undefined;
  lang: string | undefined;
  note: string | undefined;
  isConfirmed: boolean;
  /** Matched by strong evidence (`evidence: strong`), not yet confirmed by a maintainer. */
  isMatchedByEvidence?: boolean;
};

/** A resource as the report will list it, in roadmap order. */
export type PlannedResource = {
  id: string;
  /** The innermost section's id, e.g. `2.1`. */
  sectionId: string;
  sectionTitle: string;
  /** Set for resources named inside a topic. */
  topic: string | undefined;
  title: string;
  kind: string;
  /** Declared access per region (`access:` in the roadmap). */
  access: Readonly<Record<RegionId, Access>>;
  link: PlannedLink;
  mirrors: readonly PlannedMirror[];
};

/** The output of `planChecks`: what to report on and what to fetch (each URL once). */
export type Plan = {
  resources: readonly PlannedResource[];
  targets: readonly CheckTarget[];
};
