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
  return say === undefined ? message : say(subjectOf(message));
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
