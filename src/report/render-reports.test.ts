import { describe, expect, it } from 'vitest';
import { loadReportFixture } from '../../test/fixtures/ci/fixtures.js';
import { parseFailOnList } from '../outcome/fail-on.js';
import { renderReports, type ReportFormat } from './render-reports.js';

const report = loadReportFixture();
const context = { failOn: parseFailOnList(['broken']), file: 'roadmap.yaml' };
const names = (formats: ReportFormat[]) =>
  renderReports(report, new Set(formats), context).map((file) => file.name);

describe('renderReports', () => {
  it('renders the selected formats, report.json first and always', () => {
    expect(names(['junit', 'md', 'sarif'])).toEqual([
      'report.json',
      'report.md',
      'report.sarif',
      'report.junit.xml',
    ]);
    expect(names([])).toEqual(['report.json']);
  });

  it('writes report.html for html', () => {
    expect(names(['md', 'html'])).toEqual(['report.json', 'report.md', 'report.html']);
  });
});
