/**
 * The words of the Markdown-like reports (report.md, the job summary, the tracking issue) in one
 * language: the catalog and the `Intl` helpers bound to it, so a renderer says `say('title', …)`
 * and never picks a language itself. Renderers take a {@link Words} (or a Lang) as a parameter.
 */
import {
  CATALOGS,
  formatList,
  formatNumber,
  interpolate,
  plural,
  type Catalog,
  type Lang,
  type Plural,
} from '../i18n/index.js';
import type { Status } from '../domain.js';
import type { RegionAccess } from '../region/verdict.js';

type Namespace = 'md' | 'coverage' | 'summary' | 'annotation' | 'issue';
type StringKey<M> = { [K in keyof M]: M[K] extends string ? K : never }[keyof M];
type PluralKey<M> = { [K in keyof M]: M[K] extends Plural ? K : never }[keyof M];
type Values = Readonly<Record<string, string | number>>;

export type Words = {
  readonly lang: Lang;
  readonly catalog: Catalog;
  /** A report.md message with its placeholders filled. */
  md(key: StringKey<Catalog['md']>, values?: Values): string;
  /** A report.md count: `3 resources` / `3 个资源`. */
  mdCount(key: PluralKey<Catalog['md']>, count: number, values?: Values): string;
  coverage(key: StringKey<Catalog['coverage']>, values?: Values): string;
  coverageCount(key: PluralKey<Catalog['coverage']>, count: number, values?: Values): string;
  summary(key: StringKey<Catalog['summary']>, values?: Values): string;
  annotation(key: StringKey<Catalog['annotation']>, values?: Values): string;
  issue(key: StringKey<Catalog['issue']>, values?: Values): string;
  issueCount(key: PluralKey<Catalog['issue']>, count: number, values?: Values): string;
  number(value: number): string;
  list(items: readonly string[]): string;
};

/**
 * A status word as people read it: the word itself in English (it is what report.json says),
 * the catalog's label in other languages.
 */
export function statusWord(status: Status, words: Words): string {
  return words.lang === 'en' ? status : words.catalog.status[status];
}

/** A region access level as people read it, as {@link statusWord} does for statuses. */
export function accessWord(access: RegionAccess, words: Words): string {
  return words.lang === 'en' ? access : words.catalog.access[access];
}

const cache = new Map<Lang, Words>();

/** The words of one language; English when none is given, as every report was before. */
export function wordsFor(lang: Lang = 'en'): Words {
  const known = cache.get(lang);
  if (known !== undefined) return known;
  const catalog = CATALOGS[lang];
  const lookup = (namespace: Namespace, key: string): string | Plural =>
    (catalog[namespace] as Readonly<Record<string, string | Plural>>)[key] ?? key;
  // The key types already say which messages are plain and which plural; these only unwrap.
  const text =
    (namespace: Namespace) =>
    (key: string, values: Values = {}): string => {
      const message = lookup(namespace, key);
      return interpolate(typeof message === 'string' ? message : message.other, values);
    };
  const counted =
    (namespace: Namespace) =>
    (key: string, count: number, values?: Values): string => {
      const message = lookup(namespace, key);
      return plural(
        lang,
        typeof message === 'string' ? { other: message } : message,
        count,
        values,
      );
    };
  const words: Words = {
    lang,
    catalog,
    md: text('md'),
    mdCount: counted('md'),
    coverage: text('coverage'),
    coverageCount: counted('coverage'),
    summary: text('summary'),
    annotation: text('annotation'),
    issue: text('issue'),
    issueCount: counted('issue'),
    number: (value) => formatNumber(lang, value),
    // British English lists without the serial comma, as curate's English always has.
    list: (items) =>
      lang === 'en'
        ? new Intl.ListFormat('en-GB', { type: 'conjunction' }).format(items)
        : formatList(lang, items),
  };
  cache.set(lang, words);
  return words;
}
