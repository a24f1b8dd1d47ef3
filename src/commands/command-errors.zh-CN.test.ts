import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Argument, CommanderError, Option } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReportFixture } from '../../test/fixtures/ci/fixtures.js';
import { InputError, UsageError } from '../errors.js';
import type { Lang } from '../i18n/index.js';
import { parseHistory } from '../report/history.js';
import { diffCommand } from './diff.js';
import { fixCommand } from './fix.js';
import { importCommand } from './import-list.js';
import { LocalizedCommand } from './commander-errors.js';
import type { CommandIo } from './io.js';
import { mirrorsCommand } from './mirrors.js';

let dir: string;
beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), 'curate-cmd-zh-'))));
afterAll(() => rm(dir, { recursive: true, force: true }));

function captureIo(lang: Lang): CommandIo & { err: () => string } {
  let err = '';
  return {
    stdout: { write: () => true },
    stderr: { write: (text: string) => (err += text) },
    env: {},
    cwd: dir,
    toolVersion: 'test',
    interruptSignal: new AbortController().signal,
    lang,
    err: () => err,
  };
}

/** What one command throws in Chinese and in English, to compare the two wordings. */
async function errorsInBothLanguages(
  command: (io: CommandIo) => Promise<unknown>,
): Promise<{ zh: unknown; en: unknown }> {
  const thrown = (lang: Lang) =>
    command(captureIo(lang)).then(
      () => undefined,
      (error: unknown) => error,
    );
  return { zh: await thrown('zh-CN'), en: await thrown('en') };
}

const ROADMAP = `version: 1
title: t
sections:
  - id: '1'
    title: s
    resources:
      - id: a
        title: A
        url: https://example.com/a
        kind: article
`;

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
