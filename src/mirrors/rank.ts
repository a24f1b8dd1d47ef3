/**
 * From what the finders answered and how each candidate's check went, to mirrors.json's
 * entries: each candidate's standing, its `note`, and the order (pure).
 */
import { mirrorsTextOf } from '../i18n/index.js';
import { describeEvidence } from './evidence.js';
import { assertNever } from '../domain.js';
import type { SubjectAnswers } from './find.js';
import type { MirrorCandidate } from './finder.js';
import type { CandidateCheck, MirrorsEntry, RankedCandidate, Search } from './schema.js';

// mirrors.json's `evidence` and the roadmap `note` stay English; `facts` let a reader word them.
const EVIDENCE_WORDS_EN = mirrorsTextOf('en');

/** A candidate's check: what `check` said of its URL, or undefined when it was not checked. */
export type CheckOf = (url: string, region: string) => CandidateCheck | undefined;

const UNCHECKED: CandidateCheck = { status: 'skipped', reason: 'not-checked', access: 'unknown' };

/** The entries of mirrors.json, in subject order, each resource's candidates best first. */
export function rankMirrors(found: readonly SubjectAnswers[], checkOf: CheckOf): MirrorsEntry[] {
  return found.map(({ subject, answers }) => {
    const searches: Search[] = [];
    const candidates: { ranked: RankedCandidate; score: number }[] = [];
    for (const { finderId, answer } of answers) {
      switch (answer.kind) {
        case 'candidates':
          searches.push({
            finder: finderId,
            result: 'searched',
            candidates: answer.candidates.length,
          });
          for (const candidate of answer.candidates) {
            candidates.push({
              ranked: rankCandidate(
                candidate,
                finderId,
                checkOf(candidate.url, subject.region) ?? UNCHECKED,
              ),
              score: candidate.score,
            });
          }
          break;
        case 'could-not-search':
          searches.push({
            finder: finderId,
            result: 'could-not-search',
            reason: answer.reason,
            detail: answer.detail,
          });
          break;
        case 'no-stable-mirror':
          searches.push({ finder: finderId, result: 'no-stable-mirror', detail: answer.detail });
          break;
        default:
          assertNever(answer);
      }
    }
    return {
      resourceId: subject.resourceId,
      region: subject.region,
      url: subject.url.href,
      title: subject.title,
      searches,
      candidates: candidates.sort(compareCandidates).map(({ ranked }) => ranked),
    };
  });
}

function rankCandidate(
  candidate: MirrorCandidate,
  finder: string,
  check: CandidateCheck,
): RankedCandidate {
  const rejectedBecause = rejection(check);
  const standing =
    rejectedBecause !== undefined
      ? 'rejected'
      : candidate.strength === 'strong' && !candidate.isSuggestionOnly
        ? 'matched-by-evidence'
        : 'suggestion';
  return {
    url: candidate.url,
    platform: candidate.platform,
    finder,
    ...(candidate.title === undefined ? {} : { title: candidate.title }),
    ...(candidate.uploader === undefined ? {} : { uploader: candidate.uploader }),
    strength: candidate.strength,
    standing,
    ...(rejectedBecause === undefined ? {} : { rejectedBecause }),
    isOfficial: candidate.isOfficial,
    ...(candidate.variant === undefined ? {} : { variant: candidate.variant }),
    evidence: candidate.evidence.map((fact) => describeEvidence(fact, EVIDENCE_WORDS_EN)),
    facts: [...candidate.evidence],
    check,
    note: noteOf(candidate, finder),
  };
}

/** Why a checked candidate cannot be offered, or undefined when it passed. */
function rejection(check: CandidateCheck): string | undefined {
  if (check.status !== 'ok' && check.status !== 'redirected') {
    return `check said ${check.status}${check.reason === undefined ? '' : ` (${check.reason})`}`;
  }
  if (check.access !== 'open') return `not open in the region (${check.access})`;
  return undefined;
}

/** The `note` written to roadmap.yaml: the variant first (the post cares), then the evidence. */
function noteOf(candidate: MirrorCandidate, finder: string): string {
  const evidence = candidate.evidence.map((fact) => describeEvidence(fact, EVIDENCE_WORDS_EN));
  const parts = [
    ...(candidate.variant === undefined ? [] : [candidate.variant]),
    `found by curate mirrors (${finder}, ${candidate.strength} evidence): ${evidence.join('; ')}`,
  ];
  return parts.join('; ');
}

const STANDING_ORDER = { 'matched-by-evidence': 0, suggestion: 1, rejected: 2 } as const;

type Scored = { ranked: RankedCandidate; score: number };

function compareCandidates(
  { ranked: a, score: aScore }: Scored,
  { ranked: b, score: bScore }: Scored,
): number {
  return (
    STANDING_ORDER[a.standing] - STANDING_ORDER[b.standing] ||
    Number(b.isOfficial) - Number(a.isOfficial) ||
    bScore - aScore ||
    a.url.localeCompare(b.url)
  );
}
