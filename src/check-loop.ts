/**
 * The check loop of one run: each target fetched, classified and, where a platform's page says
 * too little, probed; its result recorded and told to the progress line. An interrupt leaves
 * in-flight checks `interrupted` and unsent ones to the report (`not-started`).
 */
import type { CheckResult, CheckTarget, FetchOutcome } from './domain.js';
import { classifyOutcome } from './classify/classify.js';
import { isFailing } from './domain.js';
import { hasFetchStarted } from './fetch/network-failure.js';
import type { RunFetches } from './fetch/run-fetches.js';
import type { Slots } from './fetch/slots.js';
import type { ResolvedOptions } from './options.js';
import type { AcceptOptions } from './options/slices.js';
import type { FailOn } from './outcome/fail-on.js';
import { interruptedResult } from './outcome/unfetched.js';
import { applyProbe, isWorthProbing } from './probes/apply.js';
import { createProbeRunner, defaultProbes, probeTransportOver } from './probes/probe.js';
import { toProbeResponse } from './probes/probe-response.js';
import type { RunDeps } from './run.js';

/** What the check loop works with, built once per run by `runCheck`. */
export type CheckContext = {
  fetches: RunFetches;
  /** The run's slots, the same the fetches take: the links wait in them until they start. */
  slots: Slots;
  acceptFor: AcceptOptions['acceptFor'];
  failOn: FailOn;
  probeSettings: ResolvedOptions['probes'];
  /** Filled in as results arrive. */
  results: Map<string, CheckResult>;
  deps: RunDeps;
};

/**
 * A check context from the run's options and what the run built: the main thread and every
 * worker (workers/check-worker.ts) take the option slices the same way.
 */
export function checkContextFor(
  options: Pick<ResolvedOptions, 'accept' | 'report' | 'probes'>,
  built: Omit<CheckContext, 'acceptFor' | 'failOn' | 'probeSettings'>,
): CheckContext {
  return {
    ...built,
    acceptFor: options.accept.acceptFor,
    failOn: options.report.failOn,
    probeSettings: options.probes,
  };
}

export async function checkTargets(
  targets: readonly CheckTarget[],
  context: CheckContext,
): Promise<void> {
  const { fetches, results, deps } = context;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
  const probeRunner = createProbeRunner(
    defaultProbes(context.probeSettings, {
      ...(deps.apiValidators ? { validators: deps.apiValidators } : {}),
    }),
    probeTransportOver(fetches),
    // Resources before mirrors: a probe with a scarce quota spends it where it matters most.
    { urls: byImportance(targets), session: { sleep, now: () => deps.now().getTime() } },
  );

  // A function, not a narrowed property read: the signal flips while a fetch is in flight.
  const isAborted = (): boolean => deps.signal?.aborted === true;
  // Interrupted in flight (a request was sent): `interrupted`, with what it had done. A check
  // the interrupt came before is left out, and the report says it was `not-started`.
  const recordInterrupted = (target: CheckTarget, fetched: FetchOutcome): void => {
    if (!hasFetchStarted(fetched)) return;
    results.set(target.id, interruptedResult(target.id, fetched, deps.now().toISOString()));
  };
  const checkOne = async (target: CheckTarget): Promise<void> => {
    // Asked even after an interrupt: the fetches know which were in flight and which never began.
    const fetched = await fetches.target(target);
    // An aborted check says nothing about the link, whatever its fetch returned.
    if (isAborted()) {
      recordInterrupted(target, fetched);
      return;
    }
    const classified = classifyOutcome(fetched, target.url, context.acceptFor(target.url.hostname));
    // Page-reading probes (WeChat, Baidu Netdisk, Zhihu) judge the page fetched above.
    const page = fetched.kind === 'response' ? toProbeResponse(fetched) : undefined;
    const verdict = isWorthProbing(classified.outcome)
      ? await probeRunner.probe(target.url, page)
      : undefined;
    if (isAborted()) {
      recordInterrupted(target, fetched);
      return;
    }
    const watchPage = fetched.kind === 'response' ? fetched.body : undefined;
    const { outcome, pageTitle, findings } = applyProbe(classified, verdict, watchPage);
    const result: CheckResult = {
      ...outcome,
      targetId: target.id,
      hops: fetched.hops,
      durationMs: fetched.durationMs,
      checkedAt: deps.now().toISOString(),
      ...(pageTitle === undefined ? {} : { pageTitle }),
      ...(findings === undefined ? {} : { findings }),
    };
    results.set(target.id, result);
    deps.onProgress?.({
      kind: 'target-checked',
      result,
      failingRefs: isFailing(result, context.failOn, findings) ? target.refs.length : 0,
    });
  };

  await checkQueued(targets, context.slots, checkOne);
}

/**
 * Checks every target under the run's slots: each host's targets wait as a plain list and start
 * one at a time as the host and the run have room (`Slots.enqueue`), so no promise exists for
 * a link before it starts. Settles when every check has; rejects with the first bug (results
 * are data, so only a bug throws), after which no further link starts once it is seen.
 */
export function checkQueued(
  targets: readonly CheckTarget[],
  slots: Slots,
  check: (target: CheckTarget) => Promise<void>,
): Promise<void> {
  const byHost = new Map<string, CheckTarget[]>();
  for (const target of targets) {
    const host = target.url.hostname;
    const queued = byHost.get(host);
    if (queued === undefined) byHost.set(host, [target]);
    else queued.push(target);
  }
  return new Promise<void>((resolve, reject) => {
    let unfinished = targets.length;
    let hasFailed = false;
    if (unfinished === 0) resolve();
    const finished = (): void => {
      unfinished -= 1;
      if (unfinished === 0) resolve();
    };
    const failed = (error: unknown): void => {
      hasFailed = true;
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    for (const [host, queued] of byHost) {
      let next = 0;
      slots.enqueue(host, () => {
        if (hasFailed || next === queued.length) return false;
        const target = queued[next] as CheckTarget;
        next += 1;
        check(target).then(finished, failed);
        return true;
      });
    }
  });
}

/** The targets' URLs, those a resource names before those only mirrors (or suggestions) name. */
function byImportance(targets: readonly CheckTarget[]): URL[] {
  const isResource = (target: CheckTarget): boolean =>
    target.refs.some((ref) => ref.role === 'resource');
  return [...targets.filter(isResource), ...targets.filter((target) => !isResource(target))].map(
    (target) => target.url,
  );
}
