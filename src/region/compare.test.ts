import { describe, expect, it } from 'vitest';
import type { Observation } from '../report/schema.js';
import { compareObservations } from './compare.js';

const at = '2026-11-28T03:00:00.000Z';
const ok = (pageTitle = 'Video'): Observation => ({
  status: 'ok',
  reason: 'ok',
  httpStatus: 200,
  pageTitle,
  checkedAt: at,
});
const failed = (
  status: Observation['status'],
  reason: string,
  extra: Partial<Observation> = {},
): Observation => ({ status, reason, checkedAt: at, ...extra });

/** One way a region's request can fail, as classify reports it. */
const blockingStyles: [string, Observation, string][] = [
  ['NXDOMAIN', failed('broken', 'nxdomain', { errorCode: 'ENOTFOUND' }), 'dns'],
  [
    'a certificate for another name (poisoned DNS)',
    failed('unreachable', 'tls', { errorCode: 'ERR_TLS_CERT_ALTNAME_INVALID' }),
    'dns',
  ],
  ['a private address', failed('skipped', 'private-address'), 'dns'],
  ['a refused connection', failed('unreachable', 'refused', { errorCode: 'ECONNREFUSED' }), 'tcp'],
  ['a reset', failed('unreachable', 'reset', { errorCode: 'ECONNRESET' }), 'tcp'],
  ['a timeout', failed('unreachable', 'timeout'), 'tcp'],
  ['a refused proxy tunnel', failed('unreachable', 'proxy'), 'tcp'],
  ['a reset TLS handshake', failed('unreachable', 'tls', { errorCode: 'ECONNRESET' }), 'tls'],
  ['HTTP 451', failed('broken', 'http-client-error', { httpStatus: 451 }), 'http-diff'],
  ['a 403 from the server', failed('unverified', 'forbidden', { httpStatus: 403 }), 'http-diff'],
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
        failed('broken', 'http-404', { httpStatus: 404 }),
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
    ['rate limited', failed('unverified', 'rate-limited', { httpStatus: 429 })],
    ['a 503', failed('unreachable', 'server-error', { httpStatus: 503 })],
    ['a resolver timeout', failed('unreachable', 'dns-temporary')],
    ['a bot wall', failed('unverified', 'bot-wall', { httpStatus: 403 })],
  ])('global ok, region %s → inconclusive (transient, not blocking)', (_, regional) => {
    expect(compareObservations(regional, ok()).kind).toBe('inconclusive');
  });

  it.each<[string, Observation | undefined, string]>([
    ['global ok, same title', ok(), 'open'],
    ['no global observation', undefined, 'open'],
    ['global failed', failed('unreachable', 'timeout'), 'open'],
    ['global ok without a title', { status: 'ok', reason: 'ok', checkedAt: at }, 'open'],
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
