import { describe, expect, it } from 'vitest';
import type { CheckOutcome } from '../domain.js';
import type { Observation } from '../report/schema.js';
import { compareObservations } from './compare.js';

const at = '2026-11-28T03:00:00.000Z';
const ok = (pageTitle = 'Video'): Observation => ({
  outcome: { status: 'ok', reason: 'ok', httpStatus: 200 },
  pageTitle,
  checkedAt: at,
});
const failed = (outcome: CheckOutcome): Observation => ({ outcome, checkedAt: at });

/** One way a region's request can fail, as classify reports it. */
const blockingStyles: [string, Observation, string][] = [
  ['NXDOMAIN', failed({ status: 'broken', reason: 'nxdomain', errorCode: 'ENOTFOUND' }), 'dns'],
  [
    'a certificate for another name (poisoned DNS)',
    failed({ status: 'unreachable', reason: 'tls', errorCode: 'ERR_TLS_CERT_ALTNAME_INVALID' }),
    'dns',
  ],
  ['a private address', failed({ status: 'skipped', reason: 'private-address' }), 'dns'],
  [
    'a refused connection',
    failed({ status: 'unreachable', reason: 'refused', errorCode: 'ECONNREFUSED' }),
    'tcp',
  ],
  ['a reset', failed({ status: 'unreachable', reason: 'reset', errorCode: 'ECONNRESET' }), 'tcp'],
  ['a timeout', failed({ status: 'unreachable', reason: 'timeout' }), 'tcp'],
  ['a refused proxy tunnel', failed({ status: 'unreachable', reason: 'proxy' }), 'tcp'],
  [
    'a reset TLS handshake',
    failed({ status: 'unreachable', reason: 'tls', errorCode: 'ECONNRESET' }),
    'tls',
  ],
  [
    'HTTP 451',
    failed({ status: 'broken', reason: 'http-client-error', httpStatus: 451 }),
    'http-diff',
  ],
  [
    'a 403 from the server',
    failed({ status: 'unverified', reason: 'forbidden', httpStatus: 403 }),
    'http-diff',
  ],
];

describe('compareObservations', () => {
  it.each(blockingStyles)('global ok, region fails with %s → blocked', (_, regional, blocking) => {
    const comparison = compareObservations(regional, ok());
    expect(comparison).toMatchObject({ kind: 'blocked', blocking });
  });

  it.each(blockingStyles)(
    'global fails too, region fails with %s → inconclusive: the link itself is bad',
    (_, regional) => {
      const comparison = compareObservations(
        regional,
        failed({ status: 'broken', reason: 'http-404', httpStatus: 404 }),
      );
      expect(comparison.kind).toBe('inconclusive');
      expect('note' in comparison ? comparison.note : '').toMatch(/the link itself is bad/);
    },
  );

  it.each(blockingStyles)(
    'no global observation, region fails with %s → inconclusive (a dead link looks the same)',
    (_, regional) => {
      const comparison = compareObservations(regional, undefined);
      expect(comparison.kind).toBe('inconclusive');
      expect('note' in comparison ? comparison.note : '').toMatch(/dead link/);
    },
  );

  it.each<[string, Observation]>([
    ['rate limited', failed({ status: 'unverified', reason: 'rate-limited', httpStatus: 429 })],
    ['a 503', failed({ status: 'unreachable', reason: 'server-error', httpStatus: 503 })],
    ['a resolver timeout', failed({ status: 'unreachable', reason: 'dns-temporary' })],
    ['a bot wall', failed({ status: 'unverified', reason: 'bot-wall', httpStatus: 403 })],
  ])('global ok, region %s → inconclusive (transient, not blocking)', (_, regional) => {
    expect(compareObservations(regional, ok()).kind).toBe('inconclusive');
  });

  it.each<[string, Observation | undefined, string]>([
    ['global ok, same title', ok(), 'open'],
    ['no global observation', undefined, 'open'],
    ['global failed', failed({ status: 'unreachable', reason: 'timeout' }), 'open'],
    [
      'global ok without a title',
      { outcome: { status: 'ok', reason: 'ok', httpStatus: 200 }, checkedAt: at },
      'open',
    ],
    ['global ok, another title: a block page', ok('Another page'), 'blocked'],
  ])('region ok, %s → %s', (_, global, kind) => {
    expect(compareObservations(ok(), global).kind).toBe(kind);
  });

  it('ignores case and spacing when comparing titles', () => {
    expect(compareObservations(ok('My  Video'), ok('my video')).kind).toBe('open');
  });

  it('says nothing without an observation from the region', () => {
    expect(compareObservations(undefined, ok())).toEqual({ kind: 'unobserved' });
  });
});
