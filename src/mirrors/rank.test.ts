import { describe, expect, it } from 'vitest';
import type { SubjectAnswers } from './find.js';
import type { MirrorCandidate } from './finder.js';
import { rankMirrors } from './rank.js';
import type { CandidateCheck } from './schema.js';

const candidate = (url: string, overrides: Partial<MirrorCandidate> = {}): MirrorCandidate => ({
  url,
  platform: 'bilibili',
  title: undefined,
  uploader: undefined,
  strength: 'strong',
  score: 3,
  evidence: [
    { kind: 'duration', seconds: 60, originalSeconds: 60 },
    { kind: 'title', isMatch: true, percent: 90 },
  ],
  isOfficial: false,
  variant: undefined,
  isSuggestionOnly: false,
  ...overrides,
});

const found = (candidates: MirrorCandidate[]): SubjectAnswers[] => [
  {
    subject: {
      resourceId: 'r',
      title: 't',
      url: new URL('https://www.youtube.com/watch?v=aaaaaaaaaaa'),
      author: undefined,
      region: 'cn',
    },
    answers: [{ finderId: 'bilibili', answer: { kind: 'candidates', candidates } }],
  },
];

const ok: CandidateCheck = { status: 'ok', reason: 'ok', access: 'open' };

describe('rankMirrors', () => {
  it('gives each candidate its standing from its evidence and its check, best first', () => {
    const checks: Readonly<Record<string, CandidateCheck>> = {
      'https://b.test/removed': { status: 'broken', reason: 'video-removed', access: 'open' },
      'https://b.test/walled': { status: 'ok', reason: 'ok', access: 'vpn' },
    };
    const [entry] = rankMirrors(
      found([
        candidate('https://b.test/removed', { isOfficial: true, score: 9 }),
        candidate('https://b.test/weak', { strength: 'weak', score: 1 }),
        candidate('https://b.test/gitee', { isSuggestionOnly: true }),
        candidate('https://b.test/walled'),
        candidate('https://b.test/strong', { score: 2 }),
        candidate('https://b.test/official', {
          isOfficial: true,
          score: 2,
          variant: '中文配音 (dubbed)',
        }),
      ]),
      (url) => checks[url] ?? ok,
    );
    expect(
      entry?.candidates.map(({ url, standing, rejectedBecause }) => [
        url,
        standing,
        rejectedBecause,
      ]),
    ).toEqual([
      ['https://b.test/official', 'matched-by-evidence', undefined],
      ['https://b.test/strong', 'matched-by-evidence', undefined],
      ['https://b.test/gitee', 'suggestion', undefined],
      ['https://b.test/weak', 'suggestion', undefined],
      ['https://b.test/removed', 'rejected', 'check said broken (video-removed)'],
      ['https://b.test/walled', 'rejected', 'not open in the region (vpn)'],
    ]);
    expect(entry?.candidates[0]?.note).toBe(
      '中文配音 (dubbed); found by curate mirrors (bilibili, strong evidence): duration 1:00 vs 1:00 on YouTube; title matches (90%)',
    );
    expect(entry?.searches).toEqual([{ finder: 'bilibili', result: 'searched', candidates: 6 }]);
  });

  it('rejects a candidate nobody could check', () => {
    const [entry] = rankMirrors(found([candidate('https://b.test/x')]), () => undefined);
    expect(entry?.candidates[0]).toMatchObject({
      standing: 'rejected',
      check: { status: 'skipped' },
    });
  });
});
