/**
 * `curate diff <old.json> <new.json>`: what changed between two reports of one roadmap, link by
 * link (resources and mirrors, under the history keys).
 */
import type { CheckOutcome } from '../domain.js';
import { isFailing, type FailOn } from '../outcome/fail-on.js';
import { DEFAULT_FAILING, type LinkIdentity, type ReportLink, reportLinks } from './history.js';
import { describeOutcome } from './reasons.js';
import type { Report } from './schema.js';

/** Bumped only for a breaking change of the `--json` output. */
export const DIFF_SCHEMA_VERSION = 1;

/** What one report says about one link: its outcome there. */
export type LinkState = CheckOutcome;

/**
 * One link in the diff, with its state in each report where it appears; its `url` and `line` are
 * as written in the newer report (the older one for removed links).
 */
export type DiffEntry = LinkIdentity & { before?: LinkState; after?: LinkState };

/** The result of `diffReports`; also the `--json` shape. */
export type ReportDiff = {
  schemaVersion: typeof DIFF_SCHEMA_VERSION;
  roadmap: string;
  before: { vantage: string; startedAt: string };
  after: { vantage: string; startedAt: string };
  /** The statuses (or `status:reason`) counted as failing. */
  failing: string[];
  /** Failing now, not failing before (including links that are new and failing). */
  newFailures: DiffEntry[];
  /** Failing before, present and not failing now. */
  fixed: DiffEntry[];
  stillFailing: DiffEntry[];
  /** Permanent-redirect target appeared, changed or went away (and the link is not failing). */
  changedRedirects: DiffEntry[];
  added: DiffEntry[];
  removed: DiffEntry[];
};

/** How `diffReports` decides what fails. */
export type DiffOptions = {
  /** @default broken and unreachable */
  failing?: FailOn;
};

/** Compares two reports link by link. */
export function diffReports(before: Report, after: Report, options: DiffOptions = {}): ReportDiff {
  const failing = options.failing ?? DEFAULT_FAILING;
  const isFailingState = (state: LinkState | undefined): boolean =>
    state !== undefined && isFailing(state, failing);
  const oldLinks = new Map(reportLinks(before).map((link) => [link.key, link]));
  const newLinks = new Map(reportLinks(after).map((link) => [link.key, link]));
  const diff: ReportDiff = {
    schemaVersion: DIFF_SCHEMA_VERSION,
    roadmap: after.roadmap.path,
    before: { vantage: before.vantage, startedAt: before.startedAt },
    after: { vantage: after.vantage, startedAt: after.startedAt },
    failing: [...failing].sort(),
    newFailures: [],
    fixed: [],
    stillFailing: [],
    changedRedirects: [],
    added: [],
    removed: [],
  };
  for (const link of newLinks.values()) {
    const old = oldLinks.get(link.key);
    const entry = toEntry(link, old);
    if (old === undefined) diff.added.push(entry);
    const [was, now] = [isFailingState(entry.before), isFailingState(entry.after)];
    if (now && !was) diff.newFailures.push(entry);
    if (now && was) diff.stillFailing.push(entry);
    if (!now && was) diff.fixed.push(entry);
    if (old !== undefined && !now && redirectTarget(old) !== redirectTarget(link)) {
      diff.changedRedirects.push(entry);
    }
  }
  for (const old of oldLinks.values()) {
    if (!newLinks.has(old.key)) diff.removed.push(toEntry(undefined, old));
  }
  return diff;
}

/** Only a permanent redirect names a URL to move to; temporary hops are not worth a change. */
function redirectTarget(link: ReportLink): string | undefined {
  return link.outcome.status === 'redirected' ? link.outcome.finalUrl : undefined;
}

function toEntry(now: ReportLink | undefined, old: ReportLink | undefined): DiffEntry {
  const link = now ?? old;
  if (link === undefined) throw new TypeError('a diff entry needs at least one side');
  return {
    key: link.key,
    resourceId: link.resourceId,
    role: link.role,
    title: link.title,
    url: link.url,
    line: link.line,
    ...(old === undefined ? {} : { before: toState(old) }),
    ...(now === undefined ? {} : { after: toState(now) }),
  };
}

function toState(link: ReportLink): LinkState {
  return link.outcome;
}

/** Whether the diff shows a link that started failing (what a CI gate on `diff` looks at). */
export function hasNewFailures(diff: ReportDiff): boolean {
  return diff.newFailures.length > 0;
}

/** The `--json` output: the diff itself, pretty-printed with a final newline. */
export function renderDiffJson(diff: ReportDiff): string {
  return `${JSON.stringify(diff, null, 2)}\n`;
}

const GROUPS = [
  ['newFailures', 'New failures'],
  ['fixed', 'Fixed'],
  ['stillFailing', 'Still failing'],
  ['changedRedirects', 'Changed redirects'],
  ['added', 'Added'],
  ['removed', 'Removed'],
] as const;

/** The text output: a summary line, then one block per non-empty group with file:line. */
export function renderDiffText(diff: ReportDiff): string {
  const lines = [
    `curate diff ${diff.roadmap}: ${diff.before.startedAt} (${diff.before.vantage}) → ${diff.after.startedAt} (${diff.after.vantage})`,
    GROUPS.map(([group, label]) => `${diff[group].length} ${label.toLowerCase()}`).join(', '),
  ];
  for (const [group, label] of GROUPS) {
    const entries = diff[group];
    if (entries.length === 0) continue;
    lines.push('', `${label} (${entries.length}):`);
    for (const entry of entries) {
      const name = entry.role === 'mirror' ? `${entry.resourceId} (mirror)` : entry.resourceId;
      lines.push(`  ${diff.roadmap}:${entry.line}  ${name}  ${describeChange(entry, group)}`);
      lines.push(`    ${entry.url ?? '(no URL)'}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function describeChange(entry: DiffEntry, group: (typeof GROUPS)[number][0]): string {
  const { before, after } = entry;
  if (group === 'changedRedirects') {
    const was = before?.status === 'redirected' ? before.finalUrl : undefined;
    const now = after?.status === 'redirected' ? after.finalUrl : undefined;
    if (now === undefined) return `no longer redirects (was → ${was ?? '?'})`;
    return was === undefined ? `now redirects → ${now}` : `now redirects → ${now} (was → ${was})`;
  }
  const state = after ?? before;
  if (state === undefined) return '';
  const sentence = describeOutcome(state);
  if (before === undefined || after === undefined) return `${state.status}: ${sentence}`;
  return `${before.status} → ${after.status}: ${sentence}`;
}
