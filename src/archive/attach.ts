/** Puts the archive stage's answers on the report entries they belong to (pure). */
import { parseLinkUrl } from '../plan/normalize-url.js';
import type { Report, ReportEntry } from '../report/schema.js';
import type { ArchivedCopy } from './archived-copy.js';

/** The report with `archived` on every resource and mirror whose target the archive answered. */
export function attachArchivedCopies(
  report: Report,
  answers: ReadonlyMap<string, ArchivedCopy>,
): Report {
  if (answers.size === 0) return report;
  const withCopy = <T extends ReportEntry>(entry: T): T => {
    if (entry.url === null) return entry;
    const parsed = parseLinkUrl(entry.url);
    const archived = parsed.kind === 'ok' ? answers.get(parsed.id) : undefined;
    return archived === undefined ? entry : { ...entry, archived };
  };
  return {
    ...report,
    results: report.results.map((result) => ({
      ...withCopy(result),
      mirrors: result.mirrors.map(withCopy),
    })),
  };
}
