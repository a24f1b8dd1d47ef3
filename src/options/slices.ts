/**
 * The slices of a run's options, one per stage: each stage is handed only the part it reads
 * (design guide §5). The per-host lookups are resolved here, so a stage asks "what applies to
 * this host" and never sees the `settings.hosts` table.
 */
import type { Lang } from '../i18n/index.js';
import type { FailOn } from '../outcome/fail-on.js';
import type { AcceptRules } from '../classify/classify.js';
import type { TransportSettings } from '../fetch/dispatchers.js';
import type { FetchSettings } from '../fetch/http-client.js';
import type { PlanSettings } from '../plan/plan-checks.js';
import type { Shard } from '../ci/shard.js';
import type { ReportFormat } from '../report/render-reports.js';
import { DEFAULTS, type CheckFormat } from './defaults.js';
import type { CurateFlags } from '../options.js';
import type { Settings } from '../roadmap/schema.js';
import type { WorkersSetting } from '../workers/partition.js';
import type { CurateEnv } from './parsers.js';
import { hostPolicyFor, type ResolvedHostPolicy } from './host-policy.js';

/** What `planChecks` needs; the run adds the `select` predicate it was given. */
export type PlanOptions = Omit<PlanSettings, 'select'>;

/** How the run reaches the network: the dispatcher to build and the request limits. */
export type TransportOptions = {
  /** The dispatcher's settings, except what the run supplies when it builds it (CA file, DNS). */
  readonly dispatcher: Omit<TransportSettings, 'extraCaPem' | 'lookup'>;
  /** `--ca-file`: a PEM file read when the dispatcher is built. */
  readonly caFile: string | undefined;
  /** Requests in flight across all hosts. */
  readonly concurrency: number;
  /** Requests in flight on a host: its `settings.hosts` limit, else `--per-host`. */
  readonly perHostFor: (host: string) => number;
};

/** How classification judges an answer from a host. */
export type AcceptOptions = {
  /** The accepted statuses (global plus the host's own) and the fragment check for a host. */
  readonly acceptFor: (host: string) => AcceptRules;
};

/** How the links are shared among worker threads (workers/). */
export type ParallelOptions = {
  /** `--workers`. */
  readonly workers: WorkersSetting;
  /** The inputs these options were resolved from, which a worker resolves again. */
  readonly source: OptionsSource;
};

/** What `resolveOptions` reads: plain data, so it can be posted to a worker thread. */
export type OptionsSource = {
  readonly flags: CurateFlags;
  readonly settings: Settings | undefined;
  readonly env: CurateEnv;
  readonly roadmapLang: Lang | undefined;
};

/** What region assessment reads: the run's vantage and the extra rules it was given. */
export type RegionOptions = {
  readonly vantage: string;
  /** `--region-rules` files or URLs (YAML rules or AutoProxy lists), in the order given. */
  readonly ruleSources: readonly string[];
  /** Rules URLs are not downloaded offline. */
  readonly isOffline: boolean;
};

/** What the report and the exit code read. */
export type ReportOptions = {
  /** Directory reports are written to; undefined for `-o -` (the report goes to stdout only). */
  readonly out: string | undefined;
  /** The vantage the report says it was observed from. */
  readonly vantage: string;
  /** Statuses (or status:reason pairs) that count as failing. */
  readonly failOn: FailOn;
  /** `--reports`: the files to write; always holds `json`. */
  readonly formats: ReadonlySet<ReportFormat>;
  /**
   * The language of report.md, report.html and the CI texts (options/lang.ts decides); undefined
   * when nothing chose one: English text, and report.html follows its reader's browser.
   */
  readonly lang: Lang | undefined;
};

/** What is printed while and after a run. */
export type OutputOptions = {
  readonly verbosity: 'quiet' | 'normal' | 'verbose';
  readonly format: CheckFormat;
};

/** Which resources a CI run checks. */
export type SelectionOptions = {
  /** `--shard i/n`: only the resources of this part of the partition. */
  readonly shard: Shard | undefined;
  /** `--changed-since <ref>`: only resources added or re-pointed since this git ref. */
  readonly changedSince: string | undefined;
};

/** `--cache FILE`: reuse ok results younger than `maxAgeMs` instead of fetching again. */
export type CacheOptions = { readonly file: string; readonly maxAgeMs: number };

/** The run-wide values the fetch, transport and accept slices are built from. */
export type NetworkValues = {
  timeoutMs: number;
  maxTimePerLinkMs: number;
  retries: number;
  userAgent: string;
  perHost: number;
  concurrency: number;
  accept: ReadonlySet<number>;
  checkFragments: boolean;
  hosts: ReadonlyMap<string, ResolvedHostPolicy>;
};

/** The fetch stage's slice: deadlines, retries, caps, and the headers configured for a URL's host. */
export function fetchSlice(values: NetworkValues): FetchSettings {
  return {
    timeoutMs: values.timeoutMs,
    maxTimePerLinkMs: values.maxTimePerLinkMs,
    maxRedirects: DEFAULTS.maxRedirects,
    maxBodyBytes: DEFAULTS.maxBodyBytes,
    userAgent: values.userAgent,
    headersFor: (url) => hostPolicyFor(values.hosts, url.hostname)?.headers ?? {},
    retries: values.retries,
    retryBaseDelayMs: DEFAULTS.retryBaseDelayMs,
    maxRetryAfterMs: DEFAULTS.maxRetryAfterMs,
    followMetaRefresh: true,
  };
}

/** The transport slice: the dispatcher's settings and the run's request limits. */
export function transportSlice(
  values: NetworkValues,
  dispatcher: Omit<
    TransportOptions['dispatcher'],
    'connectionsPerOrigin' | 'connectTimeoutMs' | 'maxHeaderBytes'
  >,
  caFile: string | undefined,
): TransportOptions {
  return {
    dispatcher: {
      ...dispatcher,
      connectionsPerOrigin: values.perHost,
      connectTimeoutMs: Math.min(
        DEFAULTS.connectTimeoutMs,
        values.timeoutMs,
        values.maxTimePerLinkMs,
      ),
      maxHeaderBytes: DEFAULTS.maxHeaderBytes,
    },
    caFile,
    concurrency: values.concurrency,
    perHostFor: (host) => hostPolicyFor(values.hosts, host)?.perHost ?? values.perHost,
  };
}

/** The accept slice: a host's accepted statuses add to the global ones. */
export function acceptSlice(values: NetworkValues): AcceptOptions {
  return {
    acceptFor: (host) => {
      const hostAccept = hostPolicyFor(values.hosts, host)?.accept;
      return {
        acceptStatuses:
          hostAccept === undefined || hostAccept.size === 0
            ? values.accept
            : new Set([...values.accept, ...hostAccept]),
        checkFragments: values.checkFragments,
      };
    },
  };
}
