/**
 * Progress output for `check`: a live line on a terminal, a plain line every few seconds in CI
 * (where carriage returns make unreadable logs), nothing with --quiet. Formatting is pure;
 * the reporter only decides when to write.
 */
import type { CheckResult } from './domain.js';
import { plural } from './text/plural.js';

/** Progress of a run, reported after every finished target. */
export type RunProgress = {
  done: number;
  total: number;
  failing: number;
  /** Hosts with a request in flight right now. */
  activeHosts: number;
  startedAtMs: number;
  latest: CheckResult | undefined;
};

/** How often a non-terminal (CI log) gets a progress line. */
export const PLAIN_INTERVAL_MS = 5_000;

/** One progress line: done/total, failing so far, hosts in flight, and an ETA. */
export function formatProgress(progress: RunProgress, nowMs: number): string {
  const elapsedMs = nowMs - progress.startedAtMs;
  const percent = progress.total === 0 ? 100 : Math.floor((progress.done / progress.total) * 100);
  const remaining = progress.total - progress.done;
  const eta =
    progress.done === 0 || remaining === 0
      ? ''
      : `, ETA ${formatSeconds((elapsedMs / progress.done) * remaining)}`;
  return `checked ${progress.done}/${progress.total} (${percent}%), ${progress.failing} failing, ${plural(progress.activeHosts, 'host')} in flight${eta}`;
}

function formatSeconds(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return seconds < 60
    ? `${seconds}s`
    : `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
}

/** Where progress goes; a subset of a writable stream so tests can pass a fake. */
export type ProgressStream = { isTTY?: boolean; columns?: number; write(text: string): unknown };

/** Receives progress and writes it in the style the stream deserves. */
export type ProgressReporter = {
  onProgress: (progress: RunProgress) => void;
  /** Clears the live line so the summary starts on a clean line. */
  finish: () => void;
};

/** Builds the reporter for a verbosity and stream. */
export function createProgressReporter(
  stream: ProgressStream,
  verbosity: 'quiet' | 'normal' | 'verbose',
  nowMs: () => number,
): ProgressReporter {
  if (verbosity === 'quiet') return { onProgress: () => undefined, finish: () => undefined };
  const isLive = stream.isTTY === true;
  let lastPlainMs = 0;
  let hasLiveLine = false;
  return {
    onProgress(progress) {
      const now = nowMs();
      if (verbosity === 'verbose' && progress.latest !== undefined) {
        const latest = progress.latest;
        if (hasLiveLine) stream.write('\r\x1b[2K');
        stream.write(
          `${latest.status.padEnd(11)} ${latest.reason.padEnd(18)} ${latest.targetId}\n`,
        );
        hasLiveLine = false;
      }
      const line = formatProgress(progress, now);
      if (isLive) {
        const width = Math.max(20, (stream.columns ?? 100) - 1);
        stream.write(`\r\x1b[2K${line.slice(0, width)}`);
        hasLiveLine = true;
      } else if (now - lastPlainMs >= PLAIN_INTERVAL_MS || progress.done === progress.total) {
        stream.write(`${line}\n`);
        lastPlainMs = now;
      }
    },
    finish() {
      if (hasLiveLine) stream.write('\r\x1b[2K');
      hasLiveLine = false;
    },
  };
}
