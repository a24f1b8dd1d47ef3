/**
 * Wires the adapters to the stages for one `check` run: plan, probe the network, fetch and
 * classify every target under a global and a per-host limit, build and write the reports.
 * Owns the dispatcher and the limits; holds no business rules of its own.
 */
import { readFile } from 'node:fs/promises';
import pLimit, { type LimitFunction } from 'p-limit';
import type { Dispatcher } from 'undici';
import { classifyOutcome, type AcceptRules } from './classify/classify.js';
import type { CheckResult, CheckTarget, FetchOutcome } from './domain.js';
import { isFailing } from './domain.js';
import type { FailOn } from './outcome/fail-on.js';
import { networkDownResult } from './outcome/unfetched.js';
import { UsageError } from './errors.js';
import { createDispatcher, type TransportSettings } from './fetch/dispatchers.js';
import { downloadText } from './fetch/download-text.js';
import { fetchTarget, type FetchSettings } from './fetch/http-client.js';
import { probeNetwork, type NetworkVerdict } from './fetch/network-probe.js';
import { createSlots, type Slots } from './fetch/slots.js';
import { DEFAULTS, hostPolicyFor, type ResolvedOptions } from './options.js';
import { planChecks } from './plan/plan-checks.js';
import type { ResourceSelector } from './plan/select.js';
import { applyProbeVerdict, isWorthProbing } from './probes/apply.js';
import { createProbeRunner, DEFAULT_PROBES, type ProbeFetch } from './probes/probe.js';
import { toProbeResponse } from './probes/probe-response.js';
import { assessRegions, GLOBAL_VANTAGE, type RegionInputs } from './region/assess.js';
import { loadRegionInputs } from './region/load-rules.js';
import { planSuggestedMirrors } from './region/mirror-suggestions.js';
import { matchRegionSources } from './region/rules.js';
import type { RunProgress } from './progress.js';
import { buildReport } from './report/build.js';
import { renderJson } from './report/json.js';
import { renderMarkdown } from './report/markdown.js';
import type { Report } from './report/schema.js';
import { writeReports } from './report/write.js';
import type { LoadedRoadmap } from './roadmap/load.js';

/** What the outside world hands a run; tests pass their own. */
export type RunDeps = {
  toolVersion: string;
  now: () => Date;
  /** Injected transport (tests); otherwise one is built from the options and closed after. */
  dispatcher?: Dispatcher;
  /** Injected DNS, for the dispatcher and the network probe (tests map names to 127.0.0.1). */
  lookup?: TransportSettings['lookup'];
  sleep?: (ms: number) => Promise<void>;
  /** Aborted on Ctrl-C: the run stops fetching and writes what it has, marked partial. */
  signal?: AbortSignal;
  onProgress?: (progress: RunProgress) => void;
  /** Called once when the network probe decides nothing can be reached. */
  onNetworkDown?: (verdict: Extract<NetworkVerdict, { kind: 'down' }>) => void;
  /** Narrows the run to some resources (`--shard`, `--changed-since`); all when absent. */
  select?: ResourceSelector;
  /** A result to reuse instead of fetching (`--cache`); targets it answers are not fetched. */
  cachedResult?: (target: CheckTarget) => CheckResult | undefined;
};

/** The outcome of a run, for cli.ts to print and turn into an exit code. */
export type RunOutcome = {
  report: Report;
  writtenFiles: readonly string[];
  isNetworkDown: boolean;
  /** Resources and mirrors failing per `--fail-on`. */
  failingCount: number;
};

/** Runs `curate check` on a loaded roadmap. Link failures are data; only run failures throw. */
export async function runCheck(
  loaded: LoadedRoadmap,
  options: ResolvedOptions,
  deps: RunDeps,
): Promise<RunOutcome> {
  const startedAt = deps.now();
  const plan = planChecks(loaded, {
    exclude: options.exclude,
    only: options.only,
    isOffline: options.isOffline,
    select: deps.select,
  });
  const regionInputs = await loadRegionInputs(
    loaded.roadmap.regions ?? [],
    options.regionRules,
    options.isOffline ? undefined : (url) => downloadRulesText(url, options, deps),
  );
  // Known mirrors (hf-mirror.com, ...) are fetched as extra targets: shown only if they answer.
  const suggested = planSuggestedMirrors(plan);
  const results = new Map<string, CheckResult>();
  for (const target of plan.targets) {
    const cached = deps.cachedResult?.(target);
    if (cached !== undefined) results.set(target.id, cached);
  }
  // Only what the cache did not answer is probed and fetched: a fully cached run sends nothing.
  const toFetch = [...plan.targets, ...suggested.targets].filter(
    (target) => !results.has(target.id),
  );
  let networkDown: { message: string } | undefined;

  if (toFetch.length > 0) {
    const extraCaPem = options.caFile === undefined ? undefined : await readCaFile(options.caFile);
    const dispatcher =
      deps.dispatcher ?? createDispatcher(transportSettings(options, extraCaPem, deps));
    try {
      const fetchSettings = toFetchSettings(options);
      const slots = createSlots(
        options.concurrency,
        (host) => hostPolicyFor(options.hosts, host)?.perHost ?? options.perHost,
      );
      const verdict = await probeNetwork(toFetch, {
        dispatcher,
        settings: fetchSettings,
        slots,
        isLikelyBlocked: blockedFromVantage(options.vantage, regionInputs),
        ...(deps.lookup ? { lookup: deps.lookup } : {}),
        ...(deps.signal ? { signal: deps.signal } : {}),
      });
      // Ctrl-C during the probe makes it fail everywhere: that is an interruption (the report
      // marks every link interrupted), not a dead network.
      if (verdict.kind === 'down' && deps.signal?.aborted !== true) {
        networkDown = { message: verdict.message };
        deps.onNetworkDown?.(verdict);
        for (const target of toFetch) {
          results.set(target.id, networkDownResult(target.id, deps.now().toISOString()));
        }
      } else if (verdict.kind === 'up') {
        await checkTargets(
          toFetch,
          options,
          fetchSettings,
          dispatcher,
          deps,
          results,
          verdict.answered,
          slots,
        );
      }
    } finally {
      if (deps.dispatcher === undefined) await dispatcher.close();
    }
  }

  const isInterrupted = deps.signal?.aborted === true;
  const built = buildReport(
    plan,
    results,
    {
      toolVersion: deps.toolVersion,
      roadmapPath: loaded.file,
      roadmapTitle: loaded.roadmap.title,
      vantage: options.vantage,
      startedAt: startedAt.toISOString(),
      finishedAt: deps.now().toISOString(),
      isPartial: isInterrupted || networkDown !== undefined,
      networkDown,
    },
    suggested.byResource,
  );
  const report = assessRegions(built, regionInputs);
  const writtenFiles = await writeReports(options.out, [
    { name: 'report.json', content: renderJson(report) },
    { name: 'report.md', content: renderMarkdown(report) },
  ]);
  return {
    report,
    writtenFiles,
    isNetworkDown: networkDown !== undefined,
    failingCount: countFailing(report, options.failOn),
  };
}

/** Whether region rules say the run's own vantage cannot reach a URL directly. */
function blockedFromVantage(vantage: string, inputs: RegionInputs): (url: URL) => boolean {
  if (vantage === GLOBAL_VANTAGE) return () => false;
  const sources = {
    rules: inputs.rules.filter((rules) => rules.region === vantage),
    lists: inputs.lists,
  };
  return (url) => matchRegionSources(sources, url).some((match) => match.level !== 'throttled');
}

/** Counts resources and mirrors whose status or status:reason is in `failOn`. */
export function countFailing(report: Report, failOn: FailOn): number {
  let count = 0;
  for (const result of report.results) {
    if (isFailing(result.outcome, failOn)) count += 1;
    for (const mirror of result.mirrors) if (isFailing(mirror.outcome, failOn)) count += 1;
  }
  return count;
}

async function checkTargets(
  targets: readonly CheckTarget[],
  options: ResolvedOptions,
  fetchSettings: FetchSettings,
  dispatcher: Dispatcher,
  deps: RunDeps,
  results: Map<string, CheckResult>,
  answered: ReadonlyMap<string, Promise<FetchOutcome | undefined>>,
  slots: Slots,
): Promise<void> {
  const probeRunner = createProbeRunner(
    DEFAULT_PROBES,
    createProbeFetch(fetchSettings, dispatcher, deps, pLimit(PROBE_CONCURRENCY), slots),
  );
  const startedAtMs = deps.now().getTime();
  let failing = 0;
  // Counted here, not from `results`, which also holds the cached results.
  let done = 0;

  // A function, not a narrowed property read: the signal flips while a fetch is in flight.
  const isAborted = (): boolean => deps.signal?.aborted === true;
  const checkOne = async (target: CheckTarget): Promise<void> => {
    if (isAborted()) return;
    const host = target.url.hostname;
    const fetched =
      (await answered.get(target.id)) ??
      (await fetchTarget(target.url, fetchSettings, {
        dispatcher,
        schedule: slots.on(host),
        ...(deps.sleep ? { sleep: deps.sleep } : {}),
        ...(deps.signal ? { signal: deps.signal } : {}),
        now: () => deps.now().getTime(),
      }));
    // An aborted fetch says nothing about the link: leave it out, the report marks it interrupted.
    if (isAborted()) return;
    const classified = classifyOutcome(fetched, target.url, acceptRulesFor(options, host));
    const verdict = isWorthProbing(classified.outcome)
      ? await probeRunner.probe(target.url)
      : undefined;
    if (isAborted()) return;
    const watchPage = fetched.kind === 'response' ? fetched.body : undefined;
    const { outcome, pageTitle } = applyProbeVerdict(classified, verdict, watchPage);
    const result: CheckResult = {
      ...outcome,
      targetId: target.id,
      hops: fetched.hops,
      durationMs: fetched.durationMs,
      checkedAt: deps.now().toISOString(),
      ...(pageTitle === undefined ? {} : { pageTitle }),
    };
    results.set(target.id, result);
    done += 1;
    if (isFailing(result, options.failOn)) failing += target.refs.length;
    deps.onProgress?.({
      done,
      total: targets.length,
      failing,
      activeHosts: slots.activeHostCount(),
      startedAtMs,
      latest: result,
    });
  };

  await Promise.all(targets.map(checkOne));
}

/**
 * Platform APIs (oEmbed, Bilibili's view API) are asked at most this many at a time across the
 * run: one call per video, and Bilibili answers -412 to anything that looks like a flood.
 */
const PROBE_CONCURRENCY = 2;

/** The probes' view of the network: the same transport, no meta refresh, a small shared limit. */
function createProbeFetch(
  fetchSettings: FetchSettings,
  dispatcher: Dispatcher,
  deps: RunDeps,
  limit: LimitFunction,
  slots: Slots,
): ProbeFetch {
  const settings: FetchSettings = {
    ...fetchSettings,
    followMetaRefresh: false,
    headersFor: (url) => ({
      ...PROBE_REQUEST_HEADERS[url.hostname],
      ...fetchSettings.headersFor(url),
    }),
  };
  // The API hosts (www.youtube.com's oEmbed, api.bilibili.com) are hosts like any other: their
  // calls take that host's slot and a run slot, on top of the probes' own small limit.
  return (url) =>
    limit(() =>
      fetchTarget(url, settings, {
        dispatcher,
        schedule: slots.on(url.hostname),
        ...(deps.sleep ? { sleep: deps.sleep } : {}),
        ...(deps.signal ? { signal: deps.signal } : {}),
      }),
    ).then(toProbeResponse);
}

/** Headers some platform APIs insist on (Bilibili's answers -412 without a Referer of its own). */
const PROBE_REQUEST_HEADERS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'api.bilibili.com': { referer: 'https://www.bilibili.com/' },
};

function acceptRulesFor(options: ResolvedOptions, host: string): AcceptRules {
  const hostAccept = hostPolicyFor(options.hosts, host)?.accept;
  return {
    acceptStatuses:
      hostAccept === undefined || hostAccept.size === 0
        ? options.accept
        : new Set([...options.accept, ...hostAccept]),
    checkFragments: options.checkFragments,
  };
}

/** The fetch stage's slice of the options. */
export function toFetchSettings(options: ResolvedOptions): FetchSettings {
  return {
    timeoutMs: options.timeoutMs,
    maxRedirects: DEFAULTS.maxRedirects,
    maxBodyBytes: DEFAULTS.maxBodyBytes,
    userAgent: options.userAgent,
    headersFor: (url) => hostPolicyFor(options.hosts, url.hostname)?.headers ?? {},
    retries: options.retries,
    retryBaseDelayMs: DEFAULTS.retryBaseDelayMs,
    maxRetryAfterMs: DEFAULTS.maxRetryAfterMs,
    followMetaRefresh: true,
  };
}

function transportSettings(
  options: ResolvedOptions,
  extraCaPem: string | undefined,
  deps: RunDeps,
): TransportSettings {
  return {
    proxy: options.proxy,
    isPrivateAllowed: options.isPrivateAllowed,
    connectTo: options.connectTo,
    extraCaPem,
    connectionsPerOrigin: options.perHost,
    connectTimeoutMs: Math.min(DEFAULTS.connectTimeoutMs, options.timeoutMs),
    ...(deps.lookup ? { lookup: deps.lookup } : {}),
  };
}

/** Downloads a `--region-rules` URL with the run's transport settings and a short-lived dispatcher. */
async function downloadRulesText(
  url: URL,
  options: ResolvedOptions,
  deps: RunDeps,
): Promise<string> {
  const extraCaPem = options.caFile === undefined ? undefined : await readCaFile(options.caFile);
  const dispatcher =
    deps.dispatcher ?? createDispatcher(transportSettings(options, extraCaPem, deps));
  try {
    return await downloadText(url, toFetchSettings(options), dispatcher);
  } finally {
    if (deps.dispatcher === undefined) await dispatcher.close();
  }
}

async function readCaFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`--ca-file: cannot read "${path}".`, {
      hint: 'Pass a PEM file with the CA certificate(s) to trust in addition to the system ones.',
      cause: error,
    });
  }
}
