/**
 * Counts in human text: `1 resource`, `2 resources`. The one place that picks a noun's form for
 * a number, so every message agrees, and a later translation (catalogs per language) replaces
 * this file's English rules rather than hunting `count === 1` checks across the code.
 */

// English has two forms (one, other); Intl.PluralRules knows the rules of every language.
const ENGLISH = new Intl.PluralRules('en');

/** The form of a word for a count: `one` for 1, `other` for 0, 2, 3…; `other` is `one` + s by default. */
export function pluralForm(count: number, one: string, other = `${one}s`): string {
  return ENGLISH.select(count) === 'one' ? one : other;
}

/** A count with its noun: `plural(1, 'resource')` is `1 resource`, `plural(2, 'entry', 'entries')` is `2 entries`. */
export function plural(count: number, one: string, other = `${one}s`): string {
  return `${count} ${pluralForm(count, one, other)}`;
}
