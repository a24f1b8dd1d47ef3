import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../i18n/index.js';
import { HELP_TEXT_ZH_CN } from '../i18n/help-zh-CN.js';
import { HELP_EXAMPLES } from './help-examples.js';
import { localizeCommanderError } from './commander-errors.js';
import { buildProgram } from './program.js';

const noRun = async (): Promise<void> => {};

/** What commander writes on stderr for `argv`, and the error it throws (exitOverride). */
async function usageError(argv: string[], lang: Lang): Promise<{ stderr: string; code: string }> {
  const program = buildProgram(noRun, { toolVersion: '0.0.0', lang });
  let stderr = '';
  const quiet = { writeErr: (text: string) => (stderr += text), writeOut: () => {} };
  program.configureOutput(quiet);
  for (const command of program.commands) command.configureOutput(quiet);
  const error: unknown = await program
    .parseAsync(argv, { from: 'user' })
    .catch((caught: unknown) => caught);
  if (!(error instanceof CommanderError)) throw new Error('expected a CommanderError');
  return { stderr, code: error.code };
}

function helpOf(name: string, lang: Lang): string {
  const program = buildProgram(noRun, { toolVersion: '0.0.0', lang });
  const command = program.commands.find((candidate) => candidate.name() === name)!;
  let text = '';
  command.configureOutput({ writeOut: (chunk) => (text += chunk), writeErr: () => {} });
  command.outputHelp();
  return text;
}

describe("commander's own words in zh-CN", () => {
  it('says an unknown option, command and a missing argument by their code', async () => {
    const option = await usageError(['check', '--ofline'], 'zh-CN');
    expect(option.code).toBe('commander.unknownOption');
    expect(option.stderr).toBe(
      '错误: 未知的选项 --ofline\n（是不是想写 --offline？）\n（加上 --help 查看用法）\n',
    );
    const command = await usageError(['chek'], 'zh-CN');
    expect(command.stderr).toMatch(/^错误: 未知的命令 chek\n（是不是想写 check？）\n/);
    const value = await usageError(['check', '--shard'], 'zh-CN');
    expect(value.stderr).toMatch(/^错误: 选项 --shard <i\/n> 缺少取值\n/);
    const argument = await usageError(['diff', 'old.json'], 'zh-CN');
    expect(argument.stderr).toMatch(/^错误: 缺少必填参数 new\n/);
  });

  it("labels defaults and heads the examples in Chinese; English keeps commander's words", () => {
    const zh = helpOf('check', 'zh-CN');
    expect(zh).toContain('（默认："roadmap.yaml"）');
    expect(zh).not.toContain('(default:');
    expect(zh).toContain('\n示例：\n  $ curate check');
    expect(zh).toContain('检查每个链接和镜像，报告写到 reports/');
    const en = helpOf('check', 'en');
    expect(en).toContain('(default: "roadmap.yaml")');
    expect(en).toContain('\nExamples:\n  $ curate check');
  });

  it('has words for every help example, in zh-CN', () => {
    const missing = Object.entries(HELP_EXAMPLES).filter(
      ([name, examples]) => HELP_TEXT_ZH_CN.examples[name]?.length !== examples.length,
    );
    expect(missing.map(([name]) => name)).toEqual([]);
  });

  it('leaves English errors as commander words them', async () => {
    const { stderr } = await usageError(['check', '--ofline'], 'en');
    expect(stderr).toMatch(/^error: unknown option '--ofline'\n\(Did you mean --offline\?\)\n/);
  });

  it('says two options that cannot be used together, English untouched', () => {
    const english = "error: option '--quiet' cannot be used with option '--verbose'";
    expect(localizeCommanderError(english, 'commander.conflictingOption', 'zh-CN')).toBe(
      '错误: 选项 --quiet 不能和 --verbose 同时使用',
    );
    expect(localizeCommanderError(english, 'commander.conflictingOption', 'en')).toBe(english);
  });
});
