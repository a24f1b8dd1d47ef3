/**
 * Reads what each tool said about each URL — curate's report.json, linkinator's JSON,
 * markdown-link-check's text — as one word per URL ('alive', 'broken' or the tool's own word
 * for anything else), and scores it against what the farm was told to answer.
 */
import { BROKEN_KINDS, UNANSWERED_KINDS } from './generate.mjs';

/** curate: `broken` is broken; `ok` and `redirected` (a 301 to a live page) are alive. */
export function curateVerdicts(report) {
  const verdicts = new Map();
  for (const result of report.results) {
    if (result.url === null) continue;
    // schemaVersion 2 keeps status and reason in `outcome`; version 1 had them on the entry.
    const { status, reason } = result.outcome ?? result;
    const word =
      status === 'broken'
        ? 'broken'
        : status === 'ok' || status === 'redirected'
          ? 'alive'
          : `${status}:${reason}`;
    verdicts.set(result.url, word);
  }
  return verdicts;
}

/** linkinator `--format json`: state OK / BROKEN / SKIPPED per link (the scanned file included). */
export function linkinatorVerdicts(output) {
  const verdicts = new Map();
  for (const link of output.links ?? []) {
    if (!/^https?:/.test(link.url)) continue;
    const word = link.state === 'OK' ? 'alive' : link.state === 'BROKEN' ? 'broken' : link.state;
    verdicts.set(link.url, word);
  }
  return verdicts;
}

/** markdown-link-check text: `[✓] url`, `[✖] url → Status: 404`, `[/] url` (skipped). */
export function markdownLinkCheckVerdicts(text) {
  const verdicts = new Map();
  for (const line of text.split('\n')) {
    const match = /^\s*\[(✓|✖|\/)\]\s+(\S+)/.exec(line);
    if (match === null) continue;
    const [, mark, url] = match;
    // The summary at the end repeats the failures; the first mention is the verdict.
    if (verdicts.has(url)) continue;
    verdicts.set(url, mark === '✓' ? 'alive' : mark === '✖' ? 'broken' : 'skipped');
  }
  return verdicts;
}

/**
 * Compares verdicts with the expected answer of every distinct URL: each 404 must be broken, a
 * URL never answered anything but alive (curate: unreachable), every other URL alive. Returns
 * the counts of each way to be wrong.
 */
export function scoreVerdicts(resources, verdicts) {
  const score = {
    urls: 0,
    expectedBroken: 0,
    brokenMissed: 0,
    aliveWrong: 0,
    missing: 0,
    wrong: {},
  };
  const seen = new Set();
  for (const resource of resources) {
    if (seen.has(resource.url)) continue;
    seen.add(resource.url);
    score.urls += 1;
    const expected = BROKEN_KINDS.has(resource.kind) ? 'broken' : 'alive';
    if (expected === 'broken') score.expectedBroken += 1;
    const got = verdicts.get(resource.url);
    const isRight = UNANSWERED_KINDS.has(resource.kind)
      ? got !== undefined && got !== 'alive'
      : got === expected;
    if (isRight) continue;
    if (got === undefined) score.missing += 1;
    else if (expected === 'broken') score.brokenMissed += 1;
    else score.aliveWrong += 1;
    const key = `${resource.kind}→${got ?? 'missing'}`;
    score.wrong[key] = (score.wrong[key] ?? 0) + 1;
  }
  return score;
}

/** A short cell for the table: ✓, or what went wrong and how often. */
export function describeScore(score) {
  const entries = Object.entries(score.wrong);
  if (entries.length === 0) return '✓';
  return `✗ ${entries.map(([key, count]) => `${count} ${key}`).join(', ')}`;
}
