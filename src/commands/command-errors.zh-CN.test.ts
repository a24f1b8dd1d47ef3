import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Argument, CommanderError, Option } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReportFixture } from '../../test/fixtures/ci/fixtures.js';
import { CurateError, EXIT_CODES, InputError, ReportWriteError, UsageError } from '../errors.js';
import type { Lang } from '../i18n/index.js';
import { openRunDispatcher } from '../fetch/dispatchers.js';
import { resolveOptions } from '../options.js';
import { parseHistory } from '../report/history.js';
import { assertSameRoadmap, mergeReports, mergeShards } from '../report/merge.js';
import { checkShardSet } from '../report/shard-set.js';
import { appendText, writeFileAtomically, writeReports } from '../report/write.js';
import { diffCommand } from './diff.js';
import { fixCommand } from './fix.js';
import { importCommand } from './import-list.js';
import { LocalizedCommand } from './commander-errors.js';
import { checkCommand } from './check.js';
import { completionCommand } from './completion.js';
import { mergeCommand } from './merge.js';
import { buildProgram } from './program.js';
import { writeNewFile } from './write-new-file.js';
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

/** What `run` throws, or `undefined` when it returns: sync or async. */
async function caught(run: () => unknown): Promise<unknown> {
  try {
    await run();
    return undefined;
  } catch (error) {
    return error;
  }
}

/** What a person is told about `error`, and the exit code: to compare with what is meant. */
function usageOf(error: unknown): Record<string, unknown> {
  if (!(error instanceof CurateError)) return { name: 'not a curate error', error };
  const { name, lang, exitCode, message, hint } = error;
  return { name, lang, exitCode, message, hint };
}

describe('report files that cannot be read, merged or written, in zh-CN and en', () => {
  const report = loadReportFixture();
  const shard = (index: number, total: number, file = `global-${index}/report.json`) => ({
    file,
    report: { ...report, shard: { index, total } },
  });

  it('words a report.json that is not JSON, and one of the wrong shape', async () => {
    const notJson = join(dir, 'not-json.json');
    await writeFile(notJson, '{');
    const { zh, en } = await errorsInBothLanguages((io) => diffCommand(notJson, notJson, {}, io));
    expect(usageOf(zh)).toMatchObject({
      name: 'InputError',
      lang: 'zh-CN',
      exitCode: EXIT_CODES.usage,
      message: `${notJson} 不是报告文件。`,
      hint: '请传入 `curate check` 生成的 report.json',
    });
    expect((zh as InputError).problems[0]?.message).toMatch(/^不是 JSON：/);
    expect(usageOf(en)).toMatchObject({
      name: 'InputError',
      lang: 'en',
      exitCode: EXIT_CODES.usage,
      message: `${notJson} is not a report.`,
    });
    expect((en as InputError).problems[0]?.message).toMatch(/^not JSON: /);
    const wrongShape = join(dir, 'wrong-shape.json');
    await writeFile(wrongShape, '{"schemaVersion": 2}');
    const shape = await errorsInBothLanguages((io) => diffCommand(wrongShape, wrongShape, {}, io));
    expect(usageOf(shape.zh)).toMatchObject({
      name: 'InputError',
      lang: 'zh-CN',
      exitCode: EXIT_CODES.usage,
      message: `${wrongShape} 不是合法的 report.json。`,
    });
    expect(usageOf(shape.en)).toMatchObject({
      name: 'InputError',
      lang: 'en',
      exitCode: EXIT_CODES.usage,
      message: `${wrongShape} is not a valid report.json.`,
    });
  });

  it('refuses to merge nothing, other roadmaps and two results of one resource', async () => {
    expect(usageOf(await caught(() => mergeReports([], 'zh-CN')))).toMatchObject({
      name: 'UsageError',
      lang: 'zh-CN',
      exitCode: EXIT_CODES.usage,
      message: 'curate merge 至少需要一份报告。',
    });
    expect(usageOf(await caught(() => mergeReports([])))).toMatchObject({
      name: 'UsageError',
      lang: 'en',
      exitCode: EXIT_CODES.usage,
      message: 'curate merge needs at least one report.',
    });
    const other = { ...report, roadmap: { ...report.roadmap, path: 'other.yaml', title: 'O' } };
    const roadmaps = `${report.roadmap.path} ("${report.roadmap.title}")、other.yaml ("O")`;
    expect(
      usageOf(
        await caught(() => {
          assertSameRoadmap([report, other], 'zh-CN');
        }),
      ),
    ).toMatchObject({
      name: 'UsageError',
      lang: 'zh-CN',
      exitCode: EXIT_CODES.usage,
      message: `无法合并不同路线图的报告：${roadmaps}。`,
      hint: '只合并同一次运行、同一份路线图的各个分片',
    });
    // The same report twice is no conflict: only different results of one resource are.
    expect(mergeShards([report, report], 'zh-CN').results).toHaveLength(report.results.length);
    const [first] = report.results;
    const changed = { ...report, results: [{ ...first!, line: first!.line + 1 }] };
    expect(usageOf(await caught(() => mergeShards([report, changed], 'zh-CN')))).toMatchObject({
      name: 'UsageError',
      lang: 'zh-CN',
      exitCode: EXIT_CODES.usage,
      message: `资源 "${first!.id}" 出现在两份报告里，结果却不一样。`,
    });
  });

  it("says shards given twice, missing or of different splits; merge's files in --lang", async () => {
    const strict = { allowPartial: false, lang: 'zh-CN' } as const;
    const twice = [shard(1, 2), shard(1, 2, 'old/report.json'), shard(2, 2)];
    expect(usageOf(await caught(() => checkShardSet(twice, strict)))).toMatchObject({
      name: 'UsageError',
      lang: 'zh-CN',
      exitCode: EXIT_CODES.usage,
      message: '分片 1/2 给了 2 次：global-1/report.json, old/report.json。',
    });
    expect(
      usageOf(await caught(() => checkShardSet([shard(1, 2), shard(2, 3)], strict))),
    ).toMatchObject({
      name: 'UsageError',
      lang: 'zh-CN',
      exitCode: EXIT_CODES.usage,
      message:
        '这些分片来自不同的拆分方式：global-1/report.json 是 1/2，global-2/report.json 是 2/3。',
    });
    const files = [join(dir, 'shard-1.json'), join(dir, 'shard-3.json')];
    await writeFile(files[0]!, JSON.stringify(shard(1, 3).report));
    await writeFile(files[1]!, JSON.stringify(shard(3, 3).report));
    const { zh, en } = await errorsInBothLanguages((io) => mergeCommand(files, {}, io));
    expect(usageOf(zh)).toMatchObject({
      name: 'UsageError',
      lang: 'zh-CN',
      exitCode: EXIT_CODES.usage,
      message: '缺少分片 2/3：不能合并一次不完整的运行。',
    });
    expect((zh as UsageError).hint).toContain('加上 --allow-partial 合并已给出的 2 份报告');
    expect(usageOf(en)).toMatchObject({
      name: 'UsageError',
      lang: 'en',
      exitCode: EXIT_CODES.usage,
      message: 'shard 2/3 is missing: cannot merge an incomplete run.',
    });
  });

  it('names the file that cannot be written and what to do', async () => {
    const aFile = join(dir, 'a-file');
    await writeFile(aFile, '');
    const outDir = join(aFile, 'reports');
    const zh = await caught(() =>
      writeReports(outDir, [{ name: 'report.json', content: '{}' }], 'zh-CN'),
    );
    expect(zh).toBeInstanceOf(ReportWriteError);
    expect((zh as ReportWriteError).message).toMatch(
      new RegExp(`^无法创建报告目录 ${outDir}：ENOTDIR`),
    );
    expect((zh as ReportWriteError).hint).toBe(
      `${outDir} 路径中有一段是文件而不是目录；请用 --out 换一个目录。`,
    );
    expect((zh as ReportWriteError).exitCode).toBe(EXIT_CODES.usage);
    const history = await caught(() =>
      writeFileAtomically(join(aFile, 'history.json'), '{}', 'history', 'zh-CN'),
    );
    expect((history as ReportWriteError).message).toMatch(/^无法把历史记录写入 .*history\.json：/);
    expect((history as ReportWriteError).hint).toBe(`请确认 ${aFile} 存在并且有写权限。`);
    const summary = await caught(() =>
      appendText(join(aFile, 'summary.md'), 'x', 'jobSummary', 'zh-CN'),
    );
    const mirrors = await caught(() =>
      writeFileAtomically(join(aFile, 'mirrors.json'), '{}', 'mirrors', 'zh-CN'),
    );
    expect((mirrors as ReportWriteError).message).toMatch(/^无法把 mirrors\.json 写入 /);
    expect((summary as ReportWriteError).message).toMatch(/^无法向 .*summary\.md 追加作业摘要：/);
  });

  it('refuses to overwrite a file import -o or init would create', async () => {
    const existing = join(dir, 'existing.yaml');
    await writeFile(existing, '');
    const write = (lang: Lang) =>
      caught(() => writeNewFile(existing, 'x', { what: 'roadmap', force: false, lang }));
    expect(usageOf(await write('zh-CN'))).toMatchObject({
      name: 'UsageError',
      lang: 'zh-CN',
      exitCode: EXIT_CODES.usage,
      message: `${existing} 已经存在；curate 不会覆盖它。`,
      hint: '加上 --force 替换它，或者写到别的地方。',
    });
    expect(usageOf(await write('en'))).toMatchObject({
      name: 'UsageError',
      lang: 'en',
      exitCode: EXIT_CODES.usage,
      message: `${existing} already exists; curate does not overwrite it.`,
    });
    expect(await readFile(existing, 'utf8')).toBe('');
  });
});

describe("check's --only, --changed-since and --ca-file, and completion, in zh-CN and en", () => {
  it("names an --only id the roadmap lacks, in the roadmap's lang: or --lang", async () => {
    const roadmap = join(dir, 'only.yaml');
    await writeFile(roadmap, `lang: zh-CN\n${ROADMAP}`);
    const only = (lang: string | undefined) =>
      caught(() =>
        checkCommand(
          roadmap,
          { only: ['ab'], offline: true, ...(lang === undefined ? {} : { lang }) },
          captureIo('en'),
        ),
      );
    expect(usageOf(await only(undefined))).toMatchObject({
      name: 'UsageError',
      lang: 'zh-CN',
      exitCode: EXIT_CODES.usage,
      message: '--only：没有 id 为 "ab" 的章节或资源',
      hint: '"ab"：是不是想写 "a"？',
    });
    expect(usageOf(await only('en'))).toMatchObject({
      name: 'UsageError',
      lang: 'en',
      exitCode: EXIT_CODES.usage,
      message: '--only: no section or resource has the id "ab"',
      hint: '"ab": did you mean "a"?',
    });
  });

  it('says a --changed-since that is no ref, or outside a repository', async () => {
    const roadmap = join(dir, 'changed.yaml');
    await writeFile(roadmap, ROADMAP);
    const since = (ref: string, lang: string) =>
      caught(() =>
        checkCommand(roadmap, { changedSince: ref, offline: true, lang }, captureIo('en')),
      );
    expect(usageOf(await since('-x', 'zh-CN'))).toMatchObject({
      name: 'UsageError',
      lang: 'zh-CN',
      exitCode: EXIT_CODES.usage,
      message: '--changed-since "-x" 不是 git ref。',
      hint: '请传入分支、tag 或 commit，例如 origin/main 或某个 commit sha',
    });
    expect(usageOf(await since('-x', 'en'))).toMatchObject({
      name: 'UsageError',
      lang: 'en',
      exitCode: EXIT_CODES.usage,
      message: '--changed-since "-x" is not a git ref.',
    });
    // The temporary directory is in no repository: git says so, after our words.
    const outside = (await since('main', 'zh-CN')) as UsageError;
    expect(outside.message).toMatch(
      /^--changed-since 需要在 git 仓库里运行：.*not a git repository/is,
    );
    expect(outside.exitCode).toBe(EXIT_CODES.usage);
  });

  it('names a --ca-file that cannot be read before any connection is made', async () => {
    const missing = join(dir, 'missing-ca.pem');
    const open = async (lang: string) => {
      const options = resolveOptions({ caFile: missing, lang }, undefined, {});
      return caught(() =>
        openRunDispatcher(
          {
            settings: options.transport.dispatcher,
            caFile: options.transport.caFile,
            lang: options.report.lang,
          },
          undefined,
          undefined,
        ),
      );
    };
    expect(usageOf(await open('zh-CN'))).toMatchObject({
      name: 'UsageError',
      lang: 'zh-CN',
      exitCode: EXIT_CODES.usage,
      message: `--ca-file：无法读取 "${missing}"。`,
      hint: '请传入一个 PEM 文件，里面是系统自带证书之外还要信任的 CA 证书。',
    });
    expect(usageOf(await open('en'))).toMatchObject({
      name: 'UsageError',
      lang: 'en',
      exitCode: EXIT_CODES.usage,
      message: `--ca-file: cannot read "${missing}".`,
    });
  });

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
