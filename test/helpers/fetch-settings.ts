import type { FetchSettings } from '../../src/fetch/http-client.js';

/** Fetch settings for tests: one attempt, short deadlines, a 1 KiB body cap unless overridden. */
export function testFetchSettings(overrides: Partial<FetchSettings> = {}): FetchSettings {
  return {
    timeoutMs: 1000,
    maxTimePerLinkMs: 60_000,
    maxRedirects: 3,
    maxBodyBytes: 1024,
    userAgent: 'curate-test',
    headersFor: () => ({}),
    retries: 0,
    retryBaseDelayMs: 100,
    maxRetryAfterMs: 5000,
    followMetaRefresh: true,
    ...overrides,
  };
}
