/**
 * The text `curate mirrors` prints: per resource, its candidates as a table (best first) and
 * every search that could not be made or has nothing to find, so an empty table is never
 * mistaken for "no copy exists". Every word comes from the mirrors catalog of the language
 * (i18n/mirrors-en.ts), the finders' facts too (mirrors/evidence.ts); a finder's `detail` (an
 * HTTP status, an API's code) is shown as mirrors.json has it.
 */
import { describeEvidence } from './evidence.js';
import {
  CATALOGS,
  mirrorsTextOf,
  regionName,
  type Catalog,
  type Lang,
  type MirrorsText,
} from '../i18n/index.js';
import type { CandidateCheck, MirrorsEntry, RankedCandidate } from './schema.js';

/** The command's table, one block per resource and region. */
export function renderMirrorsTable(entries: readonly MirrorsEntry[], lang: Lang = 'en'): string {
  const text = mirrorsTextOf(lang);
  const catalog = CATALOGS[lang];
  if (entries.length === 0) return `${text.nothingToFind}\n`;
  const lines: string[] = [];
  for (const entry of entries) {
    const region = regionName(catalog, entry.region);
    lines.push(text.resourceHeading(entry.resourceId, region, entry.url));
    for (const search of entry.searches) {
      switch (search.result) {
        case 'could-not-search':
          lines.push(
            `  ${text.couldNotSearch(search.finder, text.couldNotSearchReason[search.reason], search.detail)}`,
          );
          break;
        case 'no-stable-mirror':
          lines.push(`  ${text.noStableMirror(search.finder, hostnameOf(entry.url))}`);
          break;
        case 'searched':
          if (search.candidates === 0) lines.push(`  ${text.noCopyMatched(search.finder)}`);
          break;
        default:
          search satisfies never;
      }
    }
    if (entry.candidates.length > 0) {
      const { standing, url, evidence } = text.column;
      lines.push(`  | ${standing} | ${url} | ${evidence} |`, '  | --- | --- | --- |');
      for (const candidate of entry.candidates) {
        const why = whyOf(candidate, region, text, catalog);
        lines.push(`  | ${text.standing[candidate.standing]} | ${candidate.url} | ${why} |`);
      }
    }
  }
  const matched = entries.filter(
    (entry) => entry.candidates[0]?.standing === 'matched-by-evidence',
  ).length;
  const blocked = entries.filter((entry) =>
    entry.searches.some((search) => search.result === 'could-not-search'),
  ).length;
  lines.push('', text.summary(entries.length, matched, blocked));
  return `${lines.join('\n')}\n`;
}

/** The evidence column: the variant, the finder's evidence, and why a rejected one is out. */
function whyOf(
  candidate: RankedCandidate,
  region: string,
  text: MirrorsText,
  catalog: Catalog,
): string {
  return [
    ...(candidate.variant === undefined ? [] : [candidate.variant]),
    // A mirrors.json from before `facts` has only the English sentences: shown as written.
    ...(candidate.facts?.map((fact) => describeEvidence(fact, text)) ?? candidate.evidence),
    ...(candidate.standing === 'rejected'
      ? [rejectionOf(candidate.check, region, text, catalog)]
      : []),
  ].join(text.evidenceSeparator);
}

/**
 * Why a candidate was rejected, worded from its check rather than mirrors.json's English
 * `rejectedBecause`: the same two cases as rank.ts's `rejection`, in the reader's language.
 */
function rejectionOf(
  check: CandidateCheck,
  region: string,
  text: MirrorsText,
  catalog: Catalog,
): string {
  if (check.status !== 'ok' && check.status !== 'redirected') {
    return text.checkSaid(
      labelOf(catalog.status, check.status),
      check.reason === undefined ? undefined : labelOf(catalog.reason, check.reason),
    );
  }
  return text.notOpenIn(region, labelOf(catalog.access, check.access));
}

/** A machine word's label; mirrors.json keeps them as strings, so an unknown one is shown as written. */
function labelOf(labels: Readonly<Record<string, string>>, word: string): string {
  return labels[word] ?? word;
}

/** The original's host, for a line that names it in words of its own. */
function hostnameOf(url: string): string {
  return URL.canParse(url) ? new URL(url).hostname : url;
}
