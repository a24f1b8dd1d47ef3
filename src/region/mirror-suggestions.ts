/**
 * Known mirrors of hosts a region cannot open: a pure URL → URL mapping where a stable rule
 * exists. `check` fetches each suggestion and the report shows it only when it answered.
 */
import type { CheckTarget, Plan } from '../domain.js';
import { parseLinkUrl } from '../plan/normalize-url.js';
import type { SuggestedMirrorTarget } from '../report/build.js';

/** A mirror curate suggests for a URL, before anyone fetched it. */
export type MirrorSuggestion = { url: string; platform: string };

/** One stable mapping: a host (and its `www.`) to a mirror host serving the same paths. */
type MirrorRule = { hosts: readonly string[]; mirrorHost: string; platform: string };

const MIRROR_RULES: readonly MirrorRule[] = [
  // hf-mirror.com mirrors the Hugging Face Hub path for path (models, datasets, spaces, docs).
  {
    hosts: ['huggingface.co', 'www.huggingface.co'],
    mirrorHost: 'hf-mirror.com',
    platform: 'hf-mirror',
  },
];

/** The known mirrors of a URL: same path, query and fragment on the mirror's host, over https. */
export function suggestMirrors(url: URL): MirrorSuggestion[] {
  const host = url.hostname.toLowerCase();
  return MIRROR_RULES.filter((rule) => rule.hosts.includes(host)).map((rule) => ({
    url: `https://${rule.mirrorHost}${url.pathname}${url.search}${url.hash}`,
    platform: rule.platform,
  }));
}

/** The suggestions of a plan, as extra targets to fetch and per resource (by id) for the report. */
export type SuggestedMirrorPlan = {
  /** Targets not already in the plan; they belong to no roadmap line (`refs` is empty). */
  targets: CheckTarget[];
  byResource: Map<string, SuggestedMirrorTarget[]>;
};

/**
 * Plans the known mirrors of every resource that is checked, leaving out mirrors the resource
 * already lists. A suggestion whose URL the plan already fetches (another resource's mirror)
 * shares that target.
 */
export function planSuggestedMirrors(plan: Plan): SuggestedMirrorPlan {
  const planned = new Set(plan.targets.map((target) => target.id));
  const targetById = new Map(plan.targets.map((target) => [target.id, target]));
  const extra = new Map<string, CheckTarget>();
  const byResource = new Map<string, SuggestedMirrorTarget[]>();
  for (const resource of plan.resources) {
    const { plan: linkPlan } = resource.link;
    if (linkPlan.kind !== 'check') continue;
    const url = targetById.get(linkPlan.targetId)?.url;
    if (url === undefined) continue;
    const listed = new Set(
      resource.mirrors.flatMap((mirror) =>
        mirror.plan.kind === 'check' ? [mirror.plan.targetId] : [],
      ),
    );
    const suggestions = suggestMirrors(url).flatMap((suggestion) => {
      const parsed = parseLinkUrl(suggestion.url);
      if (parsed.kind !== 'ok' || listed.has(parsed.id)) return [];
      if (!planned.has(parsed.id) && !extra.has(parsed.id)) {
        extra.set(parsed.id, { id: parsed.id, url: parsed.url, refs: [] });
      }
      return [{ ...suggestion, targetId: parsed.id }];
    });
    if (suggestions.length > 0) byResource.set(resource.id, suggestions);
  }
  return { targets: [...extra.values()], byResource };
}
