import { describe, expect, it } from 'vitest';
import { loadReportFixture } from '../../test/fixtures/ci/fixtures.js';
import type { CheckOutcome } from '../domain.js';
import { missingShardsPhrase, notCheckedPhrase, reportCoverage } from './coverage.js';
import type { Report } from './schema.js';

const fixture = loadReportFixture();
const ok: CheckOutcome = { status: 'ok', reason: 'ok', httpStatus: 200 };
const noUrl: CheckOutcome = { status: 'skipped', reason: 'no-url' };
const down: CheckOutcome = { status: 'skipped', reason: 'network-down' };
const offline: CheckOutcome = { status: 'skipped', reason: 'offline' };
const interrupted: CheckOutcome = { status: 'skipped', reason: 'interrupted' };

/** A report of one resource (no mirrors) per outcome. */
function reportOf(outcomes: CheckOutcome[], fields: Partial<Report> = {}): Report {
  const [template] = fixture.results;
  const results = outcomes.map((outcome, index) => ({
    ...template!,
    id: `r${index}`,
    outcome,
    mirrors: [],
  }));
  return { ...fixture, results, ...fields };
}

describe('reportCoverage', () => {
  it.each<[string, CheckOutcome[], string, string]>([
    ['every link judged', [ok, ok], 'checked', ''],
    ['the plan’s own skips count as neither', [ok, noUrl], 'checked', ''],
    [
      'a network-down run',
      [down, down, noUrl],
      'not-checked',
      '2 of 2 links not checked (the network was unavailable)',
    ],
    [
      'one network-down shard merged with a checked one',
      [ok, ok, down],
      'partly-checked',
      '1 of 3 links not checked (the network was unavailable)',
    ],
    [
      'several reasons',
      [ok, down, interrupted, offline, offline],
      'partly-checked',
      '4 of 5 links not checked (1 network down, 1 interrupted, 2 offline)',
    ],
  ])('%s', (_, outcomes, kind, phrase) => {
    const coverage = reportCoverage(reportOf(outcomes));
    expect(coverage.kind).toBe(kind);
    expect(notCheckedPhrase(coverage)).toBe(phrase);
  });

  it('is partly checked when a shard is missing, even if every listed link was checked', () => {
    const missingShards = [{ vantage: 'cn', index: 2, total: 4 }];
    const coverage = reportCoverage(reportOf([ok], { missingShards }));
    expect(coverage.kind).toBe('partly-checked');
    expect(notCheckedPhrase(coverage)).toBe('shard 2/4 (cn) is missing');
  });

  it('names several missing shards', () => {
    const total = 4;
    const missing = [1, 3, 4].map((index) => ({ vantage: 'global', index, total }));
    expect(missingShardsPhrase(missing)).toBe('shards 1/4, 3/4 and 4/4 are missing');
  });
});
