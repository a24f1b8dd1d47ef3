/**
 * Mirror finders: for a resource a region cannot open, ask another platform for copies a
 * learner there can open. A finder is one module per source behind this interface, like the
 * probes; the engine (`find.ts`) only knows `MirrorFinder` and `DEFAULT_FINDERS`.
 *
 * A finder never fails silently: a source it could not ask (blocked, rate-limited, an API
 * that changed) is a `could-not-search` answer that the command prints and mirrors.json keeps.
 */
import type { Evidence } from './evidence.js';
import type { ProbeResponse } from '../probes/probe.js';

/** What a finder knows of the resource it looks for. */
export type MirrorSubject = {
  resourceId: string;
  title: string;
  url: URL;
  author: string | undefined;
  /** The region the resource needs a VPN in (e.g. `cn`). */
  region: string;
};

/** A GET with the finder's own headers for that one request (a cookie never crosses hosts). */
export type FinderFetch = (
  url: URL,
  headers?: Readonly<Record<string, string>>,
) => Promise<ProbeResponse>;

/** What a finder may use besides the network; tests pass their own. */
export type FinderDeps = {
  fetch: FinderFetch;
  sleep: (ms: number) => Promise<void>;
  now: () => Date;
};

/** How far a candidate's evidence goes: only `strong` ever counts as covering. */
export type EvidenceStrength = 'strong' | 'weak';

/** A copy one finder proposes, before curate checks it like a resource. */
export type MirrorCandidate = {
  url: string;
  /** Where the copy lives, as in roadmap.yaml's `platform:` (`bilibili`, `hf-mirror`, `gitee`). */
  platform: string;
  title: string | undefined;
  uploader: string | undefined;
  strength: EvidenceStrength;
  /** Orders candidates of one resource, higher first; comparable within one finder only. */
  score: number;
  /** What matched and what did not (worded per language): goes into the mirror's `note`. */
  evidence: readonly Evidence[];
  /** An official channel of the original's author (e.g. "3Blue1Brown官方"): ranks first. */
  isOfficial: boolean;
  /** Dubbed / subtitled / raw, read from the title (配音, 字幕, 生肉). */
  variant: string | undefined;
  /** A suggestion that never counts as covering (Gitee: github.com is only partial from cn). */
  isSuggestionOnly: boolean;
};

/** Why a finder could not search. */
export const COULD_NOT_SEARCH_REASONS = [
  'rate-limited',
  'blocked',
  'changed-api',
  'unreachable',
] as const;
export type CouldNotSearchReason = (typeof COULD_NOT_SEARCH_REASONS)[number];

/** One finder's answer for one resource. */
export type FinderAnswer =
  | { kind: 'candidates'; candidates: readonly MirrorCandidate[] }
  | { kind: 'could-not-search'; reason: CouldNotSearchReason; detail: string }
  /** The source has no copy a learner could rely on (Medium, Substack, openai.com). */
  | { kind: 'no-stable-mirror'; detail: string };

/** One mirror source. */
export type MirrorFinder = {
  /** Stable name, e.g. `bilibili`; mirrors.json names the finder of every answer. */
  id: string;
  /** Whether the finder looks for copies of this URL. Pure. */
  matches(url: URL): boolean;
  /** Looks for copies; must not throw for network trouble or odd answers. */
  find(subject: MirrorSubject, deps: FinderDeps): Promise<FinderAnswer>;
};

/** The answer for a response that is not the JSON or page a finder expects. */
export function answerOfFailedResponse(
  response: ProbeResponse,
  what: string,
): Extract<FinderAnswer, { kind: 'could-not-search' }> {
  if (response.kind === 'failure') {
    return {
      kind: 'could-not-search',
      reason: 'unreachable',
      detail: `${what}: ${response.reason}`,
    };
  }
  if (response.status === 429) {
    return { kind: 'could-not-search', reason: 'rate-limited', detail: `${what}: HTTP 429` };
  }
  if (response.status === 403 || response.status === 451) {
    return {
      kind: 'could-not-search',
      reason: 'blocked',
      detail: `${what}: HTTP ${response.status}`,
    };
  }
  return {
    kind: 'could-not-search',
    reason: 'changed-api',
    detail: `${what}: unexpected answer (HTTP ${response.status})`,
  };
}
