/**
 * `curate init [dir]`: starts a roadmap repository: a minimal roadmap.yaml with the schema
 * modeline, and the two workflows that run curate's action. Writes nothing over an existing file.
 */
import { access } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { EXIT_CODES, UsageError, type ExitCode } from '../errors.js';
import { CURATE_REPOSITORY } from '../curate-repository.js';
import { initTemplates } from '../init/templates.js';
import type { CommandIo, RunCommand } from './io.js';
import { writeNewFile } from './write-new-file.js';
import { cliTextOf } from '../i18n/index.js';

/** Raw flags of `curate init`. */
export type InitFlags = { title?: string };

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** Writes the starter files into `dir`; exit 2, having written nothing, when any exists. */
export async function initCommand(
  dir: string | undefined,
  flags: InitFlags,
  io: CommandIo,
): Promise<ExitCode> {
  const root = resolve(io.cwd, dir ?? '.');
  const text = cliTextOf(io.lang ?? 'en');
  const files = initTemplates(flags.title ?? basename(root));
  const present: string[] = [];
  for (const file of files) if (await exists(join(root, file.path))) present.push(file.path);
  if (present.length > 0) {
    throw new UsageError(text.initPresent(present, root), {
      hint: text.initPresentHint,
      lang: io.lang,
    });
  }
  for (const file of files) {
    await writeNewFile(join(root, file.path), file.text, {
      what: 'file',
      force: false,
      lang: io.lang,
    });
    io.stdout.write(`${text.created(join(dir ?? '.', file.path))}\n`);
  }
  io.stdout.write(`${text.initNext(CURATE_REPOSITORY)}\n`);
  return EXIT_CODES.ok;
}

/** Adds `init` to the program. */
export function registerInitCommand(program: Command, run: RunCommand): void {
  program
    .command('init')
    .description('start a roadmap repository: roadmap.yaml and the workflows that check it')
    .argument('[dir]', 'where to start it (default: the working directory)')
    .option('--title <title>', "the roadmap's title (default: the directory's name)")
    .action((dir: string | undefined, flags: InitFlags) =>
      run((io) => initCommand(dir, flags, io)),
    );
}
