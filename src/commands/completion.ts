/**
 * `curate completion bash|zsh`: a shell completion script for the commands and options of the
 * program as registered, so a command or flag added later completes without editing this file.
 */
import type { Command } from 'commander';
import { UsageError, EXIT_CODES, type ExitCode } from '../errors.js';
import type { CommandIo, RunCommand } from './io.js';
import { commandTextOf } from '../i18n/index.js';

/** The shells a script is written for. */
export const COMPLETION_SHELLS = ['bash', 'zsh'] as const;
export type CompletionShell = (typeof COMPLETION_SHELLS)[number];

/** What completes: each command with its long options. */
export type CompletionSpec = readonly {
  name: string;
  description: string;
  options: readonly { flag: string; description: string; takesValue: boolean }[];
}[];

/** The commands and visible long options of `program`. */
export function completionSpec(program: Command): CompletionSpec {
  return program.commands.map((command) => ({
    name: command.name(),
    description: command.description(),
    options: command.options
      .filter((option) => !option.hidden && option.long !== undefined)
      .map((option) => ({
        flag: option.long ?? '',
        description: option.description,
        takesValue: option.required || option.optional,
      }))
      .concat([{ flag: '--help', description: 'display help for command', takesValue: false }]),
  }));
}

/** The completion script for `shell`. Pure. */
export function renderCompletion(shell: CompletionShell, spec: CompletionSpec): string {
  switch (shell) {
    case 'bash':
      return renderBash(spec);
    case 'zsh':
      return renderZsh(spec);
    default: {
      const unknown: never = shell;
      throw new Error(`no completion for ${String(unknown)}`);
    }
  }
}

function renderBash(spec: CompletionSpec): string {
  const cases = spec.map(
    (command) =>
      `    ${command.name}) options="${command.options.map((option) => option.flag).join(' ')}" ;;`,
  );
  return `# curate completion for bash. Load it with: source <(curate completion bash)
_curate() {
  local current="\${COMP_WORDS[COMP_CWORD]}" options=""
  if [ "$COMP_CWORD" -eq 1 ]; then
    mapfile -t COMPREPLY < <(compgen -W "${spec.map((command) => command.name).join(' ')} --help --version" -- "$current")
    return
  fi
  case "\${COMP_WORDS[1]}" in
${cases.join('\n')}
  esac
  if [[ "$current" == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$options" -- "$current")
  else
    mapfile -t COMPREPLY < <(compgen -f -- "$current")
  fi
}
complete -o filenames -F _curate curate
`;
}

/** Text inside a zsh single-quoted `_arguments` spec: no quote, no brackets, no colons. */
function zshText(text: string): string {
  return text.replaceAll("'", "'\\''").replace(/[[\]:]/g, (char) => `\\${char}`);
}

function renderZsh(spec: CompletionSpec): string {
  const commands = spec.map(
    (command) => `    '${zshText(command.name)}:${zshText(command.description)}'`,
  );
  const cases = spec.map((command) => {
    const options = command.options.map(
      (option) =>
        `'${option.flag}[${zshText(option.description)}]${option.takesValue ? ':value:_files' : ''}'`,
    );
    return `    ${command.name}) _arguments ${options.join(' ')} '*:file:_files' ;;`;
  });
  return `#compdef curate
# curate completion for zsh. Install it with: curate completion zsh > "\${fpath[1]}/_curate"
_curate() {
  local -a commands
  commands=(
${commands.join('\n')}
  )
  if (( CURRENT == 2 )); then
    _describe 'command' commands
    return
  fi
  words=("\${words[@]:1}")
  (( CURRENT-- ))
  case "\${words[1]}" in
${cases.join('\n')}
  esac
}
if [ "$funcstack[1]" = "_curate" ]; then _curate "$@"; else compdef _curate curate; fi
`;
}

/** Writes the script for `shell` to stdout. */
export function completionCommand(shell: string, program: Command, io: CommandIo): ExitCode {
  const known = COMPLETION_SHELLS.find((name) => name === shell);
  if (known === undefined) {
    const lang = io.lang ?? 'en';
    throw new UsageError(commandTextOf(lang).completionUnknownShell(shell, COMPLETION_SHELLS), {
      lang,
    });
  }
  io.stdout.write(renderCompletion(known, completionSpec(program)));
  return EXIT_CODES.ok;
}

/** Adds `completion` to the program. */
export function registerCompletionCommand(program: Command, run: RunCommand): void {
  program
    .command('completion')
    .description('print a shell completion script: bash or zsh')
    .argument('<shell>', COMPLETION_SHELLS.join(' or '))
    .action((shell: string) => run((io) => Promise.resolve(completionCommand(shell, program, io))));
}
