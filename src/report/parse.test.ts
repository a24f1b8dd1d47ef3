import { describe, expect, it } from 'vitest';
import { readCiFixture } from '../../test/fixtures/ci/fixtures.js';
import { InputError } from '../errors.js';
import { parseReport } from './parse.js';

describe('parseReport', () => {
  it('reads a report written by curate check', () => {
    expect(parseReport(readCiFixture('report.json'), 'report.json').results).toHaveLength(13);
  });

  it('reads the title drift of an older version-2 report as a title-drift finding', () => {
    const data = JSON.parse(readCiFixture('report.json')) as {
      results: Record<string, unknown>[];
    };
    data.results[0]!.titleDrift = { pageTitle: 'Domain for sale', reason: 'a placeholder' };
    const [first] = parseReport(JSON.stringify(data), 'report.json').results;
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the old field is gone after reading
    expect(first!.titleDrift).toBeUndefined();
    expect(first!.findings).toEqual([
      { kind: 'title-drift', pageTitle: 'Domain for sale', reason: 'a placeholder' },
    ]);
  });

  it.each([
    ['not JSON', '{', /not JSON/],
    ['another JSON file', '{"name": "curate"}', /schemaVersion/],
    ['a report with a wrong field', '{"schemaVersion": 1, "results": 3}', /results/],
  ])('refuses %s with the file and the problem', (_name, text, problem) => {
    let error: unknown;
    try {
      parseReport(text, 'reports/report.json');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    const { message, problems } = error as InputError;
    expect(message).toContain('reports/report.json');
    expect(problems.map((p) => `${p.path} ${p.message}`).join('\n')).toMatch(problem);
  });
});
