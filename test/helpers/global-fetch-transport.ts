/**
 * The probes' transport on Node's global `fetch`, which msw/node intercepts: the asking probe's
 * headers go out, and the few headers the run's fetch keeps for probes come back.
 */
import type { ProbeTransport } from '../../src/probes/probe.js';

/** The response headers the run keeps for probes (see `KEPT_RESPONSE_HEADERS`). */
const KEPT = ['x-ratelimit-remaining', 'x-ratelimit-reset', 'x-error-code', 'etag'];

export const globalFetchTransport: ProbeTransport = async (url, headersFor) => {
  try {
    const response = await fetch(url, { redirect: 'follow', headers: { ...headersFor(url) } });
    const headers = Object.fromEntries(
      KEPT.flatMap((name) => {
        const value = response.headers.get(name);
        return value === null ? [] : [[name, value]];
      }),
    );
    return {
      kind: 'response',
      status: response.status,
      // msw leaves `url` empty on a mocked response that was not redirected.
      finalUrl: response.url === '' ? url.href : response.url,
      body: await response.text(),
      contentType: response.headers.get('content-type') ?? undefined,
      headers,
    };
  } catch (error) {
    return { kind: 'failure', reason: error instanceof Error ? error.message : String(error) };
  }
};
