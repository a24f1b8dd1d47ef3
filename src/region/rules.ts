/**
 * Which region rules name a URL: the curated rules files shipped with curate, plus any AutoProxy
 * lists (gfwlist) the maintainer loads. Pure: the files are loaded by `load-rules.ts`.
 */
import { matchAutoProxy, type AutoProxyList } from './gfwlist.js';
import type { RegionRules } from './rules-schema.js';
import type { RuleLevel } from './verdict.js';

/** A rule that names a URL's host, from a rules file or an AutoProxy list. */
export type RegionRuleMatch = {
  /** The rule's id in a rules file, or the AutoProxy line as written (`||youtube.com`). */
  ruleId: string;
  /** The rules file or list, by the name it was loaded under. */
  list: string;
  level: RuleLevel;
  note: string;
};

/** Where static verdicts come from: curated rules files, then AutoProxy lists. */
export type RegionRuleSources = {
  rules: readonly RegionRules[];
  lists: readonly AutoProxyList[];
};

/**
 * The sources that describe one region: its own rules files, and every AutoProxy list (lists
 * name no region, so they apply to every region of the roadmap).
 */
export function sourcesForRegion(sources: RegionRuleSources, region: string): RegionRuleSources {
  return { rules: sources.rules.filter((rules) => rules.region === region), lists: sources.lists };
}

/**
 * The rules of one file that name the URL's host (the domain itself or a subdomain of it), most
 * specific first: `colab.research.google.com` before `google.com`.
 */
export function matchRegionRules(rules: RegionRules, url: URL): RegionRuleMatch[] {
  const host = hostOf(url);
  return rules.rules
    .filter((rule) => host === rule.match || host.endsWith(`.${rule.match}`))
    .sort((a, b) => b.match.length - a.match.length)
    .map((rule) => ({ ruleId: rule.id, list: rules.list, level: rule.level, note: rule.note }));
}

/** The AutoProxy lists that block the URL, each as a `blocked` rule citing its deciding line. */
export function matchAutoProxyLists(lists: readonly AutoProxyList[], url: URL): RegionRuleMatch[] {
  return lists.flatMap((list) => {
    const { isBlocked, rule } = matchAutoProxy(list, url);
    if (!isBlocked || rule === undefined) return [];
    return [
      { ruleId: rule, list: list.name, level: 'blocked' as const, note: `listed in ${list.name}` },
    ];
  });
}

/**
 * Every rule that names the URL, the deciding one first. Curated rules files come before
 * AutoProxy lists, in the order given: they carry levels and notes, where a list only says
 * "proxy this" (gfwlist lists github.com, which is throttled in cn, not blocked). Within a file
 * the most specific rule comes first.
 */
export function matchRegionSources(sources: RegionRuleSources, url: URL): RegionRuleMatch[] {
  return [
    ...sources.rules.flatMap((rules) => matchRegionRules(rules, url)),
    ...matchAutoProxyLists(sources.lists, url),
  ];
}

function hostOf(url: URL): string {
  // A fully qualified `youtube.com.` is the same host as `youtube.com`.
  return url.hostname.toLowerCase().replace(/\.$/, '');
}
