import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checked, fetchOf, stuckRunEvents } from '../../test/helpers/progress-events.js';
import { createProgressReporter, LIVE_INTERVAL_MS, PLAIN_INTERVAL_MS } from './reporter.js';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { isTTY, columns: 400, writes, write: (text: string) => writes.push(text) };
}

/** A reporter writing to a fake stream, on the fake clock (`columns` cuts the line). */
function reporterOn(
  isTTY: boolean,
  mode: Parameters<typeof createProgressReporter>[1] = 'normal',
  columns = 400,
) {
  const stream = { ...fakeStream(isTTY), columns };
  return { stream, reporter: createProgressReporter(stream, mode, () => Date.now()) };
}

/** Replays events at their times on the fake clock. */
function replay(
  reporter: ReturnType<typeof createProgressReporter>,
  events: ReturnType<typeof stuckRunEvents>,
) {
  for (const { atMs, event } of events) {
    vi.advanceTimersByTime(atMs - Date.now());
    reporter.onProgress(event);
  }
}

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('createProgressReporter on a terminal', () => {
  it('keeps redrawing the live line while the last link is stuck, naming it (issue 10)', () => {
    const { stream, reporter } = reporterOn(true);
    replay(reporter, stuckRunEvents());
    const afterLastResult = stream.writes.length;
    vi.advanceTimersByTime(61_000);
    expect(stream.writes.length - afterLastResult).toBe(61_000 / LIVE_INTERVAL_MS);
    expect(stream.writes.at(-1)).toBe(
      '\r\x1b[2Kchecked 53/54 (98%), 0 failing, 1 request out on 1 host, waiting on 1: https://slow.example/x (1 min 1 s, attempt 1/3)',
    );
    expect(stream.writes.some((text) => text.includes('ETA 1 s'))).toBe(false);
    reporter.finish();
    expect(stream.writes.at(-1)).toBe('\r\x1b[2K');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('shows the first requests out as soon as they are out', () => {
    const { stream, reporter } = reporterOn(true);
    reporter.onProgress({ kind: 'targets-planned', total: 54 });
    for (let id = 1; id <= 9; id += 1) {
      reporter.onProgress(fetchOf(id, `https://h${String(id)}.test/`).started());
    }
    vi.advanceTimersByTime(LIVE_INTERVAL_MS);
    expect(stream.writes.at(-1)).toBe(
      '\r\x1b[2Kchecked 0/54 (0%), 0 failing, 9 requests out on 9 hosts',
    );
    reporter.finish();
  });

  it('cuts the line to the terminal width', () => {
    const { stream, reporter } = reporterOn(true, 'normal', 30);
    reporter.onProgress({ kind: 'targets-planned', total: 54 });
    expect(stream.writes.at(-1)).toBe('\r\x1b[2Kchecked 0/54 (0%), 0 failing,');
    reporter.finish();
  });
});

describe('createProgressReporter in CI (not a terminal)', () => {
  it('prints a plain line every 5 s, even when nothing finishes, and one at the end', () => {
    const { stream, reporter } = reporterOn(false);
    replay(reporter, stuckRunEvents());
    // Nothing yet: 1 s in, the first tick is at 5 s.
    expect(stream.writes).toEqual([]);
    vi.advanceTimersByTime(PLAIN_INTERVAL_MS * 12 - 1_000);
    expect(stream.writes).toHaveLength(12);
    expect(stream.writes[0]).toBe(
      'checked 53/54 (98%), 0 failing, 1 request out on 1 host, waiting on 1: https://slow.example/x (4 s, attempt 1/3)\n',
    );
    expect(stream.writes[11]).toContain('https://slow.example/x (59 s, attempt 1/3)');
    reporter.onProgress(fetchOf(54, 'https://slow.example/x').finished());
    reporter.onProgress(checked('https://slow.example/x', 1));
    expect(stream.writes.at(-1)).toBe('checked 54/54 (100%), 1 failing, no request out\n');
    expect(stream.writes.every((text) => text.endsWith('\n') && !text.includes('\r'))).toBe(true);
    // The last target stops the timer: no line after the final one.
    vi.advanceTimersByTime(PLAIN_INTERVAL_MS * 3);
    expect(stream.writes).toHaveLength(13);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('never keeps the process alive: its timer is unref’d', () => {
    const setIntervalSpy = vi.spyOn(globalThis, 'setInterval');
    const { reporter } = reporterOn(false);
    reporter.onProgress({ kind: 'targets-planned', total: 3 });
    const timer = setIntervalSpy.mock.results[0]?.value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
    reporter.finish();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('createProgressReporter verbosity', () => {
  it('prints every result as it arrives with --verbose', () => {
    const { stream, reporter } = reporterOn(false, 'verbose');
    reporter.onProgress({ kind: 'targets-planned', total: 2 });
    reporter.onProgress(checked('https://a.test/'));
    expect(stream.writes).toEqual(['ok          ok                 https://a.test/\n']);
    reporter.finish();
  });

  it('prints nothing and starts no timer when quiet', () => {
    const { stream, reporter } = reporterOn(true, 'quiet');
    replay(reporter, stuckRunEvents());
    vi.advanceTimersByTime(60_000);
    reporter.finish();
    expect(stream.writes).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
