import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    restoreMocks: true,
    clearMocks: true,
    testTimeout: 20_000,
    // Most test time is spent waiting on sockets, timers and child processes (the built CLI), not
    // on CPU: more workers than the 2 cores of a CI machine cut the wall time by almost half.
    maxWorkers: 4,
  },
});
