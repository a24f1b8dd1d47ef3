import { describe, expect, it } from 'vitest';
import {
  createProgressReporter,
  formatProgress,
  PLAIN_INTERVAL_MS,
  type RunProgress,
} from './progress.js';

const progress = (done: number, overrides: Partial<RunProgress> = {}): RunProgress => ({
  done,
  total: 10,
  failing: 1,
  activeHosts: 3,
  startedAtMs: 0,
  latest: undefined,
  ...overrides,
});

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { isTTY, columns: 200, writes, write: (text: string) => writes.push(text) };
}

describe('formatProgress', () => {
  it('shows done/total, failing, hosts and an ETA from the pace so far', () => {
    expect(formatProgress(progress(4), 8_000)).toBe(
      'checked 4/10 (40%), 1 failing, 3 hosts in flight, ETA 12s',
    );
  });
  it('counts one host in flight in the singular', () => {
    expect(formatProgress(progress(10, { activeHosts: 1 }), 8_000)).toBe(
      'checked 10/10 (100%), 1 failing, 1 host in flight',
    );
  });
  it('drops the ETA when done', () => {
    expect(formatProgress(progress(10), 8_000)).toBe(
      'checked 10/10 (100%), 1 failing, 3 hosts in flight',
    );
  });
});

describe('createProgressReporter', () => {
  it('rewrites one live line on a terminal and clears it at the end', () => {
    const stream = fakeStream(true);
    const reporter = createProgressReporter(stream, 'normal', () => 1_000);
    reporter.onProgress(progress(1));
    reporter.onProgress(progress(2));
    reporter.finish();
    expect(stream.writes).toHaveLength(3);
    expect(stream.writes.every((text) => text.startsWith('\r\x1b[2K'))).toBe(true);
    expect(stream.writes.some((text) => text.includes('\n'))).toBe(false);
  });

  it('prints a plain line at most every few seconds when not a terminal (CI), and the last one', () => {
    const stream = fakeStream(false);
    let now = PLAIN_INTERVAL_MS;
    const reporter = createProgressReporter(stream, 'normal', () => now);
    reporter.onProgress(progress(1));
    now += 100;
    reporter.onProgress(progress(2));
    now += PLAIN_INTERVAL_MS;
    reporter.onProgress(progress(3));
    now += 10;
    reporter.onProgress(progress(10));
    expect(stream.writes.map((text) => text.slice(0, 12))).toEqual([
      'checked 1/10',
      'checked 3/10',
      'checked 10/1',
    ]);
    expect(stream.writes.every((text) => text.endsWith('\n') && !text.includes('\r'))).toBe(true);
  });

  it('prints nothing when quiet', () => {
    const stream = fakeStream(true);
    const reporter = createProgressReporter(stream, 'quiet', () => 0);
    reporter.onProgress(progress(10));
    reporter.finish();
    expect(stream.writes).toEqual([]);
  });
});
