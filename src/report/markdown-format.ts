/** Inline Markdown formatting shared by the report's sections: roadmap text stays inert. */

/** Escapes text for inline Markdown and keeps it on one line, so titles cannot add markup. */
export function formatText(text: string): string {
  return (
    text
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[\\`*[\]<>|~#]/g, (char) => `\\${char}`)
      // `_` inside a word (UND_ERR_SOCKET) never starts emphasis, so it stays readable in a terminal.
      .replace(/(?<![a-z0-9])_|_(?![a-z0-9])/gi, '\\_')
      // Only `&` that starts an entity would be read as markup; `Q&A` stays as written.
      .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&')
  );
}

/**
 * A URL that renders as written: an autolink `<…>` when it is one, otherwise a code span, since
 * spaces and other characters would end an autolink early or turn it into HTML.
 */
export function formatUrl(url: string | null): string {
  if (url === null) return 'no URL';
  // CommonMark autolink: a scheme, then no spaces, controls or angle brackets.
  const isAutolink = /^[a-z][a-z0-9+.-]{1,31}:[^\s<>\p{Cc}]*$/iu.test(url);
  return isAutolink ? `<${url}>` : formatCodeSpan(url);
}

/** Text as inline code, fenced with more backticks than it contains. */
export function formatCodeSpan(text: string): string {
  const oneLine = text.replace(/[\r\n]+/g, ' ');
  const longestRun = Math.max(0, ...(oneLine.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  // A space on each side keeps a leading or trailing backtick from joining the fence.
  const pad = longestRun > 0 ? ' ' : '';
  return `${fence}${pad}${oneLine}${pad}${fence}`;
}

/** `roadmap.yaml:42`, or just the file name when the line is unknown. */
export function lineRef(fileName: string, line: number): string {
  return line > 0 ? `${fileName}:${line}` : fileName;
}
