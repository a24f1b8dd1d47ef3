/**
 * One resource's lines in report.md: in full (its check, then the mirrors that share the
 * status, each with its roadmap line) or brief (title and URL, for links that are fine).
 */
import type { Status } from '../domain.js';
import { archivedText } from './markdown-archive.js';
import { formatCodeSpan, formatText, formatUrl, lineRef } from './markdown-format.js';
import { describeOutcome } from './reasons.js';
import { statusWord, type Words } from './report-words.js';
import type { MirrorResult, ReportEntry, ResourceResult } from './schema.js';

/**
 * A resource's lines for one status: its own check when it has that status, then the mirrors
 * that do, nested so a failing mirror is read under the resource it copies.
 */
export function fullEntry(
  resource: ResourceResult,
  status: Status,
  fileName: string,
  words: Words,
): string[] {
  const where = `${formatCodeSpan(resource.id)}, ${lineRef(fileName, resource.line)}`;
  const head = `- **${formatText(resource.title)}** (${where})`;
  const own =
    resource.outcome.status === status
      ? `${head}${checkText(resource, words)}`
      : `${head}: ${itself(resource, words)}`;
  const mirrors = resource.mirrors
    .filter((mirror) => mirror.outcome.status === status)
    .map(
      (mirror) =>
        `  - ${mirrorLabel(mirror, lineRef(fileName, mirror.line), words)}${checkText(mirror, words)}`,
    );
  return [own, ...mirrors];
}

function itself(resource: ResourceResult, words: Words): string {
  return words.md('itself', { status: statusWord(resource.outcome.status, words) });
}

/** A compact line for links that are fine: title and URL, plus the reason when it is not plain `ok`. */
export function briefEntry(resource: ResourceResult, status: Status, words: Words): string[] {
  const note = (check: ReportEntry): string =>
    check.outcome.reason === 'ok'
      ? ''
      : ` — ${formatText(describeOutcome(check.outcome, words.lang))}`;
  const own =
    resource.outcome.status === status
      ? `- ${formatText(resource.title)} — ${formatUrl(resource.url)}${note(resource)}`
      : `- ${formatText(resource.title)}: ${itself(resource, words)}`;
  const mirrors = resource.mirrors
    .filter((mirror) => mirror.outcome.status === status)
    .map(
      (mirror) =>
        `  - ${mirrorLabel(mirror, undefined, words)} — ${formatUrl(mirror.url)}${note(mirror)}`,
    );
  return [own, ...mirrors];
}

/** `: <url> — reason → <new url>`; the URL is left out when the roadmap gives none. */
function checkText(check: ReportEntry, words: Words): string {
  const url = check.url === null ? '' : `: ${formatUrl(check.url)}`;
  const { outcome } = check;
  const reason = formatText(describeOutcome(outcome, words.lang));
  const moved = outcome.status === 'redirected' ? ` → ${formatUrl(outcome.finalUrl)}` : '';
  return `${url} — ${reason}${moved}${archivedText(check)}`;
}

function mirrorLabel(mirror: MirrorResult, where: string | undefined, words: Words): string {
  const parts = [
    ...(mirror.platform === undefined ? [] : [formatText(mirror.platform)]),
    ...(mirror.confirmed ? [] : [words.md('unconfirmed')]),
    ...(where === undefined ? [] : [where]),
  ];
  return parts.length === 0
    ? words.md('mirror')
    : words.md('mirrorWith', { parts: parts.join(words.md('separator')) });
}

export function involves(resource: ResourceResult, status: Status): boolean {
  return (
    resource.outcome.status === status ||
    resource.mirrors.some((mirror) => mirror.outcome.status === status)
  );
}

/** Groups resources under `2.1 Section title` headings, in the order the sections first appear. */
export function groupBySection(resources: readonly ResourceResult[]): [string, ResourceResult[]][] {
  const groups = new Map<string, ResourceResult[]>();
  for (const resource of resources) {
    const heading = `${formatText(resource.sectionId)} ${formatText(resource.sectionTitle)}`;
    const members = groups.get(heading) ?? [];
    members.push(resource);
    groups.set(heading, members);
  }
  return [...groups];
}
