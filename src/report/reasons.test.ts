import { describe, expect, it } from 'vitest';
import type { Reason } from '../domain.js';
import { REASONS_BY_STATUS, STATUSES } from '../outcome/model.js';
import { describeOutcome, describeReason } from './reasons.js';

// Every reason of the model, so a reason added there is described here too.
const ALL_REASONS: Reason[] = STATUSES.flatMap((status) => [...REASONS_BY_STATUS[status]]);

describe('describeReason', () => {
  it.each([
    ['broken', 'http-404', {}, 'HTTP 404: the page is gone'],
    ['broken', 'soft-404', {}, 'the page answers 200 but says it was not found'],
    ['broken', 'nxdomain', {}, 'the domain does not exist (NXDOMAIN)'],
    [
      'unverified',
      'bot-wall',
      {},
      'a bot wall (e.g. a Cloudflare challenge) would not let a checker in; open it in a browser',
    ],
    ['redirected', 'permanent-redirect', {}, 'moved permanently; use the new URL'],
    [
      'broken',
      'unsupported-redirect',
      { scheme: 'file' },
      'redirects to a file: URL, which no browser follows from a web page',
    ],
    [
      'broken',
      'redirected-to-home',
      { detail: 'redirected to https://example.test/' },
      "redirects to the site's home page: the page was removed; find where its content went — redirected to https://example.test/",
    ],
    ['skipped', 'network-down', {}, 'not checked: the network was unavailable'],
    [
      'unreachable',
      'server-error',
      { httpStatus: 503 },
      'HTTP 503: the server failed; try again later',
    ],
    ['unreachable', 'server-error', {}, 'the server failed; try again later'],
    [
      'unverified',
      'rate-limited',
      { httpStatus: 429, retryAfterSeconds: 86_400 },
      'HTTP 429: the site asked the checker to slow down (Retry-After: wait 24 h); try again later',
    ],
    [
      'unreachable',
      'server-error',
      { httpStatus: 503, retryAfterSeconds: 5400 },
      'HTTP 503: the server failed (Retry-After: wait 90 min); try again later',
    ],
    ['broken', 'http-client-error', { httpStatus: 451 }, 'HTTP 451: the server refuses this URL'],
    ['unreachable', 'reset', { errorCode: 'ECONNRESET' }, 'the connection was reset (ECONNRESET)'],
    [
      'broken',
      'invalid-url',
      { detail: 'Invalid URL' },
      'the URL as written cannot be parsed — Invalid URL',
    ],
    [
      'unreachable',
      'tls',
      { errorCode: 'CERT_HAS_EXPIRED', detail: 'certificate has expired' },
      'the secure connection failed (TLS certificate or handshake) (CERT_HAS_EXPIRED) — certificate has expired',
    ],
  ] as const)('%s %s %o → %s', (_status, reason, extras, expected) => {
    expect(describeReason(reason, extras)).toBe(expected);
  });

  it.each(ALL_REASONS)('describes %s without falling back to the bare word', (reason) => {
    const sentence = describeReason(reason);
    expect(sentence).not.toContain(`(${reason})`);
    expect(sentence.length).toBeGreaterThan(10);
  });

  it('gives every reason its own sentence', () => {
    const sentences = ALL_REASONS.map((reason) => describeReason(reason));
    expect(new Set(sentences).size).toBe(ALL_REASONS.length);
  });

  it('describes an outcome with its own status code, error code and detail', () => {
    expect(
      describeOutcome({ status: 'unreachable', reason: 'server-error', httpStatus: 502 }),
    ).toBe('HTTP 502: the server failed; try again later');
    expect(
      describeOutcome({
        status: 'broken',
        reason: 'nxdomain',
        errorCode: 'ENOTFOUND',
        detail: 'x',
      }),
    ).toBe('the domain does not exist (NXDOMAIN) (ENOTFOUND) — x');
  });
});
