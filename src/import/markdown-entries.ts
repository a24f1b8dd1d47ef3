/**
 * Reads a Markdown list (GitHub-flavoured: tables, autolinks) into entries. mdast gives every node
 * its source line; the inline content of an entry is written out as an HTML fragment and read
 * with the same DOM walk as an HTML list, because real READMEs mix the two inside one table cell
 * (`[Article](…) | <a href="…"><img alt="Open In Colab"></a>`).
 */
import { load } from 'cheerio';
import type { Definition, Nodes, PhrasingContent, RootContent, TableRow } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { plainTextOf, segmentsOf, type ListEntry, type Segment } from './entries.js';
import { readHtmlEntries } from './html-entries.js';

/** The entries of a Markdown text, in reading order. */
export function readMarkdownEntries(markdown: string): ListEntry[] {
  const tree = fromMarkdown(markdown, {
    extensions: [gfm()],
    mdastExtensions: [gfmFromMarkdown()],
  });
  const definitions = new Map<string, Definition>();
  collectDefinitions(tree, definitions);
  const entries: ListEntry[] = [];
  const toSegments = (nodes: readonly PhrasingContent[]): Segment[] =>
    segmentsOfHtml(nodes.map((node) => phrasingToHtml(node, definitions)).join(''));

  const visit = (nodes: readonly RootContent[]): void => {
    for (const node of nodes) {
      const line = node.position?.start.line ?? 0;
      switch (node.type) {
        case 'heading': {
          const title = plainTextOf(toSegments(node.children));
          if (title !== '') entries.push({ kind: 'heading', line, depth: node.depth, title });
          break;
        }
        case 'paragraph': {
          const segments = toSegments(node.children);
          if (segments.some((segment) => segment.kind === 'link')) {
            entries.push({ kind: 'paragraph', line, segments });
          }
          break;
        }
        case 'list':
          for (const item of node.children) {
            const own = item.children.flatMap((child) =>
              child.type === 'paragraph' || child.type === 'heading' ? [child.children] : [],
            );
            const segments = own.flatMap((children, index) => [
              ...(index > 0 ? [{ kind: 'text' as const, text: ' ', isStrong: false }] : []),
              ...toSegments(children),
            ]);
            entries.push({ kind: 'list-item', line: item.position?.start.line ?? line, segments });
            visit(
              item.children.filter(
                (child) => child.type !== 'paragraph' && child.type !== 'heading',
              ),
            );
          }
          break;
        case 'table': {
          const [header, ...rows] = node.children;
          const headers = (header?.children ?? []).map((cell) =>
            plainTextOf(toSegments(cell.children)),
          );
          for (const row of rows) entries.push(tableRowEntry(row, headers, toSegments));
          break;
        }
        case 'html':
          entries.push(...readHtmlEntries(node.value, line));
          break;
        case 'blockquote':
        case 'footnoteDefinition':
          visit(node.children);
          break;
        case 'code':
        case 'definition':
        case 'thematicBreak':
        case 'yaml':
        case 'image':
        case 'imageReference':
          // Code, rules, front matter, images: nothing a learner follows.
          break;
        case 'break':
        case 'delete':
        case 'emphasis':
        case 'footnoteReference':
        case 'inlineCode':
        case 'link':
        case 'linkReference':
        case 'strong':
        case 'text':
        case 'listItem':
        case 'tableCell':
        case 'tableRow':
          // Inline content and the parts of lists and tables are read with their container.
          break;
        default:
          node satisfies never;
      }
    }
  };
  visit(tree.children);
  return entries;
}

function tableRowEntry(
  row: TableRow,
  headers: string[],
  toSegments: (nodes: readonly PhrasingContent[]) => Segment[],
): ListEntry {
  return {
    kind: 'table-row',
    line: row.position?.start.line ?? 0,
    cells: row.children.map((cell) => toSegments(cell.children)),
    headers,
  };
}

function collectDefinitions(node: Nodes, into: Map<string, Definition>): void {
  if (node.type === 'definition') into.set(node.identifier, node);
  if ('children' in node) for (const child of node.children) collectDefinitions(child, into);
}

function segmentsOfHtml(html: string): Segment[] {
  const $ = load(html, {}, false);
  return segmentsOf(
    $.root()
      .toArray()
      .flatMap((root) => root.children),
  );
}

/** Inline Markdown as the HTML it stands for; raw inline HTML passes through as written. */
function phrasingToHtml(node: PhrasingContent, definitions: Map<string, Definition>): string {
  const inner = (children: readonly PhrasingContent[]) =>
    children.map((child) => phrasingToHtml(child, definitions)).join('');
  switch (node.type) {
    case 'text':
      return escapeHtml(node.value);
    case 'inlineCode':
      return `<code>${escapeHtml(node.value)}</code>`;
    case 'strong':
      return `<strong>${inner(node.children)}</strong>`;
    case 'emphasis':
      return `<em>${inner(node.children)}</em>`;
    case 'delete':
      return `<del>${inner(node.children)}</del>`;
    case 'break':
      return '<br>';
    case 'html':
      return node.value;
    case 'link':
      return `<a href="${escapeHtml(node.url)}">${inner(node.children)}</a>`;
    case 'linkReference': {
      const definition = definitions.get(node.identifier);
      const children = inner(node.children);
      return definition === undefined
        ? children
        : `<a href="${escapeHtml(definition.url)}">${children}</a>`;
    }
    case 'image':
      return `<img alt="${escapeHtml(node.alt ?? '')}">`;
    case 'imageReference':
      return `<img alt="${escapeHtml(node.alt ?? '')}">`;
    case 'footnoteReference':
      return '';
    default:
      return '';
  }
}

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}
