import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    restoreMocks: true,
    clearMocks: true,
    // One test file per core. Most tests wait on sockets and timers, but the slowest files run
    // the built CLI, about a second of CPU per run: with more workers than cores, those runs
    // share the cores with each other, and on a loaded machine they stretched until tests hit
    // their timeouts (4 workers on 2 cores). A test never depends on how fast it runs.
    maxWorkers: Math.max(1, availableParallelism()),
    // What the slowest tests need on a loaded 2-core machine, with room to spare: at most three
    // CLI runs (each up to ~10 s of wall time there), or one generous fetch deadline waited out
    // (test/helpers/deadlines.ts). Reaching it means a hang, not a slow machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
