/** Events of a made-up run, for the progress tests. */
import type { CheckResult } from '../../src/domain.js';
import type { ProgressEvent } from '../../src/progress/state.js';

/** A judged target: ok, or failing `failingRefs` roadmap entries. */
export function checked(targetId: string, failingRefs = 0): ProgressEvent {
  const result: CheckResult =
    failingRefs === 0
      ? { status: 'ok', reason: 'ok', httpStatus: 200, ...observed(targetId) }
      : { status: 'broken', reason: 'http-404', httpStatus: 404, ...observed(targetId) };
  return { kind: 'target-checked', result, failingRefs };
}

function observed(targetId: string) {
  return { targetId, hops: [], durationMs: 10, checkedAt: '2026-01-01T00:00:00.000Z' };
}

/** The events of fetch `fetchId` of `url`, one attempt of three at a time. */
export function fetchOf(fetchId: number, url: string) {
  const identity = { fetchId, url, host: new URL(url).hostname };
  return {
    started: (attempt = 1): ProgressEvent => ({
      kind: 'attempt-started',
      attempt,
      maxAttempts: 3,
      ...identity,
    }),
    ended: (attempt = 1): ProgressEvent => ({ kind: 'attempt-ended', attempt, ...identity }),
    finished: (): ProgressEvent => ({ kind: 'fetch-finished', ...identity }),
  };
}

/** The run: 54 targets on 10 hosts, all sent at once; 53 answer by 1 s, one never does. */
export function stuckRunEvents(): { atMs: number; event: ProgressEvent }[] {
  const events: { atMs: number; event: ProgressEvent }[] = [
    { atMs: 0, event: { kind: 'targets-planned', total: 54 } },
  ];
  const slow = fetchOf(54, 'https://slow.example/x');
  events.push({ atMs: 10, event: slow.started() });
  const fast = Array.from({ length: 53 }, (_, index) => ({
    id: `https://fast${String(index % 9)}.example/${String(index)}`,
    fetch: fetchOf(index + 1, `https://fast${String(index % 9)}.example/${String(index)}`),
  }));
  for (const { fetch } of fast) events.push({ atMs: 10, event: fetch.started() });
  for (const { id, fetch } of fast) {
    events.push({ atMs: 1_000, event: fetch.ended() });
    events.push({ atMs: 1_000, event: fetch.finished() });
    events.push({ atMs: 1_000, event: checked(id) });
  }
  return events;
}
