/** What a github.com link points at, read from its path alone (pure). */

/** A repository link, and for `blob`/`tree` links the file or folder on a ref. */
export type GithubTarget = {
  owner: string;
  repo: string;
  /** `blob` or `tree`, with the rest of the path (ref, then path; a ref may contain `/`). */
  content?: { kind: 'blob' | 'tree'; segments: readonly string[] };
};

const HOSTS: ReadonlySet<string> = new Set(['github.com', 'www.github.com']);

/** First path segments that are GitHub's own pages, never an owner. */
const RESERVED_OWNERS: ReadonlySet<string> = new Set([
  'about',
  'apps',
  'codespaces',
  'collections',
  'contact',
  'customer-stories',
  'enterprise',
  'events',
  'explore',
  'features',
  'issues',
  'login',
  'marketplace',
  'new',
  'notifications',
  'orgs',
  'organizations',
  'pricing',
  'pulls',
  'readme',
  'search',
  'security',
  'settings',
  'site',
  'sponsors',
  'team',
  'topics',
  'trending',
  'users',
]);

const NAME_PATTERN = /^[A-Za-z0-9_.-]+$/;

/** The repository (and content) a github.com URL opens, or undefined for other pages and hosts. */
export function parseGithubUrl(url: URL): GithubTarget | undefined {
  if (!HOSTS.has(url.hostname.toLowerCase())) return undefined;
  const segments = url.pathname
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => decodeURIComponent(segment));
  const [owner, rawRepo, kind, ...rest] = segments;
  if (owner === undefined || rawRepo === undefined) return undefined;
  if (RESERVED_OWNERS.has(owner.toLowerCase())) return undefined;
  const repo = rawRepo.replace(/\.git$/i, '');
  if (!NAME_PATTERN.test(owner) || !NAME_PATTERN.test(repo)) return undefined;
  if ((kind === 'blob' || kind === 'tree') && rest.length > 0) {
    return { owner, repo, content: { kind, segments: rest } };
  }
  return { owner, repo };
}

/** The link with its owner and repository replaced by a repository's new full name. */
export function renamedUrl(url: URL, fullName: string): string {
  const moved = new URL(url.href);
  const segments = moved.pathname.split('/');
  const [newOwner, newRepo] = fullName.split('/');
  // segments[0] is the empty string before the leading slash.
  if (newOwner === undefined || newRepo === undefined || segments.length < 3) return url.href;
  segments[1] = newOwner;
  segments[2] = segments[2]?.toLowerCase().endsWith('.git') === true ? `${newRepo}.git` : newRepo;
  moved.pathname = segments.join('/');
  return moved.href;
}

/** `owner/repo`, lower-cased: GitHub's names are case-insensitive. */
export function repoKey(target: Pick<GithubTarget, 'owner' | 'repo'>): string {
  return `${target.owner}/${target.repo}`.toLowerCase();
}
