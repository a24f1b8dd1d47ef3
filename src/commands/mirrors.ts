/**
 * `curate mirrors [roadmap]`: for every resource that needs a VPN in a region and has no
 * confirmed mirror open there, asks the finders for copies, checks each one as `check` would,
 * prints them ranked by evidence and writes `mirrors.json`; `--write` adds the best ones to the
 * roadmap as unconfirmed mirrors, `--confirm <id>` marks one confirmed after a human looked.
 */
import { join } from 'node:path';
import type { Command } from 'commander';
import {
  cachedBilibiliSession,
  updateBilibiliSessionCache,
} from '../cache/bilibili-session-cache.js';
import { readCacheFile, writeCacheFile } from '../cache/cache-file.js';
import { EXIT_CODES, UsageError, type ExitCode } from '../errors.js';
import { createDefaultFinders } from '../mirrors/find.js';
import { createBilibiliFinder } from '../mirrors/finders/bilibili.js';
import type { MirrorFinder } from '../mirrors/finder.js';
import { rankMirrors } from '../mirrors/rank.js';
import { renderMirrorsTable } from '../mirrors/render.js';
import { askFinders, checkCandidates, type MirrorRunDeps } from '../mirrors/run-mirrors.js';
import { MIRRORS_SCHEMA_VERSION, MirrorsFileSchema, type MirrorsEntry } from '../mirrors/schema.js';
import { subjectsOfReport } from '../mirrors/subjects.js';
import { resolveOptions, type CurateFlags } from '../options.js';
import { DEFAULTS } from '../options/defaults.js';
import { writeFileAtomically } from '../report/write.js';
import { addMirrors, confirmMirror, type MirrorAddition } from '../roadmap/add-mirrors.js';
import { LANG_HELP, roadmapLangChooser, roadmapLangOf } from '../options/lang.js';
import { loadRoadmap, type LoadedRoadmap } from '../roadmap/load.js';
import { checkRoadmapNow, reportFromFileOrCheck } from './fresh-check.js';
import { collectRepeated, type CommandIo, type RunCommand } from './io.js';
import { readInputFile } from './read-input.js';
import { cliTextOf, commandTextOf, type Lang } from '../i18n/index.js';

/** Raw flags of `curate mirrors`: its own, plus the network flags of the checks it runs. */
export type MirrorsFlags = Pick<
  CurateFlags,
  | 'out'
  | 'proxy'
  | 'allowPrivate'
  | 'connectTo'
  | 'caFile'
  | 'timeout'
  | 'retries'
  | 'quiet'
  | 'regionRules'
  | 'lang'
> & { from?: string; write?: boolean; confirm?: string; url?: string; cache?: string };

/** What tests replace: the timers (Bilibili's back-off is 30 s) and the finders. */
export type MirrorsOverrides = {
  sleep?: (ms: number) => Promise<void>;
  finders?: readonly MirrorFinder[];
};

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Finds mirrors (or confirms one). Exits 0 when the search ran, even if some finders could not
 * search (mirrors.json and the output say which); 2 for bad input; 3 when a fresh check finds
 * no network.
 */
export async function mirrorsCommand(
  file: string | undefined,
  flags: MirrorsFlags,
  io: CommandIo,
  overrides: MirrorsOverrides = {},
): Promise<ExitCode> {
  if (flags.confirm !== undefined)
    return confirmCommand(file ?? 'roadmap.yaml', flags.confirm, flags, io);
  const source = await reportFromFileOrCheck(
    flags.from,
    file,
    (roadmapFile) =>
      checkRoadmapNow(roadmapFile, flags, io, (lang) => commandTextOf(lang).mirrorsNetworkDown),
    io.lang,
  );
  if (source.kind === 'network-down') return EXIT_CODES.networkDown;
  const { report } = source;
  const loaded =
    source.loaded ??
    (await loadRoadmap(source.roadmapFile, { lang: roadmapLangChooser(flags.lang, io.env) }));
  const options = resolveOptions(flags, loaded.roadmap.settings, io.env, loaded.roadmap.lang);
  // --lang, else the roadmap's lang:, else the locale, as check decides it (options/lang.ts).
  const lang = options.report.lang ?? 'en';
  const cli = cliTextOf(lang);
  const deps: MirrorRunDeps = {
    toolVersion: io.toolVersion,
    now: () => new Date(),
    sleep: overrides.sleep ?? realSleep,
    signal: io.interruptSignal,
    ...(options.output.verbosity === 'quiet'
      ? {}
      : {
          onSubject: (done, total) => io.stderr.write(`${cli.searched(done, total)}\n`),
        }),
  };
  const subjects = subjectsOfReport(report, loaded.roadmap);
  const cache = flags.cache === undefined ? undefined : await readCacheFile(flags.cache, lang);
  if (cache?.warning !== undefined) io.stderr.write(`${cli.warning(cache.warning)}\n`);
  const bilibili = createBilibiliFinder(
    cachedBilibiliSession(cache?.cache.bilibiliSession, deps.now().getTime()),
  );
  const found = await askFinders(
    subjects,
    overrides.finders ?? createDefaultFinders(bilibili),
    options,
    deps,
  );
  if (flags.cache !== undefined && cache !== undefined) {
    const bilibiliSession = updateBilibiliSessionCache(
      cache.cache.bilibiliSession,
      bilibili.usedSession(),
      deps.now().getTime(),
    );
    // Everything else in the file is check's: kept as it was read.
    const kept = { ...cache.cache };
    delete kept.bilibiliSession;
    await writeCacheFile(
      flags.cache,
      {
        ...kept,
        ...(bilibiliSession === undefined ? {} : { bilibiliSession }),
      },
      lang,
    );
  }
  const out = flags.out ?? DEFAULTS.out;
  const { checkOf } = await checkCandidates(
    found,
    loaded.roadmap,
    { ...flags, out: join(out, 'mirror-candidates'), quiet: true },
    io.env,
    deps,
  );
  const entries = rankMirrors(found, checkOf);
  const mirrorsFile = MirrorsFileSchema.parse({
    schemaVersion: MIRRORS_SCHEMA_VERSION,
    generatedAt: deps.now().toISOString(),
    roadmap: { path: loaded.file },
    source: flags.from ?? 'check',
    resources: entries,
  });
  const mirrorsPath = join(out, 'mirrors.json');
  await writeFileAtomically(
    mirrorsPath,
    `${JSON.stringify(mirrorsFile, null, 2)}\n`,
    'mirrors',
    lang,
  );
  io.stdout.write(renderMirrorsTable(entries, lang));
  io.stderr.write(`${cli.wrote(mirrorsPath)}\n`);
  if (flags.write === true) await writeBestCandidates(loaded, entries, io, lang);
  return EXIT_CODES.ok;
}

/** The best candidate of each resource, when its evidence is strong enough to cover it. */
export function bestAdditions(entries: readonly MirrorsEntry[]): MirrorAddition[] {
  const seen = new Set<string>();
  return entries.flatMap((entry): MirrorAddition[] => {
    const best = entry.candidates[0];
    const key = `${entry.resourceId}\u0000${best?.url ?? ''}`;
    if (best?.standing !== 'matched-by-evidence' || seen.has(key)) return [];
    seen.add(key);
    return [
      { resourceId: entry.resourceId, url: best.url, platform: best.platform, note: best.note },
    ];
  });
}

async function writeBestCandidates(
  loaded: LoadedRoadmap,
  entries: readonly MirrorsEntry[],
  io: CommandIo,
  lang: Lang,
): Promise<void> {
  const text = await readInputFile(loaded.file, 'roadmap', lang);
  const result = addMirrors(text, bestAdditions(entries), loaded.file);
  if (result.text !== text) {
    await writeFileAtomically(loaded.file, result.text, 'roadmap', lang);
  }
  const cli = cliTextOf(lang);
  const lines = [cli.mirrorsAdded(loaded.file, result.applied.length)];
  for (const { addition, reason } of result.skipped) {
    lines.push(cli.mirrorSkipped(addition.resourceId, addition.url, cli.mirrorSkip[reason]));
  }
  io.stderr.write(`${lines.join('\n')}\n`);
}

async function confirmCommand(
  file: string,
  resourceId: string,
  flags: Pick<MirrorsFlags, 'url' | 'lang'>,
  io: CommandIo,
): Promise<ExitCode> {
  const { url } = flags;
  const text = await readInputFile(file, 'roadmap', io.lang);
  const result = confirmMirror(text, resourceId, url, file);
  // The same order as the search: --lang, the roadmap's lang:, the locale (io.lang without --lang).
  const lang =
    flags.lang === undefined
      ? (roadmapLangOf(text) ?? io.lang ?? 'en')
      : roadmapLangChooser(flags.lang, io.env)(undefined);
  const words = commandTextOf(lang);
  switch (result.kind) {
    case 'confirmed':
      await writeFileAtomically(file, result.text, 'roadmap', lang);
      io.stderr.write(
        `${cliTextOf(lang).mirrorConfirmed(`${file}:${result.line}`, result.url, resourceId)}\n`,
      );
      return EXIT_CODES.ok;
    case 'no-resource':
      throw new UsageError(words.confirmNoResource(file, resourceId), {
        hint: words.confirmNoResourceHint,
        lang,
      });
    case 'nothing-to-confirm':
      throw new UsageError(words.confirmNothing(resourceId, file, url), {
        hint: words.confirmNothingHint,
        lang,
      });
    default:
      return result satisfies never;
  }
}

/** Adds `mirrors` to the program. */
export function registerMirrorsCommand(program: Command, run: RunCommand): void {
  program
    .command('mirrors')
    .description('find copies of VPN-only resources a region can open, with the evidence')
    .argument('[roadmap]', "roadmap file (default: the report's roadmap, else roadmap.yaml)")
    .option(
      '--from <report>',
      'take the VPN-only resources from this report.json instead of checking now',
    )
    .option('--write', 'add the best match of each resource to the roadmap as confirmed: false')
    .option(
      '--confirm <resource-id>',
      "mark the resource's unconfirmed mirror confirmed (no search)",
    )
    .option('--url <url>', 'with --confirm: which unconfirmed mirror, when there are several')
    .option('-o, --out <dir>', 'where mirrors.json and the checks write (default: reports)')
    .option(
      '--cache <file>',
      "keep Bilibili's session (cookie, signing keys) in this cache file between runs, as check --cache does its results",
    )
    .option('--region-rules <file|url>', 'region rules (repeatable), as for check', collectRepeated)
    .option('--proxy <url>', 'proxy for every request')
    .option('--allow-private', 'allow loopback and private targets')
    .option('--connect-to <map>', 'host:port:address:port (repeatable)', collectRepeated)
    .option('--ca-file <pem>', 'also trust these CA certificates')
    .option('--timeout <duration>', 'deadline per request attempt')
    .option('--retries <n>', 'extra attempts for 429, 5xx and network errors')
    .option('-q, --quiet', 'no progress')
    .option('--lang <lang>', LANG_HELP)
    .action((file: string | undefined, flags: MirrorsFlags) =>
      run((io) => mirrorsCommand(file, flags, io)),
    );
}
