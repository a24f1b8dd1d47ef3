import { describe, expect, it } from 'vitest';
import { reportOf } from '../../test/helpers/report-fixtures.js';
import { countStatuses } from './build.js';
import { expectValidReport } from '../../test/helpers/report-schema.js';
import { renderJson, renderJsonChunks } from './json.js';
import type { Counts, MirrorResult, Report, ResourceResult } from './schema.js';

function counts(fields: Partial<Counts> = {}): Counts {
  return { ...countStatuses([]), ...fields };
}

function resourceResult(fields: Partial<ResourceResult> = {}): ResourceResult {
  return {
    id: 'attention',
    sectionId: '1.1',
    sectionTitle: 'Basics',
    title: 'Attention Is All You Need',
    kind: 'paper',
    url: 'https://example.test/attention',
    line: 12,
    outcome: { status: 'broken', reason: 'http-404', httpStatus: 404 },
    redirects: [],
    durationMs: 80,
    checkedAt: '2026-11-28T18:01:00.000Z',
    mirrors: [],
    ...fields,
  };
}

/** A report of one broken resource. */
function report(fields: Partial<Report> = {}): Report {
  return reportOf([resourceResult()], fields);
}

describe('renderJson', () => {
  it('renders pretty JSON with a trailing newline that reads back as the same report', () => {
    const text = renderJson(report());

    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "schemaVersion": 2,\n');
    expect(JSON.parse(text)).toEqual(report());
  });

  it('lists keys in schema order, whatever order the report was built in', () => {
    const original = report();
    const reversed = Object.fromEntries(Object.entries(original).reverse()) as Report;

    expect(renderJson(reversed)).toBe(renderJson(original));
    expect(Object.keys(JSON.parse(renderJson(reversed)) as object)[0]).toBe('schemaVersion');
  });

  it('leaves out optional fields that are not set', () => {
    const text = renderJson(
      report({
        results: [resourceResult({ outcome: { status: 'ok', reason: 'ok', httpStatus: 200 } })],
      }),
    );

    expect(text).not.toContain('networkDown');
    expect(text).not.toContain('finalUrl');
    expect(text).not.toContain('topic');
  });

  it('streams the same text it renders whole, one resource (mirrors included) per chunk', () => {
    const mirror: MirrorResult = {
      url: 'https://mirror.test/a',
      line: 13,
      outcome: { status: 'ok', reason: 'ok', httpStatus: 200 },
      redirects: [],
      durationMs: 5,
      checkedAt: '2026-11-28T18:01:00.000Z',
      confirmed: true,
    };
    const built = report({
      results: [resourceResult(), resourceResult({ id: 'second', mirrors: [mirror] })],
    });
    const chunks = [...renderJsonChunks(built)];

    expect(chunks.join('')).toBe(renderJson(built));
    expect(chunks.filter((chunk) => chunk.includes('"sectionId"'))).toHaveLength(2);
    expect(expectValidReport(built)).toEqual(built);
    expect(renderJson(report({ results: [] }))).toContain('\n  "results": []\n}\n');
  });

  it.each<[string, Report]>([
    ['an unknown top-level key', { ...report(), extra: true } as Report],
    ['a negative count', report({ summary: counts({ total: -1 }) })],
    [
      'an unknown status',
      report({
        results: [
          resourceResult({ outcome: { status: 'gone' as 'ok', reason: 'ok', httpStatus: 200 } }),
        ],
      }),
    ],
    ['a wrong schema version', { ...report(), schemaVersion: 1 } as unknown as Report],
  ])(
    "is not validated in production; the tests' check rejects a report with %s",
    (_name, invalid) => {
      expect(() => renderJson(invalid)).not.toThrow();
      expect(() => expectValidReport(invalid)).toThrow(/schema/);
    },
  );

  it("names the offending field in the tests' check", () => {
    expect(() => expectValidReport(report({ summary: counts({ total: -1 }) }))).toThrow(
      /summary\.total/,
    );
  });
});
