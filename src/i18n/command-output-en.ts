/**
 * The reference texts of what the commands print when they succeed: history's flakiness
 * summary, fix's changes, import's counts. zh-CN (command-output-zh-CN.ts) is typed against
 * this. Keys, URLs, file names and ISO times stay as written, so the lines can be searched.
 */
import type { TextsOf } from './catalog.js';
import type { Reason, Status } from '../outcome/model.js';
import type { FixSkipReason } from '../roadmap/fix-splice.js';
import { plural, pluralForm } from '../text/plural.js';

export const COMMAND_OUTPUT_TEXT_EN = {
  // commands/history.ts: the summary, then one line per link that failed or recovered.
  historySummary: (
    file: string,
    links: number,
    persistent: number,
    fresh: number,
    recovered: number,
  ) =>
    `${file}: ${plural(links, 'link')}; ${persistent} persistent, ${fresh} new, ${recovered} recovered.`,
  historyPersistent: (key: string, status: Status, reason: Reason, since: string, streak: number) =>
    `  persistent  ${key}  ${status}:${reason} since ${since} (${plural(streak, 'run')})`,
  historyNew: (key: string, status: Status, reason: Reason, since: string) =>
    `  new         ${key}  ${status}:${reason} since ${since}`,
  historyRecovered: (key: string, status: Status, recoveredAt: string, since: string) =>
    `  recovered   ${key}  ${status} at ${recoveredAt} (failing since ${since})`,
  historyWroteIssue: (file: string, shouldBeOpen: boolean) =>
    `wrote ${file}: the tracking issue should be ${shouldBeOpen ? 'open' : 'closed'}.`,
  // commands/fix.ts: what was (or, with --dry-run, would be) rewritten, then each fix skipped.
  fixSummary: (file: string, isDryRun: boolean, moved: number, archived: number, skipped: number) =>
    `${file}: ${isDryRun ? 'would update' : 'updated'} ${plural(moved, 'moved URL')}${
      archived === 0 ? '' : ` and ${plural(archived, 'dead URL')} to their archived copy`
    }${skipped > 0 ? `, skipped ${skipped}` : ''}.`,
  fixSkipped: (file: string, line: number, from: string, to: string, why: string) =>
    `  skipped ${file}:${line} ${from} → ${to}: ${why}`,
  fixSkipReason: {
    'not-found': 'that URL is no longer on that line (the roadmap changed since the report)',
    'block-scalar': 'the URL is a block scalar (| or >); edit it by hand',
    conflict: 'another fix already rewrote this URL',
    unchanged: 'it already points there',
    'has-original': 'the resource already has an original_url; edit it by hand',
  } satisfies Readonly<Record<FixSkipReason, string>>,
  // commands/import-list.ts: what `import` wrote, and the links it left out.
  importSummary: (
    file: string,
    sections: number,
    resources: number,
    mirrors: number,
    out: string | undefined,
  ) =>
    `${file}: imported ${plural(sections, 'section')}, ${plural(resources, 'resource')} and ${plural(mirrors, 'mirror')}${out === undefined ? '' : ` into ${out}`}.`,
  importLeftOut: (links: number) =>
    `  left out ${plural(links, 'link')} that ${pluralForm(links, 'is', 'are')} not http(s) (relative paths, #anchors):`,
  // commands/import-list.ts: what `import --merge` added, and what the list no longer has.
  mergeSummary: (
    roadmapFile: string,
    isDryRun: boolean,
    added: number,
    file: string,
    addedSections: readonly string[],
    dropped: number,
  ) =>
    `${roadmapFile}: ${isDryRun ? 'would add' : 'added'} ${plural(added, 'resource')} from ${file}${addedSections.length > 0 ? ` (new sections: ${addedSections.join(', ')})` : ''}; ${plural(dropped, 'resource')} ${file} no longer has (kept).`,
  mergeDropped: (roadmapFile: string, line: number, id: string, url: string) =>
    `  - ${roadmapFile}:${line}  ${id}  ${url}  (dropped upstream; delete it by hand if it should go)`,
  mergeUnplaced: (id: string, url: string, file: string, line: number, roadmapFile: string) =>
    `  ! ${id}  ${url}  (${file}:${line}): its place in ${roadmapFile} is a flow-style list; add it by hand`,
} as const;

/** The shape every language's command output has: en's keys, strings widened. */
export type CommandOutputText = TextsOf<typeof COMMAND_OUTPUT_TEXT_EN>;
