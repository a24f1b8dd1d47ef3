/**
 * The body of `curate import <list.md|list.html>`: a roadmap.yaml from the Markdown or HTML list a maintainer
 * already keeps; with `--merge roadmap.yaml`, what a newer version of the list adds, spliced into
 * that roadmap, and what it dropped, named.
 */
import { basename, extname } from 'node:path';
import { z } from 'zod';
import { EXIT_CODES, InternalError, type ExitCode } from '../errors.js';
import { buildImportedList, type ImportedList } from '../import/build.js';
import type { ListEntry } from '../import/entries.js';
import { readHtmlEntries } from '../import/html-entries.js';
import { readMarkdownEntries } from '../import/markdown-entries.js';
import { mergeImportedList, type MergeResult } from '../import/merge.js';
import {
  renderImportedList,
  resourcesOfSections,
  roadmapOf,
  type ListSource,
} from '../import/render.js';
import { writeFileAtomically } from '../report/write.js';
import { commandOutputTextOf, type Lang } from '../i18n/index.js';
import { roadmapLangChooser } from '../options/lang.js';
import { loadRoadmap } from '../roadmap/load.js';
import { RoadmapSchema } from '../roadmap/schema.js';
import { listResources, listSections } from '../roadmap/walk.js';
import { renderUnifiedDiff } from '../roadmap/unified-diff.js';
import type { CommandIo } from './io.js';
import { readInputFile } from './read-input.js';
import { writeNewFile } from './write-new-file.js';

import type { ImportFlags } from './import.js';

/** The entries of a list file: HTML by its extension (`.html`, `.htm`), else Markdown. */
export function readListEntries(file: string, text: string): ListEntry[] {
  return ['.html', '.htm'].includes(extname(file).toLowerCase())
    ? readHtmlEntries(text)
    : readMarkdownEntries(text);
}

/** Imports a list: the roadmap to `--out` or stdout, or merged into `--merge`. Exit 0, or 2. */
export async function importCommand(
  file: string,
  flags: ImportFlags,
  io: CommandIo,
): Promise<ExitCode> {
  const text = await readInputFile(file, 'list', io.lang);
  const source: ListSource = { file: basename(file), lines: text.split(/\r?\n/) };
  const entries = readListEntries(file, text);
  if (flags.merge !== undefined) return mergeCommand(flags.merge, entries, source, flags, io);

  const list = buildImportedList(entries, {
    fallbackTitle: flags.title ?? basename(file, extname(file)),
  });
  if (flags.title !== undefined) list.title = flags.title;
  const yaml = renderImportedList(list, source);
  assertValid(list, source);
  if (flags.out === undefined) io.stdout.write(yaml);
  else {
    await writeNewFile(flags.out, yaml, {
      what: 'roadmap',
      force: flags.force === true,
      lang: io.lang,
    });
  }
  io.stderr.write(describeImport(list, source.file, flags.out, io.lang));
  return EXIT_CODES.ok;
}

/** An import that breaks the schema is curate's bug, not the list's: it must never be written. */
function assertValid(list: ImportedList, source: ListSource): void {
  const parsed = RoadmapSchema.safeParse(roadmapOf(list, source));
  if (!parsed.success) {
    throw new InternalError(
      `The imported roadmap breaks the schema:\n${z.prettifyError(parsed.error)}`,
    );
  }
}

async function mergeCommand(
  roadmapFile: string,
  entries: ListEntry[],
  source: ListSource,
  flags: ImportFlags,
  io: CommandIo,
): Promise<ExitCode> {
  const loaded = await loadRoadmap(roadmapFile, {
    lang: roadmapLangChooser(undefined, io.env),
  });
  const reservedIds = listResources(loaded.roadmap).map(({ resource }) => resource.id);
  const list = buildImportedList(entries, { fallbackTitle: loaded.roadmap.title, reservedIds });
  const result = mergeImportedList(loaded, list, source);
  if (flags.dryRun === true) {
    io.stdout.write(renderUnifiedDiff(loaded.text, result.edits, roadmapFile));
  } else if (flags.out !== undefined) {
    await writeNewFile(flags.out, result.text, {
      what: 'roadmap',
      force: flags.force === true,
      lang: io.lang,
    });
  } else if (result.text !== loaded.text) {
    await writeFileAtomically(roadmapFile, result.text, 'roadmap', io.lang);
  }
  io.stderr.write(
    describeMerge(result, source.file, flags.out ?? roadmapFile, flags.dryRun === true, io.lang),
  );
  return EXIT_CODES.ok;
}

/** What was imported, and each link left out because it is not http(s). */
export function describeImport(
  list: ImportedList,
  file: string,
  out: string | undefined,
  lang: Lang = 'en',
): string {
  const words = commandOutputTextOf(lang);
  const roadmap = roadmapOf(list, { file });
  const sections = listSections(roadmap).length;
  const resources = resourcesOfSections(roadmap.sections);
  const mirrors = resources.reduce((sum, resource) => sum + (resource.mirrors?.length ?? 0), 0);
  const lines = [words.importSummary(file, sections, resources.length, mirrors, out)];
  if (list.skippedLinks.length > 0) {
    lines.push(words.importLeftOut(list.skippedLinks.length));
    for (const { line, url } of list.skippedLinks) lines.push(`    ${file}:${line}  ${url}`);
  }
  return `${lines.join('\n')}\n`;
}

/** What a merge added (or would add), what the list dropped, and what must be added by hand. */
export function describeMerge(
  result: MergeResult,
  file: string,
  roadmapFile: string,
  isDryRun: boolean,
  lang: Lang = 'en',
): string {
  const words = commandOutputTextOf(lang);
  const { added, addedSections, dropped, unplaced } = result;
  const lines = [
    words.mergeSummary(roadmapFile, isDryRun, added.length, file, addedSections, dropped.length),
  ];
  for (const { resource, line } of added) {
    lines.push(`  + ${resource.id}  ${resource.url ?? ''}  (${file}:${line})`);
  }
  for (const { line, id, url } of dropped) {
    lines.push(words.mergeDropped(roadmapFile, line, id, url));
  }
  for (const { resource, line } of unplaced) {
    lines.push(words.mergeUnplaced(resource.id, resource.url ?? '', file, line, roadmapFile));
  }
  return `${lines.join('\n')}\n`;
}
