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
  acceptFor: AcceptOptions['acceptFor'];
  failOn: FailOn;
  probeSettings: ResolvedOptions['probes'];
  /** Filled in as results arrive. */
  results: Map<string, CheckResult>;
  deps: RunDeps;
};

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

  await Promise.all(targets.map(checkOne));
}

/** The targets' URLs, those a resource names before those only mirrors (or suggestions) name. */
function byImportance(targets: readonly CheckTarget[]): URL[] {
  const isResource = (target: CheckTarget): boolean =>
    target.refs.some((ref) => ref.role === 'resource');
  return [...targets.filter(isResource), ...targets.filter((target) => !isResource(target))].map(
    (target) => target.url,
  );
}
