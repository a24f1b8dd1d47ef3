/**
 * A dead link's archived copy on its report.md line: the snapshot with its date, and where
 * the archive itself needs a VPN; or that there is none, or that the archive did not answer.
 */
import { assertNever } from '../domain.js';
import { CATALOGS, interpolate, regionName } from '../i18n/index.js';
import { formatText, formatUrl } from './markdown-format.js';
import type { ReportEntry } from './schema.js';

const messages = CATALOGS.en.archive;

/** ` — archived copy of 2024-01-02: <url> (the archive needs a VPN in mainland China)`, or ''. */
export function archivedText(entry: ReportEntry): string {
  const { archived } = entry;
  if (archived === undefined) return '';
  switch (archived.kind) {
    case 'snapshot': {
      const date = archived.timestamp.slice(0, 10);
      const blocked = Object.entries(archived.region ?? {})
        .filter(([, verdict]) => verdict.access === 'vpn')
        .map(([region]) =>
          interpolate(messages.blockedIn, { region: regionName(CATALOGS.en, region) }),
        );
      const note = blocked.length === 0 ? '' : ` (${blocked.join('; ')})`;
      return ` — ${interpolate(messages.snapshot, { date })}: ${formatUrl(archived.url)}${note}`;
    }
    case 'none':
      return ` — ${messages[archived.reason]}`;
    case 'unanswered':
      return ` — ${formatText(interpolate(messages.unanswered, { detail: archived.detail }))}`;
    default:
      return assertNever(archived);
  }
}
