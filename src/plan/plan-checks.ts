/**
 * Roadmap → plan: every resource the report will list, what to do with each of its URLs, and
 * the deduplicated targets to fetch. Pure; the order is the roadmap's reading order (see
 * `listResources`: a section's topic resources, then its own resources, then its subsections).
 */
import { assertNever } from '../domain.js';
import type { LinkPlan, Plan, PlannedLink, PlannedResource, RoadmapRef } from '../domain.js';
import { UsageError } from '../errors.js';
import { checkInputsTextOf, type Lang } from '../i18n/index.js';
import type { LoadedRoadmap } from '../roadmap/load.js';
import { suggestNearest } from '../roadmap/suggest.js';
import { formatFieldPath, listResources, listSections } from '../roadmap/walk.js';
import type { FieldPath, ResourceEntry } from '../roadmap/walk.js';
import { parseLinkUrl } from './normalize-url.js';
import type { ResourceSelector } from './select.js';

/** The slice of the options that shapes the plan. */
export type PlanSettings = {
  /** URLs matching any pattern (as written or normalised) are skipped with reason `excluded`. */
  exclude: readonly RegExp[];
  /** Resource or section ids to keep (a section keeps everything in it); empty keeps all. */
  only: readonly string[];
  /** Plan no fetches at all: every URL that would be checked is skipped with reason `offline`. */
  isOffline: boolean;
  /** Keeps only the resources it accepts (a shard, a PR's changes); absent keeps all. */
  select?: ResourceSelector | undefined;
  /** The language of its errors (an unknown `--only` id); English when not given. */
  lang?: Lang | undefined;
};

/** What to do with one URL as written, before it is tied to a place in the roadmap. */
export type LinkDecision = { plan: LinkPlan; url?: URL };

/**
 * Plans a run: the selected resources in roadmap order, each URL's plan, and one target per
 * distinct URL with every place it appears. Throws `UsageError` for unknown `only` ids.
 */
export function planChecks(loaded: LoadedRoadmap, settings: PlanSettings): Plan {
  // A /g or /y pattern remembers lastIndex between test() calls; copies without them do not.
  const exclude = settings.exclude.map(
    (pattern) => new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '')),
  );
  const targets = new Map<string, { url: URL; refs: RoadmapRef[] }>();

  const planLink = (
    url: string | undefined,
    path: FieldPath,
    ref: Pick<RoadmapRef, 'resourceId' | 'role'>,
  ): PlannedLink => {
    const decision = decideLink(url, { exclude, isOffline: settings.isOffline });
    const link = {
      url,
      path: formatFieldPath(path),
      line: loaded.locate(path).line,
      plan: decision.plan,
    };
    if (decision.plan.kind === 'check' && decision.url !== undefined) {
      const target = targets.get(decision.plan.targetId) ?? { url: decision.url, refs: [] };
      target.refs.push({ ...ref, path: link.path, line: link.line });
      targets.set(decision.plan.targetId, target);
    }
    return link;
  };

  const { select } = settings;
  const selected = selectResources(loaded, settings.only, settings.lang ?? 'en').filter(
    ({ resource }) => select === undefined || select(resource.id),
  );
  const resources = selected.map(({ resource, path, section, topic }): PlannedResource => ({
    id: resource.id,
    sectionId: section.id,
    sectionTitle: section.title,
    topic,
    title: resource.title,
    kind: resource.kind,
    access: resource.access ?? {},
    link: planLink(resource.url, resource.url === undefined ? path : [...path, 'url'], {
      resourceId: resource.id,
      role: 'resource',
    }),
    mirrors: (resource.mirrors ?? []).map((mirror, index) => ({
      ...planLink(mirror.url, [...path, 'mirrors', index, 'url'], {
        resourceId: resource.id,
        role: 'mirror',
      }),
      platform: mirror.platform,
      lang: mirror.lang,
      note: mirror.note,
      isConfirmed: mirror.confirmed ?? true,
      ...(mirror.evidence === 'strong' ? { isMatchedByEvidence: true } : {}),
    })),
  }));
  return { resources, targets: [...targets].map(([id, { url, refs }]) => ({ id, url, refs })) };
}

/**
 * Decides what happens to one URL: no URL, a scheme we do not fetch, text that is not a URL,
 * an exclusion (tested against the text as written and the normalised href), offline, or a check.
 */
export function decideLink(
  text: string | undefined,
  settings: Pick<PlanSettings, 'exclude' | 'isOffline'>,
): LinkDecision {
  if (text === undefined) {
    return { plan: { kind: 'skip', reason: 'no-url' } };
  }
  const parsed = parseLinkUrl(text);
  switch (parsed.kind) {
    case 'unsupported-scheme':
      return {
        plan: {
          kind: 'skip',
          reason: 'unsupported-scheme',
          detail: `${parsed.scheme}: URLs are not checked`,
        },
      };
    case 'invalid':
      return {
        plan: {
          kind: 'invalid',
          detail:
            parsed.suggestion === undefined
              ? parsed.message
              : `${parsed.message}; did you mean ${parsed.suggestion}?`,
        },
      };
    case 'ok': {
      const pattern = settings.exclude.find(
        (candidate) => candidate.test(text) || candidate.test(parsed.id),
      );
      if (pattern !== undefined) {
        return { plan: { kind: 'skip', reason: 'excluded', detail: `matches ${String(pattern)}` } };
      }
      if (settings.isOffline) {
        return { plan: { kind: 'skip', reason: 'offline' } };
      }
      return { plan: { kind: 'check', targetId: parsed.id }, url: parsed.url };
    }
    default:
      return assertNever(parsed);
  }
}

function selectResources(
  loaded: LoadedRoadmap,
  only: readonly string[],
  lang: Lang,
): ResourceEntry[] {
  const entries = listResources(loaded.roadmap);
  if (only.length === 0) {
    return entries;
  }
  const sectionIds = listSections(loaded.roadmap).map(({ section }) => section.id);
  const known = [...new Set([...sectionIds, ...entries.map(({ resource }) => resource.id)])];
  const unknown = only.filter((id) => !known.includes(id));
  if (unknown.length > 0) {
    const suggestions = unknown.flatMap((id) => {
      const nearest = suggestNearest(id, known);
      return nearest === undefined ? [] : [{ id, nearest }];
    });
    const words = checkInputsTextOf(lang);
    throw new UsageError(words.onlyUnknown(unknown), {
      hint:
        suggestions.length > 0 ? words.onlySuggestions(suggestions) : words.onlyHint(sectionIds[0]),
      lang,
    });
  }
  const wanted = new Set(only);
  return entries.filter(
    ({ resource, sectionIds: around }) =>
      wanted.has(resource.id) || around.some((id) => wanted.has(id)),
  );
}
