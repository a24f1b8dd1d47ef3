import { describe, expect, it } from 'vitest';
import { loadReportFixture } from '../../test/fixtures/ci/fixtures.js';
import { pullRequestBaseSha, reportOutputs, reportPathOutputs } from './outputs.js';
import { parseFailOnList } from '../outcome/fail-on.js';
import { resultCacheKeys } from './result-cache.js';

describe('reportOutputs', () => {
  it('gives the resource counts per status and the resources no mirror covers', () => {
    const report = loadReportFixture();
    const withRegions = {
      ...report,
      regions: {
        cn: {
          open: 1,
          vpn: 2,
          partial: 0,
          unknown: 0,
          covered: [],
          uncovered: ['a', 'b'],
          conflicts: [],
        },
        ru: {
          open: 1,
          vpn: 1,
          partial: 0,
          unknown: 0,
          covered: [],
          uncovered: ['a'],
          conflicts: [],
        },
      },
    };
    expect(reportOutputs(withRegions, parseFailOnList(['broken']))).toEqual({
      ok: '5',
      redirected: '3',
      broken: '2',
      unreachable: '1',
      unverified: '1',
      skipped: '1',
      total: '13',
      uncovered: '2',
      // Two broken resources and one broken mirror.
      failing: '3',
    });
  });
});

describe('reportPathOutputs', () => {
  it('names the report files that were written', () => {
    const written = new Set(['out/report.json', 'out/report.sarif']);
    expect(reportPathOutputs('out/', (path) => written.has(path))).toEqual({
      'report-dir': 'out/',
      'report-json': 'out/report.json',
      'report-sarif': 'out/report.sarif',
    });
  });
});

describe('pullRequestBaseSha', () => {
  it.each([
    [{ pull_request: { base: { sha: '9f2c1e0a7b' } } }, '9f2c1e0a7b'],
    [{ schedule: '17 3 * * *' }, undefined],
    [{ pull_request: { base: { sha: '--upload-pack=x' } } }, undefined],
    [null, undefined],
  ])('%j gives %j', (event, sha) => {
    expect(pullRequestBaseSha(event)).toBe(sha);
  });
});

describe('resultCacheKeys', () => {
  it('keeps shards apart and lets a run restore the newest earlier entry', () => {
    expect(
      resultCacheKeys('roadmap.yaml', { index: 2, total: 4 }, { id: '77', attempt: '1' }),
    ).toEqual({
      key: 'curate-results-roadmap.yaml-2-of-4-77-1',
      restorePrefix: 'curate-results-roadmap.yaml-2-of-4-',
    });
  });
});
