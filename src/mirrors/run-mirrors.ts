/**
 * Wires the finders and the candidates' check to the run's transport: the finders ask the
 * platforms through the same fetches, slots and proxy settings as `check`, and every candidate
 * is then checked by `runCheck` itself, as a resource of a small roadmap of candidates, so
 * "reachable, open in the region, not removed" means exactly what it means for any link.
 */
import { createRunFetches } from '../fetch/run-fetches.js';
import { openRunDispatcher } from '../fetch/dispatchers.js';
import { createSlots } from '../fetch/slots.js';
import type { CurateFlags, ResolvedOptions } from '../options.js';
import { resolveOptions } from '../options.js';
import { probeTransportOver } from '../probes/probe.js';
import type { Report } from '../report/schema.js';
import { parseRoadmap, type LoadedRoadmap } from '../roadmap/load.js';
import type { Roadmap } from '../roadmap/schema.js';
import { runCheck, type RunDeps } from '../run.js';
import { findMirrors, type SubjectAnswers } from './find.js';
import type { FinderFetch, MirrorFinder, MirrorSubject } from './finder.js';
import type { CheckOf } from './rank.js';

/** What the wiring needs from outside; the command passes the real clock and timers. */
export type MirrorRunDeps = Pick<
  RunDeps,
  'toolVersion' | 'now' | 'signal' | 'dispatcher' | 'lookup'
> & {
  sleep: (ms: number) => Promise<void>;
  onSubject?: (done: number, total: number) => void;
};

/** Asks the finders about the subjects over one transport, closed afterwards. */
export async function askFinders(
  subjects: readonly MirrorSubject[],
  finders: readonly MirrorFinder[],
  options: ResolvedOptions,
  deps: MirrorRunDeps,
): Promise<SubjectAnswers[]> {
  if (subjects.length === 0) return [];
  const transport = await openRunDispatcher(
    {
      settings: options.transport.dispatcher,
      caFile: options.transport.caFile,
      lang: options.report.lang,
    },
    deps.dispatcher,
    deps.lookup,
  );
  try {
    const fetches = createRunFetches(options.fetch, {
      dispatcher: transport.dispatcher,
      slots: createSlots(options.transport.concurrency, options.transport.perHostFor),
      now: () => deps.now().getTime(),
      sleep: deps.sleep,
      ...(deps.signal ? { signal: deps.signal } : {}),
    });
    const probeTransport = probeTransportOver(fetches);
    // The finder's headers (Bilibili's cookie and Referer) go to the host asked, never a redirect's.
    const fetch: FinderFetch = (url, headers = {}) =>
      probeTransport(url, (hop) => (hop.host === url.host ? headers : {}));
    return await findMirrors(
      subjects,
      finders,
      { fetch, sleep: deps.sleep, now: deps.now },
      deps.onSubject,
    );
  } finally {
    await transport.close();
  }
}

/** Kind of resource a candidate is checked as, by platform; only naming, the check is the same. */
function kindOf(platform: string): 'video' | 'repo' | 'docs' {
  if (platform === 'bilibili') return 'video';
  if (platform === 'gitee') return 'repo';
  return 'docs';
}

/** The candidates as a roadmap of their own, in the original's regions and with its settings. */
export function candidateRoadmap(
  original: Roadmap,
  candidates: readonly { url: string; platform: string; title: string | undefined }[],
): LoadedRoadmap {
  const unique = [...new Map(candidates.map((candidate) => [candidate.url, candidate])).values()];
  const roadmap = {
    version: 1,
    title: `mirror candidates for ${original.title}`,
    ...(original.regions === undefined ? {} : { regions: original.regions }),
    ...(original.settings === undefined ? {} : { settings: original.settings }),
    sections: [
      {
        id: '1',
        title: 'candidates',
        resources: unique.map((candidate, index) => ({
          id: `candidate-${index + 1}`,
          title: candidate.title ?? candidate.url,
          url: candidate.url,
          kind: kindOf(candidate.platform),
        })),
      },
    ],
  };
  // JSON is YAML: the roadmap reader validates it like any roadmap file.
  return parseRoadmap(JSON.stringify(roadmap, null, 2), 'mirror-candidates.yaml');
}

/**
 * Checks every candidate with `runCheck` (its report goes to `<out>/mirror-candidates/`) and
 * returns how each one fared in a region. Empty when there are no candidates.
 */
export async function checkCandidates(
  found: readonly SubjectAnswers[],
  original: Roadmap,
  flags: CurateFlags,
  env: Readonly<Record<string, string | undefined>>,
  deps: MirrorRunDeps,
): Promise<{ checkOf: CheckOf; report: Report | undefined }> {
  const candidates = found.flatMap(({ answers }) =>
    answers.flatMap(({ answer }) => (answer.kind === 'candidates' ? answer.candidates : [])),
  );
  if (candidates.length === 0) return { checkOf: () => undefined, report: undefined };
  const loaded = candidateRoadmap(original, candidates);
  const options = resolveOptions(flags, loaded.roadmap.settings, env);
  const { report } = await runCheck(loaded, options, {
    toolVersion: deps.toolVersion,
    now: deps.now,
    sleep: deps.sleep,
    ...(deps.signal ? { signal: deps.signal } : {}),
    ...(deps.dispatcher ? { dispatcher: deps.dispatcher } : {}),
    ...(deps.lookup ? { lookup: deps.lookup } : {}),
  });
  const byUrl = new Map(report.results.map((result) => [result.url, result]));
  const checkOf: CheckOf = (url, region) => {
    const result = byUrl.get(url);
    if (result === undefined) return undefined;
    const { outcome } = result;
    return {
      status: outcome.status,
      ...('reason' in outcome && typeof outcome.reason === 'string'
        ? { reason: outcome.reason }
        : {}),
      access: result.region?.[region]?.access ?? 'unknown',
    };
  };
  return { checkOf, report };
}
