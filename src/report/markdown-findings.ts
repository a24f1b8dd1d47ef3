/**
 * `### Worth a look`: the findings beside the status (archived, renamed, gated, withdrawn,
 * title drift, links a platform's API could not be asked about), one line each, in report
 * order. Its own function so the Markdown report's other sections can change without it.
 */
import type { Lang } from '../i18n/index.js';
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
  const title = lang === 'zh-CN' ? '### 值得一看' : '### Worth a look';
  return [title, '', ...unprobedNote(unprobed, lang), ...lines, ''];
}

/** How many links the run left to their page check alone, said before the list. */
function unprobedNote(count: number, lang: Lang): string[] {
  if (count === 0) return [];
  const word = formatCodeSpan('unprobed' satisfies Finding['kind']);
  if (lang === 'zh-CN') {
    return [
      `有 ${count} 个链接没能通过平台 API 查询（配额已用完），以页面检查结果为准，下面标为 ${word}。`,
      '',
    ];
  }
  const links = count === 1 ? '1 link was' : `${count} links were`;
  return [
    `${links} not asked about through the platform's API (quota exhausted); each stands as its page check said and is listed as ${formatCodeSpan('unprobed' satisfies Finding['kind'])} below.`,
    '',
  ];
}
