/**
 * The shape of a message catalog. `en` is the reference catalog; every other language is typed
 * as {@link Catalog} (the widened shape of `en`), so a key missing from a translation fails the
 * type check. Keys are namespaced by where the text is used (`html.*` for report.html; report.md,
 * the CLI and the tracking issue get their own namespaces), while the vocabulary shared by every
 * output (status words, reasons, region access) lives at the top, written once.
 *
 * Messages are plain strings with `{name}` placeholders; a count-dependent message is a
 * {@link Plural} chosen with `Intl.PluralRules`. Status words, reasons and rule ids stay English
 * in data: these catalogs only give them labels.
 */
import type { ArchivedCopy } from '../archive/archived-copy.js';
import type { Reason, Status } from '../outcome/model.js';
import type { RegionAccess } from '../region/verdict.js';

/** The languages curate writes. */
export const LANGS = ['en', 'zh-CN'] as const;
export type Lang = (typeof LANGS)[number];

/** A message whose words depend on a count: `Intl.PluralRules` picks the category. */
export type Plural = { one?: string; other: string };

/** A namespace of messages: plain strings or plurals. */
export type Messages = Readonly<Record<string, string | Plural>>;

/** What the reference catalog must cover: every status, reason and access level, by type. */
export type CatalogShape = {
  status: Readonly<Record<Status, string>>;
  /** One line saying what the status means, for the first time a report uses the word. */
  statusHelp: Readonly<Record<Status, string>>;
  reason: Readonly<Record<Reason, string>>;
  access: Readonly<Record<RegionAccess, string>>;
  /** A dead link's archived copy: every answer of the archive, and the snapshot's region note. */
  archive: Readonly<Record<ArchiveMessageKey, string>>;
  /**
   * The findings beside the status (`archived`, `gated` …): report.md's and report.html's
   * "Worth a look" section. Each finding's own sentence is in report/finding-sentences.ts.
   */
  findings: Messages;
  /** Names of the regions curate knows (rules files); other region ids are shown as written. */
  region: Readonly<Record<string, string>>;
  html: Messages;
  /** report.md. */
  md: Messages;
  /** What several CI texts share: coverage (what was checked), shards. */
  coverage: Messages;
  /** The job summary (`$GITHUB_STEP_SUMMARY`). */
  summary: Messages;
  /** Workflow annotations on the roadmap's lines. */
  annotation: Messages;
  /** The audit's tracking issue (its title stays English: the workflow finds the issue by it). */
  issue: Messages;
};

/** One message per kind of archive answer (a "none" per reason), and the region note. */
export type ArchiveMessageKey =
  | Exclude<ArchivedCopy['kind'], 'none'>
  | Extract<ArchivedCopy, { kind: 'none' }>['reason']
  | 'blockedIn';

/** Turns the literal types of the reference catalog into the type a translation must satisfy. */
type Widen<T> = {
  readonly [K in keyof T]: T[K] extends string
    ? string
    : T[K] extends { other: string }
      ? Plural
      : Widen<T[K]>;
};

/** The type every catalog has: the keys of `en`, each a string or a plural. */
export type CatalogOf<Reference> = Widen<Reference>;

/**
 * The type a translation of a catalog of functions must satisfy (validate, roadmap-load, cli,
 * flags): the reference's keys and functions, its literal strings widened to `string`, and a
 * record of literal strings (one message per case) to a record of strings with the same keys.
 */
export type TextsOf<Reference> = {
  readonly [K in keyof Reference]: Reference[K] extends string
    ? string
    : Reference[K] extends Readonly<Record<string, string>>
      ? { readonly [R in keyof Reference[K]]: string }
      : Reference[K];
};
