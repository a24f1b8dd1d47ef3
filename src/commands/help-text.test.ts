import { describe, expect, it } from 'vitest';
import { HELP_TEXT_ZH_CN } from '../i18n/help-zh-CN.js';
import { commandHelp } from './help-text.js';
import { buildProgram } from './program.js';

const noRun = async (): Promise<void> => {};
const HAN = /\p{Script=Han}/u;

describe('help in zh-CN', () => {
  it('translates every command, argument and option the program registers, and nothing stale', () => {
    const english = buildProgram(noRun, { toolVersion: '0.0.0', lang: 'en' });
    const missing: string[] = [];
    for (const command of english.commands) {
      const help = commandHelp(HELP_TEXT_ZH_CN, command.name());
      if (help === undefined) missing.push(command.name());
      for (const argument of command.registeredArguments) {
        if (help?.arguments?.[argument.name()] === undefined) {
          missing.push(`${command.name()} <${argument.name()}>`);
        }
      }
      for (const option of command.options) {
        if (option.long !== undefined && help?.options?.[option.long] === undefined) {
          missing.push(`${command.name()} ${option.long}`);
        }
      }
      const registered = new Set(command.options.map((option) => option.long));
      const stale = Object.keys(help?.options ?? {}).filter((flag) => !registered.has(flag));
      missing.push(...stale.map((flag) => `stale: ${command.name()} ${flag}`));
    }
    expect(missing).toEqual([]);
  });

  it("prints a command's help in Chinese, headings included", () => {
    const program = buildProgram(noRun, { toolVersion: '0.0.0', lang: 'zh-CN' });
    const check = program.commands.find((command) => command.name() === 'check')!;
    const help = check.helpInformation();
    expect(help).toContain('用法：');
    expect(help).toContain('选项：');
    expect(help).toContain('只检查这个资源或章节 id（可重复，或用逗号分隔）');
    expect(help).toContain('显示命令的帮助');
    for (const option of check.options) expect(option.description).toMatch(HAN);
    expect(program.helpInformation()).toContain('让学习路线图保持可靠');
  });

  it('keeps English help when the command line asks for no language', () => {
    const program = buildProgram(noRun, { toolVersion: '0.0.0', lang: 'en' });
    expect(program.helpInformation()).toContain('Usage:');
    expect(program.helpInformation()).not.toMatch(HAN);
  });
});
