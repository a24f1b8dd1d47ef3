/**
 * The one place that decides which language curate writes in: `--lang`, else the roadmap's
 * top-level `lang:`, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, in POSIX order), else
 * English. Pure: the environment comes in as a parameter, so stages never read it.
 */
import { parse as parseYaml } from 'yaml';
import { UsageError } from '../errors.js';
import { flagTextOf, isLang, langOf, LANGS, type Lang } from '../i18n/index.js';
import type { CurateEnv } from './parsers.js';

/** The help of `--lang`, shared by every command that writes human text. */
export const LANG_HELP = `language of the reports and messages: ${LANGS.join(' or ')} (default: the roadmap's lang:, else the locale, else en)`;

/** Where the language may come from, most specific first. */
export type LangSources = {
  /** `--lang`, as given. */
  flag?: string | undefined;
  /** The roadmap's `lang:` (already validated by its schema). */
  roadmap?: Lang | undefined;
  env: CurateEnv;
};

/** The language of a command's human text; a `--lang` curate has no catalog for is a usage error. */
export function resolveLang(sources: LangSources): Lang {
  return chosenLang(sources) ?? 'en';
}

/**
 * How a command that loads a roadmap picks its language once the roadmap's `lang:` is read
 * (`loadRoadmap`'s `lang` option): `--lang` where the command has it, else that, else the locale.
 */
export function roadmapLangChooser(
  flag: string | undefined,
  env: CurateEnv,
): (roadmapLang: Lang | undefined) => Lang {
  return (roadmapLang) => resolveLang({ flag, roadmap: roadmapLang, env });
}

/**
 * The language the flag, the roadmap or the locale chose, or undefined when none did: then the
 * text is English and report.html opens in its reader's browser language instead.
 */
export function chosenLang(sources: LangSources): Lang | undefined {
  if (sources.flag !== undefined) {
    if (!isLang(sources.flag)) {
      // The flag cannot say which language to complain in; the locale still can.
      const lang = localeLang(sources.env) ?? 'en';
      throw new UsageError(flagTextOf(lang).notOneOf('--lang', sources.flag, LANGS), { lang });
    }
    return sources.flag;
  }
  return sources.roadmap ?? localeLang(sources.env);
}

/** The language the locale asks for; `C`, `POSIX` and unset variables fall through to the next. */
function localeLang(env: CurateEnv): Lang | undefined {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const lang = langOf(env[name]);
    if (lang !== undefined) return lang;
  }
  return undefined;
}

/**
 * The `lang:` of a roadmap's text, for commands that read a report rather than load the roadmap
 * (merge): a roadmap that does not parse or says nothing gives undefined, never an error.
 */
export function roadmapLangOf(roadmapText: string | undefined): Lang | undefined {
  if (roadmapText === undefined) return undefined;
  try {
    const document: unknown = parseYaml(roadmapText);
    if (typeof document !== 'object' || document === null || !('lang' in document)) {
      return undefined;
    }
    const { lang } = document;
    return typeof lang === 'string' && isLang(lang) ? lang : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The language the command line itself asked for, before any roadmap is read: `--lang` on the
 * argv (either spelling), else the locale, else English. For what is said before a command
 * runs or around it: help, usage errors, the labels of an error. An unknown `--lang` falls
 * through here; the command reports it.
 */
export function argvLang(argv: readonly string[], env: CurateEnv): Lang {
  const index = argv.indexOf('--lang');
  const flag =
    index >= 0
      ? argv[index + 1]
      : argv.find((arg) => arg.startsWith('--lang='))?.slice('--lang='.length);
  return flag !== undefined && isLang(flag) ? flag : (localeLang(env) ?? 'en');
}
