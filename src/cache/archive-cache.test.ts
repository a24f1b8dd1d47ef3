import { describe, expect, it } from 'vitest';
import { loadReportFixture } from '../../test/fixtures/ci/fixtures.js';
import type { Report } from '../report/schema.js';
import {
  cachedArchivedCopy,
  NO_SNAPSHOT_KEPT_MS,
  SNAPSHOT_KEPT_MS,
  updateArchiveCache,
  type ArchiveCache,
} from './archive-cache.js';
import { parseResultCache, renderResultCache } from './result-cache.js';

const SNAPSHOT = 'https://web.archive.org/web/20240102030405/https://a.example.test/';
const LOOKED_UP = '2026-01-01T00:00:00.000Z';
const at = (iso: string): number => Date.parse(iso);
const later = (ms: number): number => at(LOOKED_UP) + ms;

const cache: ArchiveCache = {
  'https://a.example.test/': {
    kind: 'snapshot',
    url: SNAPSHOT,
    timestamp: '2024-01-02T03:04:05Z',
    lookedUpAt: LOOKED_UP,
  },
  'https://b.example.test/': { kind: 'none', reason: 'not-archived', lookedUpAt: LOOKED_UP },
};

describe('cachedArchivedCopy', () => {
  it.each([
    ['a snapshot within 30 days', 'https://a.example.test/', SNAPSHOT_KEPT_MS, true],
    ['a snapshot past 30 days', 'https://a.example.test/', SNAPSHOT_KEPT_MS + 1, false],
    ['"none" within 7 days', 'https://b.example.test/', NO_SNAPSHOT_KEPT_MS, true],
    [
      '"none" past 7 days, though a snapshot would stand',
      'https://b.example.test/',
      NO_SNAPSHOT_KEPT_MS + 1,
      false,
    ],
    ['an answer from the future', 'https://a.example.test/', -1, false],
  ])('%s → reused: %s', (_name, id, ageMs, isReused) => {
    expect(cachedArchivedCopy(cache, id, later(ageMs)) !== undefined).toBe(isReused);
  });

  it('gives the answer without its lookup time', () => {
    expect(cachedArchivedCopy(cache, 'https://b.example.test/', later(0))).toEqual({
      kind: 'none',
      reason: 'not-archived',
    });
  });
});

describe('updateArchiveCache', () => {
  const base = loadReportFixture();
  const withArchived = (archived: NonNullable<Report['results'][number]['archived']>): Report => ({
    ...base,
    results: [{ ...base.results[0]!, url: 'https://c.example.test/', archived }],
  });

  it('stores a new answer with the time of this run, and never an unanswered lookup', () => {
    const nowMs = later(1000);
    const found = updateArchiveCache(
      undefined,
      withArchived({ kind: 'snapshot', url: SNAPSHOT, timestamp: '2024-01-02T03:04:05Z' }),
      nowMs,
    );
    expect(found['https://c.example.test/']).toMatchObject({
      kind: 'snapshot',
      lookedUpAt: new Date(nowMs).toISOString(),
    });
    const limited = updateArchiveCache(
      undefined,
      withArchived({ kind: 'unanswered', reason: 'rate-limited', detail: 'HTTP 429' }),
      nowMs,
    );
    expect(limited).toEqual({});
  });

  it('keeps the first lookup time of an answer reused from the cache, and drops stale ones', () => {
    const nowMs = later(NO_SNAPSHOT_KEPT_MS + 1);
    const updated = updateArchiveCache(cache, { ...base, results: [] }, nowMs);
    expect(Object.keys(updated)).toEqual(['https://a.example.test/']);
    expect(updated['https://a.example.test/']?.lookedUpAt).toBe(LOOKED_UP);
  });

  it('round-trips through the cache file', () => {
    const text = renderResultCache({ schemaVersion: 1, entries: {}, archive: cache });
    expect(parseResultCache(text)?.archive).toEqual(cache);
    expect(renderResultCache({ schemaVersion: 1, entries: {} })).not.toContain('archive');
  });
});
