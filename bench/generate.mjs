/**
 * Generated roadmaps for the benchmark: N resources spread evenly over H farm hosts, each URL's
 * path naming the answer the farm will give (see farm.mjs), drawn from a seeded mix so every run
 * and every tool sees the same list. Written as roadmap YAML for curate and as a Markdown list
 * for the peers (linkinator, markdown-link-check).
 *
 *   node bench/generate.mjs --port 8080 [--out bench/results/roadmaps] [--seed 1]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';
import { hostAddress } from './farm.mjs';

/** Share of each answer kind per mix; each mix sums to 1. */
export const MIXES = {
  /** Mostly small 200 pages, with every kind of trouble a real list has. */
  mixed: { ok: 0.86, 404: 0.05, moved: 0.03, found: 0.03, flaky: 0.025, slow: 0.005 },
  /** The same, with 200 KB pages instead of small ones. */
  big: { big: 0.86, 404: 0.05, moved: 0.03, found: 0.03, flaky: 0.025, slow: 0.005 },
  /** Every URL a plain 200: one request per URL is all it takes. */
  'all-200': { ok: 1 },
};

/** Kinds a correct checker reports broken; every other kind is alive. */
export const BROKEN_KINDS = new Set(['404']);

/** Kinds a correct checker reports neither alive nor broken: the farm never answers them. */
export const UNANSWERED_KINDS = new Set(['hang']);

/** mulberry32: a small, fast, seeded PRNG; enough for picking a mix, not for secrets. */
export function createRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pickKind(mix, unit) {
  let cumulative = 0;
  const entries = Object.entries(mix);
  for (const [kind, share] of entries) {
    cumulative += share;
    if (unit < cumulative) return kind;
  }
  return /** @type {string} */ (entries.at(-1)?.[0]);
}

/**
 * Builds one case: `n` distinct URLs over `hosts` hosts (as even as N allows, in a seeded
 * shuffled order, so no tool gets a friendly host-by-host layout), plus `duplicateShare`·n extra
 * resources that repeat an earlier URL (a checker should fetch those once), and the first
 * `hangs` URLs (a seeded pick, as the order is shuffled) turned into ones the farm never answers.
 */
export function generateCase({ n, hosts, mix, port, seed = 1, duplicateShare = 0, hangs = 0 }) {
  const shares = MIXES[mix];
  if (shares === undefined) throw new Error(`unknown mix "${mix}"`);
  const random = createRandom(seed);
  const hostOrder = Array.from({ length: n }, (_, index) => index % hosts);
  for (let i = hostOrder.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [hostOrder[i], hostOrder[j]] = [hostOrder[j], hostOrder[i]];
  }
  const resources = hostOrder.map((hostIndex, index) => {
    const drawn = pickKind(shares, random());
    const kind = index < hangs ? 'hang' : drawn;
    const id = `r${index + 1}`;
    // The path ends in the resource id, not a bare number: "/ok/404" would read as an error page.
    return {
      id,
      url: `http://${hostAddress(hostIndex)}:${port}/${kind}/${id}`,
      kind,
      hostIndex,
    };
  });
  const duplicates = Math.round(n * duplicateShare);
  for (let index = 0; index < duplicates; index += 1) {
    const original = resources[Math.floor(random() * n)];
    resources.push({ ...original, id: `d${index + 1}` });
  }
  return { n, hosts, mix, seed, port, hangs, resources };
}

/** Counts of each answer kind among a case's distinct URLs. */
export function countKinds(benchCase) {
  const counts = {};
  for (const url of new Set(benchCase.resources.map((resource) => resource.url))) {
    const kind = /^http:\/\/[^/]+\/([a-z0-9]+)\//.exec(url)?.[1] ?? '?';
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}

/** The case as a curate roadmap (YAML, one flow mapping per resource to keep it compact). */
export function toRoadmapYaml(benchCase) {
  const lines = [
    'version: 1',
    `title: bench ${benchCase.mix} N=${benchCase.n} H=${benchCase.hosts}`,
    'sections:',
    "  - id: 'bench'",
    '    title: bench',
    '    resources:',
  ];
  for (const resource of benchCase.resources) {
    lines.push(
      `      - { id: ${resource.id}, title: ${resource.id}, url: '${resource.url}', kind: article }`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The same URLs as a Markdown list, the input the peers understand. */
export function toMarkdown(benchCase) {
  const lines = [`# bench ${benchCase.mix} N=${benchCase.n} H=${benchCase.hosts}`, ''];
  for (const resource of benchCase.resources) lines.push(`- [${resource.id}](${resource.url})`);
  return `${lines.join('\n')}\n`;
}

/** A file-name stem for a case, e.g. `mixed-n10000-h50`. */
export function caseStem(benchCase) {
  const hangs = benchCase.hangs > 0 ? `-hang${benchCase.hangs}` : '';
  return `${benchCase.mix}-n${benchCase.n}-h${benchCase.hosts}${hangs}`;
}

/** Writes `<stem>.yaml` and `<stem>.md` into `dir` and returns their paths. */
export async function writeCase(benchCase, dir) {
  await mkdir(dir, { recursive: true });
  const stem = caseStem(benchCase);
  const roadmapPath = path.join(dir, `${stem}.yaml`);
  const markdownPath = path.join(dir, `${stem}.md`);
  await writeFile(roadmapPath, toRoadmapYaml(benchCase));
  await writeFile(markdownPath, toMarkdown(benchCase));
  return { roadmapPath, markdownPath };
}

async function main(argv) {
  const value = (flag, fallback) => {
    const index = argv.indexOf(flag);
    return index === -1 ? fallback : argv[index + 1];
  };
  const port = Number(value('--port', '8080'));
  const seed = Number(value('--seed', '1'));
  const out = value('--out', path.join('bench', 'results', 'roadmaps'));
  for (const n of [500, 2000, 10_000]) {
    for (const hosts of [50, 5]) {
      for (const mix of Object.keys(MIXES)) {
        const written = await writeCase(generateCase({ n, hosts, mix, port, seed }), out);
        process.stdout.write(`${written.roadmapPath}\n${written.markdownPath}\n`);
      }
    }
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main(process.argv.slice(2));
}
