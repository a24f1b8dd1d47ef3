/**
 * The action's outputs (action.yml): the exit code, the report's counts per status, the
 * resources no region can reach without a VPN and no mirror covers, and the paths of the
 * reports written. Pure; main.ts writes them to $GITHUB_OUTPUT.
 */
import { countFailing, type FailOn } from '../outcome/fail-on.js';
import { STATUSES } from '../outcome/model.js';
import { REPORT_FILE_NAMES, REPORT_FORMATS } from '../report/render-reports.js';
import type { Report } from '../report/schema.js';

/** Output names and their values, as the step's `outputs.<name>`. */
export type ActionOutputs = Readonly<Record<string, string>>;

/**
 * Counts of a report: `ok` … `skipped` and `total` (resources), `uncovered`, and `failing`: the
 * resources and mirrors that fail per `--fail-on`, judged as check's exit code judges them.
 */
export function reportOutputs(report: Report, failOn: FailOn): ActionOutputs {
  const counts = Object.fromEntries(
    [...STATUSES, 'total' as const].map((status) => [status, String(report.summary[status])]),
  );
  // A resource can lack a mirror in several regions: counted once.
  const uncovered = new Set(
    Object.values(report.regions ?? {}).flatMap((region) => region.uncovered),
  );
  return {
    ...counts,
    uncovered: String(uncovered.size),
    failing: String(countFailing(report, failOn)),
  };
}

/**
 * `report-dir` and `report-<format>` (report-json, report-md, …) for the report files that
 * `exists` finds in `dir`, paths as the workflow's other steps would name them.
 */
export function reportPathOutputs(dir: string, exists: (path: string) => boolean): ActionOutputs {
  const outputs: Record<string, string> = { 'report-dir': dir };
  for (const format of REPORT_FORMATS) {
    const path = `${dir.replace(/\/+$/, '')}/${REPORT_FILE_NAMES[format]}`;
    if (exists(path)) outputs[`report-${format}`] = path;
  }
  return outputs;
}

/** The base commit of a pull request event's payload (`pull_request.base.sha`), if any. */
export function pullRequestBaseSha(event: unknown): string | undefined {
  if (typeof event !== 'object' || event === null) return undefined;
  const pullRequest = (event as { pull_request?: { base?: { sha?: unknown } } }).pull_request;
  const sha = pullRequest?.base?.sha;
  return typeof sha === 'string' && /^[0-9a-f]{7,64}$/i.test(sha) ? sha : undefined;
}
