import { describe, expect, it } from 'vitest';
import type { Reason, Status } from '../domain.js';
import { describeReason } from './reasons.js';

// Typed as a Record so that a reason added to domain.ts must be listed here too.
const STATUS_OF: Record<Reason, Status> = {
  ok: 'ok',
  'temporary-redirect': 'ok',
  accepted: 'ok',
  'permanent-redirect': 'redirected',
  'http-404': 'broken',
  'http-410': 'broken',
  'http-client-error': 'broken',
  nxdomain: 'broken',
  'soft-404': 'broken',
  'missing-fragment': 'broken',
  'parked-domain': 'broken',
  'too-many-redirects': 'broken',
  'redirect-loop': 'broken',
  'video-removed': 'broken',
  'invalid-url': 'broken',
  'content-removed': 'broken',
  'part-missing': 'broken',
  'notebook-missing': 'broken',
  timeout: 'unreachable',
  refused: 'unreachable',
  reset: 'unreachable',
  tls: 'unreachable',
  'dns-temporary': 'unreachable',
  proxy: 'unreachable',
  'server-error': 'unreachable',
  'network-error': 'unreachable',
  'bot-wall': 'unverified',
  'rate-limited': 'unverified',
  'auth-required': 'unverified',
  forbidden: 'unverified',
  'login-wall': 'unverified',
  'video-private': 'unverified',
  'embedding-disabled': 'unverified',
  'unavailable-in-region': 'unverified',
  'under-review': 'unverified',
  scheduled: 'unverified',
  'content-moved': 'unverified',
  excluded: 'skipped',
  'no-url': 'skipped',
  'unsupported-scheme': 'skipped',
  offline: 'skipped',
  'network-down': 'skipped',
  'private-address': 'skipped',
  interrupted: 'skipped',
};

const ALL_REASONS = Object.entries(STATUS_OF) as [Reason, Status][];

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
    ['skipped', 'network-down', {}, 'not checked: the network was unavailable'],
    [
      'unreachable',
      'server-error',
      { httpStatus: 503 },
      'HTTP 503: the server failed; try again later',
    ],
    ['unreachable', 'server-error', {}, 'the server failed; try again later'],
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
  ] as const)('%s %s %o → %s', (status, reason, extras, expected) => {
    expect(describeReason(status, reason, extras)).toBe(expected);
  });

  it.each(ALL_REASONS)('describes %s without falling back to the bare word', (reason, status) => {
    const sentence = describeReason(status, reason, {});
    expect(sentence).not.toContain(`(${reason})`);
    expect(sentence.length).toBeGreaterThan(10);
  });

  it('gives every reason its own sentence', () => {
    const sentences = ALL_REASONS.map(([reason, status]) => describeReason(status, reason, {}));
    expect(new Set(sentences).size).toBe(ALL_REASONS.length);
  });

  it.each([
    ['broken', 'http-418', { httpStatus: 418 }, 'HTTP 418: broken (http-418)'],
    ['unverified', 'captcha', {}, 'unverified (captcha)'],
    // Inherited object keys must not be taken for reasons.
    ['skipped', 'toString', {}, 'skipped (toString)'],
  ] as const)(
    'falls back to status and word for an unknown reason: %s %s',
    (status, reason, extras, expected) => {
      expect(describeReason(status, reason, extras)).toBe(expected);
    },
  );
});
