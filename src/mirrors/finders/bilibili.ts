/**
 * YouTube → Bilibili: searches Bilibili for re-uploads of a YouTube video or playlist and keeps
 * the uploads whose length agrees with the original (see `video-match.ts` for the rule and
 * `bilibili-api.ts` for the API answers). Request volume stays low: one session per run, one
 * search per resource, the view API for the few most similar hits only, and a pause between
 * searches. A risk-control answer (-412/-352) is retried once after a back-off; if it persists,
 * this resource and every later one say "could not search: rate-limited" without asking again.
 */
import { parseYouTubeUrl } from '../../probes/youtube.js';
import type {
  FinderAnswer,
  FinderDeps,
  MirrorCandidate,
  MirrorFinder,
  MirrorSubject,
} from '../finder.js';
import {
  isRateLimited,
  openSession,
  searchVideos,
  viewUpload,
  type BilibiliSession,
  type CouldNotSearch,
  type SearchHit,
} from './bilibili-api.js';
import type { OpenedBilibiliSession } from '../../cache/bilibili-session-cache.js';
import { matchUpload, titleSimilarity } from './video-match.js';
import { readYouTubeOriginal } from './youtube-original.js';

type SessionAnswer = { kind: 'session'; opened: OpenedBilibiliSession } | CouldNotSearch;

/** Hits of one search whose parts are asked: the most similar titles. */
export const MAX_VIEWED_HITS = 4;
/** Pause before each search after the first, and the back-off after a risk-control answer. */
export const SEARCH_GAP_MS = 1_500;
export const RATE_LIMIT_BACKOFF_MS = 30_000;

/** The finder, and the session it used (to keep in the cache), once it opened or reused one. */
export type BilibiliFinder = MirrorFinder & {
  usedSession: () => OpenedBilibiliSession | undefined;
};

/**
 * Creates the finder; its session and rate-limit state live as long as the one run. `cached` is
 * a session an earlier run opened (the `--cache` file): used instead of opening one, and
 * replaced by a fresh one the first time Bilibili answers it with risk control (stale keys or
 * cookie look like a bot to it), before any back-off.
 */
export function createBilibiliFinder(cached?: OpenedBilibiliSession): BilibiliFinder {
  let session: Promise<SessionAnswer> | undefined;
  let isReused = cached !== undefined;
  let used: OpenedBilibiliSession | undefined;
  let stoppedBy: CouldNotSearch | undefined;
  let searches = 0;

  /** Runs one request, backing off once on risk control; a second refusal stops the finder. */
  const politely = async <T extends { kind: string }>(
    deps: FinderDeps,
    ask: () => Promise<T | CouldNotSearch>,
  ): Promise<T | CouldNotSearch> => {
    let answer = await ask();
    if (isRateLimited(answer)) {
      await deps.sleep(RATE_LIMIT_BACKOFF_MS);
      answer = await ask();
      if (isRateLimited(answer)) stoppedBy = answer as CouldNotSearch;
    }
    return answer;
  };

  const openFresh = async (deps: FinderDeps): Promise<SessionAnswer> => {
    const answer = await politely(deps, () => openSession(deps.fetch));
    if (answer.kind !== 'session') return answer;
    return {
      kind: 'session',
      opened: { session: answer.session, openedAt: deps.now().toISOString() },
    };
  };
  const sessionFor = (deps: FinderDeps): Promise<SessionAnswer> =>
    (session ??=
      isReused && cached !== undefined
        ? Promise.resolve({ kind: 'session', opened: cached })
        : openFresh(deps));

  /** One API call in the session; a reused session that meets risk control is opened afresh. */
  const inSession = async <T extends { kind: string }>(
    deps: FinderDeps,
    ask: (session: BilibiliSession) => Promise<T | CouldNotSearch>,
  ): Promise<T | CouldNotSearch> => {
    let answer = await sessionFor(deps);
    if (answer.kind !== 'session') return answer;
    used = answer.opened;
    if (isReused) {
      const first = await ask(answer.opened.session);
      if (!isRateLimited(first)) return first;
      isReused = false;
      used = undefined;
      session = undefined;
      answer = await sessionFor(deps);
      if (answer.kind !== 'session') return answer;
      used = answer.opened;
    }
    const fresh = answer.opened.session;
    return politely(deps, () => ask(fresh));
  };

  return {
    id: 'bilibili',
    matches: (url) => parseYouTubeUrl(url) !== undefined,
    async find(subject: MirrorSubject, deps: FinderDeps): Promise<FinderAnswer> {
      const target = parseYouTubeUrl(subject.url);
      if (target === undefined) return { kind: 'candidates', candidates: [] };
      if (stoppedBy !== undefined) return stoppedBy;
      const read = await readYouTubeOriginal(target, subject, deps.fetch);
      if (read.kind !== 'original') return read;
      const { original } = read;
      if (searches > 0) await deps.sleep(SEARCH_GAP_MS);
      searches += 1;
      const keyword = [original.title, original.author].filter(Boolean).join(' ');
      const searched = await inSession(deps, (opened) =>
        searchVideos(deps.fetch, opened, keyword, Math.floor(deps.now().getTime() / 1000)),
      );
      if (searched.kind !== 'hits') return searched;
      const candidates: MirrorCandidate[] = [];
      for (const hit of mostSimilar(searched.hits, original.title, original.author)) {
        const viewed = await inSession(deps, (opened) => viewUpload(deps.fetch, opened, hit.bvid));
        if (viewed.kind !== 'upload') return viewed;
        if (viewed.upload === undefined) continue;
        const match = matchUpload(original, viewed.upload);
        if (match === undefined) continue;
        candidates.push({
          url: `https://www.bilibili.com/video/${hit.bvid}`,
          platform: 'bilibili',
          title: viewed.upload.title,
          uploader: viewed.upload.uploader,
          strength: match.strength,
          score: match.score,
          evidence: match.evidence,
          isOfficial: match.isOfficial,
          variant: match.variant,
          isSuggestionOnly: false,
        });
      }
      return { kind: 'candidates', candidates };
    },
    usedSession: () => used,
  };
}

function mostSimilar(
  hits: readonly SearchHit[],
  title: string,
  author: string | undefined,
): SearchHit[] {
  return hits
    .map((hit) => ({ hit, similarity: titleSimilarity(title, hit.title, [author, hit.uploader]) }))
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, MAX_VIEWED_HITS)
    .map(({ hit }) => hit);
}
