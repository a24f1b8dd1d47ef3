/**
 * The reference texts of a roadmap that does not load: the file itself (missing, a directory,
 * too big, not UTF-8), its YAML (a tab, a mis-indented line, the parser's own errors) and its
 * schema (an unknown key, a wrong type). zh-CN (roadmap-load-zh-CN.ts) is typed against this. In
 * English the YAML parser's errors keep the parser's words; other languages map its error codes.
 */
import type { ErrorCode as YamlErrorCode } from 'yaml';
import type { TextsOf } from './catalog.js';
import { plural } from '../text/plural.js';

/** A value as a message describes it; a scalar's text is as the file has it (strings quoted). */
export type DescribedValue =
  | { kind: 'empty' }
  | { kind: 'list' }
  | { kind: 'mapping' }
  | { kind: 'nothing' }
  | { kind: 'scalar'; text: string };

/** The read failures with a message of their own (Node's error codes). */
export type ReadFailureCode = 'ENOENT' | 'ENOTDIR' | 'EACCES' | 'EPERM' | 'ELOOP' | 'ENAMETOOLONG';

const TYPE_NAMES_EN: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping (key: value)',
  record: 'a mapping (key: value)',
  array: 'a list',
};

/**
 * The roadmap schema's own rules (schema.ts), by name. The schema gives zod these English
 * sentences, so issues.ts finds a rule by its sentence here and says it in the run's language.
 */
export const SCHEMA_RULES_EN = {
  notEmpty: 'must not be empty',
  slug: 'must be a slug: lower-case letters, digits, ".", "_" or "-"',
  regionCode: 'must be a two-letter region code such as "cn"',
  duration: 'must be a duration such as "15s", "500ms" or "2m"',
  sectionNumber: 'must be a section number such as "2.1"',
  needsSection: 'a roadmap needs at least one section',
} as const;

/** The name of one of the schema's own rules. */
export type SchemaRule = keyof typeof SCHEMA_RULES_EN;

/** The words for a value that is not a scalar, per language. */
export type ValueWords = Readonly<Record<Exclude<DescribedValue['kind'], 'scalar'>, string>>;

/** A value in a language's words; a scalar as the file has it. */
export function describedValue(words: ValueWords, value: DescribedValue): string {
  return value.kind === 'scalar' ? value.text : words[value.kind];
}

const VALUE_WORDS_EN: ValueWords = {
  empty: 'an empty value',
  list: 'a list',
  mapping: 'a mapping',
  nothing: 'nothing',
};
const valueEn = (value: DescribedValue): string => describedValue(VALUE_WORDS_EN, value);

const YAML_PARSER_HINTS_EN: Readonly<Partial<Record<YamlErrorCode, string>>> = {
  DUPLICATE_KEY: 'YAML keeps only one of them; remove or rename one',
  TAB_AS_INDENT: 'indent with spaces',
  MULTIPLE_DOCS: 'keep one YAML document per file; remove the extra `---`',
};

const didYouMean = (suggestion: string | undefined): string =>
  suggestion === undefined ? '' : `; did you mean "${suggestion}"?`;

export const ROADMAP_LOAD_TEXT_EN = {
  // The file (roadmap/load.ts).
  notValidRoadmap: (file: string, problems: number) =>
    `${file} is not a valid roadmap (${plural(problems, 'problem')})`,
  /** `file` + one of the sentences below, as the one-line error. */
  fileSays: (file: string, message: string) => `${file} ${message}`,
  isDirectory: 'is a directory, not a roadmap file',
  isDirectoryHint: 'pass the YAML file itself, e.g. roadmap.yaml',
  notRegularFile: 'is not a regular file',
  notRegularFileHint: 'pass a YAML file saved on disk',
  tooBig: (size: string, max: string) => `is ${size}, more than the ${max} a roadmap may have`,
  tooBigHint: 'split the roadmap, or check that this is the right file',
  bytes: (bytes: number) =>
    bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${bytes} bytes`,
  notUtf8: 'is not UTF-8 text',
  notUtf8Hint: 'save it as UTF-8 (GBK/GB2312 files are not supported)',
  readFailure: {
    ENOENT: ['does not exist', 'check the path; it is relative to the current directory'],
    ENOTDIR: ['does not exist (a parent is not a directory)', 'check the path'],
    EACCES: ['cannot be read: permission denied', 'make the file readable for this user'],
    EPERM: ['cannot be read: permission denied', 'make the file readable for this user'],
    ELOOP: ['is a symbolic link loop', 'point at the real file'],
    ENAMETOOLONG: ['has a name that is too long', 'check the path'],
  } as Readonly<Record<ReadFailureCode, readonly [message: string, hint: string]>>,
  cannotRead: (detail: string) => `cannot be read (${detail})`,
  cannotReadHint: 'check the path and the file',
  emptyFile:
    'the file is empty, but a roadmap is a mapping of keys such as version, title and sections',
  topLevel: (what: 'list' | 'value', value: string) =>
    `the top level is ${what === 'list' ? 'a list' : `a single value (${value})`}, but a roadmap is a mapping of keys such as version, title and sections`,
  topLevelHint: 'start the file with `version: 1`, then `title:` and `sections:`',

  // YAML (roadmap/yaml-problems.ts).
  yamlTab: (line: number, column: number) =>
    column === 1
      ? `line ${line} starts with a tab; YAML indents with spaces`
      : `line ${line} has a tab in its indentation (column ${column}); YAML indents with spaces`,
  yamlTabHint: (spaces: number | undefined) =>
    spaces === undefined
      ? 'replace the tab with spaces'
      : spaces === 0
        ? 'remove the tab: this line needs no indentation'
        : `replace the indentation with ${plural(spaces, 'space')}, like the lines around it`,
  yamlMisaligned: (line: number, indent: number, siblings: number) =>
    `line ${line} is indented ${plural(indent, 'space')}; its siblings use ${siblings}`,
  yamlMisalignedHint: (siblings: number) =>
    `indent it with ${plural(siblings, 'space')}, or, if it belongs to the entry above, as far as that entry's keys`,
  // YAML (roadmap/yaml-source.ts): what the reader guards against, and the parser's errors.
  yamlDuplicateKey: (key: string, firstLine: number) =>
    `duplicate key "${key}" (first at line ${firstLine})`,
  yamlDuplicateKeyHint: 'YAML keeps only one of them; remove or rename one',
  yamlTooDeep: (maxDepth: number) => `nested more than ${maxDepth} levels deep`,
  yamlTooDeepHint: 'check for an unclosed [ or {',
  yamlAliasCycle: 'an alias refers to a node that contains it',
  yamlTooManyAliases: (max: number) =>
    `too many aliases: more than ${max} expansions (a "billion laughs" file?)`,
  yamlUnresolvedAlias: (parserText: string) => parserText,
  yamlAliasHint: 'write the values out instead of using *aliases',
  /** The parser's error, by its code; `parserText` is what the parser said. */
  yamlParser: (_code: YamlErrorCode, parserText: string) => parserText,
  yamlParserHint: (code: YamlErrorCode): string | undefined => YAML_PARSER_HINTS_EN[code],

  // The schema (roadmap/issues.ts).
  value: valueEn,
  typeName: (expected: string) => TYPE_NAMES_EN[expected] ?? expected,
  orList: (items: readonly string[]) => items.join(' or '),
  expectedGot: (expected: string, got: DescribedValue) =>
    `expected ${expected}, got ${valueEn(got)}`,
  unknownKey: (key: string, suggestion: string | undefined) =>
    `unknown key "${key}"${didYouMean(suggestion)}`,
  allowedHere: (keys: readonly string[]) => `allowed here: ${keys.join(', ')}`,
  mustBe: (only: string, got: DescribedValue) => `must be ${only}, got ${valueEn(got)}`,
  notAllowedValue: (
    value: DescribedValue,
    field: string | undefined,
    suggestion: string | undefined,
  ) =>
    `${valueEn(value)} ${field === undefined ? 'is not allowed here' : `is not a valid ${field}`}${didYouMean(suggestion)}`,
  oneOf: (options: readonly string[]) => `one of: ${options.join(', ')}`,
  missingKey: (key: string) => `required key "${key}" is missing`,
  quoteHint: (written: string) => `quote it so YAML reads it as text: "${written}"`,
  emptyValueHint: 'leave the key out, or give it a value',
  invalidKey: (key: string, reasons: string) => `key "${key}" ${reasons}`,
  atLeastCharacters: (count: number) => `must have at least ${plural(count, 'character')}`,
  atMostCharacters: (count: number) => `must have at most ${plural(count, 'character')}`,
  atLeastItems: (count: number) => `must have at least ${plural(count, 'item')}`,
  atMostItems: (count: number) => `must have at most ${plural(count, 'item')}`,
  atLeast: (limit: string, got: DescribedValue) => `must be at least ${limit}, got ${valueEn(got)}`,
  atMost: (limit: string, got: DescribedValue) => `must be at most ${limit}, got ${valueEn(got)}`,
  schemaRule: SCHEMA_RULES_EN as Readonly<Record<SchemaRule, string>>,
  /** A value and the schema rule it breaks ("must …"). */
  breaksRule: (value: DescribedValue, rule: string) => `${valueEn(value)} ${rule}`,
  invalidFormat: (value: DescribedValue, format: string) =>
    `${valueEn(value)} is not a valid ${format}`,
} as const;

/** The shape every language's load texts have: en's keys, strings widened. */
export type RoadmapLoadText = TextsOf<typeof ROADMAP_LOAD_TEXT_EN>;
