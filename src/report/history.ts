/**
 * `reports/history.json`: the last observations of every link across audit runs, so that a link
 * is called dead only when it stayed dead (K consecutive failing runs), not after one bad night.
 */
import { z } from 'zod';
import type { CheckOutcome } from '../domain.js';
import { InputError, UsageError } from '../errors.js';
import { commandTextOf, type Lang } from '../i18n/index.js';
import { isFailingLink, type FailOn } from '../outcome/fail-on.js';
import { FINDING_KINDS, findingKinds, type Finding } from '../outcome/findings.js';
import { statusReasonOf, withStatusReason } from '../outcome/status-reason.js';
import { isUnchecked } from '../outcome/unfetched.js';
import { isInMissingShard } from './coverage.js';
import { parseJsonInput, schemaProblems } from './json-input.js';
import type { Report, ReportEntry } from './schema.js';
import { DEFAULTS } from '../options/defaults.js';

/** Bumped only for a breaking change of history.json. */
export const HISTORY_SCHEMA_VERSION = 1;

/** One observation of one link in one run: when, from where, and the outcome's status and reason. */
export const HistoryObservationSchema = withStatusReason({
  /** ISO time the link was checked. */
  at: z.string(),
  /** Where it was checked from: `global` or a region. */
  vantage: z.string(),
  /**
   * The kinds of the findings beside the status (`archived` …), so that `--fail-on archived`
   * judges a history as it judges the report; absent when there were none (and in older files).
   */
  findings: z.array(z.enum(FINDING_KINDS)).min(1).optional(),
});

/** The whole history file: observations per link key, oldest first. */
export const HistorySchema = z.strictObject({
  schemaVersion: z.literal(HISTORY_SCHEMA_VERSION),
  links: z.record(z.string(), z.array(HistoryObservationSchema)),
});

export type HistoryObservation = z.infer<typeof HistoryObservationSchema>;
export type History = z.infer<typeof HistorySchema>;

/** Which link of a roadmap a record is about: its history key and where the roadmap has it. */
export type LinkIdentity = {
  key: string;
  resourceId: string;
  role: 'resource' | 'mirror';
  /** The resource's title (mirrors share it). */
  title: string;
  url: string | null;
  line: number;
};

/** One checked URL of a report, a resource's own or a mirror's, under its history key. */
export type ReportLink = LinkIdentity & {
  outcome: CheckOutcome;
  checkedAt: string;
  /** The findings beside the status, when there are any: `--fail-on` may count them. */
  findings?: readonly Finding[];
};

/** The history key of a link: the resource id, or `<id>#mirror:<url>` for a mirror. */
export function linkKey(resourceId: string, mirrorUrl?: string): string {
  return mirrorUrl === undefined ? resourceId : `${resourceId}#mirror:${mirrorUrl}`;
}

/** The resource id in a history key (see {@link linkKey}). */
export function resourceIdOfKey(key: string): string {
  const mirror = key.indexOf('#mirror:');
  return mirror === -1 ? key : key.slice(0, mirror);
}

/** Every link of a report in report order, each under its history key (first one wins). */
export function reportLinks(report: Report): ReportLink[] {
  const links = new Map<string, ReportLink>();
  const add = (link: ReportLink): void => {
    if (!links.has(link.key)) links.set(link.key, link);
  };
  for (const result of report.results) {
    const resource = { resourceId: result.id, title: result.title };
    add(toLink(result, { ...resource, key: linkKey(result.id), role: 'resource' }));
    result.mirrors.forEach((mirror, index) => {
      // A mirror always has a URL in the roadmap format; the index keeps a hand-edited one apart.
      const key = linkKey(result.id, mirror.url ?? `[${index}]`);
      add(toLink(mirror, { ...resource, key, role: 'mirror' }));
    });
  }
  return [...links.values()];
}

function toLink(
  entry: ReportEntry,
  where: Pick<ReportLink, 'key' | 'role' | 'resourceId' | 'title'>,
): ReportLink {
  return {
    ...where,
    url: entry.url,
    line: entry.line,
    outcome: entry.outcome,
    checkedAt: entry.checkedAt,
    ...(entry.findings === undefined ? {} : { findings: entry.findings }),
  };
}

/** The statuses counted as failing when nothing else is said: the one `--fail-on` default. */
export const DEFAULT_FAILING: FailOn = new Set(DEFAULTS.failOn);

/** A history with no observations yet (the first audit). */
export function emptyHistory(): History {
  return { schemaVersion: HISTORY_SCHEMA_VERSION, links: {} };
}

/** Reads history.json text; a malformed file is an input error naming every problem. */
export function parseHistory(text: string, file: string, lang: Lang = 'en'): History {
  const words = commandTextOf(lang);
  const data = parseJsonInput(text, file, {
    message: words.historyNotJson(file),
    lang,
  });
  const parsed = HistorySchema.safeParse(data);
  if (parsed.success) return parsed.data;
  throw new InputError(words.historyInvalid(file), schemaProblems(file, parsed.error.issues), {
    hint: words.historyInvalidHint,
    lang,
  });
}

/** history.json text: stable key order and a final newline, so commits show real changes only. */
export function renderHistory(history: History): string {
  return `${JSON.stringify(history, null, 2)}\n`;
}

/** How `updateHistory` trims and prunes. */
export type HistoryUpdateOptions = {
  /** Observations kept per link (the newest); at least `failAfter + 1` to see recoveries. */
  keep: number;
  /**
   * Forget links the report does not list, so that a removed resource cannot keep the tracking
   * issue open forever. Turn off when the report covers only part of the roadmap (`--only`).
   * @default true
   */
  dropMissing?: boolean;
};

/** Adds a report's observations to the history; applying the same report twice changes nothing. */
export function updateHistory(
  history: History,
  report: Report,
  options: HistoryUpdateOptions,
): History {
  if (!Number.isInteger(options.keep) || options.keep < 1) {
    throw new UsageError(
      `History must keep at least one observation per link, not ${options.keep}.`,
    );
  }
  const links = new Map(Object.entries(history.links));
  const listed = new Set<string>();
  for (const link of reportLinks(report)) {
    listed.add(link.key);
    const { outcome } = link;
    // A run that did not check the link says nothing about it: recording it would break a chain
    // of failures (or of recoveries) that the link itself never broke.
    if (isUnchecked(outcome)) continue;
    const observation: HistoryObservation = {
      at: link.checkedAt === '' ? report.startedAt : link.checkedAt,
      vantage: report.vantage,
      ...statusReasonOf(outcome),
      ...(link.findings === undefined ? {} : { findings: findingKinds(link.findings) }),
    };
    const earlier = (links.get(link.key) ?? []).filter(
      (seen) => seen.at !== observation.at || seen.vantage !== observation.vantage,
    );
    // ISO-8601 UTC times order as strings; a stable sort keeps same-time observations in order.
    const ordered = [...earlier, observation].sort((a, b) => compareText(a.at, b.at));
    links.set(link.key, ordered.slice(-options.keep));
  }
  // A link of a shard a partial merge lacks was not checked, not removed: it keeps its history.
  const isKept = (key: string): boolean =>
    options.dropMissing === false ||
    listed.has(key) ||
    isInMissingShard(report, resourceIdOfKey(key));
  const keys = [...links.keys()].filter(isKept).sort(compareText);
  return {
    schemaVersion: HISTORY_SCHEMA_VERSION,
    links: Object.fromEntries(keys.map((key) => [key, links.get(key) ?? []])),
  };
}

/** A link failing in its latest observations. */
export type FailingLink = {
  key: string;
  /** Time of the first observation of the current failing streak. */
  since: string;
  /** Length of the streak, in observations. */
  streak: number;
  latest: HistoryObservation;
};

/** A link that had failed long enough to count and now works again. */
export type RecoveredLink = {
  key: string;
  /** Time of the first observation of the failing streak that just ended. */
  since: string;
  /** Time of the observation that found it working. */
  recoveredAt: string;
  latest: HistoryObservation;
};

/** What the history says about each link, for the tracking issue. */
export type Flakiness = {
  /** Failing now, but for fewer than `failAfter` observations: not counted yet (maybe flaky). */
  newFailures: FailingLink[];
  /** Failing for at least `failAfter` consecutive observations. */
  persistent: FailingLink[];
  /** Persistent before the latest observation, which found it working. */
  recovered: RecoveredLink[];
};

/** How `assessFlakiness` decides. */
export type FlakinessOptions = {
  /** Consecutive failing observations before a link counts as failing. @default 2 */
  failAfter?: number;
  /** Statuses (or `status:reason`) that fail, as in `--fail-on`. */
  failing: FailOn;
  /** Only observations from this vantage; all vantages when absent. */
  vantage?: string;
};

/** Sorts every link of the history into new failures, persistent failures and recoveries. */
export function assessFlakiness(history: History, options: FlakinessOptions): Flakiness {
  const failAfter = options.failAfter ?? 2;
  if (!Number.isInteger(failAfter) || failAfter < 1) {
    throw new UsageError(
      `--fail-after must be a whole number of runs, at least 1, not ${failAfter}.`,
    );
  }
  const flakiness: Flakiness = { newFailures: [], persistent: [], recovered: [] };
  for (const key of Object.keys(history.links).sort(compareText)) {
    const observations = (history.links[key] ?? []).filter(
      (seen) => options.vantage === undefined || seen.vantage === options.vantage,
    );
    const latest = observations.at(-1);
    if (latest === undefined) continue;
    const isFailingSeen = (seen: HistoryObservation): boolean =>
      isFailingLink(
        { outcome: seen, findings: seen.findings?.map((kind) => ({ kind })) },
        options.failing,
      );
    if (isFailingSeen(latest)) {
      const streak = trailingCount(observations, isFailingSeen);
      const since = observations[observations.length - streak]?.at ?? latest.at;
      const link = { key, since, streak, latest };
      (streak >= failAfter ? flakiness.persistent : flakiness.newFailures).push(link);
      continue;
    }
    const before = observations.slice(0, -1);
    const streak = trailingCount(before, isFailingSeen);
    if (streak >= failAfter) {
      const since = before[before.length - streak]?.at ?? latest.at;
      flakiness.recovered.push({ key, since, recoveredAt: latest.at, latest });
    }
  }
  return flakiness;
}

function trailingCount<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  let count = 0;
  for (let i = items.length - 1; i >= 0 && predicate(items[i] as T); i -= 1) count += 1;
  return count;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
