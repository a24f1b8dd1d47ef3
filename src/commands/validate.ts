/** `curate validate`: YAML, schema and lint, no network. */
import type { Command } from 'commander';
import { InputError, type ExitCode } from '../errors.js';
import { validateTextOf, type Lang } from '../i18n/index.js';
import { LANG_HELP, resolveLang } from '../options/lang.js';
import { parseFormatFlag } from '../options/parsers.js';
import { lintRoadmap } from '../roadmap/lint.js';
import {
  exitCodeOf,
  fromInputProblem,
  fromLintFinding,
  PROBLEM_FORMATS,
  renderProblems,
  renderProblemText,
  type NeedsMirror,
  type RoadmapProblem,
} from '../roadmap/lint-output.js';
import { findUncoveredResources } from '../roadmap/lint-region.js';
import { loadRoadmap, type LangChoice, type LoadedRoadmap } from '../roadmap/load.js';
import { loadRegionInputs } from '../region/load-rules.js';
import type { CommandIo, RunCommand, TextStream } from './io.js';

/** Output styles of `validate --format`. */
export const VALIDATE_FORMATS = PROBLEM_FORMATS;

/** Raw flags of `curate validate`. */
export type ValidateFlags = { format?: string; lang?: string };

/** What validating one roadmap file found. */
export type ValidationResult = {
  problems: RoadmapProblem[];
  /** Per region, the ids of the resources that need a VPN there and have no mirror (the report's count). */
  needsMirror: NeedsMirror;
  /** The language the problems are written in. */
  lang: Lang;
};

/**
 * Lints a loaded roadmap by the region rules curate ships (`rules/<region>.yaml`), so its VPN
 * findings are the ones an offline `check` reports.
 */
export async function lintLoadedRoadmap(
  loaded: LoadedRoadmap,
  lang: Lang = 'en',
): Promise<ValidationResult> {
  const rules = await loadRegionInputs(loaded.roadmap.regions ?? [], [], undefined, lang);
  const needsMirror: NeedsMirror = {};
  for (const { entry, region } of findUncoveredResources(loaded.roadmap, rules)) {
    (needsMirror[region] ??= []).push(entry.resource.id);
  }
  return { problems: lintRoadmap(loaded, rules, lang).map(fromLintFinding), needsMirror, lang };
}

/**
 * Every problem of a roadmap file: those that stop it from loading (YAML, schema, an unreadable
 * file), else the lint findings of the loaded roadmap.
 */
export async function validateRoadmapFile(
  file: string,
  lang: LangChoice = 'en',
): Promise<ValidationResult> {
  let loaded: LoadedRoadmap;
  try {
    loaded = await loadRoadmap(file, { lang });
  } catch (error) {
    if (!(error instanceof InputError) || error.problems.length === 0) throw error;
    return {
      problems: error.problems.map(fromInputProblem),
      needsMirror: {},
      lang: error.lang ?? 'en',
    };
  }
  return lintLoadedRoadmap(loaded, typeof lang === 'function' ? lang(loaded.roadmap.lang) : lang);
}

/** How many lint warnings `check` prints before it starts; `validate` prints them all. */
export const MAX_WARNINGS_BEFORE_CHECK = 20;

/**
 * The lint `check` runs before fetching anything: every error and the first warnings on
 * `stderr`, as `validate` prints them (only errors when `quiet`), then how many warnings were
 * left out. Returns whether any is an error: `check` then exits 1 even when every link works,
 * so a duplicate id or an `htps:` URL never passes silently.
 */
export async function lintBeforeCheck(
  loaded: LoadedRoadmap,
  stderr: TextStream,
  quiet: boolean,
  lang: Lang = 'en',
): Promise<boolean> {
  const { problems } = await lintLoadedRoadmap(loaded, lang);
  const errors = problems.filter((problem) => problem.severity === 'error');
  const warnings = quiet ? [] : problems.filter((problem) => problem.severity === 'warning');
  // Errors stop the run, so each is shown; warnings are capped: a list imported with 10,000
  // http:// links would bury the run's own output (and take ~0.3 s to print).
  const shownWarnings = warnings.slice(0, MAX_WARNINGS_BEFORE_CHECK);
  const shown = new Set([...errors, ...shownWarnings]);
  for (const problem of problems.filter((each) => shown.has(each))) {
    stderr.write(`${renderProblemText(problem, lang)}\n`);
  }
  const hidden = warnings.length - shownWarnings.length;
  if (hidden > 0) stderr.write(`${validateTextOf(lang).moreWarnings(hidden, loaded.file)}\n`);
  return errors.length > 0;
}

/** Validates one roadmap file; exit 2 when it cannot be loaded, 1 for lint errors. */
export async function validateCommand(
  file: string,
  flags: ValidateFlags,
  io: CommandIo,
): Promise<ExitCode> {
  const format = parseFormatFlag(flags.format, VALIDATE_FORMATS, 'text', io.lang);
  // A bad --lang is a usage error before anything is read.
  if (flags.lang !== undefined) resolveLang({ flag: flags.lang, env: io.env });
  // --format json is for machines: its messages stay English, whatever the language.
  const lang: LangChoice =
    format === 'json'
      ? 'en'
      : (roadmapLang) => resolveLang({ flag: flags.lang, roadmap: roadmapLang, env: io.env });
  const result = await validateRoadmapFile(file, lang);
  const rendered = renderProblems(file, result, format, result.lang);
  io.stdout.write(rendered.stdout);
  io.stderr.write(rendered.stderr);
  return exitCodeOf(result.problems);
}

/** Adds `validate` to the program. */
export function registerValidateCommand(program: Command, run: RunCommand): void {
  program
    .command('validate')
    .description('check the roadmap file (YAML, schema and lint) without touching the network')
    .argument('[roadmap]', 'roadmap file', 'roadmap.yaml')
    .option('--format <format>', 'text (default), json, or github (workflow annotations)')
    .option('--lang <lang>', LANG_HELP)
    .action((file: string, flags: ValidateFlags) => run((io) => validateCommand(file, flags, io)));
}
