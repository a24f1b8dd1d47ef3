/**
 * commander's own usage errors (an unknown option, a missing argument…) in the command line's
 * language. commander hands every such error to `Command.error` with a `code`; a subclass of
 * `Command` (its documented way to customise commands, with `createCommand`) words the error
 * by that code from the catalog. commander gives the option or argument only inside its English
 * sentence, so the quoted name and the suggestion are read out of it; a code the catalog does
 * not word (or English) keeps commander's sentence as it is.
 */
import { Command, type ErrorOptions } from 'commander';
import { cliTextOf, type Lang } from '../i18n/index.js';
import type { CommanderErrorCode, CommanderErrorSubject } from '../i18n/cli-en.js';

/** A `Command` whose usage errors, and its subcommands', are said in `lang`. */
export class LocalizedCommand extends Command {
  readonly lang: Lang;

  constructor(name: string | undefined, lang: Lang) {
    super(name);
    this.lang = lang;
  }

  override createCommand(name?: string): Command {
    return new LocalizedCommand(name, this.lang);
  }

  override error(message: string, errorOptions?: ErrorOptions): never {
    return super.error(
      localizeCommanderError(message, errorOptions?.code, this.lang),
      errorOptions,
    );
  }
}

/** commander's error `message` (code `code`) in `lang`'s words, else as commander wrote it. */
export function localizeCommanderError(
  message: string,
  code: string | undefined,
  lang: Lang,
): string {
  const words: Readonly<Record<string, ((subject: CommanderErrorSubject) => string) | undefined>> =
    cliTextOf(lang).commanderErrors;
  const say = code === undefined ? undefined : words[code as CommanderErrorCode];
  if (say === undefined) return message;
  return say(
    code === 'commander.invalidArgument' ? invalidArgumentOf(message) : subjectOf(message),
  );
}

/**
 * commander words a refused value three ways: "option '<flags>' argument '<value>' is
 * invalid.", "option '<flags>' value '<value>' from env '<VAR>' is invalid." and
 * "command-argument value '<value>' is invalid for argument '<name>'.", each followed by the
 * parser's reason (`choices`' is "Allowed choices are a, b.").
 */
function invalidArgumentOf(message: string): CommanderErrorSubject {
  const option = /option '([^']*)' (?:argument|value) '([^']*)'[^.]*is invalid\.\s*(.*)$/s.exec(
    message,
  );
  const argument = /value '([^']*)' is invalid for argument '([^']*)'\.\s*(.*)$/s.exec(message);
  const [of, name, value, rest] =
    option !== null
      ? (['option', option[1], option[2], option[3]] as const)
      : (['argument', argument?.[2], argument?.[1], argument?.[3]] as const);
  const choices = /^Allowed choices are (.*)\.$/s.exec(rest ?? '')?.[1];
  const reason = choices === undefined && rest !== undefined && rest !== '' ? rest : undefined;
  return {
    of,
    name: name ?? '',
    ...(value === undefined ? {} : { value }),
    ...(choices === undefined ? {} : { choices }),
    ...(reason === undefined ? {} : { reason }),
  };
}

function subjectOf(message: string): CommanderErrorSubject {
  const [name = '', other] = [...message.matchAll(/'([^']*)'/g)].map((match) => match[1] ?? '');
  const suggestion = /\(Did you mean (?:one of )?(.+)\?\)\s*$/.exec(message)?.[1];
  const counts = /Expected (\d+) arguments? but got (\d+)/.exec(message);
  return {
    name,
    ...(other === undefined ? {} : { other }),
    ...(suggestion === undefined ? {} : { suggestion }),
    ...(counts === null ? {} : { expected: Number(counts[1]), got: Number(counts[2]) }),
  };
}
