/**
 * Options: raw flags + the roadmap's `settings:` block + DEFAULTS → one validated, readonly
 * ResolvedOptions made of slices, one per stage (plan, fetch, transport, accept, region, report,
 * output). Defaults live in options/defaults.ts, parsers in options/parsers.ts. Pure: the
 * environment comes in as a parameter.
 */
import type { ProbeSettings } from './probes/probe.js';
import { parseShard } from './ci/shard.js';
import type { FetchSettings } from './fetch/http-client.js';
import { UsageError } from './errors.js';
import type { Settings } from './roadmap/schema.js';
import { CHECK_FORMATS, DEFAULTS } from './options/defaults.js';
import { parseFailOnList } from './outcome/fail-on.js';
import { resolveHosts } from './options/host-policy.js';
import {
  compilePattern,
  parseConnectTo,
  parseDurationMs,
  parseIntFlag,
  parseProxy,
  parseReportFormats,
  type CurateEnv,
} from './options/parsers.js';
import {
  acceptSlice,
  fetchSlice,
  transportSlice,
  type AcceptOptions,
  type CacheOptions,
  type NetworkValues,
  type OutputOptions,
  type PlanOptions,
  type RegionOptions,
  type ReportOptions,
  type SelectionOptions,
  type TransportOptions,
} from './options/slices.js';

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
  reports?: string;
};

/** Every option of a `check` run, validated, units converted, cut into one slice per stage. */
export type ResolvedOptions = {
  readonly plan: PlanOptions;
  readonly fetch: FetchSettings;
  readonly transport: TransportOptions;
  readonly accept: AcceptOptions;
  readonly region: RegionOptions;
  readonly report: ReportOptions;
  readonly output: OutputOptions;
  readonly selection: SelectionOptions;
  readonly cache: CacheOptions | undefined;
  /** What the platform probes are told (`GITHUB_TOKEN`). */
  readonly probes: ProbeSettings;
  /** Problems that do not stop the run (e.g. a header whose ${VAR} is not set). */
  readonly warnings: readonly string[];
};

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
  const isOffline = flags.offline ?? false;
  const network = resolveNetworkValues(flags, settings, env, warnings);
  const transportDispatcher = {
    proxy: parseProxy(flags.proxy, env),
    isPrivateAllowed: flags.allowPrivate ?? false,
    connectTo: parseConnectTo(flags.connectTo ?? []),
  };
  return {
    plan: {
      exclude: [
        ...(settings?.exclude ?? []).map((pattern) => compilePattern(pattern, 'settings.exclude')),
        ...(flags.exclude ?? []).map((pattern) => compilePattern(pattern, '--exclude')),
      ],
      only: (flags.only ?? [])
        .flatMap((item) => item.split(','))
        .map((item) => item.trim())
        .filter(Boolean),
      isOffline,
    },
    fetch: fetchSlice(network),
    transport: transportSlice(network, transportDispatcher, flags.caFile),
    accept: acceptSlice(network),
    region: { vantage, ruleSources: flags.regionRules ?? [], isOffline },
    report: {
      out: flags.out ?? DEFAULTS.out,
      vantage,
      failOn: parseFailOnList(
        flags.failOn === undefined ? (settings?.failOn ?? DEFAULTS.failOn) : [flags.failOn],
      ),
      formats: parseReportFormats(flags.reports === undefined ? DEFAULTS.reports : [flags.reports]),
    },
    // Used only for api.github.com (the probe sends it nowhere else); never required.
    probes: { githubToken: env.GITHUB_TOKEN === '' ? undefined : env.GITHUB_TOKEN },
    ...resolveSelectionAndOutput(flags),
    warnings,
  };
}

/** The run-wide network values (limits, deadline, retries, accepted statuses, host policies). */
function resolveNetworkValues(
  flags: CurateFlags,
  settings: Settings | undefined,
  env: CurateEnv,
  warnings: string[],
): NetworkValues {
  const timeoutSetting = flags.timeout ?? settings?.timeout;
  return {
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
    accept: new Set(settings?.accept ?? []),
    checkFragments: flags.fragments ?? settings?.fragments ?? DEFAULTS.checkFragments,
    hosts: resolveHosts(settings, env, warnings),
  };
}

/** The CI flags of `check`: which resources (shard, changed since), output style, cache. */
function resolveSelectionAndOutput(
  flags: CurateFlags,
): Pick<ResolvedOptions, 'selection' | 'output' | 'cache'> {
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
    selection: {
      shard: flags.shard === undefined ? undefined : parseShard(flags.shard),
      changedSince: flags.changedSince,
    },
    output: {
      verbosity: flags.quiet === true ? 'quiet' : flags.verbose === true ? 'verbose' : 'normal',
      format,
    },
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
