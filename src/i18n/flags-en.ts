/**
 * The reference texts of a flag that cannot be used as given (options.ts, options/parsers.ts):
 * what is wrong with the value and how to write it. zh-CN (flags-zh-CN.ts) is typed against this.
 */
import type { TextsOf } from './catalog.js';
export const FLAG_TEXT_EN = {
  notDuration: (label: string, text: string) => `${label}: "${text}" is not a duration.`,
  notDurationHint: 'Write it like 15s, 500ms, 2m, 12h or 1d (a plain number means seconds).',
  notPositiveDuration: (label: string) => `${label} must be longer than 0.`,
  notWholeNumber: (flag: string, value: string, atLeastOne: boolean) =>
    `${flag}: "${value}" is not a whole number${atLeastOne ? ' ≥ 1' : ''}.`,
  notWorkers: (value: string) => `--workers: "${value}" is neither auto nor a whole number ≥ 1.`,
  notOneOf: (flag: string, value: string, choices: readonly string[]) =>
    `${flag}: "${value}" is not one of ${choices.join(', ')}.`,
  notRegex: (where: string, pattern: string) =>
    `${where}: "${pattern}" is not a valid regular expression.`,
  notRegexHint:
    'Exclude patterns are JavaScript regular expressions, e.g. "^https://www\\.linkedin\\.com/".',
  notReportFormat: (flag: string, word: string) => `${flag}: "${word}" is not a report format.`,
  notReportFormatHint: (nearest: string | undefined, formats: readonly string[]) =>
    `${nearest === undefined ? '' : `Did you mean ${nearest}? `}Use a comma-separated list of ${formats.join(', ')} (report.json is always written).`,
  notConnectTo: (entry: string) =>
    `--connect-to: "${entry}" is not host:address or host:port:address:port.`,
  notConnectToHint: 'Example: --connect-to www.youtube.com:443:127.0.0.1:8443',
  notProxy: (flag: string) => `--proxy: "${flag}" is not a URL.`,
  notProxyHint: 'Example: --proxy http://127.0.0.1:7890 or socks5://127.0.0.1:1080',
  quietAndVerbose: '--quiet and --verbose cannot be used together.',
  notVantage: (vantage: string) =>
    `--vantage: "${vantage}" is not "global" or a two-letter region such as cn.`,
  noOnlyId: (value: string) => `--only: "${value}" names no resource or section id.`,
  noOnlyIdHint:
    'Give an id, e.g. --only 2.1 or --only page-gone,1.1; leave --only out to check everything.',
  emptyValue: (flag: string) => `${flag} was given an empty value.`,
  emptyValueHint: (flag: string) => `Give ${flag} a value, or leave it out.`,
  stdoutTaken: (format: string) =>
    `-o - writes report.json to stdout, which --format ${format} also uses.`,
  stdoutTakenHint: 'Use -o - alone (or with --format json), or give -o a directory.',
  maxAgeWithoutCache: '--max-age only applies with --cache FILE.',
  maxAgeWithoutCacheHint: 'Example: --cache .curate-cache.json --max-age 1d',
  // outcome/fail-on.ts
  failOnNotWord: (item: string) => `--fail-on: "${item}" is not a status word or a finding.`,
  failOnNotWordHint: (
    nearest: string | undefined,
    statuses: readonly string[],
    findings: readonly string[],
  ) =>
    `${nearest === undefined ? '' : `Did you mean ${nearest}? `}Use any of ${statuses.join(', ')} (or status:reason, e.g. unverified:bot-wall), a finding (${findings.join(', ')}), or "none".`,
  failOnNotReason: (reason: string, status: string) =>
    `--fail-on: "${reason}" is not a reason of ${status}.`,
  failOnNotReasonHint: (status: string, nearest: string | undefined, reasons: readonly string[]) =>
    `${nearest === undefined ? '' : `Did you mean ${status}:${nearest}? `}The reasons of ${status} are ${reasons.join(', ')}.`,
  // ci/shard.ts
  shardNotForm: (text: string) => `--shard "${text}" is not of the form i/n.`,
  shardTooFew: (text: string) => `--shard "${text}": the number of shards must be at least 1.`,
  shardMissing: (text: string, index: number, total: number) =>
    `--shard "${text}": shard ${index} does not exist among ${total}.`,
  shardHint: 'write it as i/n with 1 <= i <= n, e.g. --shard 2/4',
  // commands/history.ts
  keepNotMore: (keep: number, failAfter: number) =>
    `--keep ${keep} must be more than --fail-after ${failAfter}.`,
  keepNotMoreHint: 'the history needs one more observation than a failing streak to see a recovery',
} as const;

/** The shape every language's flag texts have: en's keys, strings widened. */
export type FlagText = TextsOf<typeof FLAG_TEXT_EN>;
