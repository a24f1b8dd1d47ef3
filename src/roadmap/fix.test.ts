import { describe, expect, it } from 'vitest';
import { loadReportFixture } from '../../test/fixtures/ci/fixtures.js';
import { fixesFromReport } from './fix.js';

const report = loadReportFixture();

describe('fixesFromReport', () => {
  it('turns every redirected resource and mirror into a fix', () => {
    expect(fixesFromReport(report)).toEqual([
      {
        line: 28,
        from: 'http://khan.example.test/calculus',
        to: 'https://khan.example.test/calculus',
      },
      {
        line: 68,
        from: 'https://mirror.example.test/annotated',
        to: 'https://mirror.example.test/annotated/',
      },
      {
        line: 85,
        from: 'https://hf.example.test/spaces/leaderboard',
        to: 'https://leaderboard.example.test/open-llm',
      },
      {
        line: 100,
        from: 'https://hf.example.test/spaces/leaderboard',
        to: 'https://leaderboard.example.test/open-llm',
      },
    ]);
  });

  it.each([
    ['https://a.test/x#part', 'https://b.test/x', 'https://b.test/x#part'],
    ['https://a.test/x#part', 'https://b.test/x#other', 'https://b.test/x#other'],
    ['https://a.test/x', 'https://b.test/x', 'https://b.test/x'],
    ['https://a.test/x#part', 'https://a.test/x#part', undefined],
  ])('moves %s to %s as %s (a lost fragment is kept)', (url, finalUrl, expected) => {
    const [first] = report.results;
    const outcome = {
      status: 'redirected' as const,
      reason: 'permanent-redirect' as const,
      httpStatus: 200,
      finalUrl,
    };
    const redirected = { ...first!, url, outcome, mirrors: [] };
    const fixes = fixesFromReport({ ...report, results: [redirected] });
    expect(fixes.map((fix) => fix.to)).toEqual(expected === undefined ? [] : [expected]);
  });

  it('never turns a deep link sent to the home page into a fix', () => {
    const [first] = report.results;
    const outcome = {
      status: 'broken' as const,
      reason: 'redirected-to-home' as const,
      httpStatus: 200,
      detail: 'redirected to https://a.test/',
    };
    const sentHome = { ...first!, url: 'https://a.test/docs/old', outcome, mirrors: [] };

    expect(fixesFromReport({ ...report, results: [sentHome] })).toEqual([]);
  });

  it('fixes a renamed repository whose file is gone: the rename, not the missing file', () => {
    const [first] = report.results;
    const url = 'https://github.com/moved/away/blob/main/gone.md';
    const newUrl = 'https://github.com/new-owner/new-name/blob/main/gone.md';
    const renamedButMissing = {
      ...first!,
      url,
      outcome: { status: 'broken' as const, reason: 'path-missing' as const, detail: 'gone' },
      findings: [
        {
          kind: 'renamed' as const,
          platform: 'github' as const,
          from: 'moved/away',
          to: 'new-owner/new-name',
          newUrl,
        },
      ],
      mirrors: [],
    };
    expect(fixesFromReport({ ...report, results: [renamedButMissing] })).toEqual([
      { line: first!.line, from: url, to: newUrl },
    ]);
  });
});
