/**
 * The option parsers: text from a flag, a roadmap setting or the environment → a typed value, or
 * a `UsageError` that says how to write it. Pure.
 */
import { parseFailOnList, type FailOn } from '../outcome/fail-on.js';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import { flagTextOf, type Lang } from '../i18n/index.js';
import { REPORT_FORMATS, type ReportFormat } from '../report/render-reports.js';
import { suggestNearest } from '../roadmap/suggest.js';
import { DEFAULTS } from './defaults.js';
import type { ConnectTarget, TransportSettings } from '../fetch/dispatchers.js';

/** The parts of the environment curate reads (cli.ts reads them; nothing else does). */
export type CurateEnv = Readonly<Record<string, string | undefined>>;

const positiveInt = (flag: string) =>
  z
    .string()
    .regex(/^\d+$/, `${flag} takes a whole number`)
    .transform(Number)
    .pipe(z.number().int().min(1, `${flag} must be at least 1`));

const DURATION_UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** Parses `15s`, `500ms`, `2m`, `12h`, `1d`, or a plain number of seconds, into milliseconds. */
export function parseDurationMs(text: string | number, label: string, lang: Lang = 'en'): number {
  if (typeof text === 'number') return text * 1000;
  const words = flagTextOf(lang);
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/.exec(text.trim());
  if (match === null) {
    throw new UsageError(words.notDuration(label, text), { hint: words.notDurationHint, lang });
  }
  const value = Number(match[1]);
  const unit = (match[2] ?? 's') as keyof typeof DURATION_UNIT_MS;
  const ms = value * DURATION_UNIT_MS[unit];
  if (ms <= 0) throw new UsageError(words.notPositiveDuration(label), { lang });
  return Math.round(ms);
}

/** A whole-number flag (at least `min`, which is 0 or 1), or undefined when it is absent. */
export function parseIntFlag(
  value: string | undefined,
  flag: string,
  min: number,
  lang: Lang = 'en',
): number | undefined {
  if (value === undefined) return undefined;
  const parsed = (
    min === 0 ? z.string().regex(/^\d+$/).transform(Number) : positiveInt(flag)
  ).safeParse(value);
  if (!parsed.success) {
    throw new UsageError(flagTextOf(lang).notWholeNumber(flag, value, min > 0), { lang });
  }
  return parsed.data;
}

/** A command's `--format`: one of its `formats`, `fallback` when absent, else a `UsageError`. */
export function parseFormatFlag<Format extends string>(
  value: string | undefined,
  formats: readonly Format[],
  fallback: Format,
  lang: Lang = 'en',
): Format {
  const format = formats.find((candidate) => candidate === (value ?? fallback));
  if (format === undefined) {
    throw new UsageError(flagTextOf(lang).notOneOf('--format', value ?? '', formats), { lang });
  }
  return format;
}

/** An `--exclude`/`settings.exclude` pattern as a regular expression. */
export function compilePattern(pattern: string, where: string, lang: Lang = 'en'): RegExp {
  try {
    return new RegExp(pattern, 'u');
  } catch (error) {
    const words = flagTextOf(lang);
    throw new UsageError(words.notRegex(where, pattern), {
      hint: words.notRegexHint,
      cause: error,
      lang,
    });
  }
}

const REPORT_FORMAT_WORDS: ReadonlySet<string> = new Set(REPORT_FORMATS);

function isReportFormat(word: string): word is ReportFormat {
  return REPORT_FORMAT_WORDS.has(word);
}

/**
 * Parses `--reports md,json,sarif` into the formats to write. report.json is always written
 * (other commands read it), so it is in the set whether named or not. An unknown word is a
 * `UsageError` naming the nearest one.
 */
export function parseReportFormats(
  items: readonly string[],
  flag = '--reports',
  lang: Lang = 'en',
): ReadonlySet<ReportFormat> {
  const words = items.flatMap((item) => item.split(',')).map((word) => word.trim().toLowerCase());
  const formats = new Set<ReportFormat>(['json']);
  for (const word of words.filter(Boolean)) {
    if (isReportFormat(word)) {
      formats.add(word);
      continue;
    }
    const nearest = suggestNearest(word, REPORT_FORMATS);
    const words = flagTextOf(lang);
    throw new UsageError(words.notReportFormat(flag, word), {
      hint: words.notReportFormatHint(nearest, REPORT_FORMATS),
      lang,
    });
  }
  return formats;
}

/**
 * The `--fail-on` of every command (`check`, `diff`, `history`): the flag, else the roadmap's
 * `settings.failOn` where there is a roadmap, else the one default, all through one parser.
 */
export function resolveFailOn(
  flag: string | undefined,
  setting?: readonly string[],
  lang: Lang = 'en',
): FailOn {
  return parseFailOnList(flag === undefined ? (setting ?? DEFAULTS.failOn) : [flag], lang);
}

/**
 * Parses `--connect-to` entries, curl style: `host:address` or `host:port:address:port`
 * (the name keeps its Host header, SNI and certificate check; only the socket goes elsewhere).
 */
export function parseConnectTo(
  entries: readonly string[],
  lang: Lang = 'en',
): Map<string, ConnectTarget> {
  const map = new Map<string, ConnectTarget>();
  for (const entry of entries) {
    const parts = entry.split(':');
    if (parts.length === 2 && parts[0] && parts[1]) {
      map.set(parts[0].toLowerCase(), { address: parts[1], port: undefined });
      continue;
    }
    if (
      parts.length === 4 &&
      parts[0] &&
      parts[2] &&
      /^\d+$/.test(parts[1] ?? '') &&
      /^\d+$/.test(parts[3] ?? '')
    ) {
      map.set(`${parts[0].toLowerCase()}:${parts[1]}`, {
        address: parts[2],
        port: Number(parts[3]),
      });
      continue;
    }
    const words = flagTextOf(lang);
    throw new UsageError(words.notConnectTo(entry), { hint: words.notConnectToHint, lang });
  }
  return map;
}

/** Replaces `${VAR}` with the environment's value; reports names that are not set. */
export function expandEnv(text: string, env: CurateEnv): { value: string; missing: string[] } {
  const missing: string[] = [];
  const value = text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
    const found = env[name];
    if (found === undefined || found === '') {
      missing.push(name);
      return '';
    }
    return found;
  });
  return { value, missing };
}

/** The proxies of a run: `--proxy` for every scheme, else HTTP(S)_PROXY; NO_PROXY either way. */
export function parseProxy(
  flag: string | undefined,
  env: CurateEnv,
  lang: Lang = 'en',
): TransportSettings['proxy'] {
  const noProxy = env.NO_PROXY ?? env.no_proxy;
  if (flag !== undefined) {
    try {
      new URL(flag);
    } catch {
      const words = flagTextOf(lang);
      throw new UsageError(words.notProxy(flag), { hint: words.notProxyHint, lang });
    }
    return { httpProxy: flag, httpsProxy: flag, ...(noProxy ? { noProxy } : {}) };
  }
  const httpsProxy = env.HTTPS_PROXY ?? env.https_proxy;
  const httpProxy = env.HTTP_PROXY ?? env.http_proxy;
  if (httpsProxy === undefined && httpProxy === undefined) return undefined;
  return {
    ...(httpProxy ? { httpProxy } : {}),
    ...(httpsProxy ? { httpsProxy } : {}),
    ...(noProxy ? { noProxy } : {}),
  };
}
