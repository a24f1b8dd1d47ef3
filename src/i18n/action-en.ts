/**
 * The reference texts of the GitHub Action's own log lines (src/action/): its inputs it cannot
 * use, the result cache, the pull request's base, the tracking issue and why the step failed.
 * What curate itself prints (the job summary, the annotations) is the CLI's. zh-CN
 * (action-zh-CN.ts) is typed against this.
 */
import type { TextsOf } from './catalog.js';

/** What the tracking issue sync did (action/tracking-issue-sync.ts). */
export type IssueDone = 'opened' | 'updated' | 'reopened' | 'closed';

export const ACTION_TEXT_EN = {
  notBoolean: (name: string, value: string) => `${name}: "${value}" is not true or false.`,
  unknownCommand: (value: string, commands: readonly string[]) =>
    `command: "${value}" is not one of ${commands.join(', ')}.`,
  badArgs: (why: string) => `args: ${why}`,
  unclosedQuote: (quote: string) => `an opening ${quote} is never closed.`,
  badShard: (shard: string, shards: string) =>
    `shard / shards: "${shard}" of "${shards}" is not a part i of n with 1 ≤ i ≤ n; give both.`,
  trackingIssueNotHistory: 'tracking-issue: only `command: history` writes a tracking issue.',
  trackingIssueNeedsToken: 'tracking-issue: needs `token` and GITHUB_REPOSITORY.',
  cacheUnavailable: 'cache: the Actions cache service is not available here; checking without one.',
  cacheMiss: 'cache: no earlier results to reuse.',
  cacheRestored: (key: string) => `cache: restored ${key}.`,
  cacheNotRestored: (why: string) => `cache: not restored (${why}); checking without one.`,
  cacheNotSavedUnavailable: 'cache: not saved, no cache service here.',
  cacheSaved: (key: string) => `cache: saved ${key}.`,
  cacheNotSaved: (why: string) => `cache: not saved (${why}).`,
  noPullRequestBase: (event: string) =>
    `changed-only: the ${event} event has no pull request base; checking every resource.`,
  noIssueNeeded: 'tracking issue: nothing fails persistently; no issue needed.',
  issueDone: (kind: IssueDone, number: number, url: string) =>
    `tracking issue: ${kind} #${String(number)} ${url}`,
  noNetwork: 'curate found no network: the report is partial.',
  exited: (command: string, code: number) => `curate ${command} exited ${String(code)}.`,
};

export type ActionText = TextsOf<typeof ACTION_TEXT_EN>;
