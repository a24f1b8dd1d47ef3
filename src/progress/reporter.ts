/**
 * Progress output for `check`: a live line on a terminal, redrawn every second and whenever a
 * target is judged; a plain line every 5 s when stderr is not a terminal (CI logs, where
 * carriage returns are unreadable), and one when the last target is judged; nothing with
 * --quiet. The facts come from the run's events (state.ts), the words from render.ts; this
 * module only decides when to write. Its timers are unref'd: they never keep the process alive.
 */
import { assertNever } from '../assert-never.js';
import type { Lang } from '../i18n/index.js';
import { renderProgressLine, renderResultLine, renderWorkersLine } from './render.js';
import { createProgressState, type ProgressEvent } from './state.js';

/** How often a non-terminal (CI log) gets a progress line; the README promises it. */
export const PLAIN_INTERVAL_MS = 5_000;

/** How often the live line on a terminal is redrawn, so waits and ages keep counting. */
export const LIVE_INTERVAL_MS = 1_000;

/** Where progress goes; a subset of a writable stream so tests can pass a fake. */
export type ProgressStream = { isTTY?: boolean; columns?: number; write(text: string): unknown };

/** Receives the run's events and writes progress in the style the stream deserves. */
export type ProgressReporter = {
  onProgress: (event: ProgressEvent) => void;
  /** Stops the timers and clears the live line, so the summary starts on a clean line. */
  finish: () => void;
};

/** Builds the reporter for a verbosity and stream; `nowMs` stamps the events. */
export function createProgressReporter(
  stream: ProgressStream,
  verbosity: 'quiet' | 'normal' | 'verbose',
  nowMs: () => number,
  lang: Lang = 'en',
): ProgressReporter {
  if (verbosity === 'quiet') return { onProgress: () => undefined, finish: () => undefined };
  const isLive = stream.isTTY === true;
  const state = createProgressState();
  let timer: ReturnType<typeof setInterval> | undefined;
  let hasLiveLine = false;

  const clearLiveLine = (): void => {
    if (hasLiveLine) stream.write('\r\x1b[2K');
    hasLiveLine = false;
  };
  const writeLine = (): void => {
    const line = renderProgressLine(state.snapshot(nowMs()), lang);
    if (isLive) {
      const width = Math.max(20, (stream.columns ?? 100) - 1);
      stream.write(`\r\x1b[2K${line.slice(0, width)}`);
      hasLiveLine = true;
    } else {
      stream.write(`${line}\n`);
    }
  };
  const stopTimer = (): void => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
  };

  return {
    onProgress(event) {
      state.apply(event, nowMs());
      switch (event.kind) {
        case 'targets-planned':
          stopTimer();
          timer = setInterval(writeLine, isLive ? LIVE_INTERVAL_MS : PLAIN_INTERVAL_MS);
          timer.unref();
          if (isLive) writeLine();
          break;
        case 'target-checked': {
          if (verbosity === 'verbose') {
            clearLiveLine();
            stream.write(`${renderResultLine(event.result)}\n`);
          }
          const isDone = state.isDone();
          if (isLive || isDone) writeLine();
          if (isDone) stopTimer();
          break;
        }
        case 'workers-started':
          if (verbosity === 'verbose') {
            clearLiveLine();
            stream.write(`${renderWorkersLine(event.workers, event.links, lang)}\n`);
          }
          break;
        case 'attempt-started':
        case 'attempt-ended':
        case 'fetch-finished':
          // They change the counts, which the next redraw shows: no write per attempt.
          break;
        default:
          assertNever(event);
      }
    },
    finish() {
      stopTimer();
      clearLiveLine();
    },
  };
}
