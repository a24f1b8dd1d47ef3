/**
 * Entries of a list → the sections, topics and resources of a roadmap (pure). Headings become
 * sections, nested by depth; a point or row that starts with a link is a resource (the rest of
 * its line the description); a point whose links sit inside its text is a topic naming them;
 * a link to a mirror host after another link is that resource's mirror.
 */
import type { Mirror, Resource } from '../roadmap/schema.js';
import { collapseSpaces, plainTextOf, type ListEntry, type Segment } from './entries.js';
import { inferKind, isCheckableUrl, mirrorPlatformOf } from './hosts.js';
import { IdAllocator } from './slug.js';

/** A resource with the source line it came from (written as a comment above it). */
export type ImportedResource = { resource: Resource; line: number };

/** A bullet point: text only, or text naming resources. */
export type ImportedTopic =
  | { kind: 'text'; title: string }
  | {
      kind: 'resources';
      title: string;
      summary: string | undefined;
      resources: ImportedResource[];
    };

/** A heading and what stands under it. */
export type ImportedSection = {
  id: string;
  title: string;
  line: number;
  topics: ImportedTopic[];
  resources: ImportedResource[];
  sections: ImportedSection[];
};

/** What an import made of a list. */
export type ImportedList = {
  title: string;
  sections: ImportedSection[];
  /** Links a roadmap cannot check (relative paths, `#anchors`, `mailto:`), left out. */
  skippedLinks: { line: number; url: string }[];
};

/** Options of `buildImportedList`. */
export type BuildOptions = {
  /** The roadmap's title when the list has no single top heading (e.g. the file's name). */
  fallbackTitle: string;
  /** Ids already used (by the roadmap an import merges into): new ids avoid them. */
  reservedIds?: Iterable<string>;
};

/** Title of the section that holds what stands before the first heading. */
export const PREAMBLE_TITLE = 'Introduction';

// Leading emoji (📚, 🧐, 🧑‍🔬…) decorate a README's headings and rows; a title reads better without.
const LEADING_PICTOGRAPHS = /^(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\uFE0F|\u200D|\s)+/u;

/** Builds the roadmap content of a list's entries. */
export function buildImportedList(
  entries: readonly ListEntry[],
  options: BuildOptions,
): ImportedList {
  const ids = new IdAllocator(options.reservedIds);
  const headings = entries.filter((entry) => entry.kind === 'heading');
  const topHeadings = headings.filter((heading) => heading.depth === 1);
  // A README's one `# Title` names the list; it is not a section wrapping everything.
  const titleHeading =
    topHeadings.length === 1 && headings[0] === topHeadings[0] ? topHeadings[0] : undefined;
  const list: ImportedList = {
    title: titleHeading === undefined ? options.fallbackTitle : tidyTitle(titleHeading.title),
    sections: [],
    skippedLinks: [],
  };
  const open: { depth: number; section: ImportedSection }[] = [];
  let preamble: ImportedSection | undefined;
  const current = (line: number): ImportedSection => {
    const innermost = open.at(-1)?.section;
    if (innermost !== undefined) return innermost;
    preamble ??= newSection(PREAMBLE_TITLE, line, list.sections);
    return preamble;
  };
  const resourceOf = (link: LinkSegment, title: string, line: number): ImportedResource => {
    const resource: Resource = {
      id: ids.allocate(title, link.url),
      title,
      url: link.url,
      kind: inferKind(link.url),
    };
    return { resource, line };
  };

  for (const entry of entries) {
    if (entry === titleHeading) continue;
    if (entry.kind === 'heading') {
      while ((open.at(-1)?.depth ?? 0) >= entry.depth) open.pop();
      const siblings = open.at(-1)?.section.sections ?? list.sections;
      open.push({ depth: entry.depth, section: newSection(entry.title, entry.line, siblings) });
      continue;
    }
    const segments = entry.kind === 'table-row' ? entry.cells.flat() : entry.segments;
    for (const segment of segments) {
      if (segment.kind === 'link' && !isCheckableUrl(segment.url)) {
        list.skippedLinks.push({ line: entry.line, url: segment.url });
      }
    }
    const section = current(entry.line);
    switch (entry.kind) {
      case 'list-item':
        addListItem(section, checkable(entry.segments), entry.line, resourceOf);
        break;
      case 'table-row':
        section.resources.push(...tableRowResources(entry, resourceOf));
        break;
      case 'paragraph':
        section.resources.push(
          ...withMirrors(linksOf(checkable(entry.segments)), linkTitle, entry.line, resourceOf),
        );
        break;
      default:
        entry satisfies never;
    }
  }
  numberSections(list.sections, '');
  return list;
}

type LinkSegment = Extract<Segment, { kind: 'link' }>;
type MakeResource = (link: LinkSegment, title: string, line: number) => ImportedResource;

function newSection(title: string, line: number, siblings: ImportedSection[]): ImportedSection {
  const section: ImportedSection = {
    id: '',
    title: tidyTitle(title) || title,
    line,
    topics: [],
    resources: [],
    sections: [],
  };
  siblings.push(section);
  return section;
}

/** Section numbers by position: 1, 1.1, 1.2, 2 … (the preamble, if any, is 0). */
function numberSections(sections: ImportedSection[], prefix: string): void {
  const offset = sections[0]?.title === PREAMBLE_TITLE && prefix === '' ? 0 : 1;
  sections.forEach((section, index) => {
    section.id = `${prefix}${index + offset}`;
    numberSections(section.sections, `${section.id}.`);
  });
}

/** The entry's segments without the links a roadmap cannot check (kept as their text). */
function checkable(segments: readonly Segment[]): Segment[] {
  return segments.map((segment) =>
    segment.kind === 'link' && !isCheckableUrl(segment.url)
      ? { kind: 'text', text: segment.label, isStrong: false }
      : segment,
  );
}

function linksOf(segments: readonly Segment[]): LinkSegment[] {
  return segments.filter((segment): segment is LinkSegment => segment.kind === 'link');
}

function tidyTitle(text: string): string {
  return collapseSpaces(text.replace(LEADING_PICTOGRAPHS, ''));
}

function linkTitle(link: LinkSegment): string {
  return tidyTitle(link.label) || link.url;
}

/**
 * Resources of an entry's links, in order, a mirror-host link becoming a mirror of the resource
 * before it (and a resource of its own when nothing comes before it).
 */
function withMirrors(
  links: readonly LinkSegment[],
  titleOf: (link: LinkSegment, index: number) => string,
  line: number,
  resourceOf: MakeResource,
): ImportedResource[] {
  const kept: ImportedResource[] = [];
  links.forEach((link, index) => {
    const platform = mirrorPlatformOf(link.url);
    const previous = kept.at(-1);
    if (platform === undefined || previous === undefined) {
      kept.push(resourceOf(link, titleOf(link, index), line));
      return;
    }
    const mirror: Mirror = { url: link.url, platform };
    const note = tidyTitle(link.label);
    if (note !== '' && note !== link.url) mirror.note = note;
    (previous.resource.mirrors ??= []).push(mirror);
  });
  return kept;
}

function addListItem(
  section: ImportedSection,
  segments: Segment[],
  line: number,
  resourceOf: MakeResource,
): void {
  const links = linksOf(segments);
  const text = plainTextOf(segments);
  if (links.length === 0) {
    const title = tidyTitle(text);
    if (title !== '') section.topics.push({ kind: 'text', title });
    return;
  }
  const firstIndex = segments.findIndex(
    (segment) => segment.kind === 'link' || tidyTitle(segment.text) !== '',
  );
  const first = segments[firstIndex];
  if (first?.kind === 'link') {
    const [primary, ...others] = withMirrors(links, linkTitle, line, resourceOf);
    if (primary !== undefined) {
      // A mirror's link text ("中文字幕") is the mirror's note, not part of the description.
      const rest = segments
        .slice(firstIndex + 1)
        .filter(
          (segment) => segment.kind === 'text' || mirrorPlatformOf(segment.url) === undefined,
        );
      describe(primary.resource, plainTextOf(rest));
      section.resources.push(primary, ...others);
    }
    return;
  }
  // `**Lead**: text with [a paper](…) in it`: the lead names the topic, its links are its resources.
  const leadEnd = segments.findIndex((segment) => segment.kind === 'link' || !segment.isStrong);
  const lead = plainTextOf(segments.slice(0, leadEnd === -1 ? segments.length : leadEnd));
  const hasLead = first?.kind === 'text' && first.isStrong && lead !== '';
  const title = (hasLead ? lead : text).replace(/[:：]\s*$/, '');
  const summary = hasLead ? stripLeadingPunctuation(plainTextOf(segments.slice(leadEnd))) : '';
  section.topics.push({
    kind: 'resources',
    title: tidyTitle(title) || title,
    summary: summary === '' ? undefined : summary,
    resources: withMirrors(links, linkTitle, line, resourceOf),
  });
}

function stripLeadingPunctuation(text: string): string {
  return text.replace(/^[\s:：\-–—|]+/, '').trim();
}

/** The rest of a line after its link: `by Author: what it is`, or just what it is. */
function describe(resource: Resource, rest: string): void {
  const text = stripLeadingPunctuation(rest);
  const byline = /^by\s+([^:：]{1,80}?)\s*[:：]\s*(.*)$/i.exec(text);
  if (byline?.[1] !== undefined) {
    resource.author = byline[1];
    if (byline[2] !== undefined && byline[2] !== '') resource.description = byline[2];
    return;
  }
  if (text !== '') resource.description = text;
}

function tableRowResources(
  row: Extract<ListEntry, { kind: 'table-row' }>,
  resourceOf: MakeResource,
): ImportedResource[] {
  const cells = row.cells.map(checkable);
  const rowTitle = tidyTitle(plainTextOf(cells[0] ?? []));
  const links: LinkSegment[] = [];
  const titles: string[] = [];
  cells.forEach((cell, column) => {
    for (const link of linksOf(cell)) {
      const name = tidyTitle(row.headers[column] ?? '') || linkTitle(link);
      // The row's first link carries the row's name; the others say which column they are.
      titles.push(links.length === 0 ? rowTitle || linkTitle(link) : `${rowTitle} (${name})`);
      links.push(link);
    }
  });
  const made = withMirrors(
    links,
    (link, index) => titles[index] ?? linkTitle(link),
    row.line,
    resourceOf,
  );
  // The row's text cells (Description…) describe its first resource.
  const description = cells
    .slice(1)
    .filter((cell) => linksOf(cell).length === 0)
    .map((cell) => plainTextOf(cell))
    .filter((text) => text !== '')
    .join(' — ');
  if (made[0] !== undefined && description !== '') made[0].resource.description = description;
  return made;
}
