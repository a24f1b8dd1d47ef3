/**
 * The vantages a run observes from, and what region rules say about the run's own vantage
 * before anything is fetched.
 */
import { accessOfLevel } from './verdict.js';
import { matchRegionSources, sourcesForRegion, type RegionRuleSources } from './rules.js';

/** The vantage without a region's filter in front of it; a region's observations are compared with it. */
export const GLOBAL_VANTAGE = 'global';

/**
 * Whether region rules say the run's own vantage cannot reach a URL directly (the network probe
 * samples such hosts last, so that a blocked host does not pass for a dead network). The global
 * vantage reaches everything. Any rule that takes a VPN counts, not only the one that decides a
 * verdict: github.com is throttled in `cn.yaml` but listed by gfwlist, and the probe would
 * rather sample a sure host first.
 */
export function blockedFromVantage(
  vantage: string,
  sources: RegionRuleSources,
): (url: URL) => boolean {
  if (vantage === GLOBAL_VANTAGE) return () => false;
  const vantageSources = sourcesForRegion(sources, vantage);
  return (url) =>
    matchRegionSources(vantageSources, url).some((match) => accessOfLevel(match.level) === 'vpn');
}
