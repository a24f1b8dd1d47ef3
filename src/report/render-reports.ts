/**
 * Which report files a run writes (`--reports`, the same for `check` and `merge`) and one
 * renderer slot per format. report.json is always written: it is the machine contract that
 * `merge`, `diff`, `history` and `fix` read, so no selection can leave it out.
 */
import { assertNever } from '../assert-never.js';
import type { Lang } from '../i18n/index.js';
import type { FailOn } from '../outcome/fail-on.js';
import type { History } from './history.js';
import { renderHtml } from './html/render-html.js';
import { renderJsonChunks } from './json.js';
import { findingTextsOf } from './finding-texts-zh-CN.js';
import { renderJunit } from './junit.js';
import { renderMarkdownChunks } from './markdown.js';
import { renderSarif } from './sarif.js';
import type { Report } from './schema.js';
import type { ReportFile } from './write.js';

/** The values `--reports` accepts, in the order the files are written. */
export const REPORT_FORMATS = ['json', 'md', 'html', 'sarif', 'junit'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The file each format writes in the output directory. */
export const REPORT_FILE_NAMES: Readonly<Record<ReportFormat, string>> = {
  json: 'report.json',
  md: 'report.md',
  html: 'report.html',
  sarif: 'report.sarif',
  junit: 'report.junit.xml',
};

/** What the formats need besides the report. */
export type RenderContext = {
  /** What counts as failing: SARIF errors, JUnit failures. */
  failOn: FailOn;
  /** The roadmap's path relative to the repository root, as code scanning and CI name it. */
  file: string;
  /** The roadmap's text, for the URLs' columns in SARIF; lines only without it. */
  roadmapText?: string | undefined;
  /** The language of report.md, and the one report.html opens in (the reader can switch); en when absent. */
  lang?: Lang | undefined;
  /** The history.json beside the reports, for report.html's trend; none on a first run. */
  history?: History | undefined;
};

/** Renders the selected reports, report.json always first. */
export function renderReports(
  report: Report,
  formats: ReadonlySet<ReportFormat>,
  context: RenderContext,
): ReportFile[] {
  return REPORT_FORMATS.filter((format) => format === 'json' || formats.has(format)).flatMap(
    (format) => {
      const content = renderFormat(format, report, context);
      return content === undefined ? [] : [{ name: REPORT_FILE_NAMES[format], content }];
    },
  );
}

/**
 * A format's text, whole or as chunks rendered while they are written (report.json and
 * report.md, the two that grow with the links); iterable more than once.
 */
function renderFormat(
  format: ReportFormat,
  report: Report,
  context: RenderContext,
): ReportFile['content'] | undefined {
  switch (format) {
    case 'json':
      return { [Symbol.iterator]: () => renderJsonChunks(report) };
    case 'md':
      return { [Symbol.iterator]: () => renderMarkdownChunks(report, context.lang) };
    case 'html':
      return renderHtml(report, { lang: context.lang, history: context.history });
    case 'sarif':
      return renderSarif(report, {
        failOn: context.failOn,
        file: context.file,
        texts: findingTextsOf(context.lang ?? 'en'),
        ...(context.roadmapText === undefined ? {} : { roadmapText: context.roadmapText }),
      });
    case 'junit':
      return renderJunit(report, {
        failOn: context.failOn,
        file: context.file,
        texts: findingTextsOf(context.lang ?? 'en'),
      });
    default:
      return assertNever(format);
  }
}
