/** Flags that cannot be used as given, in zh-CN, typed against flags-en.ts. */
import type { FlagText } from './flags-en.js';

export const FLAG_TEXT_ZH_CN: FlagText = {
  failOnNotWord: (item) => `--fail-on：“${item}”既不是状态词，也不是提醒类型。`,
  failOnNotWordHint: (nearest, statuses, findings) =>
    `${nearest === undefined ? '' : `是不是想写 ${nearest}？`}可以用 ${statuses.join(', ')}（或 状态:原因，例如 unverified:bot-wall）、提醒类型（${findings.join(', ')}），或者 "none"。`,
  failOnNotReason: (reason, status) => `--fail-on：“${reason}”不是 ${status} 的原因。`,
  failOnNotReasonHint: (status, nearest, reasons) =>
    `${nearest === undefined ? '' : `是不是想写 ${status}:${nearest}？`}${status} 的原因有：${reasons.join(', ')}。`,
  shardNotForm: (text) => `--shard “${text}”不是 i/n 的形式。`,
  shardTooFew: (text) => `--shard “${text}”：分片数至少是 1。`,
  shardMissing: (text, index, total) =>
    `--shard “${text}”：一共只有 ${total} 个分片，没有第 ${index} 个。`,
  shardHint: '写成 i/n，其中 1 <= i <= n，例如 --shard 2/4',
  keepNotMore: (keep, failAfter) => `--keep ${keep} 必须大于 --fail-after ${failAfter}。`,
  keepNotMoreHint: '历史记录要比连续失效的次数多留一次，才能看出链接已经恢复',
  notDuration: (label, text) => `${label}：“${text}”不是一个时长。`,
  notDurationHint: '写成 15s、500ms、2m、12h 或 1d 这样的形式（只写数字表示秒）。',
  notPositiveDuration: (label) => `${label} 必须大于 0。`,
  notWholeNumber: (flag, value, atLeastOne) =>
    `${flag}：“${value}”不是${atLeastOne ? ' ≥ 1 的' : ''}整数。`,
  notWorkers: (value) => `--workers：“${value}”既不是 auto，也不是 ≥ 1 的整数。`,
  notOneOf: (flag, value, choices) =>
    `${flag}：“${value}”不是可选值之一（${choices.join(', ')}）。`,
  notRegex: (where, pattern) => `${where}：“${pattern}”不是合法的正则表达式。`,
  notRegexHint: '排除规则是 JavaScript 正则表达式，例如 "^https://www\\.linkedin\\.com/"。',
  notReportFormat: (flag, word) => `${flag}：“${word}”不是报告格式。`,
  notReportFormatHint: (nearest, formats) =>
    `${nearest === undefined ? '' : `是不是想写 ${nearest}？`}用逗号分隔的 ${formats.join(', ')} 列表（report.json 总会写）。`,
  notConnectTo: (entry) => `--connect-to：“${entry}”不是 host:address 或 host:port:address:port。`,
  notConnectToHint: '例如：--connect-to www.youtube.com:443:127.0.0.1:8443',
  notProxy: (flag) => `--proxy：“${flag}”不是 URL。`,
  notProxyHint: '例如：--proxy http://127.0.0.1:7890 或 socks5://127.0.0.1:1080',
  quietAndVerbose: '--quiet 和 --verbose 不能同时使用。',
  notVantage: (vantage) =>
    `--vantage：“${vantage}”既不是 "global"，也不是 cn 这样的两字母地区代码。`,
  noOnlyId: (value) => `--only：“${value}”里没有任何资源或章节 id。`,
  noOnlyIdHint: '给出一个 id，例如 --only 2.1 或 --only page-gone,1.1；要检查全部就不要加 --only。',
  emptyValue: (flag) => `${flag} 的值是空的。`,
  emptyValueHint: (flag) => `给 ${flag} 一个值，或者去掉它。`,
  stdoutTaken: (format) =>
    `-o - 会把 report.json 写到 stdout，而 --format ${format} 也要用 stdout。`,
  stdoutTakenHint: '单独用 -o -（或配合 --format json），或者给 -o 一个目录。',
  maxAgeWithoutCache: '--max-age 只有配合 --cache FILE 才有用。',
  maxAgeWithoutCacheHint: '例如：--cache .curate-cache.json --max-age 1d',
};
