/**
 * Puts the program's help in the command line's language. Commander reads descriptions when it
 * prints help, so they are swapped after every command is registered: the English each command
 * registers stays the reference, and a translated catalog (src/i18n/help-*.ts) replaces it by
 * command, argument and long flag. The language is the command line's (`--lang` on the argv,
 * else the locale): help is printed before any roadmap is read.
 */
import type { Argument, Command, Option } from 'commander';
import type { Lang } from '../i18n/index.js';
import { HELP_TEXT_ZH_CN, type CommandHelp, type HelpText } from '../i18n/help-zh-CN.js';

/** The translated help per language; English is what the commands register. */
const HELP_TEXTS: Readonly<Record<Exclude<Lang, 'en'>, HelpText>> = { 'zh-CN': HELP_TEXT_ZH_CN };

/** The translated help of `lang`; undefined for English, which the commands register. */
export function helpTextOf(lang: Lang): HelpText | undefined {
  return lang === 'en' ? undefined : HELP_TEXTS[lang];
}

/** The translation of one registered command, if the catalog has it. */
export function commandHelp(text: HelpText, name: string): CommandHelp | undefined {
  const commands: Readonly<Record<string, CommandHelp>> = text.commands;
  return commands[name];
}

/** Replaces every description of `program` and its commands by `lang`'s; English leaves them. */
export function localizeHelp(program: Command, lang: Lang): void {
  if (lang === 'en') return;
  const text = HELP_TEXTS[lang];
  localizeCommand(program, { description: text.program }, text);
  for (const command of program.commands) {
    localizeCommand(command, commandHelp(text, command.name()), text);
  }
}

function localizeCommand(command: Command, help: CommandHelp | undefined, text: HelpText): void {
  command.helpOption('-h, --help', text.help);
  command.configureHelp({
    styleTitle: (title) => text.headings[title] ?? title,
    optionDescription: (option) => withExtras(option.description, optionExtras(option), text),
    argumentDescription: (argument) =>
      withExtras(argument.description, argumentExtras(argument), text),
  });
  if (help === undefined) return;
  command.description(help.description);
  for (const argument of command.registeredArguments) {
    const translated = help.arguments?.[argument.name()];
    if (translated !== undefined) argument.description = translated;
  }
  for (const option of command.options) {
    const translated =
      option.long === '--version' ? text.version : option.long && help.options?.[option.long];
    if (translated !== undefined && translated !== '') option.description = translated;
  }
}

type Extra = readonly [label: keyof HelpText['extras'], value: string];

/**
 * What commander adds after an option's description, in the order and on the conditions of its
 * `Help.optionDescription`, so only the labels change.
 */
function optionExtras(option: Option): Extra[] {
  const extras: Extra[] = [];
  if (option.argChoices) extras.push(['choices', quotedList(option.argChoices)]);
  const showsDefault =
    option.required ||
    option.optional ||
    (option.isBoolean() && typeof option.defaultValue === 'boolean');
  if (option.defaultValue !== undefined && showsDefault) {
    extras.push(['default', defaultOf(option.defaultValueDescription, option.defaultValue)]);
  }
  if (option.presetArg !== undefined && option.optional) {
    extras.push(['preset', JSON.stringify(option.presetArg)]);
  }
  if (option.envVar !== undefined) extras.push(['env', option.envVar]);
  return extras;
}

/** As commander's `Help.argumentDescription`: choices, then the default. */
function argumentExtras(argument: Argument): Extra[] {
  const extras: Extra[] = [];
  if (argument.argChoices) extras.push(['choices', quotedList(argument.argChoices)]);
  if (argument.defaultValue !== undefined) {
    extras.push(['default', defaultOf(argument.defaultValueDescription, argument.defaultValue)]);
  }
  return extras;
}

function defaultOf(description: string | undefined, value: unknown): string {
  return description !== undefined && description !== '' ? description : JSON.stringify(value);
}

function quotedList(choices: readonly string[]): string {
  return choices.map((choice) => JSON.stringify(choice)).join(', ');
}

/** `description（默认：…）`, the way the translated help writes its own defaults. */
function withExtras(description: string, extras: readonly Extra[], text: HelpText): string {
  if (extras.length === 0) return description;
  const said = extras.map(([label, value]) => `${text.extras[label]}：${value}`).join('，');
  return `${description}（${said}）`;
}
