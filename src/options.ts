/**
 * Options: raw flags + the roadmap's `settings:` block + DEFAULTS → one validated, readonly
 * ResolvedOptions made of slices, one per stage (plan, fetch, transport, accept, region, report,
 * output). Defaults live in options/defaults.ts, parsers in options/parsers.ts. Pure: the
 * environment comes in as a parameter.
 */
import type { ProbeSettings } from './probes/probe.js';
import { parseShard } from './ci/shard.js';
import { flagTextOf, type Lang } from './i18n/index.js';
import { chosenLang } from './options/lang.js';
import type { FetchSettings } from './fetch/http-client.js';
import { UsageError } from './errors.js';
import type { Settings } from './roadmap/schema.js';
import type { WorkersSetting } from './workers/partition.js';
import { CHECK_FORMATS, DEFAULTS, STDOUT_OUT } from './options/defaults.js';
import { resolveHosts } from './options/host-policy.js';
import {
  compilePattern,
  parseConnectTo,
  parseDurationMs,
  parseIntFlag,
  parseFormatFlag,
  parseProxy,
  parseReportFormats,
  resolveFailOn,
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
  type ParallelOptions,
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
  maxTimePerLink?: string;
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
  lang?: string;
  workers?: string;
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
  /** `--workers`, and what a worker thread resolves its own options from (workers/). */
  readonly parallel: ParallelOptions;
  /** Problems that do not stop the run (e.g. a header whose ${VAR} is not set). */
  readonly warnings: readonly string[];
};

/**
 * Combines flags > roadmap settings > DEFAULTS into the options of one run; the language also
 * falls back to the locale in `env` (options/lang.ts).
 */
export function resolveOptions(
  flags: CurateFlags,
  settings: Settings | undefined,
  env: CurateEnv,
  roadmapLang?: Lang,
): ResolvedOptions {
  // First, so a bad --lang is said before anything else, and the rest is said in the language.
  const chosen = chosenLang({ flag: flags.lang, roadmap: roadmapLang, env });
  const lang = chosen ?? 'en';
  const words = flagTextOf(lang);
  if (flags.quiet === true && flags.verbose === true) {
    throw new UsageError(words.quietAndVerbose, { lang });
  }
  refuseEmptyValues(flags, lang);
  const warnings: string[] = [];
  const vantage = flags.vantage ?? DEFAULTS.vantage;
  if (!/^(global|[a-z]{2})$/.test(vantage)) {
    throw new UsageError(words.notVantage(vantage), { lang });
  }
  const isOffline = flags.offline ?? false;
  const network = resolveNetworkValues(flags, settings, env, warnings, lang);
  const transportDispatcher = {
    proxy: parseProxy(flags.proxy, env, lang),
    isPrivateAllowed: flags.allowPrivate ?? false,
    connectTo: parseConnectTo(flags.connectTo ?? [], lang),
  };
  return {
    plan: {
      exclude: [
        ...(settings?.exclude ?? []).map((pattern) =>
          compilePattern(pattern, 'settings.exclude', lang),
        ),
        ...(flags.exclude ?? []).map((pattern) => compilePattern(pattern, '--exclude', lang)),
      ],
      only: parseOnly(flags.only ?? [], lang),
      isOffline,
      lang,
    },
    fetch: fetchSlice(network),
    transport: transportSlice(network, transportDispatcher, flags.caFile),
    accept: acceptSlice(network),
    region: { vantage, ruleSources: flags.regionRules ?? [], isOffline },
    report: {
      out: flags.out === STDOUT_OUT ? undefined : (flags.out ?? DEFAULTS.out),
      vantage,
      failOn: resolveFailOn(flags.failOn, settings?.failOn, lang),
      formats: parseReportFormats(
        flags.reports === undefined ? DEFAULTS.reports : [flags.reports],
        '--reports',
        lang,
      ),
      lang: chosen,
    },
    // Used only for api.github.com (the probe sends it nowhere else); never required.
    probes: { githubToken: env.GITHUB_TOKEN === '' ? undefined : env.GITHUB_TOKEN },
    parallel: {
      workers: parseWorkers(flags.workers, lang),
      // Functions (perHostFor, acceptFor) cannot cross to a worker thread; these inputs can,
      // and resolving them again there gives the same options.
      source: { flags, settings, env, roadmapLang },
    },
    ...resolveSelectionAndOutput(flags, lang),
    warnings,
  };
}

/**
 * `--only a,b --only c` → the ids. A value naming no id (`--only ""`, `--only ,`) is a usage
 * error: an empty selection would otherwise quietly select everything.
 */
/** `--workers`: `auto` or a whole number ≥ 1. */
function parseWorkers(value: string | undefined, lang: Lang): WorkersSetting {
  if (value === undefined || value === 'auto') return value ?? DEFAULTS.workers;
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw new UsageError(flagTextOf(lang).notWorkers(value), { lang });
  }
  return Number(value);
}

function parseOnly(values: readonly string[], lang: Lang): string[] {
  return values.flatMap((value) => {
    const ids = value
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean);
    if (ids.length === 0) {
      const words = flagTextOf(lang);
      throw new UsageError(words.noOnlyId(value), { hint: words.noOnlyIdHint, lang });
    }
    return ids;
  });
}

/** Flags whose empty value would mean "everything" or "here" by accident, never by intent. */
const NON_EMPTY_FLAGS = {
  exclude: '--exclude',
  changedSince: '--changed-since',
  regionRules: '--region-rules',
  out: '--out',
  cache: '--cache',
  caFile: '--ca-file',
} as const satisfies Partial<Record<keyof CurateFlags, string>>;

function refuseEmptyValues(flags: CurateFlags, lang: Lang): void {
  for (const [key, flag] of Object.entries(NON_EMPTY_FLAGS)) {
    const value = flags[key as keyof typeof NON_EMPTY_FLAGS];
    const values = value === undefined ? [] : typeof value === 'string' ? [value] : value;
    if (values.some((item) => item.trim() === '')) {
      // An empty --exclude pattern matches every URL; an empty path or ref names nothing.
      const words = flagTextOf(lang);
      throw new UsageError(words.emptyValue(flag), { hint: words.emptyValueHint(flag), lang });
    }
  }
}

/** The run-wide network values (limits, deadline, retries, accepted statuses, host policies). */
function resolveNetworkValues(
  flags: CurateFlags,
  settings: Settings | undefined,
  env: CurateEnv,
  warnings: string[],
  lang: Lang,
): NetworkValues {
  const timeoutSetting = flags.timeout ?? settings?.timeout;
  const maxTimeSetting = flags.maxTimePerLink ?? settings?.maxTimePerLink;
  return {
    concurrency:
      parseIntFlag(flags.concurrency, '--concurrency', 1, lang) ??
      settings?.concurrency ??
      DEFAULTS.concurrency,
    perHost:
      parseIntFlag(flags.perHost, '--per-host', 1, lang) ?? settings?.perHost ?? DEFAULTS.perHost,
    timeoutMs:
      timeoutSetting === undefined
        ? DEFAULTS.timeoutMs
        : parseDurationMs(timeoutSetting, '--timeout', lang),
    maxTimePerLinkMs:
      maxTimeSetting === undefined
        ? DEFAULTS.maxTimePerLinkMs
        : parseDurationMs(maxTimeSetting, '--max-time-per-link', lang),
    retries:
      parseIntFlag(flags.retries, '--retries', 0, lang) ?? settings?.retries ?? DEFAULTS.retries,
    userAgent: flags.userAgent ?? settings?.userAgent ?? DEFAULTS.userAgent,
    accept: new Set(settings?.accept ?? []),
    checkFragments: flags.fragments ?? settings?.fragments ?? DEFAULTS.checkFragments,
    hosts: resolveHosts(settings, env, warnings),
  };
}

/** The CI flags of `check`: which resources (shard, changed since), output style, cache. */
function resolveSelectionAndOutput(
  flags: CurateFlags,
  lang: Lang,
): Pick<ResolvedOptions, 'selection' | 'output' | 'cache'> {
  const words = flagTextOf(lang);
  // `-o -` puts report.json on stdout, so stdout can carry nothing else: json, or nothing said.
  const isReportOnStdout = flags.out === STDOUT_OUT;
  const format = parseFormatFlag(
    flags.format,
    CHECK_FORMATS,
    isReportOnStdout ? 'json' : 'text',
    lang,
  );
  if (isReportOnStdout && format !== 'json') {
    throw new UsageError(words.stdoutTaken(format), { hint: words.stdoutTakenHint, lang });
  }
  if (flags.maxAge !== undefined && flags.cache === undefined) {
    throw new UsageError(words.maxAgeWithoutCache, { hint: words.maxAgeWithoutCacheHint, lang });
  }
  return {
    selection: {
      shard: flags.shard === undefined ? undefined : parseShard(flags.shard, lang),
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
                : parseDurationMs(flags.maxAge, '--max-age', lang),
          },
  };
}
