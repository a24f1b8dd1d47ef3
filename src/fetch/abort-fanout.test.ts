import { describe, expect, it } from 'vitest';
import { onAbort } from './abort-fanout.js';

describe('onAbort', () => {
  it('calls every registered callback once when the signal aborts', () => {
    const run = new AbortController();
    const calls: string[] = [];
    onAbort(run.signal, () => calls.push('first'));
    onAbort(run.signal, () => calls.push('second'));

    run.abort();
    run.abort();

    expect(calls).toEqual(['first', 'second']);
  });

  it('leaves out a callback whose registration was dropped', () => {
    const run = new AbortController();
    const calls: string[] = [];
    onAbort(run.signal, () => calls.push('done'))();
    onAbort(run.signal, () => calls.push('live'));

    run.abort();

    expect(calls).toEqual(['live']);
  });

  it('calls back at once when the signal has already aborted', () => {
    const run = new AbortController();
    run.abort();
    const calls: string[] = [];

    onAbort(run.signal, () => calls.push('late'));

    expect(calls).toEqual(['late']);
  });

  it('never calls back without a signal', () => {
    const calls: string[] = [];

    onAbort(undefined, () => calls.push('never'))();

    expect(calls).toEqual([]);
  });
});
