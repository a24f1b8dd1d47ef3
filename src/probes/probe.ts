/**
 * Platform probes: for sites whose pages answer 200 whatever became of the content (a removed
 * YouTube video, a deleted Bilibili video), ask the platform's own API instead. A probe is a
 * small module behind one interface; the engine only knows `findProbe` and `createProbeRunner`.
 */
import pLimit from 'p-limit';
import type { CheckOutcome } from '../domain.js';
import type { RunFetches } from '../fetch/run-fetches.js';
import type { ApiValidators } from '../cache/api-validators.js';
import type { Finding } from '../outcome/findings.js';
import { baiduNetdiskProbe } from './baidu-netdisk.js';
import { bilibiliProbe } from './bilibili.js';
import { colabProbe } from './colab.js';
import { toProbeResponse } from './probe-response.js';
import { wechatProbe } from './wechat.js';
import { youtubeProbe } from './youtube.js';
import { zhihuProbe } from './zhihu.js';
import { arxivProbe } from './arxiv.js';
import { createGithubProbe } from './github.js';
import { huggingfaceProbe } from './huggingface.js';

/** What a probe may ask of the network: a GET whose JSON/text body comes back (capped), or a failure. */
export type ProbeFetch = (url: URL) => Promise<ProbeResponse>;

/** Request headers a probe adds for a URL (each hop is asked again, so they never leak across hosts). */
export type ProbeHeaders = (url: URL) => Readonly<Record<string, string>>;

/** The network under every probe: a GET with the asking probe's own headers. */
export type ProbeTransport = (url: URL, headersFor: ProbeHeaders) => Promise<ProbeResponse>;

/**
 * The answer to a probe's GET, after redirects were followed. A `failure` is a network problem
 * (DNS, reset, timeout); the probe must then say `inconclusive`.
 */
export type ProbeResponse =
  | {
      kind: 'response';
      status: number;
      /** Where the redirects ended; short links (b23.tv) are expanded by reading it. */
      finalUrl: string;
      body: string | undefined;
      contentType: string | undefined;
      /** Lower-case names; the few the fetch keeps (a rate limit's headers, the ETag). */
      headers?: Readonly<Record<string, string>>;
    }
  | { kind: 'failure'; reason: string };

/** What a platform said about one piece of content. */
export type ProbeVerdict =
  /** The content exists and plays; `title` is the platform's own title, when it gave one. */
  | { kind: 'confirmed'; title: string | undefined; findings?: readonly Finding[] }
  /** The platform says the content is gone (`broken`) or cannot be checked as is (`unverified`). */
  | { kind: 'outcome'; outcome: CheckOutcome; title?: string; findings?: readonly Finding[] }
  /**
   * Rate limited, API down, unexpected answer: keep the HTTP classification, never call it
   * broken. A finding (`unprobed`) may still say why the platform was not asked.
   */
  | { kind: 'inconclusive'; detail: string; findings?: readonly Finding[] };

/** A probe's plan for one URL: which content it is about and the canonical URL of that content. */
export type ProbeMatch = {
  probeId: string;
  /** Identifies the content within the probe (video id, bvid); the runner's cache key. */
  key: string;
  /** The canonical URL of the content (e.g. `https://www.youtube.com/watch?v=…`), or the short link to expand. */
  url: URL;
};

/**
 * One platform's check. To add a platform (GitHub for renamed or archived repositories, arXiv
 * for withdrawn papers): write `src/probes/<platform>.ts` exporting a `Probe` whose `match` is a
 * pure URL parser and whose `run` asks the API only through the given `ProbeFetch` (headers the
 * API insists on go in `requestHeaders`), then list it in `DEFAULT_PROBES`. Nothing in the engine changes: the run asks `createProbeRunner` about
 * every URL and merges whatever verdict comes back.
 */
export type Probe = {
  /** Stable name, e.g. `youtube`, `bilibili`; also the first half of the cache key. */
  id: string;
  /** Returns the probe's request plan for a URL, or undefined when the probe does not apply. */
  match(url: URL): ProbeMatch | undefined;
  /**
   * Asks the platform about the matched content; must not throw for network trouble. `page` is
   * the run's own answer for the probed URL, when it has one: probes of platforms without an API
   * (WeChat, Baidu Netdisk, Zhihu) read it instead of asking again, since a second look is what
   * makes those hosts answer with a verification wall. Without it they fetch the page themselves.
   */
  run(match: ProbeMatch, fetch: ProbeFetch, page?: ProbeResponse): Promise<ProbeVerdict>;
  /**
   * Headers the platform's API insists on (Bilibili's answers -412 without its own Referer);
   * the maintainer's configured headers for a host still override them.
   */
  requestHeaders?: ProbeHeaders;
  /**
   * For a platform whose API must see the run's links together (arXiv answers many ids per
   * call and asks for one call every 3 s; GitHub's hourly quota must go to the most important
   * links first). Called once per run, before any check, with every distinct match of the run,
   * most important first; returns a verdict per match key, and `run` is not called for those.
   */
  prepare?(
    matches: readonly ProbeMatch[],
    fetch: ProbeFetch,
    session: ProbeSession,
  ): ReadonlyMap<string, Promise<ProbeVerdict>>;
};

/** What a preparing probe may use besides the network: the run's clock and its sleep. */
export type ProbeSession = {
  sleep(ms: number): Promise<void>;
  /** Milliseconds since the epoch. */
  now(): number;
};

/** The run's links a runner may prepare for, most important first (resources before mirrors). */
export type ProbePlan = { urls: readonly URL[]; session: ProbeSession };

/** What the run's probes are told: the GitHub token, when there is one. */
export type ProbeSettings = { githubToken: string | undefined };

/** What a run hands its probes besides the settings: the `--cache` file's API validators. */
export type ProbeDeps = { validators?: ApiValidators };

/** The probes a run uses unless told otherwise (GitHub without a token). */
export const DEFAULT_PROBES: readonly Probe[] = defaultProbes({ githubToken: undefined });

/** The probes of a run, with its settings. */
export function defaultProbes(settings: ProbeSettings, deps: ProbeDeps = {}): readonly Probe[] {
  return [
    youtubeProbe,
    bilibiliProbe,
    wechatProbe,
    colabProbe,
    zhihuProbe,
    baiduNetdiskProbe,
    createGithubProbe({ token: settings.githubToken, validators: deps.validators }),
    huggingfaceProbe,
    arxivProbe,
  ];
}

/** The first probe (in list order) that applies to a URL, with its plan. */
export function findProbe(
  probes: readonly Probe[],
  url: URL,
): { probe: Probe; match: ProbeMatch } | undefined {
  for (const probe of probes) {
    const match = probe.match(url);
    if (match !== undefined) {
      return { probe, match };
    }
  }
  return undefined;
}

/**
 * Platform APIs (oEmbed, Bilibili's view API) are asked at most this many at a time across the
 * run: one call per video, and Bilibili answers -412 to anything that looks like a flood.
 */
export const PROBE_CONCURRENCY = 2;

/**
 * The probes' transport over the run's fetches: the same dispatcher and slots (an API host is a
 * host like any other), no meta refresh, and the probes' own small limit on top.
 */
export function probeTransportOver(fetches: Pick<RunFetches, 'extra'>): ProbeTransport {
  const limit = pLimit(PROBE_CONCURRENCY);
  return (url, headersFor) =>
    limit(() => fetches.extra(url, { headersFor, followMetaRefresh: false })).then(toProbeResponse);
}

const NO_HEADERS: ProbeHeaders = () => ({});

/**
 * Runs probes with a per-run cache keyed by probeId+key, so one API call per video per run.
 * Given the run's plan, the probes that prepare are asked about all their links at once, first.
 */
export function createProbeRunner(
  probes: readonly Probe[],
  transport: ProbeTransport,
  plan?: ProbePlan,
): { probe(url: URL, page?: ProbeResponse): Promise<ProbeVerdict | undefined> } {
  const verdicts = new Map<string, Promise<ProbeVerdict>>();
  // Different keys can still lead to one request: a b23.tv short link expands to a bvid that
  // another URL names directly. Sharing responses by URL keeps that to one API call too.
  const responses = new Map<string, Promise<ProbeResponse>>();
  const fetchFor =
    (probe: Probe): ProbeFetch =>
    (url) => {
      const cached = responses.get(url.href);
      if (cached !== undefined) {
        return cached;
      }
      const response = transport(url, probe.requestHeaders ?? NO_HEADERS);
      responses.set(url.href, response);
      return response;
    };

  if (plan !== undefined) {
    for (const [probe, matches] of preparingMatches(probes, plan.urls)) {
      // Not through the shared responses: a preparing probe asks each URL as often as it means
      // to (arXiv asks an empty feed twice) and keeps what it must share itself.
      const fetch: ProbeFetch = (url) => transport(url, probe.requestHeaders ?? NO_HEADERS);
      const prepared =
        probe.prepare?.(matches, fetch, plan.session) ?? new Map<string, Promise<ProbeVerdict>>();
      for (const [key, verdict] of prepared) verdicts.set(`${probe.id}\u0000${key}`, verdict);
    }
  }

  return {
    probe(url, page) {
      const found = findProbe(probes, url);
      if (found === undefined) {
        return Promise.resolve(undefined);
      }
      const cacheKey = `${found.probe.id}\u0000${found.match.key}`;
      let verdict = verdicts.get(cacheKey);
      if (verdict === undefined) {
        verdict = found.probe.run(found.match, fetchFor(found.probe), page);
        verdicts.set(cacheKey, verdict);
      }
      return verdict;
    },
  };
}

/** Each preparing probe's distinct matches among the URLs, in the URLs' order. */
function preparingMatches(
  probes: readonly Probe[],
  urls: readonly URL[],
): Map<Probe, ProbeMatch[]> {
  const byProbe = new Map<Probe, ProbeMatch[]>();
  const seen = new Set<string>();
  for (const url of urls) {
    const found = findProbe(probes, url);
    if (found?.probe.prepare === undefined) continue;
    const key = `${found.probe.id}\u0000${found.match.key}`;
    if (seen.has(key)) continue;
    seen.add(key);
    byProbe.set(found.probe, [...(byProbe.get(found.probe) ?? []), found.match]);
  }
  return byProbe;
}
