/**
 * `### Worth a look`: the findings beside the status (archived, renamed, gated, withdrawn,
 * title drift, links a platform's API could not be asked about), one line each, in report
 * order. Its own function so the Markdown report's other sections can change without it.
 */
import { CATALOGS, plural, type Lang, type Plural } from '../i18n/index.js';
import type { Finding } from '../outcome/findings.js';
import { describeFinding } from './finding-sentences.js';
import { formatCodeSpan, formatText, formatUrl, lineRef } from './markdown-format.js';
import type { Report } from './schema.js';

/** The section's lines, or none when no entry has a finding. */
export function worthALookSection(report: Report, fileName: string, lang: Lang = 'en'): string[] {
  const lines: string[] = [];
  let unprobed = 0;
  for (const resource of report.results) {
    for (const entry of [resource, ...resource.mirrors]) {
      for (const finding of entry.findings ?? []) {
        if (finding.kind === 'unprobed') unprobed += 1;
        lines.push(
          `- ${formatCodeSpan(finding.kind)} **${formatText(resource.title)}** (${formatCodeSpan(resource.id)}, ${lineRef(fileName, entry.line)}): ${formatUrl(entry.url)} — ${formatText(describeFinding(finding, lang))}`,
        );
      }
    }
  }
  if (lines.length === 0) return [];
  const { title, help } = CATALOGS[lang].findings;
  // What a finding is, once, before the first one: the word is jargon to most readers.
  return [`### ${title}`, '', formatText(help), '', ...unprobedNote(unprobed, lang), ...lines, ''];
}

/** How many links the run left to their page check alone, said before the list. */
function unprobedNote(count: number, lang: Lang): string[] {
  if (count === 0) return [];
  const word = formatCodeSpan('unprobed' satisfies Finding['kind']);
  const message: Plural = CATALOGS[lang].findings.unprobed;
  return [plural(lang, message, count, { word }), ''];
}
