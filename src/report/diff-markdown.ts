/**
 * `curate diff --format markdown`: the diff as Markdown, for a job summary or a pull-request
 * comment. The same groups, counts and words as the text output (see `diff.ts`).
 */
import { DIFF_GROUPS, describeChange, diffSummary, type ReportDiff } from './diff.js';
import { formatCodeSpan, formatText, formatUrl } from './markdown-format.js';

/** Renders a diff as Markdown: a heading, the summary line, then one list per non-empty group. */
export function renderDiffMarkdown(diff: ReportDiff): string {
  const lines = [
    `### curate diff: ${formatCodeSpan(diff.roadmap)}`,
    '',
    `${formatText(diff.before.startedAt)} (${formatText(diff.before.vantage)}) → ${formatText(diff.after.startedAt)} (${formatText(diff.after.vantage)}): ${formatText(diffSummary(diff))}.`,
  ];
  for (const [group, heading] of DIFF_GROUPS) {
    const entries = diff[group];
    if (entries.length === 0) continue;
    lines.push('', `#### ${heading} (${entries.length})`, '');
    for (const entry of entries) {
      const name = entry.role === 'mirror' ? `${entry.resourceId} (mirror)` : entry.resourceId;
      const url = entry.url === null ? '' : ` ${formatUrl(entry.url)}`;
      lines.push(
        `- ${formatCodeSpan(`${diff.roadmap}:${entry.line}`)} **${formatText(name)}**: ${formatText(describeChange(entry, group))}${url}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
