/**
 * The `curate` program: every command registered, its help in the command line's language.
 * Built apart from cli.ts so a test can read the help a user would see.
 */
import type { Command } from 'commander';
import { cliTextOf, type Lang } from '../i18n/index.js';
import { registerCheckCommand } from './check.js';
import { LocalizedCommand } from './commander-errors.js';
import { registerCompletionCommand } from './completion.js';
import { registerDiffCommand } from './diff.js';
import { registerFixCommand } from './fix.js';
import { localizeHelp } from './help-text.js';
import { addHelpExamples } from './help-examples.js';
import { registerHistoryCommand } from './history.js';
import { registerImportCommand } from './import.js';
import { registerInitCommand } from './init.js';
import type { RunCommand } from './io.js';
import { registerMergeCommand } from './merge.js';
import { registerMirrorsCommand } from './mirrors.js';
import { registerValidateCommand } from './validate.js';

/** The program, with its descriptions in `lang` (English as registered, else translated). */
export function buildProgram(
  run: RunCommand,
  { toolVersion, lang }: { toolVersion: string; lang: Lang },
): Command {
  const program = new LocalizedCommand(undefined, lang)
    .name('curate')
    .description(
      'Keeps a learning roadmap honest: checks every link and mirror, and reports what needs a maintainer.',
    )
    .version(toolVersion, '-V, --version')
    .showHelpAfterError(cliTextOf(lang).helpAfterError)
    .exitOverride();
  registerValidateCommand(program, run);
  registerCheckCommand(program, run);
  registerDiffCommand(program, run);
  registerFixCommand(program, run);
  registerHistoryCommand(program, run);
  registerMergeCommand(program, run);
  // Adoption: start a roadmap repository, or make a roadmap of an existing list.
  registerInitCommand(program, run);
  registerImportCommand(program, run);

  // curate mirrors (issue 15): finders for VPN-only resources.
  registerMirrorsCommand(program, run);
  // Last: the completion script and the help examples cover every command registered above.
  registerCompletionCommand(program, run);
  addHelpExamples(program, lang);
  // After every command is registered, so each of their descriptions is there to translate.
  localizeHelp(program, lang);
  return program;
}
