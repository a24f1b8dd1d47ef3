/**
 * Reports for the tests of the report formats: one place that knows what a whole report.json
 * holds, so a test names only what its case is about.
 */
import { summariesOf } from '../../src/report/build.js';
import type { Report, ResourceResult } from '../../src/report/schema.js';

/** A report of `results` whose counts follow from them, as buildReport makes them. */
export function reportOf(results: ResourceResult[], fields: Partial<Report> = {}): Report {
  return {
    schemaVersion: 2,
    tool: { name: 'curate', version: '0.1.0' },
    roadmap: { path: 'roadmap.yaml', title: 'LLM roadmap' },
    vantage: 'global',
    startedAt: '2026-11-28T18:00:00.000Z',
    finishedAt: '2026-11-28T18:02:00.000Z',
    partial: false,
    ...summariesOf(results),
    results,
    ...fields,
  };
}
