/** The catalogs by language, and the lookups every output shares. */
import type { Lang } from './catalog.js';
import { en, type Catalog } from './en.js';
import { zhCN } from './zh-CN.js';

export { LANGS, type Lang, type Plural } from './catalog.js';
export type { Catalog } from './en.js';
export { langOf, isLang } from './lang.js';
export { formatDateTime, formatList, formatNumber, interpolate, plural } from './format.js';

export const CATALOGS: Readonly<Record<Lang, Catalog>> = { en, 'zh-CN': zhCN };

/** A region's name in a language, or its id when curate has no name for it. */
export function regionName(catalog: Catalog, region: string): string {
  const names: Readonly<Record<string, string>> = catalog.region;
  return names[region] ?? region;
}
