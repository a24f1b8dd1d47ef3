/**
 * A check worker thread's entry (`--workers`): checks its share of a run's links over its own
 * dispatcher and slots with the same check loop as the main thread, and posts each result as
 * it is judged. Like cli.ts it is an entry point, the only other place that reads its
 * environment (the `workerData` the main thread handed it); it writes nothing itself.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createApiValidators } from '../cache/api-validators.js';
import { checkContextFor, checkTargets } from '../check-loop.js';
import type { CheckResult } from '../domain.js';
import { openRunDispatcher } from '../fetch/dispatchers.js';
import { createRunFetches } from '../fetch/run-fetches.js';
import { createSlots } from '../fetch/slots.js';
import { resolveOptions } from '../options.js';
import type { ProgressEvent } from '../progress/state.js';
import { receivedTarget, type FromWorker, type WorkerStart } from './protocol.js';

const port = parentPort;
if (port === null) throw new Error('check-worker.js runs as a worker thread, not on its own');
const start = workerData as WorkerStart;
const post = (message: FromWorker): void => {
  port.postMessage(message);
};

const { flags, settings, env, roadmapLang } = start.options;
const options = resolveOptions(flags, settings, env, roadmapLang);
const abort = new AbortController();
// The only message the pool sends is 'abort' (ToWorker); a second kind must be told apart here.
port.on('message', () => {
  abort.abort();
});
// The listener alone must not keep the thread alive once its share is checked.
port.unref();

let checkedCount = 0;
const onProgress = (event: ProgressEvent): void => {
  post({ kind: 'event', event });
  if (event.kind !== 'target-checked') return;
  checkedCount += 1;
  if (checkedCount === start.crashAfterResults) {
    // Outside the check loop's promise chain, so it ends the thread as a real crash would.
    setImmediate(() => {
      throw new Error(`worker ${String(start.workerIndex)}: crash asked for by a test`);
    });
  }
};

const transport = await openRunDispatcher(
  {
    settings: options.transport.dispatcher,
    caFile: options.transport.caFile,
    lang: options.report.lang,
  },
  undefined,
  undefined,
);
try {
  const slots = createSlots(start.concurrency, options.transport.perHostFor);
  const now = (): Date => new Date();
  const fetches = createRunFetches(options.fetch, {
    dispatcher: transport.dispatcher,
    slots,
    ...(start.isObserved ? { onFetchEvent: onProgress } : {}),
    now: () => Date.now(),
    signal: abort.signal,
  });
  const apiValidators =
    start.apiValidators === undefined ? undefined : createApiValidators(start.apiValidators);
  const results = new Map<string, CheckResult>();
  await checkTargets(
    start.targets.map(receivedTarget),
    checkContextFor(options, {
      fetches,
      slots,
      results,
      deps: {
        toolVersion: '',
        now,
        signal: abort.signal,
        onProgress,
        ...(apiValidators ? { apiValidators } : {}),
      },
    }),
  );
  post({ kind: 'done', results: [...results.values()], apiValidators: apiValidators?.entries() });
} finally {
  await transport.close();
}
