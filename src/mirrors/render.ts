/**
 * The text `curate mirrors` prints: per resource, its candidates as a table (best first) and
 * every search that could not be made or has nothing to find, so an empty table is never
 * mistaken for "no copy exists".
 */
import { plural } from '../text/plural.js';
import type { MirrorsEntry, MirrorStanding } from './schema.js';

const STANDING_WORDS: Readonly<Record<MirrorStanding, string>> = {
  'matched-by-evidence': 'matched by evidence',
  suggestion: 'suggestion',
  rejected: 'rejected',
};

/** The command's table, one block per resource and region. */
export function renderMirrorsTable(entries: readonly MirrorsEntry[]): string {
  if (entries.length === 0) {
    return 'No resource needs a VPN without a confirmed mirror open there: nothing to find.\n';
  }
  const lines: string[] = [];
  for (const entry of entries) {
    lines.push(`${entry.resourceId} (VPN-only in ${entry.region}): ${entry.url}`);
    for (const search of entry.searches) {
      switch (search.result) {
        case 'could-not-search':
          lines.push(`  ${search.finder}: could not search: ${search.reason} (${search.detail})`);
          break;
        case 'no-stable-mirror':
          lines.push(`  ${search.finder}: no stable mirror (${search.detail})`);
          break;
        case 'searched':
          if (search.candidates === 0) lines.push(`  ${search.finder}: searched, no copy matched`);
          break;
        default:
          search satisfies never;
      }
    }
    if (entry.candidates.length > 0) {
      lines.push('  | standing | url | evidence |', '  | --- | --- | --- |');
      for (const candidate of entry.candidates) {
        const why = [
          ...(candidate.variant === undefined ? [] : [candidate.variant]),
          ...candidate.evidence,
          ...(candidate.rejectedBecause === undefined ? [] : [candidate.rejectedBecause]),
        ].join('; ');
        lines.push(`  | ${STANDING_WORDS[candidate.standing]} | ${candidate.url} | ${why} |`);
      }
    }
  }
  const matched = entries.filter(
    (entry) => entry.candidates[0]?.standing === 'matched-by-evidence',
  ).length;
  const blocked = entries.filter((entry) =>
    entry.searches.some((search) => search.result === 'could-not-search'),
  ).length;
  lines.push(
    '',
    `${plural(entries.length, 'resource')} need a mirror: ${matched} matched by evidence` +
      (blocked > 0 ? `, ${blocked} with a search that could not be made` : '') +
      '.',
  );
  return `${lines.join('\n')}\n`;
}
