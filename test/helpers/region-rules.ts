/** Region rules files for unit tests, shaped as `loadRegionInputs` hands them to the region stage. */
import type { RegionRule, RegionRules } from '../../src/region/rules-schema.js';

/** A loaded rules file for `region`, cited as `<region>.yaml`, holding `rules`. */
export function rulesFile(region: string, rules: RegionRule[]): RegionRules {
  return { list: `${region}.yaml`, region, updated: '2026-11-28', source: 'tests', rules };
}

/** A cn rules file with one rule per level: YouTube blocked, GitHub throttled, OpenAI refusing cn. */
export const cnRules: RegionRules = rulesFile('cn', [
  { id: 'youtube', match: 'youtube.com', level: 'blocked', note: 'YouTube' },
  { id: 'github', match: 'github.com', level: 'throttled', note: 'slow' },
  { id: 'openai', match: 'openai.com', level: 'refuses-region', note: 'refuses cn' },
]);
