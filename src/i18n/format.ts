/**
 * Numbers, dates, lists and plurals through `Intl` (Node ships full ICU), and `{name}`
 * placeholders, so no catalog concatenates words in one language's order.
 */
import type { Lang, Plural } from './catalog.js';

/** Fills `{name}` placeholders; an unknown name is left as written, so a typo shows. */
export function interpolate(
  template: string,
  values: Readonly<Record<string, string | number>>,
): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}

/** The form of a plural message for `count`, with `{count}` filled in as a localized number. */
export function plural(
  lang: Lang,
  message: Plural,
  count: number,
  values: Readonly<Record<string, string | number>> = {},
): string {
  const category = new Intl.PluralRules(lang).select(count);
  const template = category === 'one' && message.one !== undefined ? message.one : message.other;
  return interpolate(template, { ...values, count: formatNumber(lang, count) });
}

export function formatNumber(lang: Lang, value: number): string {
  return new Intl.NumberFormat(lang).format(value);
}

/** `a, b and c` / `a、b和c`. */
export function formatList(lang: Lang, items: readonly string[]): string {
  return new Intl.ListFormat(lang, { type: 'conjunction' }).format(items);
}

/** A date and time in UTC, the zone every report states its times in; unparsable text as written. */
export function formatDateTime(lang: Lang, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang, {
    // dateStyle cannot be combined with timeZoneName; the fields spell the same out.
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'UTC',
    timeZoneName: 'short',
  }).format(date);
}
