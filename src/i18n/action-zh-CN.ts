/**
 * The GitHub Action's own log lines in zh-CN, typed against the English reference
 * (action-en.ts). Input names, `command: history`, GITHUB_REPOSITORY and cache keys stay as
 * written: they are what the workflow file and the Actions UI show.
 */
import type { ActionText, IssueDone } from './action-en.js';

const ISSUE_DONE: Readonly<Record<IssueDone, string>> = {
  opened: '已新建',
  updated: '已更新',
  reopened: '已重新打开',
  closed: '已关闭',
};

export const ACTION_TEXT_ZH_CN: ActionText = {
  notBoolean: (name, value) => `${name}："${value}" 不是 true 或 false。`,
  unknownCommand: (value, commands) => `command："${value}" 不在 ${commands.join('、')} 之中。`,
  badArgs: (why) => `args：${why}`,
  unclosedQuote: (quote) => `有一个 ${quote} 没有配对的结束引号。`,
  badShard: (shard, shards) =>
    `shard / shards："${shard}" / "${shards}" 不是合法的分片（第 i 片，共 n 片，1 ≤ i ≤ n）；两个都要填。`,
  trackingIssueNotHistory: 'tracking-issue：只有 `command: history` 才会写跟踪 issue。',
  trackingIssueNeedsToken: 'tracking-issue：需要 `token` 和 GITHUB_REPOSITORY。',
  cacheUnavailable: 'cache：这里用不了 Actions 缓存服务，本次不用缓存直接检查。',
  cacheMiss: 'cache：没有可复用的上次结果。',
  cacheRestored: (key) => `cache：已恢复 ${key}。`,
  cacheNotRestored: (why) => `cache：恢复失败（${why}），本次不用缓存直接检查。`,
  cacheNotSavedUnavailable: 'cache：没有保存，这里没有缓存服务。',
  cacheSaved: (key) => `cache：已保存 ${key}。`,
  cacheNotSaved: (why) => `cache：保存失败（${why}）。`,
  noPullRequestBase: (event) =>
    `changed-only：${event} 事件里没有 pull request 的基准提交，改为检查全部资源。`,
  noIssueNeeded: '跟踪 issue：没有持续失效的链接，不需要 issue。',
  issueDone: (kind, number, url) => `跟踪 issue：${ISSUE_DONE[kind]} #${String(number)} ${url}`,
  noNetwork: 'curate 连不上网络：报告不完整。',
  exited: (command, code) => `curate ${command} 退出码为 ${String(code)}。`,
};
