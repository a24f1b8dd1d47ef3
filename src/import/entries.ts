/**
 * What `curate import` reads out of a list, whatever its format: headings and the entries under
 * them, each entry as text and links in reading order. The Markdown and HTML readers both produce
 * these; the builder (build.ts) turns them into a roadmap and never sees a parser's tree.
 */
import type { AnyNode, Element, Text } from 'domhandler';

/** A run of an entry's text, or one of its links. */
export type Segment =
  { kind: 'text'; text: string; isStrong: boolean } | { kind: 'link'; url: string; label: string };

/** One thing of a list, with its 1-based source line. */
export type ListEntry =
  | { kind: 'heading'; line: number; depth: number; title: string }
  /** A bullet or numbered point, without its nested lists (they are entries of their own). */
  | { kind: 'list-item'; line: number; segments: Segment[] }
  /** A table body row; `headers` are the header row's cell texts, for naming a row's other links. */
  | { kind: 'table-row'; line: number; cells: Segment[][]; headers: string[] }
  /** Links in running text, outside lists and tables. */
  | { kind: 'paragraph'; line: number; segments: Segment[] };

/** Elements whose content is not the entry's own text: nested lists and tables are entries. */
const NESTED_ENTRY_TAGS = new Set(['ul', 'ol', 'table']);
const SKIPPED_TAGS = new Set(['script', 'style', 'template', 'summary']);

/**
 * The text and links of a DOM subtree, in reading order. An image's `alt` names a link that has
 * no text (`<a href><img alt="Open In Colab"></a>`), as a reader of the page would see it.
 */
export function segmentsOf(nodes: readonly AnyNode[], isStrong = false): Segment[] {
  const segments: Segment[] = [];
  for (const node of nodes) {
    if (isText(node)) {
      segments.push({ kind: 'text', text: node.data, isStrong });
      continue;
    }
    if (!isElement(node)) continue;
    const tag = node.name.toLowerCase();
    if (NESTED_ENTRY_TAGS.has(tag) || SKIPPED_TAGS.has(tag)) continue;
    if (tag === 'br') {
      segments.push({ kind: 'text', text: ' ', isStrong });
    } else if (tag === 'a' && node.attribs['href'] !== undefined) {
      segments.push({ kind: 'link', url: node.attribs['href'].trim(), label: labelOf(node) });
    } else {
      segments.push(...segmentsOf(node.children, isStrong || tag === 'strong' || tag === 'b'));
    }
  }
  return segments;
}

/** Text of a link, else the `alt` of its images. */
function labelOf(link: Element): string {
  const text = collapseSpaces(textOf(link.children));
  if (text !== '') return text;
  return collapseSpaces(altsOf(link.children).join(' '));
}

function textOf(nodes: readonly AnyNode[]): string {
  return nodes
    .map((node) => {
      if (isText(node)) return node.data;
      return isElement(node) ? textOf(node.children) : '';
    })
    .join('');
}

function altsOf(nodes: readonly AnyNode[]): string[] {
  return nodes.flatMap((node) => {
    if (!isElement(node)) return [];
    const alt = node.name === 'img' ? node.attribs['alt'] : undefined;
    return alt === undefined ? altsOf(node.children) : [alt];
  });
}

// domhandler's `type` is an enum of these strings; compared as strings, so that only its types
// are imported (it comes with cheerio, not as a dependency of its own).
const ELEMENT_TYPES: ReadonlySet<string> = new Set(['tag', 'script', 'style']);

/** Whether a DOM node is an element (tag), as opposed to text or a comment. */
export function isElement(node: AnyNode): node is Element {
  return ELEMENT_TYPES.has(node.type);
}

function isText(node: AnyNode): node is Text {
  return (node.type as string) === 'text';
}

/** Runs of white space as one space, trimmed. */
export function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The plain text of segments, link labels included, as one line. */
export function plainTextOf(segments: readonly Segment[]): string {
  return collapseSpaces(
    segments.map((segment) => (segment.kind === 'text' ? segment.text : segment.label)).join(''),
  );
}
