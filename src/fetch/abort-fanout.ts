/**
 * Passes one run-wide cancellation on to many short-lived attempts. Node's EventTarget checks
 * every listener for a duplicate on `addEventListener`, so hundreds of requests in flight each
 * listening to the run's signal made every new request pay for all the others; here the signal
 * has one listener and the live callbacks sit in a Set. The fan-out is an object its owner makes
 * (`createRunFetches`, once per run), so the state lives exactly as long as the run's fetches.
 */

/** The run's cancellation, shared by its attempts. */
export type AbortFanout = {
  /**
   * Calls `onAborted` once when the signal aborts (at once if it already has), unless the
   * returned function was called first.
   */
  onAbort(onAborted: () => void): () => void;
};

/** A fan-out over `signal`; without a signal there is nothing to wait for. */
export function createAbortFanout(signal: AbortSignal | undefined): AbortFanout {
  if (signal === undefined) return { onAbort: () => () => undefined };
  const live = new Set<() => void>();
  let isListening = false;
  return {
    onAbort(onAborted) {
      if (signal.aborted) {
        onAborted();
        return () => undefined;
      }
      if (!isListening) {
        isListening = true;
        signal.addEventListener(
          'abort',
          () => {
            const callbacks = [...live];
            live.clear();
            for (const callback of callbacks) callback();
          },
          { once: true },
        );
      }
      // A wrapper per registration, so the same function registered twice is called twice.
      const callback = (): void => {
        onAborted();
      };
      live.add(callback);
      return () => {
        live.delete(callback);
      };
    },
  };
}
