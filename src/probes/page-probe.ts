/**
 * What the probes of platforms without an API share (WeChat, Baidu Netdisk, Zhihu): they judge
 * the page itself, the one the run already fetched when it has it, by the words the platform
 * writes in its status elements (classify/platform-messages.ts).
 */
import type { CheckOutcome } from '../domain.js';
import type { Probe, ProbeFetch, ProbeMatch, ProbeResponse, ProbeVerdict } from './probe.js';

/**
 * A probe that judges a page by what it says: it applies to the URLs `appliesTo` accepts (one
 * piece of content per URL, fragment aside) and reads the run's page, or fetches it.
 */
export function pageReadingProbe(
  id: string,
  appliesTo: (url: URL) => boolean,
  readPage: (page: ProbeResponse) => ProbeVerdict,
): Probe {
  return {
    id,
    match(url): ProbeMatch | undefined {
      if (!appliesTo(url)) return undefined;
      const canonical = withoutHash(url);
      return { probeId: id, key: canonical.href, url: canonical };
    },
    async run(match, fetch, page) {
      return readPage(await pageToJudge(match, fetch, page));
    },
  };
}

/** The page a page-reading probe judges: the run's answer for it, or a fetch of its own. */
export function pageToJudge(
  match: ProbeMatch,
  fetch: ProbeFetch,
  page: ProbeResponse | undefined,
): Promise<ProbeResponse> {
  return page === undefined ? fetch(match.url) : Promise.resolve(page);
}

/**
 * Text as compared with a platform's phrases: no whitespace or punctuation (so a half-width
 * comma matches a full-width one), and 帐 written as 账 (the platforms spell 帐号 both ways).
 */
export function compactWords(text: string): string {
  return text.replace(/[\s\p{P}\p{S}]/gu, '').replaceAll('帐', '账');
}

/** One row of a platform's table: a phrase it shows and what that means. */
export type PhraseRow<Meaning> = { phrase: string; meaning: Meaning };

/** The first row whose phrase appears in one of the messages, with the message that said it. */
export function findPhrase<Meaning>(
  messages: readonly string[],
  rows: readonly PhraseRow<Meaning>[],
): { row: PhraseRow<Meaning>; said: string } | undefined {
  for (const row of rows) {
    const phrase = compactWords(row.phrase);
    const said = messages.find((message) => compactWords(message).includes(phrase));
    if (said !== undefined) return { row, said };
  }
  return undefined;
}

/** A verdict that replaces the HTTP classification with `outcome`. */
export function outcomeVerdict(outcome: CheckOutcome): ProbeVerdict {
  return { kind: 'outcome', outcome };
}

/** The canonical URL of a page: the link without its fragment. */
export function withoutHash(url: URL): URL {
  const copy = new URL(url.href);
  copy.hash = '';
  return copy;
}
