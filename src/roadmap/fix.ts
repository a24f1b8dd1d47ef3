/**
 * The fixes `curate fix` makes: every URL that moved permanently, and where it moved (a
 * redirect, or a repository the platform says was renamed). The
 * splicer that writes them into the roadmap is `fix-splice.ts`.
 */
import type { Report } from '../report/schema.js';

/**
 * Replace `from` by `to` in the `url:` written on `line` (1-based). With `keepsOriginal`, the
 * old URL is also written beside it as `original_url:` (an archived copy: reversible).
 */
export type UrlFix = { line: number; from: string; to: string; keepsOriginal?: true };

/** The fixes without repeats, in their first order. */
export function uniqueFixes(fixes: readonly UrlFix[]): UrlFix[] {
  const seen = new Map<string, UrlFix>();
  for (const fix of fixes) {
    const key = JSON.stringify([fix.line, fix.from, fix.to, fix.keepsOriginal === true]);
    if (!seen.has(key)) seen.set(key, fix);
  }
  return [...seen.values()];
}

/**
 * Every permanent redirect of a report, resource or mirror, as a fix to its `finalUrl`, and
 * every `renamed` finding as a fix to its new URL (a renamed repository whose file is gone
 * still moved: the rename is fixed, and the report keeps saying the file is missing).
 */
export function fixesFromReport(report: Report): UrlFix[] {
  const links = report.results.flatMap((result) => [result, ...result.mirrors]);
  const fixes: UrlFix[] = [];
  for (const link of links) {
    if (link.url === null) continue;
    const renamed = link.findings?.find((finding) => finding.kind === 'renamed');
    const moved = link.outcome.status === 'redirected' ? link.outcome.finalUrl : renamed?.newUrl;
    if (moved === undefined) continue;
    const to = keepFragment(link.url, moved);
    if (to !== link.url) fixes.push({ line: link.line, from: link.url, to });
  }
  return uniqueFixes(fixes);
}

/**
 * `curate fix --archive`: every broken resource with a Wayback Machine snapshot in the report,
 * as a fix to that snapshot that keeps the old URL as `original_url:`. Resources only: a dead
 * mirror is better removed than archived, and mirrors have no `original_url:`.
 */
export function archiveFixesFromReport(report: Report): UrlFix[] {
  const fixes: UrlFix[] = [];
  for (const resource of report.results) {
    const { archived, url } = resource;
    if (resource.outcome.status !== 'broken' || url === null || archived?.kind !== 'snapshot') {
      continue;
    }
    fixes.push({
      line: resource.line,
      from: url,
      to: keepFragment(url, archived.url),
      keepsOriginal: true,
    });
  }
  return uniqueFixes(fixes);
}

/**
 * A redirect without a fragment keeps the original one (RFC 9110 §10.2.2), and the fragment is
 * the part of the URL the roadmap chose on purpose.
 */
function keepFragment(from: string, to: string): string {
  const hash = from.indexOf('#');
  if (hash === -1 || to.includes('#')) return to;
  return `${to}${from.slice(hash)}`;
}
