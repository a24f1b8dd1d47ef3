import { describe, expect, it } from 'vitest';
import { checked, fetchOf, stuckRunEvents } from '../../test/helpers/progress-events.js';
import { createProgressState, type ProgressEvent } from './state.js';

function stateAfter(events: readonly { atMs: number; event: ProgressEvent }[]) {
  const state = createProgressState();
  for (const { atMs, event } of events) state.apply(event, atMs);
  return state;
}

describe('createProgressState', () => {
  it('counts the requests out and their hosts from the attempts, before any target is done', () => {
    const events: { atMs: number; event: ProgressEvent }[] = [
      { atMs: 0, event: { kind: 'targets-planned', total: 20 } },
    ];
    for (let id = 1; id <= 9; id += 1) {
      events.push({
        atMs: 5,
        event: fetchOf(id, `https://h${String(id % 3)}.test/${String(id)}`).started(),
      });
    }
    const snapshot = stateAfter(events).snapshot(100);
    expect(snapshot).toMatchObject({ done: 0, total: 20, requestsOut: 9, hostsOut: 3 });
    expect(snapshot.estimate).toEqual({ kind: 'unknown' });
  });

  it('no longer counts a request out once its attempt ended, but still waits on its fetch', () => {
    const slow = fetchOf(1, 'https://slow.example/x');
    const state = stateAfter([
      { atMs: 0, event: { kind: 'targets-planned', total: 1 } },
      { atMs: 1_000, event: slow.started(1) },
      { atMs: 21_000, event: slow.ended(1) },
    ]);
    expect(state.snapshot(22_000)).toEqual({
      done: 0,
      total: 1,
      failing: 0,
      requestsOut: 0,
      hostsOut: 0,
      estimate: {
        kind: 'waiting',
        pending: [
          {
            url: 'https://slow.example/x',
            waitedMs: 21_000,
            attempt: 1,
            maxAttempts: 3,
            isRequestOut: false,
          },
        ],
      },
    });
    state.apply(slow.started(2), 23_000);
    expect(state.snapshot(42_000).estimate).toMatchObject({
      pending: [{ waitedMs: 41_000, attempt: 2, isRequestOut: true }],
    });
    state.apply(slow.finished(), 43_000);
    state.apply(checked('https://slow.example/x', 2), 43_000);
    expect(state.snapshot(43_000)).toMatchObject({ done: 1, failing: 2, requestsOut: 0 });
    expect(state.snapshot(43_000).estimate).toEqual({ kind: 'unknown' });
  });

  it('estimates from the pace while targets are still queued', () => {
    const events: { atMs: number; event: ProgressEvent }[] = [
      { atMs: 0, event: { kind: 'targets-planned', total: 10 } },
      { atMs: 0, event: fetchOf(5, 'https://a.test/5').started() },
    ];
    for (const id of ['1', '2', '3', '4']) events.push({ atMs: 1_000, event: checked(id) });
    // 4 done in 8 s, 6 left of which only 1 is under way: 2 s each.
    expect(stateAfter(events).snapshot(8_000).estimate).toEqual({
      kind: 'pace',
      remainingMs: 12_000,
    });
  });

  it('waits instead of claiming an ETA when the one link left never answers (issue 10)', () => {
    const state = stateAfter(stuckRunEvents());
    const at1s = state.snapshot(1_000);
    const at62s = state.snapshot(62_100);
    expect(at62s).toMatchObject({ done: 53, total: 54, requestsOut: 1, hostsOut: 1 });
    expect(at62s.estimate).toEqual({
      kind: 'waiting',
      pending: [
        {
          url: 'https://slow.example/x',
          waitedMs: 62_090,
          attempt: 1,
          maxAttempts: 3,
          isRequestOut: true,
        },
      ],
    });
    expect(at1s.estimate).toMatchObject({ pending: [{ waitedMs: 990 }] });
  });

  it('lists what it waits on, longest first', () => {
    const state = stateAfter([
      { atMs: 0, event: { kind: 'targets-planned', total: 2 } },
      { atMs: 3_000, event: fetchOf(1, 'https://b.test/').started() },
      { atMs: 1_000, event: fetchOf(2, 'https://a.test/').started() },
    ]);
    const estimate = state.snapshot(10_000).estimate;
    expect(estimate.kind === 'waiting' && estimate.pending.map((fetch) => fetch.url)).toEqual([
      'https://a.test/',
      'https://b.test/',
    ]);
  });
});
