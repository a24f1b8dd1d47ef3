/**
 * Hugging Face → hf-mirror.com, which serves the Hub path for path. The mapping is the known
 * rule of `region/mirror-suggestions.ts`; this finder also checks that the mirror's page
 * answers the same model or dataset (its page names the repository), not a generic page such
 * as the mirror's home page or a "not found" page that still answers 200.
 */
import type { Evidence } from '../evidence.js';
import { suggestMirrors } from '../../region/mirror-suggestions.js';
import { answerOfFailedResponse, type FinderAnswer, type MirrorFinder } from '../finder.js';

const HUB_HOSTS: ReadonlySet<string> = new Set(['huggingface.co', 'www.huggingface.co']);
/** First path segments that are not a model's owner. */
const NOT_OWNERS: ReadonlySet<string> = new Set([
  'docs',
  'spaces',
  'blog',
  'learn',
  'papers',
  'tasks',
]);

/** The repository a Hub URL names (`org/name`, `datasets/org/name`), or undefined. */
export function hubRepositoryOf(url: URL): string | undefined {
  const segments = url.pathname.split('/').filter(Boolean);
  const [first, second, third] = segments;
  if (first === 'datasets')
    return second !== undefined && third !== undefined ? `${second}/${third}` : undefined;
  if (first === undefined || second === undefined || NOT_OWNERS.has(first)) return undefined;
  return `${first}/${second}`;
}

/** The finder. */
export const hfMirrorFinder: MirrorFinder = {
  id: 'hf-mirror',
  matches: (url) => HUB_HOSTS.has(url.hostname.toLowerCase()),
  async find(subject, { fetch }): Promise<FinderAnswer> {
    const [suggestion] = suggestMirrors(subject.url);
    const repository = hubRepositoryOf(subject.url);
    if (suggestion === undefined) return { kind: 'candidates', candidates: [] };
    const response = await fetch(new URL(suggestion.url));
    if (response.kind !== 'response' || response.status !== 200) {
      if (response.kind === 'response' && response.status === 404)
        return { kind: 'candidates', candidates: [] };
      return answerOfFailedResponse(response, 'hf-mirror.com');
    }
    const names = repository !== undefined && (response.body ?? '').includes(repository);
    // Docs and other non-repository pages have no name to look for: a suggestion at most.
    const evidence: Evidence[] =
      repository === undefined
        ? [{ kind: 'same-path' }]
        : names
          ? [{ kind: 'page-names', name: repository }]
          : [];
    if (evidence.length === 0) return { kind: 'candidates', candidates: [] };
    return {
      kind: 'candidates',
      candidates: [
        {
          url: suggestion.url,
          platform: suggestion.platform,
          title: undefined,
          uploader: undefined,
          strength: names ? 'strong' : 'weak',
          score: names ? 2 : 1,
          evidence,
          isOfficial: false,
          variant: undefined,
          isSuggestionOnly: false,
        },
      ],
    };
  },
};
