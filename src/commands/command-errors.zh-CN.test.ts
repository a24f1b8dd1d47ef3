import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Argument, CommanderError, Option } from 'commander';
import { describe, expect, it } from 'vitest';
import {
  caught,
  captureIoIn,
  errorsInBothLanguagesIn,
  ONE_RESOURCE_ROADMAP,
  usageOf,
} from '../../test/helpers/command-errors.js';
import { useTempDir } from '../../test/helpers/temp-dir.js';
import { loadReportFixture } from '../../test/fixtures/ci/fixtures.js';
import { EXIT_CODES, InputError, UsageError } from '../errors.js';
import type { Lang } from '../i18n/index.js';
import { parseHistory } from '../report/history.js';
import { LocalizedCommand } from './commander-errors.js';
import { completionCommand } from './completion.js';
import { diffCommand } from './diff.js';
import { fixCommand } from './fix.js';
import { importCommand } from './import-list.js';
import type { CommandIo } from './io.js';
import { mirrorsCommand } from './mirrors.js';
import { buildProgram } from './program.js';

let dir: string;
useTempDir('curate-cmd-zh-', (path) => (dir = path), 'all');
const captureIo = (lang: Lang) => captureIoIn(dir, lang);
const errorsInBothLanguages = (command: (io: CommandIo) => Promise<unknown>) =>
  errorsInBothLanguagesIn(dir, command);
const ROADMAP = ONE_RESOURCE_ROADMAP;

describe("fix, mirrors and history's errors in zh-CN", () => {
  it('warns in Chinese when the report is of another roadmap', async () => {
    const roadmap = join(dir, 'roadmap.yaml');
    await writeFile(roadmap, ROADMAP);
    const report = loadReportFixture();
    const reportFile = join(dir, 'report.json');
    await writeFile(reportFile, JSON.stringify(report));
    const io = captureIo('zh-CN');
    await fixCommand(roadmap, { from: reportFile, dryRun: true }, io);
    expect(io.err()).toContain(
      `警告: 报告检查的是 ${report.roadmap.path}，不是 ${roadmap}；只修复报告所列行上找得到的 URL。\n`,
    );
  });

  it("speaks the roadmap's lang: when the locale is English", async () => {
    const roadmap = join(dir, 'zh-roadmap.yaml');
    await writeFile(roadmap, `lang: zh-CN\n${ROADMAP}`);
    const report = loadReportFixture();
    const reportFile = join(dir, 'zh-report.json');
    await writeFile(reportFile, JSON.stringify(report));
    const io = captureIo('en');
    await fixCommand(roadmap, { from: reportFile, dryRun: true }, io);
    expect(io.err()).toContain(`警告: 报告检查的是 ${report.roadmap.path}，不是 ${roadmap}；`);
    expect(io.err()).not.toMatch(/warning|updated|would update/i);
  });

  it("words --confirm in the roadmap's lang: when the locale is English", async () => {
    const roadmap = join(dir, 'confirm-zh.yaml');
    await writeFile(roadmap, `lang: zh-CN\n${ROADMAP}`);
    const refused = await mirrorsCommand(roadmap, { confirm: 'zz' }, captureIo('en')).catch(
      (e: unknown) => e,
    );
    expect((refused as UsageError).message).toBe(
      `--confirm：${roadmap} 中没有 id 为 "zz" 的资源。`,
    );
    // --lang still wins over the roadmap's lang:.
    const english = await mirrorsCommand(
      roadmap,
      { confirm: 'zz', lang: 'en' },
      captureIo('en'),
    ).catch((e: unknown) => e);
    expect((english as UsageError).lang).toBe('en');
  });

  it('words --confirm with no such resource, and with nothing to confirm', async () => {
    const roadmap = join(dir, 'confirm.yaml');
    await writeFile(roadmap, ROADMAP);
    const io = captureIo('zh-CN');
    const noResource = await mirrorsCommand(roadmap, { confirm: 'zz' }, io).catch(
      (e: unknown) => e,
    );
    expect(noResource).toBeInstanceOf(UsageError);
    expect((noResource as UsageError).message).toBe(
      `--confirm：${roadmap} 中没有 id 为 "zz" 的资源。`,
    );
    expect((noResource as UsageError).lang).toBe('zh-CN');
    const nothing = await mirrorsCommand(roadmap, { confirm: 'a' }, io).catch((e: unknown) => e);
    expect((nothing as UsageError).message).toBe(
      `--confirm：${roadmap} 中的 a 没有 confirmed: false 的镜像。`,
    );
    expect((nothing as UsageError).hint).toBe(
      '先运行 curate mirrors --write，或用 --url 指定它的某个未确认镜像。',
    );
    const english = await mirrorsCommand(roadmap, { confirm: 'zz' }, captureIo('en')).catch(
      (e: unknown) => e,
    );
    expect((english as UsageError).message).toBe(
      `--confirm: ${roadmap} has no resource with id "zz".`,
    );
  });

  it('words a history.json that is not one', () => {
    const notJson = (() => {
      try {
        return parseHistory('{', 'history.json', 'zh-CN');
      } catch (error) {
        return error;
      }
    })();
    expect(notJson).toBeInstanceOf(InputError);
    expect((notJson as InputError).message).toBe('history.json 不是历史记录文件。');
    expect(() => parseHistory('{"links": 1}', 'history.json', 'zh-CN')).toThrow(
      'history.json 不是合法的历史记录文件。',
    );
    expect(() => parseHistory('{"links": 1}', 'history.json')).toThrow(
      'history.json is not a valid history file.',
    );
  });

  it("words import's list that cannot be read, English unchanged", async () => {
    const missing = join(dir, 'missing.md');
    const { zh, en } = await errorsInBothLanguages((io) => importCommand(missing, {}, io));
    expect(zh).toBeInstanceOf(InputError);
    expect((zh as InputError).message).toBe(`无法读取列表 ${missing}：文件不存在。`);
    expect((zh as InputError).problems[0]?.message).toBe('无法读取列表：文件不存在');
    expect((en as InputError).message).toBe(`Cannot read the list ${missing}: no such file.`);
  });

  it('words diff --json with another --format', async () => {
    const { zh, en } = await errorsInBothLanguages((io) =>
      diffCommand('a.json', 'b.json', { json: true, format: 'text' }, io),
    );
    expect(zh).toBeInstanceOf(UsageError);
    expect((zh as UsageError).message).toBe('--json 和 --format text 要的是两种输出，只能选一种。');
    expect((zh as UsageError).hint).toBe('只用 --format 即可。');
    expect((en as UsageError).message).toBe('--json and --format text ask for two outputs.');
  });
});

/** What a `LocalizedCommand` with a `choices` option and argument says about `argv`. */
function refusedValue(argv: string[], lang: Lang): { stderr: string; code: string } {
  const program = new LocalizedCommand('curate', lang);
  let stderr = '';
  program
    .exitOverride()
    .configureOutput({ writeErr: (text) => (stderr += text), writeOut: () => {} })
    .addOption(new Option('--format <format>').choices(['text', 'json']))
    .addArgument(new Argument('[kind]').choices(['report', 'history']))
    .action(() => {});
  try {
    program.parse(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return { stderr, code: error.code };
    throw error;
  }
  throw new Error('expected a CommanderError');
}

describe("commander's refused values in zh-CN", () => {
  it('says an option value and an argument outside their choices, English untouched', () => {
    const option = refusedValue(['--format', 'yaml'], 'zh-CN');
    expect(option.code).toBe('commander.invalidArgument');
    expect(option.stderr).toBe(
      '错误: 选项 --format <format> 的取值 yaml 无效，可选值：text, json\n',
    );
    const argument = refusedValue(['diary'], 'zh-CN');
    expect(argument.stderr).toBe('错误: 参数 kind 的取值 diary 无效，可选值：report, history\n');
    expect(refusedValue(['--format', 'yaml'], 'en').stderr).toBe(
      "error: option '--format <format>' argument 'yaml' is invalid. Allowed choices are text, json.\n",
    );
  });
});

describe('completion and unreadable inputs, in zh-CN and en', () => {
  it('says a shell completion does not know', async () => {
    const complete = (lang: Lang) =>
      caught(() =>
        completionCommand(
          'fish',
          buildProgram(async () => {}, { toolVersion: '0', lang }),
          captureIo(lang),
        ),
      );
    expect(usageOf(await complete('zh-CN'))).toMatchObject({
      name: 'UsageError',
      lang: 'zh-CN',
      exitCode: EXIT_CODES.usage,
      message: 'completion：curate 不支持为 "fish" 生成补全脚本，可选：bash, zsh。',
    });
    expect(usageOf(await complete('en'))).toMatchObject({
      name: 'UsageError',
      lang: 'en',
      exitCode: EXIT_CODES.usage,
      message: 'completion: "fish" is not a shell curate completes: bash, zsh.',
    });
  });

  // root reads any file: the refusal cannot happen there, so the test is skipped, not passed.
  it.skipIf(process.getuid?.() === 0)('says a file that may not be read', async () => {
    const locked = join(dir, 'locked.md');
    await writeFile(locked, '# x\n', { mode: 0o000 });
    const { zh, en } = await errorsInBothLanguages((io) => importCommand(locked, {}, io));
    expect(usageOf(zh)).toMatchObject({
      name: 'InputError',
      lang: 'zh-CN',
      exitCode: EXIT_CODES.usage,
      message: `无法读取列表 ${locked}：没有读取权限。`,
    });
    expect(usageOf(en)).toMatchObject({
      name: 'InputError',
      lang: 'en',
      exitCode: EXIT_CODES.usage,
      message: `Cannot read the list ${locked}: permission denied.`,
    });
  });
});
