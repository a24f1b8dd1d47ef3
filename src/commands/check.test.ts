import { describe, expect, it } from 'vitest';
import { loadReportFixture } from '../../test/fixtures/ci/fixtures.js';
import { countStatuses } from '../report/build.js';
import type { Report } from '../report/schema.js';
import { summaryLine } from './check.js';

const fixture = loadReportFixture();

function reportOf(results: Report['results'], partial = false): Report {
  return {
    ...fixture,
    partial,
    results,
    summary: countStatuses(results),
    mirrorSummary: countStatuses(results.flatMap((result) => result.mirrors)),
  };
}

describe('summaryLine', () => {
  const [first, second] = fixture.results as [Report['results'][number], Report['results'][number]];
  const down = { status: 'skipped', reason: 'network-down' } as const;
  const notChecked = (result: Report['results'][number]) => ({
    ...result,
    outcome: down,
    mirrors: result.mirrors.map((mirror) => ({ ...mirror, outcome: down })),
  });

  it('counts one resource in the singular', () => {
    expect(summaryLine(reportOf([{ ...second, mirrors: [] }]))).toMatch(/^1 resource: 1 \w+\.$/);
  });

  it('says "not checked" of a network-down run, and "partly checked" of half of one', () => {
    expect(summaryLine(reportOf([notChecked(first), notChecked(second)], true))).toBe(
      '2 resources (not checked): 2 skipped.',
    );
    expect(summaryLine(reportOf([{ ...second, mirrors: [] }, notChecked(first)], true))).toMatch(
      /^2 resources \(partly checked\): /,
    );
  });
});
