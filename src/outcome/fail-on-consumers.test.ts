/**
 * "Failing" means one thing wherever curate says it: check's exit code (countFailing), the
 * annotations and the job summary, JUnit, diff, history and the action's `failing` output all
 * judge with the same `--fail-on`, statuses, `status:reason` AND finding kinds alike. Each
 * consumer is asked about one ok link with an `archived` finding: failing under
 * `--fail-on broken,archived`, not under the default.
 */
import { describe, expect, it } from 'vitest';
import { loadReportFixture } from '../../test/fixtures/ci/fixtures.js';
import { reportOutputs } from '../action/outputs.js';
import { renderJobSummary, reportAnnotations } from '../ci/annotations.js';
import { diffReports, hasNewFailures, renderDiffText } from '../report/diff.js';
import { assessFlakiness, emptyHistory, updateHistory } from '../report/history.js';
import { renderJunit } from '../report/junit.js';
import type { Report } from '../report/schema.js';
import { countFailing, parseFailOnList } from './fail-on.js';

const ARCHIVED_ID = 'vllm-repo';
const WITH_ARCHIVED = parseFailOnList(['broken,archived']);
const DEFAULT = parseFailOnList(['broken']);

const before = loadReportFixture();
/** The same run a day later, when GitHub says the repository was archived. */
const after: Report = {
  ...before,
  startedAt: '2026-12-03T00:00:00.000Z',
  results: before.results.map((result) =>
    result.id === ARCHIVED_ID
      ? {
          ...result,
          checkedAt: '2026-12-03T00:00:00.000Z',
          findings: [{ kind: 'archived', platform: 'github', since: '2024-01-02T03:04:05Z' }],
        }
      : { ...result, checkedAt: '2026-12-03T00:00:00.000Z' },
  ),
};
const archivedLine = after.results.find((result) => result.id === ARCHIVED_ID)?.line;

describe('--fail-on broken,archived, judged the same everywhere', () => {
  it('check: the archived repository is one more failing link', () => {
    expect(countFailing(after, WITH_ARCHIVED)).toBe(countFailing(after, DEFAULT) + 1);
  });

  it('annotations: an error titled by the finding, saying what the platform said', () => {
    const find = (failing: typeof DEFAULT) =>
      reportAnnotations(after, { failing }).find((annotation) => annotation.line === archivedLine);
    expect(find(DEFAULT)).toBeUndefined();
    expect(find(WITH_ARCHIVED)).toMatchObject({
      level: 'error',
      title: `archived: ${ARCHIVED_ID}`,
      message: expect.stringContaining('the repository is archived') as string,
    });
    expect(find(WITH_ARCHIVED)?.message).toContain('last changed 2024-01-02');
  });

  it('job summary: listed under Failing, with the same count as the exit code', () => {
    const summary = renderJobSummary(after, { failing: WITH_ARCHIVED });
    expect(summary).toContain(`**Failing (${countFailing(after, WITH_ARCHIVED)})**`);
    expect(summary).toMatch(new RegExp(`roadmap\\.yaml:${archivedLine}\`[^\\n]*archived`));
    expect(renderJobSummary(after, { failing: DEFAULT })).toContain(
      `**Failing (${countFailing(after, DEFAULT)})**`,
    );
  });

  it('JUnit: a failure typed by the finding', () => {
    const caseOf = (failOn: typeof DEFAULT) => {
      const xml = renderJunit(after, { failOn });
      const pattern = new RegExp(
        `<testcase [^>]*line="${archivedLine}"[^>]*?(/>|>[\\s\\S]*?</testcase>)`,
      );
      return pattern.exec(xml)?.[0] ?? '';
    };
    expect(caseOf(DEFAULT)).toMatch(/^<testcase /);
    expect(caseOf(DEFAULT)).not.toContain('<failure');
    expect(caseOf(WITH_ARCHIVED)).toContain('type="archived"');
  });

  it('diff: newly failing when the finding appears, with the finding named', () => {
    const diff = diffReports(before, after, { failing: WITH_ARCHIVED });
    expect(diff.newFailures.map((entry) => entry.key)).toEqual([ARCHIVED_ID]);
    expect(diff.newFailures[0]?.after).toMatchObject({ status: 'ok', findings: ['archived'] });
    expect(hasNewFailures(diff)).toBe(true);
    expect(renderDiffText(diff)).toContain('ok → ok: ');
    expect(renderDiffText(diff)).toContain('(archived)');
    expect(hasNewFailures(diffReports(before, after, { failing: DEFAULT }))).toBe(false);
  });

  it('history: observations keep the finding kinds, and two archived runs make it persistent', () => {
    const secondDay = {
      ...after,
      startedAt: '2026-12-04T00:00:00.000Z',
      results: after.results.map((result) => ({
        ...result,
        checkedAt: '2026-12-04T00:00:00.000Z',
      })),
    };
    let history = updateHistory(emptyHistory(), after, { keep: 5 });
    history = updateHistory(history, secondDay, { keep: 5 });
    expect(history.links[ARCHIVED_ID]?.at(-1)).toMatchObject({ findings: ['archived'] });
    const persistent = (failing: typeof DEFAULT) =>
      assessFlakiness(history, { failing, failAfter: 2 }).persistent.map((link) => link.key);
    expect(persistent(WITH_ARCHIVED)).toContain(ARCHIVED_ID);
    expect(persistent(DEFAULT)).not.toContain(ARCHIVED_ID);
  });

  it("the action's failing output: the exit code's count", () => {
    expect(reportOutputs(after, WITH_ARCHIVED).failing).toBe(
      String(countFailing(after, WITH_ARCHIVED)),
    );
    expect(reportOutputs(after, DEFAULT).failing).toBe(String(countFailing(after, DEFAULT)));
  });
});
