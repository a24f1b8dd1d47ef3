/**
 * The reference texts of what `check` says about the inputs it reads besides the roadmap:
 * `--only` ids the roadmap lacks, the git ref of `--changed-since`, the `--ca-file` PEM.
 * zh-CN (check-inputs-zh-CN.ts) is typed against this. Flags, ids and git's own words stay as
 * written.
 */
import type { TextsOf } from './catalog.js';

/** An id `--only` does not know, and the nearest one the roadmap has. */
export type OnlySuggestion = { id: string; nearest: string };

export const CHECK_INPUTS_TEXT_EN = {
  // plan/plan-checks.ts
  onlyUnknown: (ids: readonly string[]) =>
    `--only: no section or resource has the id ${ids.map((id) => `"${id}"`).join(', ')}`,
  onlySuggestions: (suggestions: readonly OnlySuggestion[]) =>
    suggestions.map(({ id, nearest }) => `"${id}": did you mean "${nearest}"?`).join(' '),
  onlyHint: (example: string | undefined) =>
    `use a section id${example === undefined ? '' : ` such as "${example}"`} or a resource id from the roadmap`,
  // roadmap/git-show.ts
  notGitRef: (ref: string) => `--changed-since "${ref}" is not a git ref.`,
  notGitRefHint: 'pass a branch, tag or commit such as origin/main or a commit sha',
  gitCannotRead: (path: string, ref: string, gitSaid: string) =>
    `git could not read ${path} at ${ref}: ${gitSaid}`,
  gitMissing: (cwd: string) =>
    `--changed-since needs git: git was not found on PATH, or ${cwd} does not exist.`,
  gitMissingHint: 'install git, or run without --changed-since to check every resource',
  notGitRepository: (gitSaid: string) => `--changed-since needs a git repository: ${gitSaid}`,
  unknownGitRef: (ref: string) =>
    `unknown git ref '${ref}': fetch it first (in a shallow clone: git fetch --depth=1 origin <sha>)`,
  // fetch/dispatchers.ts
  caFileUnreadable: (path: string) => `--ca-file: cannot read "${path}".`,
  caFileHint: 'Pass a PEM file with the CA certificate(s) to trust in addition to the system ones.',
} as const;

/** The shape every language's check-input texts have: en's keys, strings widened. */
export type CheckInputsText = TextsOf<typeof CHECK_INPUTS_TEXT_EN>;
