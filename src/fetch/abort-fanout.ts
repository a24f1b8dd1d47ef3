/**
 * Passes one run-wide cancellation on to many short-lived controllers. Node's EventTarget checks
 * every listener for a duplicate on `addEventListener`, so hundreds of requests in flight each
 * listening to the run's signal made every new request pay for all the others; here the signal
 * has one listener and the live controllers sit in a Set.
 */

const liveControllers = new WeakMap<AbortSignal, Set<AbortController>>();

/**
 * Aborts `controller` when `signal` aborts (at once if it already has), until the returned
 * function is called. Without a signal there is nothing to follow.
 */
export function abortWith(
  signal: AbortSignal | undefined,
  controller: AbortController,
): () => void {
  if (signal === undefined) return () => undefined;
  if (signal.aborted) {
    controller.abort();
    return () => undefined;
  }
  let live = liveControllers.get(signal);
  if (live === undefined) {
    const created = new Set<AbortController>();
    signal.addEventListener(
      'abort',
      () => {
        for (const each of created) each.abort();
        created.clear();
      },
      { once: true },
    );
    liveControllers.set(signal, created);
    live = created;
  }
  const controllers = live;
  controllers.add(controller);
  return () => {
    controllers.delete(controller);
  };
}
