/**
 * Reads region rules from disk: the curated YAML rules files (`rules/<region>.yaml`) and AutoProxy
 * lists. The one file under `src/region` that does I/O; everything it returns is plain data.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import {
  InputError,
  InternalError,
  UsageError,
  wholeFileProblem,
  type InputProblem,
} from '../errors.js';
import { regionRulesTextOf, roadmapLoadTextOf, type Lang } from '../i18n/index.js';
import { PACKAGE_ROOT } from '../package-root.js';
import type { RegionInputs } from './assess.js';
import { parseAutoProxyList, type AutoProxyList } from './gfwlist.js';
import { RegionRulesFileSchema, type RegionRules } from './rules-schema.js';
import { problemsFromIssues } from '../roadmap/issues.js';
import { formatFieldPath } from '../roadmap/walk.js';
import { explainYamlProblems } from '../roadmap/yaml-problems.js';
import { readYamlSource, type YamlSource } from '../roadmap/yaml-source.js';
import { isOwnRule, schemaRuleMessage } from './rules-issue-words.js';

/** Where the rules file shipped for a region lives: `rules/<region>.yaml` at the package root. */
export function defaultRulesPath(region: string): string {
  // Regions are validated as two letters upstream; anything else here would escape rules/.
  if (!/^[a-z]{2}$/.test(region))
    throw new InternalError(`not a region code: ${JSON.stringify(region)}`);
  return fileURLToPath(new URL(`rules/${region}.yaml`, PACKAGE_ROOT));
}

/** Loads the rules file shipped for a region, or undefined when curate ships none for it. */
export async function loadDefaultRegionRules(
  region: string,
  lang: Lang = 'en',
): Promise<RegionRules | undefined> {
  const path = defaultRulesPath(region);
  const text = await readText(path, { isMissingOk: true }, lang);
  return text === undefined ? undefined : parseRegionRulesText(text, path, `${region}.yaml`, lang);
}

/**
 * Loads and validates a YAML rules file; every problem is reported at once, positioned
 * `file:line:col`, in one {@link InputError}. Verdicts cite it as `listName`.
 */
export async function loadRegionRulesFile(
  path: string,
  listName = basename(path),
  lang: Lang = 'en',
): Promise<RegionRules> {
  const text = await readText(path, { isMissingOk: false }, lang);
  return parseRegionRulesText(text ?? '', path, listName, lang);
}

/** Loads an AutoProxy list (plain or base64), e.g. gfwlist.txt; verdicts cite it as `listName`. */
export async function loadAutoProxyFile(
  path: string,
  listName = basename(path),
  lang: Lang = 'en',
): Promise<AutoProxyList> {
  const text = await readText(path, { isMissingOk: false }, lang);
  try {
    return parseAutoProxyList(text ?? '', listName, lang);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    // The parser knows only the list's name; the person fixing it needs the path.
    throw new InputError(
      regionRulesTextOf(lang).notAutoProxy(path),
      error.problems.map((problem) => ({ ...problem, file: path })),
      { cause: error, lang },
    );
  }
}

/** A `--region-rules` file, loaded as whichever format it is written in. */
export type LoadedRegionSource =
  { kind: 'rules'; rules: RegionRules } | { kind: 'list'; list: AutoProxyList };

/**
 * Loads a `--region-rules` file: a YAML rules file (a mapping with `rules:`, validated as
 * `rules/cn.yaml` is) or else an AutoProxy list, plain or base64 (gfwlist.txt).
 */
export async function loadRegionSourceFile(
  path: string,
  lang: Lang = 'en',
): Promise<LoadedRegionSource> {
  const text = (await readText(path, { isMissingOk: false }, lang)) ?? '';
  if (isRulesYaml(text)) {
    return { kind: 'rules', rules: parseRegionRulesText(text, path, basename(path), lang) };
  }
  return { kind: 'list', list: await loadAutoProxyFile(path, basename(path), lang) };
}

/** Downloads a `--region-rules` URL's text; the run supplies it (only fetch/ talks HTTP). */
export type FetchRulesText = (url: URL) => Promise<string>;

/**
 * A `--region-rules` source downloaded from a URL (e.g. the published gfwlist): the same two
 * formats as a file, named by the URL in verdicts and errors.
 */
export async function loadRegionSourceUrl(
  url: URL,
  fetchText: FetchRulesText,
  lang: Lang = 'en',
): Promise<LoadedRegionSource> {
  const text = await fetchText(url);
  const name = url.href;
  if (isRulesYaml(text)) {
    return { kind: 'rules', rules: parseRegionRulesText(text, name, basename(url.pathname), lang) };
  }
  return {
    kind: 'list',
    list: parseAutoProxyList(text, basename(url.pathname) || url.host, lang),
  };
}

/** Whether a `--region-rules` argument names a URL rather than a file. */
export function isRulesUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

/**
 * Everything the region stage judges by: the files given with `--region-rules`, in order, then
 * the rules shipped for each region. An earlier rules file decides first, so a maintainer's own
 * file overrides what curate ships.
 */
export async function loadRegionInputs(
  regions: readonly string[],
  extraPaths: readonly string[],
  fetchText?: FetchRulesText,
  lang: Lang = 'en',
): Promise<RegionInputs> {
  const words = regionRulesTextOf(lang);
  const shipped = await Promise.all(regions.map((region) => loadDefaultRegionRules(region, lang)));
  const extra = await Promise.all(
    extraPaths.map((path) => {
      if (!isRulesUrl(path)) return loadRegionSourceFile(path, lang);
      if (fetchText === undefined) {
        throw new UsageError(words.urlWithoutNetwork(path), {
          hint: words.urlWithoutNetworkHint,
          lang,
        });
      }
      return loadRegionSourceUrl(new URL(path), fetchText, lang);
    }),
  );
  return {
    regions: [...regions],
    rules: [
      ...extra.flatMap((source) => (source.kind === 'rules' ? [source.rules] : [])),
      ...shipped.filter((rules) => rules !== undefined),
    ],
    lists: extra.flatMap((source) => (source.kind === 'list' ? [source.list] : [])),
  };
}

/** A YAML mapping with a `rules` key; an AutoProxy list is never one (its lines are not `key:`). */
function isRulesYaml(text: string): boolean {
  const read = readYamlSource(text, 'sniff');
  if (read.kind === 'failed') return false;
  const value = read.source.data;
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'rules' in value;
}

async function readText(
  path: string,
  options: { isMissingOk: boolean },
  lang: Lang,
): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (options.isMissingOk && code === 'ENOENT') return undefined;
    const words = regionRulesTextOf(lang);
    throw new InputError(
      words.cannotRead(path),
      [wholeFileProblem(path, words.cannotReadFile(code))],
      { cause: error, lang },
    );
  }
}

function parseRegionRulesText(
  text: string,
  file: string,
  listName: string,
  lang: Lang,
): RegionRules {
  const words = regionRulesTextOf(lang);
  // The roadmap's one reader: the same guards (depth, alias bombs, duplicate keys) for a rules
  // file, which may come from a URL, and the same explained syntax errors.
  const yaml = explainYamlProblems(text, readYamlSource(text, file), lang);
  if (yaml.kind === 'failed' || yaml.problems.length > 0) {
    throw new InputError(words.notYaml(file), yaml.problems, { lang });
  }
  const { source } = yaml;
  const parsed = RegionRulesFileSchema.safeParse(source.data);
  if (!parsed.success) {
    throw new InputError(
      words.notRulesFile(file),
      schemaProblems(parsed.error.issues, source, file, lang),
      {
        hint: words.notRulesFileHint,
        lang,
      },
    );
  }
  return { ...parsed.data, list: listName };
}

/**
 * The rules file's own rules (rules-issue-words.ts) keep their sentences; zod's generic issues
 * (a wrong type, an unknown or missing key) are worded as the roadmap's are, in the run's language.
 */
function schemaProblems(
  issues: readonly z.core.$ZodIssue[],
  source: YamlSource,
  file: string,
  lang: Lang,
): InputProblem[] {
  const own = issues.filter(isOwnRule);
  const generic = problemsFromIssues(
    issues.filter((issue) => !isOwnRule(issue)),
    { file, schema: RegionRulesFileSchema, ...source, words: roadmapLoadTextOf(lang) },
  );
  const ownProblems = own.map((issue): InputProblem => {
    const path = issue.path.filter((key) => typeof key !== 'symbol');
    return {
      file,
      ...source.locate(path),
      path: formatFieldPath(path),
      message: schemaRuleMessage(issue, lang),
    };
  });
  return [...ownProblems, ...generic].sort((a, b) => a.line - b.line || a.column - b.column);
}
