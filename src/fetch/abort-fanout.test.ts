import { describe, expect, it } from 'vitest';
import { createAbortFanout } from './abort-fanout.js';

describe('createAbortFanout', () => {
  it('calls every registered callback once when the signal aborts', () => {
    const run = new AbortController();
    const fanout = createAbortFanout(run.signal);
    const calls: string[] = [];
    fanout.onAbort(() => calls.push('first'));
    fanout.onAbort(() => calls.push('second'));

    run.abort();
    run.abort();

    expect(calls).toEqual(['first', 'second']);
  });

  it('leaves out a callback whose registration was dropped', () => {
    const run = new AbortController();
    const fanout = createAbortFanout(run.signal);
    const calls: string[] = [];
    fanout.onAbort(() => calls.push('done'))();
    fanout.onAbort(() => calls.push('live'));

    run.abort();

    expect(calls).toEqual(['live']);
  });

  it('calls back at once when the signal has already aborted', () => {
    const run = new AbortController();
    run.abort();
    const calls: string[] = [];

    createAbortFanout(run.signal).onAbort(() => calls.push('late'));

    expect(calls).toEqual(['late']);
  });

  it('never calls back without a signal', () => {
    const calls: string[] = [];

    createAbortFanout(undefined).onAbort(() => calls.push('never'))();

    expect(calls).toEqual([]);
  });

  it('listens on the signal once, however many attempts register', () => {
    const run = new AbortController();
    let listeners = 0;
    const addEventListener = run.signal.addEventListener.bind(run.signal);
    run.signal.addEventListener = (...args: Parameters<AbortSignal['addEventListener']>) => {
      listeners += 1;
      addEventListener(...args);
    };
    const fanout = createAbortFanout(run.signal);

    for (let index = 0; index < 100; index += 1) fanout.onAbort(() => undefined);

    expect(listeners).toBe(1);
  });
});
