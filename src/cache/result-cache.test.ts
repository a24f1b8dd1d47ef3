import { describe, expect, it } from 'vitest';
import { loadReportFixture } from '../../test/fixtures/ci/fixtures.js';
import type { Report } from '../report/schema.js';
import {
  CACHE_FORGET_AFTER_MS,
  cachedResult,
  emptyResultCache,
  parseResultCache,
  renderResultCache,
  updateResultCache,
  type ResultCache,
} from './result-cache.js';

const HOUR_MS = 3_600_000;
const at = (iso: string) => Date.parse(iso);

const cache: ResultCache = {
  schemaVersion: 1,
  entries: {
    'https://a.example.test/': {
      reason: 'ok',
      httpStatus: 200,
      checkedAt: '2026-01-01T10:00:00.000Z',
    },
  },
};

describe('cachedResult', () => {
  it.each([
    ['a fresh entry', '2026-01-01T11:00:00.000Z', 2 * HOUR_MS, true],
    ['an entry exactly max-age old', '2026-01-01T12:00:00.000Z', 2 * HOUR_MS, true],
    ['an entry older than max-age', '2026-01-01T12:00:00.001Z', 2 * HOUR_MS, false],
    ['an entry from the future', '2026-01-01T09:00:00.000Z', 2 * HOUR_MS, false],
  ])('%s → reused: %s', (_name, now, maxAgeMs, isReused) => {
    const result = cachedResult(cache, 'https://a.example.test/', { nowMs: at(now), maxAgeMs });
    expect(result !== undefined).toBe(isReused);
  });

  it('says the result is cached and keeps the time of the real check', () => {
    const clock = { nowMs: at('2026-01-01T10:30:00.000Z'), maxAgeMs: HOUR_MS };
    expect(cachedResult(cache, 'https://a.example.test/', clock)).toEqual({
      status: 'ok',
      reason: 'ok',
      httpStatus: 200,
      targetId: 'https://a.example.test/',
      hops: [],
      durationMs: 0,
      checkedAt: '2026-01-01T10:00:00.000Z',
      isCached: true,
    });
    expect(cachedResult(cache, 'https://b.example.test/', clock)).toBeUndefined();
  });
});

describe('updateResultCache', () => {
  const report = loadReportFixture();
  const now = at(report.finishedAt);

  it('stores every ok link of a report under its normalised URL, and nothing else', () => {
    const updated = updateResultCache(emptyResultCache(), report, now);
    const okLinks = report.results
      .flatMap((result) => [result, ...result.mirrors])
      .filter((link) => link.outcome.status === 'ok');
    expect(Object.keys(updated.entries)).toHaveLength(okLinks.length);
    expect(updated.entries['https://video.example.test/playlist?list=PLZHQ']).toEqual({
      reason: 'ok',
      httpStatus: 200,
      checkedAt: '2026-11-28T03:00:01.500Z',
    });
  });

  it('forgets a link that fails now, keeps cached and skipped ones, drops very old entries', () => {
    const failing = report.results.find((result) => result.outcome.status === 'broken')!;
    const old: ResultCache = {
      schemaVersion: 1,
      entries: {
        [failing.url!]: { reason: 'ok', httpStatus: 200, checkedAt: report.startedAt },
        'https://ancient.example.test/': {
          reason: 'ok',
          httpStatus: 200,
          checkedAt: new Date(now - CACHE_FORGET_AFTER_MS - 1).toISOString(),
        },
      },
    };
    const cachedOnly: Report = { ...report, results: [] };
    expect(Object.keys(updateResultCache(old, cachedOnly, now).entries)).toEqual([failing.url]);
    expect(updateResultCache(old, report, now).entries[failing.url!]).toBeUndefined();
  });

  it("keeps mirrors' Bilibili session while it is fresh, and drops it when stale", () => {
    const session = (openedAtMs: number) => ({
      cookie: 'buvid3=B3',
      imgKey: 'img',
      subKey: 'sub',
      openedAt: new Date(openedAtMs).toISOString(),
    });
    const fresh = { ...emptyResultCache(), bilibiliSession: session(now - HOUR_MS) };
    expect(updateResultCache(fresh, report, now).bilibiliSession).toEqual(session(now - HOUR_MS));
    const stale = { ...emptyResultCache(), bilibiliSession: session(now - 13 * HOUR_MS) };
    expect(updateResultCache(stale, report, now)).not.toHaveProperty('bilibiliSession');
  });
});

describe('findings in the cache', () => {
  const report = loadReportFixture();
  const now = at(report.finishedAt);
  const okEntries = () =>
    report.results.filter((result) => result.outcome.status === 'ok' && result.url !== null);

  it('keeps what the platform said beside an ok, so a cached run still says it', () => {
    const withFindings = structuredClone(report);
    const [first] = withFindings.results.filter(
      (result) => result.outcome.status === 'ok' && result.url !== null,
    );
    const archived = {
      kind: 'archived',
      platform: 'github',
      since: '2024-01-02T03:04:05Z',
    } as const;
    first!.findings = [archived, { kind: 'title-drift', pageTitle: 'x', reason: 'y' }];
    const updated = updateResultCache(emptyResultCache(), withFindings, now);
    const key = new URL(first!.url!).href;
    // Title drift is recomputed from the page title when the report is built; not stored.
    expect(updated.entries[key]?.findings).toEqual([archived]);
    const reused = cachedResult(updated, key, { nowMs: now, maxAgeMs: HOUR_MS });
    expect(reused?.findings).toEqual([archived]);
    expect(parseResultCache(renderResultCache(updated))).toEqual(updated);
  });

  it('does not remember as ok a link whose API was never asked', () => {
    const unprobed = structuredClone(report);
    const [first] = unprobed.results.filter(
      (result) => result.outcome.status === 'ok' && result.url !== null,
    );
    first!.findings = [{ kind: 'unprobed', platform: 'github' }];
    const updated = updateResultCache(emptyResultCache(), unprobed, now);
    expect(Object.keys(updated.entries)).toHaveLength(
      okEntries().length +
        report.results.flatMap((result) => result.mirrors).filter((m) => m.outcome.status === 'ok')
          .length -
        1,
    );
    expect(updated.entries[new URL(first!.url!).href]).toBeUndefined();
  });
});

describe('API validators in the cache', () => {
  it('are written sorted, read back, and forgotten after 30 days like entries', () => {
    const report = loadReportFixture();
    const now = at(report.finishedAt);
    const fresh = { etag: 'W/"1"', body: '{}', checkedAt: report.finishedAt };
    const stale = {
      etag: 'W/"2"',
      body: '{}',
      checkedAt: new Date(now - CACHE_FORGET_AFTER_MS - 1).toISOString(),
    };
    const updated = updateResultCache(emptyResultCache(), report, now, {
      'https://api.github.com/repos/b/b': fresh,
      'https://api.github.com/repos/a/a': stale,
    });
    expect(updated.validators).toEqual({ 'https://api.github.com/repos/b/b': fresh });
    expect(parseResultCache(renderResultCache(updated))).toEqual(updated);
    // A file without validators (written before them) is still a cache.
    expect(parseResultCache(renderResultCache(emptyResultCache()))?.validators).toBeUndefined();
  });
});

describe('parseResultCache and renderResultCache', () => {
  it('round-trips with sorted keys', () => {
    const text = renderResultCache(cache);
    expect(parseResultCache(text)).toEqual(cache);
    expect(text.endsWith('\n')).toBe(true);
  });

  it.each(['not json', '{}', '{"schemaVersion":2,"entries":{}}', '[]'])('ignores %s', (text) => {
    expect(parseResultCache(text)).toBeUndefined();
  });
});
