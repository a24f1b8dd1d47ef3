/** The catalogs by language, and the lookups every output shares. */
import type { Lang } from './catalog.js';
import { ACTION_TEXT_EN, type ActionText } from './action-en.js';
import { ACTION_TEXT_ZH_CN } from './action-zh-CN.js';
import { en, type Catalog } from './en.js';
import { CHECK_INPUTS_TEXT_EN, type CheckInputsText } from './check-inputs-en.js';
import { CHECK_INPUTS_TEXT_ZH_CN } from './check-inputs-zh-CN.js';
import { CLI_TEXT_EN, type CliText } from './cli-en.js';
import { COMMAND_OUTPUT_TEXT_EN, type CommandOutputText } from './command-output-en.js';
import { COMMAND_OUTPUT_TEXT_ZH_CN } from './command-output-zh-CN.js';
import { COMMAND_TEXT_EN, type CommandText } from './commands-en.js';
import { COMMAND_TEXT_ZH_CN } from './commands-zh-CN.js';
import { MIRRORS_TEXT_EN, type MirrorsText } from './mirrors-en.js';
import { MIRRORS_TEXT_ZH_CN } from './mirrors-zh-CN.js';
import { FLAG_TEXT_EN, type FlagText } from './flags-en.js';
import { FLAG_TEXT_ZH_CN } from './flags-zh-CN.js';
import { CLI_TEXT_ZH_CN } from './cli-zh-CN.js';
import { REPORT_FILES_TEXT_EN, type ReportFilesText } from './report-files-en.js';
import { REPORT_FILES_TEXT_ZH_CN } from './report-files-zh-CN.js';
import { REGION_RULES_TEXT_EN, type RegionRulesText } from './region-rules-en.js';
import { REGION_RULES_TEXT_ZH_CN } from './region-rules-zh-CN.js';
import { ROADMAP_LOAD_TEXT_EN, type RoadmapLoadText } from './roadmap-load-en.js';
import { ROADMAP_LOAD_TEXT_ZH_CN } from './roadmap-load-zh-CN.js';
import { VALIDATE_TEXT_EN, type ValidateText } from './validate-en.js';
import { VALIDATE_TEXT_ZH_CN } from './validate-zh-CN.js';
import { zhCN } from './zh-CN.js';

export { LANGS, type Lang, type Plural } from './catalog.js';
export type { Catalog } from './en.js';
export type { ValidateText } from './validate-en.js';
export type { CliText } from './cli-en.js';
export type { ActionText } from './action-en.js';
export type { CheckInputsText, OnlySuggestion } from './check-inputs-en.js';
export type { FlagText } from './flags-en.js';
export type { CommandText } from './commands-en.js';
export type { CommandOutputText } from './command-output-en.js';
export type { MirrorsText } from './mirrors-en.js';
export type { RegionRulesText } from './region-rules-en.js';
export type { ReportFilesText, ShardOfFile, WrittenFileKind } from './report-files-en.js';
export type { DescribedValue, ReadFailureCode, RoadmapLoadText } from './roadmap-load-en.js';
export { langOf, isLang } from './lang.js';
export { formatDateTime, formatList, formatNumber, interpolate, plural } from './format.js';

export const CATALOGS: Readonly<Record<Lang, Catalog>> = { en, 'zh-CN': zhCN };

/** A region's name in a language, or its id when curate has no name for it. */
export function regionName(catalog: Catalog, region: string): string {
  const names: Readonly<Record<string, string>> = catalog.region;
  return names[region] ?? region;
}

/** What `curate validate` says, in a language. */
export function validateTextOf(lang: Lang): ValidateText {
  return VALIDATE_TEXTS[lang];
}

const VALIDATE_TEXTS: Readonly<Record<Lang, ValidateText>> = {
  en: VALIDATE_TEXT_EN,
  'zh-CN': VALIDATE_TEXT_ZH_CN,
};

/** What curate says about a roadmap that does not load, in a language. */
export function roadmapLoadTextOf(lang: Lang): RoadmapLoadText {
  return ROADMAP_LOAD_TEXTS[lang];
}

const ROADMAP_LOAD_TEXTS: Readonly<Record<Lang, RoadmapLoadText>> = {
  en: ROADMAP_LOAD_TEXT_EN,
  'zh-CN': ROADMAP_LOAD_TEXT_ZH_CN,
};

/** What the command line says around its commands' output, in a language. */
export function cliTextOf(lang: Lang): CliText {
  return CLI_TEXTS[lang];
}

const CLI_TEXTS: Readonly<Record<Lang, CliText>> = { en: CLI_TEXT_EN, 'zh-CN': CLI_TEXT_ZH_CN };

/** What curate says about a flag it cannot use as given, in a language. */
export function flagTextOf(lang: Lang): FlagText {
  return FLAG_TEXTS[lang];
}

const FLAG_TEXTS: Readonly<Record<Lang, FlagText>> = { en: FLAG_TEXT_EN, 'zh-CN': FLAG_TEXT_ZH_CN };

/** What curate says about a region rules file or list it cannot use, in a language. */
export function regionRulesTextOf(lang: Lang): RegionRulesText {
  return REGION_RULES_TEXTS[lang];
}

const REGION_RULES_TEXTS: Readonly<Record<Lang, RegionRulesText>> = {
  en: REGION_RULES_TEXT_EN,
  'zh-CN': REGION_RULES_TEXT_ZH_CN,
};

/** What fix, mirrors and history say when they cannot go on as asked, in a language. */
export function commandTextOf(lang: Lang): CommandText {
  return COMMAND_TEXTS[lang];
}

const COMMAND_TEXTS: Readonly<Record<Lang, CommandText>> = {
  en: COMMAND_TEXT_EN,
  'zh-CN': COMMAND_TEXT_ZH_CN,
};

/** What curate says about report files it reads back, merges or cannot write, in a language. */
export function reportFilesTextOf(lang: Lang): ReportFilesText {
  return REPORT_FILES_TEXTS[lang];
}

const REPORT_FILES_TEXTS: Readonly<Record<Lang, ReportFilesText>> = {
  en: REPORT_FILES_TEXT_EN,
  'zh-CN': REPORT_FILES_TEXT_ZH_CN,
};

/** What check says about --only, --changed-since and --ca-file it cannot use, in a language. */
export function checkInputsTextOf(lang: Lang): CheckInputsText {
  return CHECK_INPUTS_TEXTS[lang];
}

const CHECK_INPUTS_TEXTS: Readonly<Record<Lang, CheckInputsText>> = {
  en: CHECK_INPUTS_TEXT_EN,
  'zh-CN': CHECK_INPUTS_TEXT_ZH_CN,
};

/** What history, fix and import print when they succeed, in a language. */
export function commandOutputTextOf(lang: Lang): CommandOutputText {
  return COMMAND_OUTPUT_TEXTS[lang];
}

const COMMAND_OUTPUT_TEXTS: Readonly<Record<Lang, CommandOutputText>> = {
  en: COMMAND_OUTPUT_TEXT_EN,
  'zh-CN': COMMAND_OUTPUT_TEXT_ZH_CN,
};

/** What `curate mirrors` prints: its table of candidates and its summary, in a language. */
export function mirrorsTextOf(lang: Lang): MirrorsText {
  return MIRRORS_TEXTS[lang];
}

const MIRRORS_TEXTS: Readonly<Record<Lang, MirrorsText>> = {
  en: MIRRORS_TEXT_EN,
  'zh-CN': MIRRORS_TEXT_ZH_CN,
};

/** What the GitHub Action itself logs (its inputs, the cache, the tracking issue), in a language. */
export function actionTextOf(lang: Lang): ActionText {
  return ACTION_TEXTS[lang];
}

const ACTION_TEXTS: Readonly<Record<Lang, ActionText>> = {
  en: ACTION_TEXT_EN,
  'zh-CN': ACTION_TEXT_ZH_CN,
};
