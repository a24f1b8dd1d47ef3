/**
 * The physical lower bound of a check run on the farm. The formula for N links over H
 * hosts, at most c in flight per host and G overall, latency L, is
 * max(ceil(N/(H·c))·L, ceil(N/G)·L). The farm's mixed answers add work no checker can avoid: a
 * redirect is two requests, a 500-then-200 is two requests with a wait between, a slow answer
 * holds its slot for `slowMs`. So the bound here is, per host h with n_h URLs and slot-time W_h,
 * max(ceil(n_h/c)·L, W_h/c, the longest single chain on h), and overall
 * max(ceil(N/G)·L, W/G); for the all-200 mix it is exactly the formula.
 */
import { URL } from 'node:url';

/** Slot-time one URL of this kind needs (ms), and the shortest time from start to answer. */
export function costOf(kind, { latencyMs, slowMs, retryWaitMs, timeoutMs }) {
  switch (kind) {
    case 'ok':
    case 'big':
    case '404':
      return { workMs: latencyMs, chainMs: latencyMs };
    case 'moved':
    case 'found':
      return { workMs: 2 * latencyMs, chainMs: 2 * latencyMs };
    case 'flaky':
      // The wait before the retry holds no socket, but the answer cannot come sooner.
      return { workMs: 2 * latencyMs, chainMs: 2 * latencyMs + retryWaitMs };
    case 'slow':
      return { workMs: slowMs, chainMs: slowMs };
    case 'hang':
      // Never answered: a checker must wait one attempt's deadline before it can say so, the
      // slowest wait no policy avoids.
      return { workMs: timeoutMs, chainMs: timeoutMs };
    default:
      throw new Error(`unknown kind "${kind}"`);
  }
}

/**
 * The lower bound (ms) for checking a case's distinct URLs with `perHost` (c) and `concurrency`
 * (G); also returns the plain formula as `simpleMs` for comparison.
 */
export function lowerBound(
  resources,
  { perHost, concurrency, latencyMs, slowMs, retryWaitMs, timeoutMs },
) {
  const cost = { latencyMs, slowMs, retryWaitMs, timeoutMs };
  const hosts = new Map();
  const seen = new Set();
  let totalWorkMs = 0;
  for (const resource of resources) {
    if (seen.has(resource.url)) continue;
    seen.add(resource.url);
    const { workMs, chainMs } = costOf(resource.kind, cost);
    const host = new URL(resource.url).host;
    const entry = hosts.get(host) ?? { count: 0, workMs: 0, chainMs: 0 };
    entry.count += 1;
    entry.workMs += workMs;
    entry.chainMs = Math.max(entry.chainMs, chainMs);
    hosts.set(host, entry);
    totalWorkMs += workMs;
  }
  const distinct = seen.size;
  let perHostMs = 0;
  for (const entry of hosts.values()) {
    perHostMs = Math.max(
      perHostMs,
      Math.ceil(entry.count / perHost) * latencyMs,
      entry.workMs / perHost,
      entry.chainMs,
    );
  }
  const globalMs = Math.max(
    Math.ceil(distinct / concurrency) * latencyMs,
    totalWorkMs / concurrency,
  );
  const hostCount = Math.max(1, hosts.size);
  const simpleMs = Math.max(
    Math.ceil(distinct / (hostCount * perHost)) * latencyMs,
    Math.ceil(distinct / concurrency) * latencyMs,
  );
  return { boundMs: Math.round(Math.max(perHostMs, globalMs)), simpleMs, distinct };
}
