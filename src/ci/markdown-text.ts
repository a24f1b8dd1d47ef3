/**
 * Roadmap text is contributor input: these keep it inert inside the Markdown that CI posts (job
 * summaries, the tracking issue), so a title cannot become a link, HTML or a table cell.
 */

/** Escapes Markdown and HTML syntax and folds line breaks, for text inside a line or cell. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, '\\$&').replace(/\s+/g, ' ');
}

/** Text as an inline code span; a backtick inside would end it, so it is percent-encoded. */
export function codeSpan(text: string): string {
  return `\`${text.replaceAll('`', '%60').replace(/\s+/g, ' ')}\``;
}
