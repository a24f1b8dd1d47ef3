import { describe, expect, it } from 'vitest';
import { abortWith } from './abort-fanout.js';

describe('abortWith', () => {
  it('aborts every following controller when the signal aborts', () => {
    const run = new AbortController();
    const first = new AbortController();
    const second = new AbortController();
    abortWith(run.signal, first);
    abortWith(run.signal, second);

    run.abort();

    expect([first.signal.aborted, second.signal.aborted]).toEqual([true, true]);
  });

  it('leaves a controller alone once it stopped following', () => {
    const run = new AbortController();
    const done = new AbortController();
    const live = new AbortController();
    abortWith(run.signal, done)();
    abortWith(run.signal, live);

    run.abort();

    expect([done.signal.aborted, live.signal.aborted]).toEqual([false, true]);
  });

  it('aborts at once when the signal has already aborted', () => {
    const run = new AbortController();
    run.abort();
    const late = new AbortController();

    abortWith(run.signal, late);

    expect(late.signal.aborted).toBe(true);
  });

  it('does nothing without a signal', () => {
    const controller = new AbortController();

    abortWith(undefined, controller)();

    expect(controller.signal.aborted).toBe(false);
  });
});
