import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from './parse.js';
import { renderJson } from './json.js';
import { REPORT_SCHEMA_VERSION, type ReportEntry } from './schema.js';
import { upgradeReportV1 } from './upgrade-v1.js';

const V1_DIR = new URL('../../test/fixtures/reports/v1/', import.meta.url);
const V1_FILES = readdirSync(V1_DIR).filter((name) => name.endsWith('.json'));

type FlatEntry = Record<string, unknown> & { mirrors?: FlatEntry[] };

function readV1(name: string): { text: string; data: { results: FlatEntry[] } } {
  const text = readFileSync(new URL(name, V1_DIR), 'utf8');
  return { text, data: JSON.parse(text) as { results: FlatEntry[] } };
}

/** The v1 outcome fields of an entry or observation, as v1 wrote them. */
function flatOutcome(flat: Record<string, unknown>): Record<string, unknown> {
  const keys = ['status', 'reason', 'httpStatus', 'finalUrl', 'errorCode', 'detail'];
  return Object.fromEntries(keys.filter((key) => key in flat).map((key) => [key, flat[key]]));
}

function expectSameEntry(v1: FlatEntry, v2: ReportEntry): void {
  expect(v2.outcome).toEqual(flatOutcome(v1));
  expect(v2.url).toBe(v1.url);
  expect(v2.line).toBe(v1.line);
  expect(v2.redirects).toEqual(v1.redirects);
  expect(v2.checkedAt).toBe(v1.checkedAt);
  expect(v2.pageTitle).toBe(v1.pageTitle);
  expect(v2.region).toEqual(v1.region);
  const observations = (v1.observations ?? {}) as Record<string, Record<string, unknown>>;
  expect(Object.keys(v2.observations ?? {})).toEqual(Object.keys(observations));
  for (const [vantage, seen] of Object.entries(observations)) {
    expect(v2.observations?.[vantage]).toEqual({
      outcome: flatOutcome(seen),
      ...(seen.pageTitle === undefined ? {} : { pageTitle: seen.pageTitle }),
      checkedAt: seen.checkedAt,
    });
  }
}

describe('reading a version 1 report', () => {
  it('has fixtures written by curate before version 2', () => {
    expect(V1_FILES.length).toBeGreaterThanOrEqual(4);
  });

  it.each(V1_FILES)('upgrades %s to the current version, entry by entry', (name) => {
    const { text, data } = readV1(name);
    const report = parseReport(text, name);
    expect(report.schemaVersion).toBe(REPORT_SCHEMA_VERSION);
    expect(report.results).toHaveLength(data.results.length);
    report.results.forEach((resource, index) => {
      const v1 = data.results[index] as FlatEntry;
      expect(resource.id).toBe(v1.id);
      expectSameEntry(v1, resource);
      expect(resource.mirrors).toHaveLength(v1.mirrors?.length ?? 0);
      resource.mirrors.forEach((mirror, at) => {
        expectSameEntry(v1.mirrors?.[at] as FlatEntry, mirror);
        expect(mirror.confirmed).toBe(v1.mirrors?.[at]?.confirmed);
      });
    });
    // The upgraded report is a valid current one: it can be written again (as merge does).
    expect(() => renderJson(report)).not.toThrow();
  });

  it('keeps what the outcome model needs from every kind of v1 entry', () => {
    const merged = parseReport(readV1('merged-vantages.json').text, 'merged-vantages.json');
    const outcomes = merged.results.flatMap((resource) => [
      resource.outcome,
      ...resource.mirrors.map((mirror) => mirror.outcome),
    ]);
    expect(outcomes).toContainEqual(
      expect.objectContaining({
        status: 'unreachable',
        reason: 'refused',
        errorCode: 'ECONNREFUSED',
      }),
    );
    expect(outcomes).toContainEqual(
      expect.objectContaining({ status: 'broken', reason: 'http-404', httpStatus: 404 }),
    );
    const invalid = outcomes.find((outcome) => outcome.reason === 'invalid-url');
    expect(invalid).toMatchObject({ status: 'broken' });
    expect(invalid && 'detail' in invalid ? invalid.detail : undefined).toMatch(/\S/);
    const e2e = parseReport(readV1('e2e-check.json').text, 'e2e-check.json');
    const moved = e2e.results.find((resource) => resource.id === 'page-moved');
    expect(moved?.outcome).toEqual({
      status: 'redirected',
      reason: 'permanent-redirect',
      httpStatus: 200,
      finalUrl: 'https://ok.example.test/page',
    });
  });

  it('still reports what is wrong in a v1 report, under the upgraded field names', () => {
    const { data } = readV1('e2e-check.json');
    const broken = { ...data, results: [{ ...data.results[0], reason: 'http-44' }] };
    expect(() => parseReport(JSON.stringify(broken), 'old.json')).toThrow(/not a valid report/);
  });

  it('moves only the outcome fields and leaves unknown data for validation to refuse', () => {
    const upgraded = upgradeReportV1({ schemaVersion: 1, results: 'nonsense' });
    expect(upgraded).toEqual({ schemaVersion: 2, results: 'nonsense' });
  });
});

describe('the upgraded e2e report', () => {
  it('is what the current code writes for the same run, but the details v1 observations never kept', () => {
    const upgraded = renderJson(parseReport(readV1('e2e-check.json').text, 'e2e-check.json'))
      .replaceAll('2026-11-30T10:00:00.000Z', '<time>')
      .replace('"version": "0.1.0"', '"version": "<version>"');
    const snapshot = JSON.parse(
      readFileSync(
        new URL('../../test/e2e/__snapshots__/e2e-report.json', import.meta.url),
        'utf8',
      ),
    ) as { results: FlatEntry[] };
    const withoutObservationDetail = (entry: FlatEntry): FlatEntry => {
      const observations = (entry.observations ?? {}) as Record<string, { outcome: FlatEntry }>;
      for (const seen of Object.values(observations)) delete seen.outcome.detail;
      return entry;
    };
    for (const resource of snapshot.results) {
      withoutObservationDetail(resource);
      resource.mirrors?.forEach(withoutObservationDetail);
    }
    expect(JSON.parse(upgraded) as unknown).toEqual(snapshot);
  });
});
