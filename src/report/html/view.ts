/**
 * What report.html shows, derived from the report (and the history beside it): one flat row per
 * resource and mirror, section counts, the uncovered VPN-only resources, the vantage matrix and
 * the trend over runs. Pure; the page's script only filters and translates these.
 */
import { STATUSES, type Reason, type Status } from '../../outcome/model.js';
import { LANGS, type Lang } from '../../i18n/index.js';
import type { Finding, FindingKind } from '../../outcome/findings.js';
import { describeFinding } from '../finding-sentences.js';
import type { RegionAccess } from '../../region/verdict.js';
import { linkKey, updateHistory, type History } from '../history.js';
import { assertNever } from '../../domain.js';
import type { Archived, Counts, Report, ReportEntry, ResourceResult } from '../schema.js';
import { networkDownDetail } from '../../i18n/network-down.js';

/** One run's state of a link, as the strip of recent runs shows it. */
export type SeenStatus = { at: string; status: Status; reason: Reason };

export type PageRow = {
  key: string;
  role: 'resource' | 'mirror';
  id: string;
  title: string;
  sectionId: string;
  kind: string;
  url: string | null;
  line: number;
  status: Status;
  reason: Reason;
  httpStatus?: number;
  /** The URL to use instead, for a permanent redirect. */
  finalUrl?: string;
  /** Access per region of the roadmap. */
  access: Record<string, RegionAccess>;
  platform?: string;
  confirmed?: boolean;
  /** What each vantage saw, for merged reports. */
  seen?: Record<string, { status: Status; reason: Reason }>;
  /** The last runs from the history, oldest first (this run last). */
  recent?: SeenStatus[];
  /** For a broken link looked up with `--archive`: the Wayback Machine's answer. */
  archived?: PageArchived;
  /** The findings beside the status, each with report.md's sentence in every language. */
  findings?: PageFinding[];
};

/** One finding as the page shows it: its word (the filter's value) and its sentences. */
export type PageFinding = { kind: FindingKind; text: Record<Lang, string> };

/**
 * A dead link's archived copy as the page shows it: `kind` is the catalog key (`archive.*`);
 * a snapshot names the regions where the archive itself needs a VPN.
 */
export type PageArchived =
  | { kind: 'snapshot'; url: string; timestamp: string; blockedIn: string[] }
  | { kind: 'not-archived' | 'excluded' }
  | { kind: 'unanswered'; detail: string };

export type TrendRun = { at: string; counts: Record<Status, number> };

export type PageData = {
  /** The language the page opens in; the browser's when absent. */
  lang?: Lang;
  title: string;
  file: string;
  version: string;
  startedAt: string;
  vantages: string[];
  isOffline: boolean;
  partial: boolean;
  /** The dead network's detail in every language, so the language switch words it too. */
  networkDown?: Record<Lang, string>;
  cached: number;
  summary: Counts;
  mirrorSummary: Counts;
  regions: string[];
  sections: { id: string; title: string; counts: Record<Status, number> }[];
  rows: PageRow[];
  /** Per region: resources needing a VPN there without a confirmed open mirror. */
  uncovered: { region: string; ids: string[] }[];
  /** Present when the report merges several vantages. */
  matrixVantages?: string[];
  /** Present when a history was given: counts per status per run, oldest first. */
  trend?: TrendRun[];
};

export type PageDataOptions = { lang?: Lang | undefined; history?: History | undefined };

/** Runs shown in each link's strip. */
export const RECENT_RUNS = 10;

export function pageData(report: Report, options: PageDataOptions = {}): PageData {
  const { networkDown } = report;
  // The history as `curate history` will write it after this run: the page shows this run too.
  const history =
    options.history === undefined
      ? undefined
      : updateHistory(options.history, report, {
          keep: Number.MAX_SAFE_INTEGER,
          dropMissing: false,
        });
  const regions = Object.keys(report.regions ?? {});
  const vantages = report.vantages ?? [report.vantage];
  const rows = report.results.flatMap((resource) => rowsOf(resource, regions, vantages, history));
  const checks = report.results.flatMap((resource) => [resource, ...resource.mirrors]);
  return {
    ...(options.lang === undefined ? {} : { lang: options.lang }),
    title: report.roadmap.title,
    file: baseName(report.roadmap.path),
    version: report.tool.version,
    startedAt: report.startedAt,
    vantages,
    isOffline: checks.some((check) => check.outcome.reason === 'offline'),
    partial: report.partial,
    ...(networkDown === undefined
      ? {}
      : { networkDown: inEveryLang((lang) => networkDownDetail(networkDown, lang)) }),
    cached: checks.filter((check) => check.cached === true).length,
    summary: report.summary,
    mirrorSummary: report.mirrorSummary,
    regions,
    sections: sectionsOf(report.results),
    rows,
    uncovered: Object.entries(report.regions ?? {})
      .filter(([, summary]) => summary.uncovered.length > 0)
      .map(([region, summary]) => ({ region, ids: summary.uncovered })),
    ...(vantages.length > 1 ? { matrixVantages: vantages } : {}),
    ...(history === undefined ? {} : { trend: trendOf(history) }),
  };
}

function rowsOf(
  resource: ResourceResult,
  regions: readonly string[],
  vantages: readonly string[],
  history: History | undefined,
): PageRow[] {
  const base = {
    id: resource.id,
    title: resource.title,
    sectionId: resource.sectionId,
    kind: resource.kind,
  };
  const own = entryRow(resource, linkKey(resource.id), regions, vantages, history);
  const mirrors = resource.mirrors.map((mirror, index) => ({
    ...base,
    ...entryRow(
      mirror,
      linkKey(resource.id, mirror.url ?? `[${index}]`),
      regions,
      vantages,
      history,
    ),
    role: 'mirror' as const,
    ...(mirror.platform === undefined ? {} : { platform: mirror.platform }),
    confirmed: mirror.confirmed,
  }));
  return [{ ...base, ...own, role: 'resource' }, ...mirrors];
}

function entryRow(
  entry: ReportEntry,
  key: string,
  regions: readonly string[],
  vantages: readonly string[],
  history: History | undefined,
): Omit<PageRow, 'role' | 'id' | 'title' | 'sectionId' | 'kind'> {
  const { outcome } = entry;
  const access: Record<string, RegionAccess> = {};
  for (const region of regions) access[region] = entry.region?.[region]?.access ?? 'unknown';
  const seen: Record<string, { status: Status; reason: Reason }> = {};
  for (const vantage of vantages) {
    const observed = entry.observations?.[vantage]?.outcome;
    if (observed !== undefined)
      seen[vantage] = { status: observed.status, reason: observed.reason };
  }
  const recent = history?.links[key]
    ?.slice(-RECENT_RUNS)
    .map(({ at, status, reason }) => ({ at, status, reason }));
  return {
    key,
    url: entry.url,
    line: entry.line,
    status: outcome.status,
    reason: outcome.reason,
    ...('httpStatus' in outcome && outcome.httpStatus !== undefined
      ? { httpStatus: outcome.httpStatus }
      : {}),
    ...(outcome.status === 'redirected' ? { finalUrl: outcome.finalUrl } : {}),
    access,
    ...(vantages.length > 1 ? { seen } : {}),
    ...(recent === undefined ? {} : { recent }),
    ...(entry.archived === undefined ? {} : { archived: pageArchived(entry.archived) }),
    ...(entry.findings === undefined ? {} : { findings: entry.findings.map(pageFinding) }),
  };
}

/** The sentences come from the one catalog report.md uses, so both say the same. */
function pageFinding(finding: Finding): PageFinding {
  return { kind: finding.kind, text: inEveryLang((lang) => describeFinding(finding, lang)) };
}

/** A text the page carries in every language it can switch to. */
function inEveryLang(textIn: (lang: Lang) => string): Record<Lang, string> {
  return Object.fromEntries(LANGS.map((lang) => [lang, textIn(lang)])) as Record<Lang, string>;
}

function pageArchived(archived: Archived): PageArchived {
  switch (archived.kind) {
    case 'snapshot':
      return {
        kind: 'snapshot',
        url: archived.url,
        timestamp: archived.timestamp,
        blockedIn: Object.entries(archived.region ?? {})
          .filter(([, verdict]) => verdict.access === 'vpn')
          .map(([region]) => region),
      };
    case 'none':
      return { kind: archived.reason };
    case 'unanswered':
      return { kind: 'unanswered', detail: archived.detail };
    default:
      return assertNever(archived);
  }
}

function sectionsOf(results: readonly ResourceResult[]): PageData['sections'] {
  const sections = new Map<string, PageData['sections'][number]>();
  for (const resource of results) {
    let section = sections.get(resource.sectionId);
    if (section === undefined) {
      section = { id: resource.sectionId, title: resource.sectionTitle, counts: zeroCounts() };
      sections.set(resource.sectionId, section);
    }
    section.counts[resource.outcome.status] += 1;
  }
  return [...sections.values()];
}

/**
 * Counts per status per run. The history keeps observations per link, not per run, and every
 * audit observes every link once, so the runs are counted back from the newest: each link's
 * last observation is in the latest run, its one before in the run before, and so on (a link
 * added later joins the recent runs only). A run is dated by its earliest observation. A run
 * that skipped a link (no network) shifts that link's older observations by one run: the
 * price of a history without run ids.
 */
export function trendOf(history: History): TrendRun[] {
  const links = Object.values(history.links);
  const runCount = Math.max(0, ...links.map((observations) => observations.length));
  const runs: TrendRun[] = [];
  for (let back = runCount; back >= 1; back -= 1) {
    const seen = links.flatMap((observations) => {
      const observation = observations[observations.length - back];
      return observation === undefined ? [] : [observation];
    });
    const counts = zeroCounts();
    for (const observation of seen) counts[observation.status] += 1;
    const at = seen.map((observation) => observation.at).sort(compareText)[0] ?? '';
    runs.push({ at, counts });
  }
  return runs;
}

function zeroCounts(): Record<Status, number> {
  return Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<Status, number>;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The last path segment, for POSIX and Windows paths alike. */
function baseName(path: string): string {
  return path.split(/[\\/]/).at(-1) ?? path;
}
