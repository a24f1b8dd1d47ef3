/**
 * Reads a list written in HTML (a page, or the raw HTML blocks of a README: `<table>` of
 * `<a href>`, `<details>`, a centred `<div>` of links) into entries, with cheerio. Headings
 * `h1`–`h6`, every `li` and table body `tr` are entries; a link anywhere else is a paragraph entry.
 */
import { load } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { collapseSpaces, isElement, plainTextOf, segmentsOf, type ListEntry } from './entries.js';

const HEADING = /^h([1-6])$/;

/**
 * The entries of an HTML text. `firstLine` is the text's line in its file (an HTML block inside
 * Markdown starts where the block does), so every entry keeps its real source line.
 */
export function readHtmlEntries(html: string, firstLine = 1): ListEntry[] {
  const $ = load(html, { sourceCodeLocationInfo: true }, false);
  const entries: ListEntry[] = [];
  const lineOf = (element: Element): number =>
    (element.sourceCodeLocation?.startLine ?? 1) + firstLine - 1;

  // Inside an entry, only nested lists and tables are entries again: its links are its own.
  const visit = (nodes: readonly AnyNode[], isInEntry = false): void => {
    for (const node of nodes) {
      if (!isElement(node)) continue;
      const tag = node.name.toLowerCase();
      const heading = HEADING.exec(tag);
      if (heading !== null) {
        const title = plainTextOf(segmentsOf(node.children));
        if (title !== '') {
          entries.push({ kind: 'heading', line: lineOf(node), depth: Number(heading[1]), title });
        }
      } else if (tag === 'li') {
        entries.push({
          kind: 'list-item',
          line: lineOf(node),
          segments: segmentsOf(node.children),
        });
        visit(node.children, true);
      } else if (tag === 'tr') {
        const row = tableRow(node, lineOf(node));
        if (row !== undefined) entries.push(row);
      } else if (tag === 'a' && node.attribs['href'] !== undefined) {
        if (!isInEntry)
          entries.push({ kind: 'paragraph', line: lineOf(node), segments: segmentsOf([node]) });
      } else if (tag !== 'script' && tag !== 'style' && tag !== 'template') {
        visit(node.children, isInEntry && !['ul', 'ol', 'table'].includes(tag));
      }
    }
  };
  visit(
    $.root()
      .toArray()
      .flatMap((root) => root.children),
  );
  return entries;
}

/** A body row of a table (a row of `th` only is its header, not an entry). */
function tableRow(row: Element, line: number): ListEntry | undefined {
  const cells = cellsOf(row);
  if (cells.every((cell) => cell.name === 'th')) return undefined;
  return {
    kind: 'table-row',
    line,
    cells: cells.map((cell) => segmentsOf(cell.children)),
    headers: headersOf(row),
  };
}

function cellsOf(row: Element): Element[] {
  return row.children.filter(
    (child): child is Element => isElement(child) && (child.name === 'td' || child.name === 'th'),
  );
}

/** The texts of the first row of the row's table, when that row is a header. */
function headersOf(row: Element): string[] {
  let table: Element | null = row.parent as Element | null;
  while (table !== null && table.name !== 'table') table = table.parent as Element | null;
  if (table === null) return [];
  const first = findFirstRow(table.children);
  if (first === undefined || !cellsOf(first).every((cell) => cell.name === 'th')) return [];
  return cellsOf(first).map((cell) => collapseSpaces(plainTextOf(segmentsOf(cell.children))));
}

function findFirstRow(nodes: readonly AnyNode[]): Element | undefined {
  for (const node of nodes) {
    if (!isElement(node)) continue;
    if (node.name === 'tr') return node;
    if (['thead', 'tbody', 'tfoot'].includes(node.name)) {
      const found = findFirstRow(node.children);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
