/**
 * The default of every option, in one place (commander gets none, so an absent flag can never
 * shadow a file setting). README.md documents them.
 */
import { CURATE_REPOSITORY } from '../curate-repository.js';
import type { FailOnKey } from '../outcome/fail-on.js';

/** curate's home page: named in the User-Agent and as the SARIF tool's `informationUri`. */
export const HOMEPAGE = `https://github.com/${CURATE_REPOSITORY}`;

/** Default values for every option, documented in the README. */
export const DEFAULTS = {
  /** Directory reports are written to. @default "reports" */
  out: 'reports',
  /**
   * Requests in flight across all hosts. High enough that the per-host limit binds for a list
   * over 50 hosts (50 × 8 = 400), so a large list is bounded by politeness, not by this.
   * @default 512
   */
  concurrency: 512,
  /** Requests in flight per host (lychee uses 10; a little lower is kinder to small sites). @default 8 */
  perHost: 8,
  /** One deadline per attempt for connect, headers and body together. @default 20 s */
  timeoutMs: 20_000,
  /**
   * All attempts of one link, the waits between them and every redirect hop together: a link
   * that never answers costs one deadline plus a shorter retry, not three deadlines. 25 s keeps
   * a run within 1.25 × its slowest unavoidable wait (one 20 s deadline) while the one retry of
   * a timeout still has about 4.5 s, enough for a fresh connection and a server that only
   * hiccuped. @default 25 s
   */
  maxTimePerLinkMs: 25_000,
  /** Extra attempts for 408/429/5xx and network errors (a timeout is retried once at most). @default 2 */
  retries: 2,
  /** @default a descriptive, browser-compatible User-Agent naming curate */
  userAgent: `Mozilla/5.0 (compatible; curate/0.1; +${HOMEPAGE})`,
  /**
   * Report files a run writes besides report.json, which is always written (merge, diff, history
   * and fix read it). @default md, json, html
   */
  reports: ['md', 'json', 'html'],
  /**
   * What counts as failing for every command that judges results: `check`'s exit code and
   * annotations, `diff`'s new failures, `history`'s streaks. Only `broken` is a verdict on the
   * link itself (the page is gone); `unreachable` is "down for now" and `unverified` "could not
   * tell", which a checker cannot tell from its own network's trouble, so they fail a run only
   * when asked (`--fail-on broken,unreachable`). @default ["broken"]
   */
  failOn: ['broken'] as readonly FailOnKey[],
  /** Look for `#fragment` targets on HTML pages. @default true */
  checkFragments: true,
  /** Decoded bytes of an HTML page kept for classification. @default 1 MiB */
  maxBodyBytes: 1024 * 1024,
  /** Redirect hops followed before giving up, as browsers do. @default 20 */
  maxRedirects: 20,
  /** Base of the exponential retry backoff. @default 500 ms */
  retryBaseDelayMs: 500,
  /**
   * Longest Retry-After honoured; a server asking for more gets no retry and the link is
   * reported at once (`unverified: rate-limited` for a 429) with the wait it asked for. @default 30 s
   */
  maxRetryAfterMs: 30_000,
  /**
   * Connect timeout inside the per-attempt deadline. A TCP or TLS handshake that has not
   * finished in 5 s (SYN retransmits at 1 s and 3 s included) is a blackholed or dead address;
   * waiting for it the whole deadline only delays the retry that may get through. @default 5 s
   */
  connectTimeoutMs: 5_000,
  /**
   * Response headers read before giving up (undici's default is Node's 16 KiB). Chrome accepts
   * 256 KiB of response headers (net's kMaxHeaderBufSize) and Firefox about as much, and real
   * sites send 20–60 KB Set-Cookie headers that browsers load, so curate reads as much as a
   * browser and no more. @default 256 KiB
   */
  maxHeaderBytes: 256 * 1024,
  /**
   * Worker threads sharing the links: `auto` uses cores − 1 on a machine of 4 or more cores
   * when there are enough links to pay for them (workers/partition.ts), else the main thread
   * alone. @default "auto"
   */
  workers: 'auto',
  /** Where observations are made from. @default "global" */
  vantage: 'global',
  /** How long an ok result in the `--cache` file is reused without a request. @default 1 day */
  cacheMaxAgeMs: 24 * 60 * 60 * 1000,
  /** `history`: failing audits in a row before a link counts as failing. @default 2 */
  failAfter: 2,
  /** `history`: observations kept per link in history.json. @default 20 */
  historyKeep: 20,
} as const;

/**
 * What `check --format` prints on stdout: `text` the summary, `json` report.json and nothing
 * else (messages go to stderr), `github` workflow annotations (and a job summary).
 */
export const CHECK_FORMATS = ['text', 'json', 'github'] as const;

/** `-o -`: write the report to stdout (as `--format json`) instead of to a directory. */
export const STDOUT_OUT = '-';
export type CheckFormat = (typeof CHECK_FORMATS)[number];
