/**
 * Which resources to find mirrors for: per region of a report, those that need a VPN there
 * (observed, by rule or declared: the report's region verdict) and have no confirmed mirror
 * open there (the report's `uncovered`, the same list report.md prints as "Needs a mirror").
 */
import type { Report } from '../report/schema.js';
import type { Roadmap } from '../roadmap/schema.js';
import { listResources } from '../roadmap/walk.js';
import type { MirrorSubject } from './finder.js';

/** The subjects of a report, in report order; a resource VPN-only in two regions appears twice. */
export function subjectsOfReport(report: Report, roadmap: Roadmap): MirrorSubject[] {
  const authors = new Map(
    listResources(roadmap).map(({ resource }) => [resource.id, resource.author]),
  );
  const byId = new Map(report.results.map((result) => [result.id, result]));
  return Object.entries(report.regions ?? {}).flatMap(([region, summary]) =>
    summary.uncovered.flatMap((id): MirrorSubject[] => {
      const result = byId.get(id);
      if (result?.url === null || result === undefined || !URL.canParse(result.url)) return [];
      return [
        {
          resourceId: id,
          title: result.title,
          url: new URL(result.url),
          author: authors.get(id),
          region,
        },
      ];
    }),
  );
}
