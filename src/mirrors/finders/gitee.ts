/**
 * GitHub → Gitee's `mirrors` organisation (gitee.com/mirrors/<name>), which copies popular
 * repositories. A repository of that name is offered only when it is the same project: its
 * description agrees with GitHub's, or names the GitHub repository. github.com is `partial`
 * from cn, so these are suggestions, never counted as covering.
 *
 * | answer                                  | the finder says                 |
 * | --------------------------------------- | ------------------------------- |
 * | Gitee 404                               | no candidate                    |
 * | Gitee 200, same project                 | a suggestion                    |
 * | Gitee 200, another project of that name | no candidate                    |
 * | GitHub or Gitee API failing (403, 429)  | "could not search"              |
 */
import { parseJsonObject, stringField } from '../../probes/json-body.js';
import { answerOfFailedResponse, type FinderAnswer, type MirrorFinder } from '../finder.js';
import { titleSimilarity } from './video-match.js';

const DESCRIPTION_MATCH = 0.6;

/** `owner/name` of a github.com repository URL, or undefined. */
export function githubRepositoryOf(url: URL): { owner: string; name: string } | undefined {
  if (!['github.com', 'www.github.com'].includes(url.hostname.toLowerCase())) return undefined;
  const [owner, name] = url.pathname.split('/').filter(Boolean);
  if (owner === undefined || name === undefined) return undefined;
  return { owner, name: name.replace(/\.git$/, '') };
}

/** The finder. */
export const giteeFinder: MirrorFinder = {
  id: 'gitee',
  matches: (url) => githubRepositoryOf(url) !== undefined,
  async find(subject, { fetch }): Promise<FinderAnswer> {
    const repository = githubRepositoryOf(subject.url);
    if (repository === undefined) return { kind: 'candidates', candidates: [] };
    const gitee = await fetch(new URL(`https://gitee.com/api/v5/repos/mirrors/${repository.name}`));
    if (gitee.kind === 'response' && gitee.status === 404)
      return { kind: 'candidates', candidates: [] };
    const giteeRepo =
      gitee.kind === 'response' && gitee.status === 200 ? parseJsonObject(gitee.body) : undefined;
    if (giteeRepo === undefined) return answerOfFailedResponse(gitee, 'Gitee API');
    const github = await fetch(
      new URL(`https://api.github.com/repos/${repository.owner}/${repository.name}`),
    );
    const githubRepo =
      github.kind === 'response' && github.status === 200
        ? parseJsonObject(github.body)
        : undefined;
    if (githubRepo === undefined) return answerOfFailedResponse(github, 'GitHub API');
    const giteeText = stringField(giteeRepo, 'description') ?? '';
    const githubText = stringField(githubRepo, 'description') ?? '';
    const fullName = `${repository.owner}/${repository.name}`.toLowerCase();
    const namesOriginal = giteeText.toLowerCase().includes(fullName);
    const similarity = titleSimilarity(githubText, giteeText);
    if (!namesOriginal && similarity < DESCRIPTION_MATCH)
      return { kind: 'candidates', candidates: [] };
    return {
      kind: 'candidates',
      candidates: [
        {
          url: `https://gitee.com/mirrors/${repository.name}`,
          platform: 'gitee',
          title: stringField(giteeRepo, 'full_name'),
          uploader: 'mirrors',
          strength: 'weak',
          score: similarity,
          evidence: [
            namesOriginal
              ? { kind: 'description-names', name: fullName }
              : { kind: 'description-matches', percent: Math.round(similarity * 100) },
          ],
          isOfficial: false,
          variant: undefined,
          isSuggestionOnly: true,
        },
      ],
    };
  },
};
