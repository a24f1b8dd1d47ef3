/**
 * report.html: one self-contained page (inline style and script, the data embedded as JSON, no
 * CDN, no web font) that opens from disk and from GitHub Pages, in English or Chinese.
 */
import { CATALOGS, interpolate, type Lang } from '../../i18n/index.js';
import type { History } from '../history.js';
import type { Report } from '../schema.js';
import { FINDINGS_STYLE } from './page-findings.js';
import { PAGE_SCRIPT } from './page-script.js';
import { PAGE_STYLE } from './page-style.js';
import { pageData } from './view.js';

export type HtmlReportOptions = {
  /** The language the page opens in (a reader can switch); the browser's when absent. */
  lang?: Lang | undefined;
  /** The history.json beside the report, for the trend and each link's recent runs. */
  history?: History | undefined;
};

/** Renders report.html; the same report and history always give the same bytes. */
export function renderHtml(report: Report, options: HtmlReportOptions = {}): string {
  const data = pageData(report, options);
  const lang = options.lang ?? 'en';
  const title = interpolate(CATALOGS[lang].html.pageTitle, { title: report.roadmap.title });
  return [
    '<!doctype html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Nothing is loaded from anywhere: a policy that says so keeps a future edit honest.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${PAGE_STYLE}${FINDINGS_STYLE}</style>`,
    '</head>',
    '<body>',
    `<noscript><p>${escapeHtml(CATALOGS[lang].html.noScript)}</p></noscript>`,
    '<main id="app"></main>',
    `<script type="application/json" id="curate-data">${embedJson(data)}</script>`,
    `<script type="application/json" id="curate-catalogs">${embedJson(CATALOGS)}</script>`,
    `<script>${PAGE_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * JSON that is safe inside a `<script>` element: `<` is escaped, so no roadmap text (a title
 * such as `</script><script>…`) can close the element or open a comment; U+2028 and U+2029 are
 * escaped for older JavaScript parsers. `JSON.parse` reads the escapes back as the same text.
 */
export function embedJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
