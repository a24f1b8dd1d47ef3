/**
 * Reading a report.json back (`curate merge`, `diff`, `fix --from`, `history`): every problem is
 * an `InputError` naming the file and the field, never a stack trace. A version 1 report is
 * upgraded to the current shape first.
 */
import { InputError } from '../errors.js';
import { reportFilesTextOf, type Lang } from '../i18n/index.js';
import { parseJsonInput, schemaProblems } from './json-input.js';
import { ReportSchema, type Report, type ReportEntry } from './schema.js';
import { isReportV1, upgradeReportV1 } from './upgrade-v1.js';

/** Parses report.json text written by `curate check` or `curate merge`, of any version read. */
export function parseReport(text: string, file: string, lang: Lang = 'en'): Report {
  const words = reportFilesTextOf(lang);
  const data = parseJsonInput(text, file, {
    message: words.reportNotJson(file),
    hint: words.reportNotJsonHint,
    lang,
  });
  const parsed = ReportSchema.safeParse(isReportV1(data) ? upgradeReportV1(data) : data);
  if (parsed.success) return foldTitleDrift(parsed.data);
  throw new InputError(
    words.reportInvalid(file),
    schemaProblems(file, parsed.error.issues.slice(0, 20)),
    { hint: words.reportInvalidHint, lang },
  );
}

/**
 * A report written before findings existed kept title drift in its own field: it becomes the
 * `title-drift` finding, so everything after reading sees one list.
 */
function foldTitleDrift(report: Report): Report {
  const fold = <Entry extends ReportEntry>(entry: Entry): Entry => {
    // The one place that reads the old field, to turn it into the finding.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    const { titleDrift, ...rest } = entry;
    if (titleDrift === undefined) return entry;
    return {
      ...rest,
      findings: [...(rest.findings ?? []), { kind: 'title-drift' as const, ...titleDrift }],
    } as Entry;
  };
  return {
    ...report,
    results: report.results.map((resource) => ({
      ...fold(resource),
      mirrors: resource.mirrors.map(fold),
    })),
  };
}
