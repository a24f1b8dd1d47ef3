/**
 * Wires the adapters to the stages for one `check` run: plan, probe the network, fetch and
 * classify every target under a global and a per-host limit, build and write the reports.
 * Owns the dispatcher and the limits; holds no business rules of its own: each stage gets its
 * slice of the options and decides for itself.
 */
import type { Dispatcher } from 'undici';
import type { ApiValidators } from './cache/api-validators.js';
import type { ArchivedCopy } from './archive/archived-copy.js';
import { attachArchivedCopies } from './archive/attach.js';
import { archiveFetchOver } from './archive/fetch-over-run.js';
import { lookUpArchives } from './archive/look-up-archives.js';
import type { CheckResult, CheckTarget } from './domain.js';
import { assertNever } from './domain.js';
import { countFailing } from './outcome/fail-on.js';
import { networkDownResult } from './outcome/unfetched.js';
import {
  openRunDispatcher,
  type RunDispatcher,
  type TransportSettings,
} from './fetch/dispatchers.js';
import { downloadText } from './fetch/download-text.js';
import { probeNetwork, type NetworkVerdict } from './fetch/network-probe.js';
import { createRunFetches } from './fetch/run-fetches.js';
import { createSlots } from './fetch/slots.js';
import type { ResolvedOptions } from './options.js';
import { planChecks } from './plan/plan-checks.js';
import type { ResourceSelector } from './plan/select.js';
import { assessRegions } from './region/assess.js';
import { loadRegionInputs } from './region/load-rules.js';
import { planSuggestedMirrors } from './region/mirror-suggestions.js';
import { blockedFromVantage } from './region/vantage.js';
import type { ProgressEvent } from './progress/state.js';
import { buildReport } from './report/build.js';
import { readHistoryBeside } from './commands/read-input.js';
import { renderReports } from './report/render-reports.js';
import type { Report } from './report/schema.js';
import { writeReports } from './report/write.js';
import type { LoadedRoadmap } from './roadmap/load.js';
import { checkEverywhere } from './workers/check-everywhere.js';
import { checkContextFor } from './check-loop.js';
import type { NetworkDownFacts } from './i18n/network-down.js';

/** What the outside world hands a run; tests pass their own. */
export type RunDeps = {
  toolVersion: string;
  now: () => Date;
  /** Injected transport (tests), left open; otherwise one is built from the options and closed after. */
  dispatcher?: Dispatcher;
  /** Injected DNS, for the dispatcher and the network probe (tests map names to 127.0.0.1). */
  lookup?: TransportSettings['lookup'];
  sleep?: (ms: number) => Promise<void>;
  /** Aborted on Ctrl-C: the run stops fetching and writes what it has, marked partial. */
  signal?: AbortSignal;
  /** Told when fetching starts, about every attempt, and about every judged target. */
  onProgress?: (event: ProgressEvent) => void;
  /** Called once when the network probe decides nothing can be reached. */
  onNetworkDown?: (verdict: Extract<NetworkVerdict, { kind: 'down' }>) => void;
  /** Narrows the run to some resources (`--shard`, `--changed-since`); all when absent. */
  select?: ResourceSelector;
  /** Platform API validators from the `--cache` file (GitHub ETags), added to as answers arrive. */
  apiValidators?: ApiValidators;
  /** A result to reuse instead of fetching (`--cache`); targets it answers are not fetched. */
  cachedResult?: (target: CheckTarget) => CheckResult | undefined;
  /** Whether broken links are looked up in the Wayback Machine (`--archive`). */
  isArchiveLookupOn?: boolean;
  /** A Wayback Machine answer kept from an earlier run (`--cache`), by target id. */
  cachedArchivedCopy?: (targetId: string) => ArchivedCopy | undefined;
  /** Told once per worker thread that died; its links were then checked on the main thread. */
  onWorkerCrash?: (message: string) => void;
  /** Tests only: make a worker thread crash after some results (workers/pool.ts). */
  workerCrash?: { worker: number; afterResults: number };
  /**
   * The roadmap's path relative to the repository root, where SARIF and JUnit place findings.
   * @default the path the roadmap was loaded from
   */
  roadmapRepositoryPath?: string;
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
  const plan = planChecks(loaded, { ...options.plan, select: deps.select });
  const regionInputs = await loadRegionInputs(
    loaded.roadmap.regions ?? [],
    options.region.ruleSources,
    options.region.isOffline ? undefined : (url) => downloadRulesText(url, options, deps),
    options.report.lang,
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
  let networkDown: NetworkDownFacts | undefined;
  let archivedCopies = new Map<string, ArchivedCopy>();

  if (toFetch.length > 0) {
    const transport = await openTransport(options, deps);
    try {
      const slots = createSlots(options.transport.concurrency, options.transport.perHostFor);
      deps.onProgress?.({ kind: 'targets-planned', total: toFetch.length });
      const fetches = createRunFetches(options.fetch, {
        dispatcher: transport.dispatcher,
        slots,
        ...(deps.onProgress ? { onFetchEvent: deps.onProgress } : {}),
        now: () => deps.now().getTime(),
        ...(deps.sleep ? { sleep: deps.sleep } : {}),
        ...(deps.signal ? { signal: deps.signal } : {}),
      });
      const verdict = await probeNetwork(toFetch, {
        fetches,
        isLikelyBlocked: blockedFromVantage(options.region.vantage, regionInputs),
        ...(deps.lookup ? { lookup: deps.lookup } : {}),
        ...(deps.signal ? { signal: deps.signal } : {}),
      });
      switch (verdict.kind) {
        // Stopped during the probe ('interrupted'): nothing was judged, but its sampled targets
        // were in flight, which the check loop records as it does for any interrupt.
        case 'up':
        case 'interrupted':
          await checkEverywhere(
            toFetch,
            checkContextFor(options, { fetches, slots, results, deps }),
            {
              parallel: options.parallel,
              concurrency: options.transport.concurrency,
              // A test's own transport or DNS lives in this thread and cannot be handed over.
              canUseWorkers: deps.dispatcher === undefined && deps.lookup === undefined,
              ...(deps.onWorkerCrash ? { onWorkerCrash: deps.onWorkerCrash } : {}),
              ...(deps.workerCrash ? { crash: deps.workerCrash } : {}),
            },
          );
          // Only with the network up, and only for links this run checked (never cached ones).
          if (deps.isArchiveLookupOn === true && deps.signal?.aborted !== true) {
            const targetUrls = new Map(toFetch.map((target) => [target.id, target.url]));
            archivedCopies = await lookUpArchives(
              [...results.values()],
              (id) => targetUrls.get(id),
              {
                fetch: archiveFetchOver(fetches),
                ...(deps.cachedArchivedCopy ? { cached: deps.cachedArchivedCopy } : {}),
              },
            );
          }
          break;
        case 'down':
          networkDown = {
            message: verdict.message,
            hostsTried: verdict.hostsTried.length,
            failure: verdict.failure,
          };
          deps.onNetworkDown?.(verdict);
          for (const target of toFetch) {
            results.set(target.id, networkDownResult(target.id, deps.now().toISOString()));
          }
          break;
        default:
          assertNever(verdict);
      }
    } finally {
      await transport.close();
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
      vantage: options.report.vantage,
      startedAt: startedAt.toISOString(),
      finishedAt: deps.now().toISOString(),
      isPartial: isInterrupted || networkDown !== undefined,
      networkDown,
      shard: options.selection.shard,
    },
    suggested.byResource,
  );
  const report = assessRegions(attachArchivedCopies(built, archivedCopies), regionInputs);
  // `-o -`: no files; the command prints report.json on stdout.
  const writtenFiles =
    options.report.out === undefined
      ? []
      : await writeReports(
          options.report.out,
          renderReports(report, options.report.formats, {
            history: options.report.formats.has('html')
              ? await readHistoryBeside(options.report.out, options.report.lang)
              : undefined,
            failOn: options.report.failOn,
            lang: options.report.lang,
            file: deps.roadmapRepositoryPath ?? loaded.file,
            roadmapText: loaded.text,
          }),
          options.report.lang,
        );
  return {
    report,
    writtenFiles,
    isNetworkDown: networkDown !== undefined,
    failingCount: countFailing(report, options.report.failOn),
  };
}

/** Downloads a `--region-rules` URL with the run's transport settings and a short-lived dispatcher. */
async function downloadRulesText(
  url: URL,
  options: ResolvedOptions,
  deps: RunDeps,
): Promise<string> {
  const transport = await openTransport(options, deps);
  try {
    return await downloadText(url, options.fetch, transport.dispatcher, options.report.lang);
  } finally {
    await transport.close();
  }
}

/** The run's transport, or the injected one; the caller closes it in `finally`. */
function openTransport(options: ResolvedOptions, deps: RunDeps): Promise<RunDispatcher> {
  return openRunDispatcher(
    {
      settings: options.transport.dispatcher,
      caFile: options.transport.caFile,
      lang: options.report.lang,
    },
    deps.dispatcher,
    deps.lookup,
  );
}
