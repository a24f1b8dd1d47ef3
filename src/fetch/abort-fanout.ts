/**
 * Passes one run-wide cancellation on to many short-lived attempts. Node's EventTarget checks
 * every listener for a duplicate on `addEventListener`, so hundreds of requests in flight each
 * listening to the run's signal made every new request pay for all the others; here the signal
 * has one listener and the live callbacks sit in a Set.
 */

const liveCallbacks = new WeakMap<AbortSignal, Set<() => void>>();

/**
 * Calls `onAborted` once when `signal` aborts (at once if it already has), unless the returned
 * function was called first. Without a signal there is nothing to wait for.
 */
export function onAbort(signal: AbortSignal | undefined, onAborted: () => void): () => void {
  if (signal === undefined) return () => undefined;
  if (signal.aborted) {
    onAborted();
    return () => undefined;
  }
  let live = liveCallbacks.get(signal);
  if (live === undefined) {
    const created = new Set<() => void>();
    signal.addEventListener(
      'abort',
      () => {
        const callbacks = [...created];
        created.clear();
        for (const callback of callbacks) callback();
      },
      { once: true },
    );
    liveCallbacks.set(signal, created);
    live = created;
  }
  // A wrapper per registration, so the same function registered twice is called twice.
  const callback = (): void => {
    onAborted();
  };
  const callbacks = live;
  callbacks.add(callback);
  return () => {
    callbacks.delete(callback);
  };
}
