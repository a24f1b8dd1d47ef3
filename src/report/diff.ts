/**
 * `curate diff <old.json> <new.json>`: what changed between two reports of one roadmap, link by
 * link (resources and mirrors, under the history keys).
 */
import type { CheckOutcome } from '../domain.js';
import { isFailingLink, type FailOn } from '../outcome/fail-on.js';
import { findingKinds, type FindingKind } from '../outcome/findings.js';
import { isUnchecked } from '../outcome/unfetched.js';
import { plural } from '../text/plural.js';
import { isInMissingShard } from './coverage.js';
import { DEFAULT_FAILING, type LinkIdentity, type ReportLink, reportLinks } from './history.js';
import { describeOutcome } from './reasons.js';
import type { Report } from './schema.js';

/** Bumped only for a breaking change of the `--json` output. */
export const DIFF_SCHEMA_VERSION = 1;

/**
 * What one report says about one link: its outcome there, and the kinds of the findings beside
 * it when there are any (`--fail-on archived` counts them, as check does).
 */
export type LinkState = CheckOutcome & { findings?: FindingKind[] };

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
  /** Failing before, checked and not failing now. */
  fixed: DiffEntry[];
  stillFailing: DiffEntry[];
  /** Permanent-redirect target appeared, changed or went away (and the link is not failing). */
  changedRedirects: DiffEntry[];
  added: DiffEntry[];
  removed: DiffEntry[];
  /**
   * Not checked in the newer report (the network was down, the run was interrupted or offline,
   * or its shard is missing from a partial merge): neither fixed nor failing, whatever it was.
   */
  notChecked: DiffEntry[];
  /**
   * Failing now, but not checked in the older report: it may or may not be new, so it is not
   * counted as a new failure, yet it fails a regression gate (nothing shows it was fine before).
   */
  failingNotCheckedBefore: DiffEntry[];
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
    state !== undefined &&
    isFailingLink({ outcome: state, findings: state.findings?.map((kind) => ({ kind })) }, failing);
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
    notChecked: [],
    failingNotCheckedBefore: [],
  };
  for (const link of newLinks.values()) {
    const old = oldLinks.get(link.key);
    const entry = toEntry(link, old);
    const wasInMissingShard = old === undefined && isInMissingShard(before, link.resourceId);
    if (old === undefined && !wasInMissingShard) diff.added.push(entry);
    if (isUnchecked(link.outcome)) {
      diff.notChecked.push(entry);
      continue;
    }
    const now = isFailingState(entry.after);
    // The older report said nothing about the link: neither "new" nor "still" can be claimed.
    if (wasInMissingShard || (old !== undefined && isUnchecked(old.outcome))) {
      if (now) diff.failingNotCheckedBefore.push(entry);
      continue;
    }
    const was = isFailingState(entry.before);
    if (now && !was) diff.newFailures.push(entry);
    if (now && was) diff.stillFailing.push(entry);
    if (!now && was) diff.fixed.push(entry);
    if (old !== undefined && !now && redirectTarget(old) !== redirectTarget(link)) {
      diff.changedRedirects.push(entry);
    }
  }
  for (const old of oldLinks.values()) {
    if (newLinks.has(old.key)) continue;
    // A partial merge lacks whole shards: their links were not checked, not removed.
    const group = isInMissingShard(after, old.resourceId) ? diff.notChecked : diff.removed;
    group.push(toEntry(undefined, old));
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
  return link.findings === undefined
    ? link.outcome
    : { ...link.outcome, findings: findingKinds(link.findings) };
}

/**
 * Whether the diff shows a link that started failing (what a CI gate on `diff` looks at), or one
 * failing now that the older report did not check, which cannot be shown not to be new.
 */
export function hasNewFailures(diff: ReportDiff): boolean {
  return diff.newFailures.length > 0 || diff.failingNotCheckedBefore.length > 0;
}

/** The `--json` output: the diff itself, pretty-printed with a final newline. */
export function renderDiffJson(diff: ReportDiff): string {
  return `${JSON.stringify(diff, null, 2)}\n`;
}

/** The groups of a diff in the order they are printed, with their headings. */
export const DIFF_GROUPS = [
  ['newFailures', 'New failures'],
  ['failingNotCheckedBefore', 'Failing, not checked in the older report'],
  ['fixed', 'Fixed'],
  ['stillFailing', 'Still failing'],
  ['changedRedirects', 'Changed redirects'],
  ['added', 'Added'],
  ['removed', 'Removed'],
  ['notChecked', 'Not checked in the newer report'],
] as const satisfies readonly (readonly [DiffGroup, string])[];

/** The headings that are nouns, counted as `1 new failure`; the others read the same for any count. */
const COUNTED_NOUNS: Partial<Record<DiffGroup, readonly [string, string]>> = {
  newFailures: ['new failure', 'new failures'],
  changedRedirects: ['changed redirect', 'changed redirects'],
};

/** The name of one list of a {@link ReportDiff}. */
export type DiffGroup = Exclude<
  keyof ReportDiff,
  'schemaVersion' | 'roadmap' | 'before' | 'after' | 'failing'
>;

/** The groups worth a word: the six that are always counted, the other two when they hold links. */
function countedGroups(diff: ReportDiff): (typeof DIFF_GROUPS)[number][] {
  return DIFF_GROUPS.filter(
    ([group]) =>
      diff[group].length > 0 || (group !== 'notChecked' && group !== 'failingNotCheckedBefore'),
  );
}

/** `2 new failures, 1 fixed, …`: the diff's summary line. */
export function diffSummary(diff: ReportDiff): string {
  return countedGroups(diff)
    .map(([group, heading]) => {
      const [one, other] = COUNTED_NOUNS[group] ?? [heading.toLowerCase(), heading.toLowerCase()];
      return plural(diff[group].length, one, other);
    })
    .join(', ');
}

/** The text output: a summary line, then one block per non-empty group with file:line. */
export function renderDiffText(diff: ReportDiff): string {
  const lines = [
    `curate diff ${diff.roadmap}: ${diff.before.startedAt} (${diff.before.vantage}) → ${diff.after.startedAt} (${diff.after.vantage})`,
    diffSummary(diff),
  ];
  for (const [group, heading] of DIFF_GROUPS) {
    const entries = diff[group];
    if (entries.length === 0) continue;
    lines.push('', `${heading} (${entries.length}):`);
    for (const entry of entries) {
      const name = entry.role === 'mirror' ? `${entry.resourceId} (mirror)` : entry.resourceId;
      lines.push(`  ${diff.roadmap}:${entry.line}  ${name}  ${describeChange(entry, group)}`);
      lines.push(`    ${entry.url ?? '(no URL)'}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** What happened to one link, in the words of its group: `ok → broken: HTTP 404: …`. */
export function describeChange(entry: DiffEntry, group: DiffGroup): string {
  const { before, after } = entry;
  if (group === 'changedRedirects') {
    const was = before?.status === 'redirected' ? before.finalUrl : undefined;
    const now = after?.status === 'redirected' ? after.finalUrl : undefined;
    if (now === undefined) return `no longer redirects (was → ${was ?? '?'})`;
    return was === undefined ? `now redirects → ${now}` : `now redirects → ${now} (was → ${was})`;
  }
  if (group === 'notChecked') {
    const was = before === undefined ? 'new' : before.status;
    const why =
      after === undefined
        ? 'not checked: its shard is missing from the newer report'
        : describeOutcome(after);
    return `${was} → ${why}`;
  }
  if (group === 'failingNotCheckedBefore' && after !== undefined) {
    return `not checked → ${after.status}: ${describeOutcome(after)}`;
  }
  const state = after ?? before;
  if (state === undefined) return '';
  const sentence = `${describeOutcome(state)}${findingsNote(state)}`;
  if (before === undefined || after === undefined) return `${state.status}: ${sentence}`;
  return `${before.status} → ${after.status}: ${sentence}`;
}

/** ` (archived, gated)`: the findings beside a state, which `--fail-on` may count. */
function findingsNote(state: LinkState): string {
  return state.findings === undefined ? '' : ` (${state.findings.join(', ')})`;
}
