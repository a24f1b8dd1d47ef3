/**
 * Options: raw flags + the roadmap's `settings:` block + DEFAULTS → one validated, readonly
 * ResolvedOptions. This is the only home of defaults (commander gets none, so an absent flag can
 * never shadow a file setting). Pure: the environment comes in as a parameter.
 */
import { z } from 'zod';
import { parseShard, type Shard } from './ci/shard.js';
import { parseFailOnList, type FailOn } from './outcome/fail-on.js';
import type { ConnectTarget } from './fetch/dispatchers.js';
import { UsageError } from './errors.js';
import type { Settings } from './roadmap/schema.js';

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
  /** Extra attempts for 408/429/5xx and network errors. @default 2 */
  retries: 2,
  /** @default a descriptive, browser-compatible User-Agent naming curate */
  userAgent: 'Mozilla/5.0 (compatible; curate/0.1; +https://github.com/curate-dev/curate)',
  /** Statuses that make `check` exit 1. @default ["broken"] */
  failOn: ['broken'],
  /** Look for `#fragment` targets on HTML pages. @default true */
  checkFragments: true,
  /** Decoded bytes of an HTML page kept for classification. @default 1 MiB */
  maxBodyBytes: 1024 * 1024,
  /** Redirect hops followed before giving up, as browsers do. @default 20 */
  maxRedirects: 20,
  /** Base of the exponential retry backoff. @default 500 ms */
  retryBaseDelayMs: 500,
  /** Longest Retry-After honoured. @default 30 s */
  maxRetryAfterMs: 30_000,
  /** Connect timeout inside the per-attempt deadline. @default 10 s */
  connectTimeoutMs: 10_000,
  /** Where observations are made from. @default "global" */
  vantage: 'global',
  /** How long an ok result in the `--cache` file is reused without a request. @default 1 day */
  cacheMaxAgeMs: 24 * 60 * 60 * 1000,
  /** `history`: failing audits in a row before a link counts as failing. @default 2 */
  failAfter: 2,
  /** `history`: observations kept per link in history.json. @default 20 */
  historyKeep: 20,
} as const;

/** Raw command-line flags, exactly as commander hands them over: all optional, mostly strings. */
export type CurateFlags = {
  out?: string;
  concurrency?: string;
  perHost?: string;
  timeout?: string;
  retries?: string;
  userAgent?: string;
  proxy?: string;
  allowPrivate?: boolean;
  offline?: boolean;
  only?: string[];
  exclude?: string[];
  failOn?: string;
  fragments?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  vantage?: string;
  connectTo?: string[];
  caFile?: string;
  shard?: string;
  changedSince?: string;
  format?: string;
  cache?: string;
  maxAge?: string;
  regionRules?: string[];
};

/** Output styles of `check --format`: `github` adds workflow annotations and a job summary. */
export const CHECK_FORMATS = ['text', 'github'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

/** The parts of the environment curate reads (cli.ts reads them; nothing else does). */
export type CurateEnv = Readonly<Record<string, string | undefined>>;

/** What one host's policy resolves to. */
export type ResolvedHostPolicy = {
  perHost: number | undefined;
  headers: Readonly<Record<string, string>>;
  accept: ReadonlySet<number>;
};

/** Every option of a `check` run, validated and with units converted. */
export type ResolvedOptions = {
  readonly out: string;
  readonly concurrency: number;
  readonly perHost: number;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly userAgent: string;
  readonly proxy: { httpProxy?: string; httpsProxy?: string; noProxy?: string } | undefined;
  readonly isPrivateAllowed: boolean;
  readonly isOffline: boolean;
  readonly only: readonly string[];
  readonly exclude: readonly RegExp[];
  readonly accept: ReadonlySet<number>;
  readonly failOn: FailOn;
  readonly checkFragments: boolean;
  readonly verbosity: 'quiet' | 'normal' | 'verbose';
  readonly vantage: string;
  readonly hosts: ReadonlyMap<string, ResolvedHostPolicy>;
  readonly connectTo: ReadonlyMap<string, ConnectTarget>;
  readonly caFile: string | undefined;
  /** `--shard i/n`: only the resources of this part of the partition. */
  readonly shard: Shard | undefined;
  /** `--changed-since <ref>`: only resources added or re-pointed since this git ref. */
  readonly changedSince: string | undefined;
  readonly format: CheckFormat;
  /** `--cache FILE`: reuse ok results younger than `maxAgeMs` instead of fetching again. */
  readonly cache: { file: string; maxAgeMs: number } | undefined;
  /** `--region-rules` files (YAML rules or AutoProxy lists), in the order given. */
  readonly regionRules: readonly string[];
  /** Problems that do not stop the run (e.g. a header whose ${VAR} is not set). */
  readonly warnings: readonly string[];
};

const positiveInt = (flag: string) =>
  z
    .string()
    .regex(/^\d+$/, `${flag} takes a whole number`)
    .transform(Number)
    .pipe(z.number().int().min(1, `${flag} must be at least 1`));

const DURATION_UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** Parses `15s`, `500ms`, `2m`, `12h`, `1d`, or a plain number of seconds, into milliseconds. */
export function parseDurationMs(text: string | number, label: string): number {
  if (typeof text === 'number') return text * 1000;
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/.exec(text.trim());
  if (match === null) {
    throw new UsageError(`${label}: "${text}" is not a duration.`, {
      hint: 'Write it like 15s, 500ms, 2m, 12h or 1d (a plain number means seconds).',
    });
  }
  const value = Number(match[1]);
  const unit = (match[2] ?? 's') as keyof typeof DURATION_UNIT_MS;
  const ms = value * DURATION_UNIT_MS[unit];
  if (ms <= 0) throw new UsageError(`${label} must be longer than 0.`);
  return Math.round(ms);
}

function parseIntFlag(value: string | undefined, flag: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const parsed = (
    min === 0 ? z.string().regex(/^\d+$/).transform(Number) : positiveInt(flag)
  ).safeParse(value);
  if (!parsed.success) {
    throw new UsageError(`${flag}: "${value}" is not a whole number${min > 0 ? ' ≥ 1' : ''}.`);
  }
  return parsed.data;
}

function compilePattern(pattern: string, where: string): RegExp {
  try {
    return new RegExp(pattern, 'u');
  } catch (error) {
    throw new UsageError(`${where}: "${pattern}" is not a valid regular expression.`, {
      hint: 'Exclude patterns are JavaScript regular expressions, e.g. "^https://www\\.linkedin\\.com/".',
      cause: error,
    });
  }
}

/** Parses `--fail-on broken,unreachable` (status words, or `status:reason` pairs). */
export function parseFailOn(items: readonly string[]): FailOn {
  return parseFailOnList(items);
}

/**
 * Parses `--connect-to` entries, curl style: `host:address` or `host:port:address:port`
 * (the name keeps its Host header, SNI and certificate check; only the socket goes elsewhere).
 */
export function parseConnectTo(entries: readonly string[]): Map<string, ConnectTarget> {
  const map = new Map<string, ConnectTarget>();
  for (const entry of entries) {
    const parts = entry.split(':');
    if (parts.length === 2 && parts[0] && parts[1]) {
      map.set(parts[0].toLowerCase(), { address: parts[1], port: undefined });
      continue;
    }
    if (
      parts.length === 4 &&
      parts[0] &&
      parts[2] &&
      /^\d+$/.test(parts[1] ?? '') &&
      /^\d+$/.test(parts[3] ?? '')
    ) {
      map.set(`${parts[0].toLowerCase()}:${parts[1]}`, {
        address: parts[2],
        port: Number(parts[3]),
      });
      continue;
    }
    throw new UsageError(
      `--connect-to: "${entry}" is not host:address or host:port:address:port.`,
      {
        hint: 'Example: --connect-to www.youtube.com:443:127.0.0.1:8443',
      },
    );
  }
  return map;
}

/** Replaces `${VAR}` with the environment's value; reports names that are not set. */
export function expandEnv(text: string, env: CurateEnv): { value: string; missing: string[] } {
  const missing: string[] = [];
  const value = text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
    const found = env[name];
    if (found === undefined || found === '') {
      missing.push(name);
      return '';
    }
    return found;
  });
  return { value, missing };
}

function resolveHosts(
  settings: Settings | undefined,
  env: CurateEnv,
  warnings: string[],
): Map<string, ResolvedHostPolicy> {
  const hosts = new Map<string, ResolvedHostPolicy>();
  for (const [host, policy] of Object.entries(settings?.hosts ?? {})) {
    const headers: Record<string, string> = {};
    for (const [name, template] of Object.entries(policy.headers ?? {})) {
      const { value, missing } = expandEnv(template, env);
      if (missing.length > 0) {
        // A missing token should not stop a contributor's local run: the header is left out
        // and the run says so (CI sets the variable). The value itself is never printed.
        warnings.push(
          `settings.hosts["${host}"].headers.${name} uses ${missing.map((m) => `\${${m}}`).join(', ')}, which is not set: the header is not sent.`,
        );
        continue;
      }
      headers[name.toLowerCase()] = value;
    }
    hosts.set(host.toLowerCase(), {
      perHost: policy.perHost,
      headers,
      accept: new Set(policy.accept ?? []),
    });
  }
  return hosts;
}

function resolveProxy(flags: CurateFlags, env: CurateEnv): ResolvedOptions['proxy'] {
  const noProxy = env.NO_PROXY ?? env.no_proxy;
  if (flags.proxy !== undefined) {
    try {
      new URL(flags.proxy);
    } catch {
      throw new UsageError(`--proxy: "${flags.proxy}" is not a URL.`, {
        hint: 'Example: --proxy http://127.0.0.1:7890 or socks5://127.0.0.1:1080',
      });
    }
    return { httpProxy: flags.proxy, httpsProxy: flags.proxy, ...(noProxy ? { noProxy } : {}) };
  }
  const httpsProxy = env.HTTPS_PROXY ?? env.https_proxy;
  const httpProxy = env.HTTP_PROXY ?? env.http_proxy;
  if (httpsProxy === undefined && httpProxy === undefined) return undefined;
  return {
    ...(httpProxy ? { httpProxy } : {}),
    ...(httpsProxy ? { httpsProxy } : {}),
    ...(noProxy ? { noProxy } : {}),
  };
}

/** Combines flags > roadmap settings > DEFAULTS into the options of one run. */
export function resolveOptions(
  flags: CurateFlags,
  settings: Settings | undefined,
  env: CurateEnv,
): ResolvedOptions {
  if (flags.quiet === true && flags.verbose === true) {
    throw new UsageError('--quiet and --verbose cannot be used together.');
  }
  const warnings: string[] = [];
  const vantage = flags.vantage ?? DEFAULTS.vantage;
  if (!/^(global|[a-z]{2})$/.test(vantage)) {
    throw new UsageError(
      `--vantage: "${vantage}" is not "global" or a two-letter region such as cn.`,
    );
  }
  const timeoutSetting = flags.timeout ?? settings?.timeout;
  return {
    out: flags.out ?? DEFAULTS.out,
    concurrency:
      parseIntFlag(flags.concurrency, '--concurrency', 1) ??
      settings?.concurrency ??
      DEFAULTS.concurrency,
    perHost: parseIntFlag(flags.perHost, '--per-host', 1) ?? settings?.perHost ?? DEFAULTS.perHost,
    timeoutMs:
      timeoutSetting === undefined
        ? DEFAULTS.timeoutMs
        : parseDurationMs(timeoutSetting, '--timeout'),
    retries: parseIntFlag(flags.retries, '--retries', 0) ?? settings?.retries ?? DEFAULTS.retries,
    userAgent: flags.userAgent ?? settings?.userAgent ?? DEFAULTS.userAgent,
    proxy: resolveProxy(flags, env),
    isPrivateAllowed: flags.allowPrivate ?? false,
    isOffline: flags.offline ?? false,
    only: (flags.only ?? [])
      .flatMap((item) => item.split(','))
      .map((item) => item.trim())
      .filter(Boolean),
    exclude: [
      ...(settings?.exclude ?? []).map((pattern) => compilePattern(pattern, 'settings.exclude')),
      ...(flags.exclude ?? []).map((pattern) => compilePattern(pattern, '--exclude')),
    ],
    accept: new Set(settings?.accept ?? []),
    failOn: parseFailOn(
      flags.failOn === undefined ? (settings?.failOn ?? DEFAULTS.failOn) : [flags.failOn],
    ),
    checkFragments: flags.fragments ?? settings?.fragments ?? DEFAULTS.checkFragments,
    verbosity: flags.quiet === true ? 'quiet' : flags.verbose === true ? 'verbose' : 'normal',
    vantage,
    hosts: resolveHosts(settings, env, warnings),
    connectTo: parseConnectTo(flags.connectTo ?? []),
    caFile: flags.caFile,
    ...resolveSelectionAndOutput(flags),
    regionRules: flags.regionRules ?? [],
    warnings,
  };
}

/** The CI flags of `check`: which resources (shard, changed since), output style, cache. */
function resolveSelectionAndOutput(
  flags: CurateFlags,
): Pick<ResolvedOptions, 'shard' | 'changedSince' | 'format' | 'cache'> {
  const format = CHECK_FORMATS.find((candidate) => candidate === (flags.format ?? 'text'));
  if (format === undefined) {
    throw new UsageError(
      `--format: "${flags.format ?? ''}" is not one of ${CHECK_FORMATS.join(', ')}.`,
    );
  }
  if (flags.maxAge !== undefined && flags.cache === undefined) {
    throw new UsageError('--max-age only applies with --cache FILE.', {
      hint: 'Example: --cache .curate-cache.json --max-age 1d',
    });
  }
  return {
    shard: flags.shard === undefined ? undefined : parseShard(flags.shard),
    changedSince: flags.changedSince,
    format,
    cache:
      flags.cache === undefined
        ? undefined
        : {
            file: flags.cache,
            maxAgeMs:
              flags.maxAge === undefined
                ? DEFAULTS.cacheMaxAgeMs
                : parseDurationMs(flags.maxAge, '--max-age'),
          },
  };
}

/** The policy for a host: the longest configured suffix wins (`api.github.com` ← `github.com`). */
export function hostPolicyFor(
  hosts: ReadonlyMap<string, ResolvedHostPolicy>,
  hostname: string,
): ResolvedHostPolicy | undefined {
  let host = hostname.toLowerCase();
  for (;;) {
    const policy = hosts.get(host);
    if (policy !== undefined) return policy;
    const dot = host.indexOf('.');
    if (dot === -1) return undefined;
    host = host.slice(dot + 1);
  }
}
