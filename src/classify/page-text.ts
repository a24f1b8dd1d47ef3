/**
 * The words a page uses about itself (its title, main heading and og metas), whitespace
 * collapsed, and the helpers that split a title into its page and site parts.
 */
import type { HtmlScan } from './html-scan-request.js';

/** The page's own words about what it is; each undefined when missing or blank. */
export type Headline = {
  title: string | undefined;
  h1: string | undefined;
  ogTitle: string | undefined;
  ogSiteName: string | undefined;
};

/** The headline of a scanned page. */
export function headlineOf(scan: HtmlScan): Headline {
  return {
    title: nonEmpty(scan.title),
    h1: nonEmpty(scan.h1),
    ogTitle: nonEmpty(scan.ogTitle),
    ogSiteName: nonEmpty(scan.ogSiteName),
  };
}

/** Text with every run of whitespace made one space, trimmed. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function nonEmpty(text: string | undefined): string | undefined {
  const collapsed = text === undefined ? '' : collapse(text);
  return collapsed === '' ? undefined : collapsed;
}

// Sites join page and site names with these: "Page not found · GitHub", "页面不存在_百度知道",
// "404 - 知乎". A bare "-" or ":" inside English words ("sign-in", "Error: …") does not split.
const TITLE_SEPARATOR =
  /\s+[-–—/:]\s+|[|·•»｜_]|(?<=\p{Script=Han})\s*[-–—]\s*|\s*[-–—]\s*(?=\p{Script=Han})/u;

/** The parts of a title between its separators, e.g. page name and site name. */
export function titleSegments(text: string): string[] {
  return text
    .split(TITLE_SEPARATOR)
    .map((segment) => segment.trim())
    .filter((segment) => segment !== '');
}

/** How many whitespace-separated words a text has. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => word !== '').length;
}

/** A segment short enough to be a site name ("GitHub", "知乎", "The Wall Street Journal"). */
export function isSiteNameLike(segment: string): boolean {
  return segment.length <= 40 && wordCount(segment) <= 5;
}
