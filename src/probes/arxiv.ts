/**
 * The arXiv probe. A withdrawn paper's abstract page answers 200 like any other; the export API
 * (`GET https://export.arxiv.org/api/query?id_list=…`) says what became of each id, many ids per
 * call. arXiv asks for at most one call every 3 seconds (arxiv.org/help/api/tou), so the probe
 * prepares the run's papers together, in batches, one call at a time 3 s apart:
 *
 * | answer                                                          | verdict                                  |
 * | --------------------------------------------------------------- | ---------------------------------------- |
 * | 200, an entry for the id                                        | confirmed (with the paper's title)       |
 * | 200, the entry's comment (or title) says "withdrawn"            | confirmed + finding `withdrawn` (the words, the last live version) |
 * | 200, other entries but none for the id                          | broken `paper-missing`                   |
 * | 200, no entry at all                                            | asked once more, 3 s later; then broken `paper-missing` (the API sometimes answers an empty feed for ids it has) |
 * | 200, an `api/errors` entry ("incorrect id format …")           | inconclusive (ids are checked before asking, so arXiv changed) |
 * | a link whose path is not an arXiv id                            | broken `paper-missing`, without a request |
 * | 4xx, 5xx, not a feed, network failure                           | asked once more, 3 s later; then inconclusive (the page check stands) |
 */
import {
  parseArxivFeed,
  parseArxivUrl,
  withdrawalOf,
  type ArxivEntry,
  type ArxivFeed,
} from './arxiv-feed.js';
import type { Probe, ProbeFetch, ProbeMatch, ProbeSession, ProbeVerdict } from './probe.js';

const PROBE_ID = 'arxiv';
const API = 'https://export.arxiv.org/api/query';
/** arXiv's terms of use: no more than one request every three seconds. */
export const ARXIV_REQUEST_INTERVAL_MS = 3000;
/** Ids per call: well inside a URL's length, and arXiv's own examples use batches this size. */
export const ARXIV_BATCH_SIZE = 50;

/** The export API call for some ids. */
export function arxivQueryUrl(ids: readonly string[]): URL {
  const url = new URL(API);
  url.searchParams.set('id_list', ids.join(','));
  url.searchParams.set('max_results', String(ids.length));
  return url;
}

/** What one call said: the feed, or why there is none. */
type BatchAnswer = { kind: 'feed'; feed: ArxivFeed } | { kind: 'failed'; detail: string };

/** Asks the API about ids, keeping arXiv's interval between calls, and retries an empty feed once. */
function createBatchAsker(fetch: ProbeFetch, session: ProbeSession) {
  let lastCallAt: number | undefined;
  const call = async (ids: readonly string[]): Promise<BatchAnswer> => {
    if (lastCallAt !== undefined) {
      const wait = lastCallAt + ARXIV_REQUEST_INTERVAL_MS - session.now();
      if (wait > 0) await session.sleep(wait);
    }
    lastCallAt = session.now();
    const response = await fetch(arxivQueryUrl(ids));
    if (response.kind === 'failure') {
      return { kind: 'failed', detail: `arXiv API not reachable: ${response.reason}` };
    }
    if (response.status !== 200) {
      return { kind: 'failed', detail: `arXiv API answered ${response.status}` };
    }
    const feed = parseArxivFeed(response.body ?? '');
    return feed === undefined
      ? { kind: 'failed', detail: 'arXiv API answered 200 without a feed' }
      : { kind: 'feed', feed };
  };
  return async (ids: readonly string[]): Promise<BatchAnswer> => {
    const first = await call(ids);
    const isEmpty =
      first.kind === 'failed' || (first.feed.kind === 'entries' && first.feed.entries.length === 0);
    return isEmpty ? call(ids) : first;
  };
}

/** The verdict for one paper from its batch's answer. */
export function readArxivVerdict(id: string, answer: BatchAnswer): ProbeVerdict {
  if (answer.kind === 'failed') return { kind: 'inconclusive', detail: answer.detail };
  if (answer.feed.kind === 'error') {
    return { kind: 'inconclusive', detail: `arXiv API error: ${answer.feed.message}` };
  }
  const entry = answer.feed.entries.find((candidate) => candidate.id === id);
  if (entry === undefined) {
    return missing(`the arXiv API has no paper ${id}`);
  }
  return entryVerdict(entry);
}

function entryVerdict(entry: ArxivEntry): ProbeVerdict {
  const withdrawal = withdrawalOf(entry);
  const title = entry.title === '' ? undefined : entry.title;
  if (withdrawal === undefined) return { kind: 'confirmed', title };
  return {
    kind: 'confirmed',
    title,
    findings: [
      {
        kind: 'withdrawn',
        platform: 'arxiv',
        reason: withdrawal,
        ...(entry.version > 1 ? { lastLiveVersion: `v${entry.version - 1}` } : {}),
      },
    ],
  };
}

function missing(detail: string): ProbeVerdict {
  return { kind: 'outcome', outcome: { status: 'broken', reason: 'paper-missing', detail } };
}

/** The paper id a match is about (its key), or the verdict when the link names none. */
function idOf(match: ProbeMatch): string | ProbeVerdict {
  const parsed = parseArxivUrl(match.url);
  if (parsed?.id === undefined) {
    return missing(`"${parsed?.raw ?? match.url.pathname}" is not an arXiv id`);
  }
  return parsed.id.id;
}

const realSession: ProbeSession = {
  sleep: (ms) => new Promise((done) => setTimeout(done, ms)),
  now: () => Date.now(),
};

/** Matches `arxiv.org/abs/<id>` and `/pdf/<id>` links and asks the export API, in batches. */
export const arxivProbe: Probe = {
  id: PROBE_ID,
  match(url) {
    const parsed = parseArxivUrl(url);
    if (parsed === undefined) return undefined;
    const key = parsed.id?.id ?? `invalid:${parsed.raw}`;
    return { probeId: PROBE_ID, key, url };
  },
  async run(match, fetch) {
    const id = idOf(match);
    if (typeof id !== 'string') return id;
    // A lone call (no preparation): its own interval keeper, one id.
    return readArxivVerdict(id, await createBatchAsker(fetch, realSession)([id]));
  },
  prepare(matches, fetch, session) {
    const ask = createBatchAsker(fetch, session);
    const verdicts = new Map<string, Promise<ProbeVerdict>>();
    const ids: string[] = [];
    for (const match of matches) {
      const id = idOf(match);
      if (typeof id === 'string') ids.push(id);
      else verdicts.set(match.key, Promise.resolve(id));
    }
    // One batch after another: each waits for the one before it, so calls stay 3 s apart.
    let previous: Promise<unknown> = Promise.resolve();
    for (let start = 0; start < ids.length; start += ARXIV_BATCH_SIZE) {
      const batch = ids.slice(start, start + ARXIV_BATCH_SIZE);
      const answer = previous.then(() => ask(batch));
      previous = answer;
      for (const id of batch) {
        verdicts.set(
          id,
          answer.then((settled) => readArxivVerdict(id, settled)),
        );
      }
    }
    return verdicts;
  },
};
