/** Errors about report files (read back, merged, written) in zh-CN and en. */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caught, errorsInBothLanguagesIn, usageOf } from '../../test/helpers/command-errors.js';
import { useTempDir } from '../../test/helpers/temp-dir.js';
import { loadReportFixture } from '../../test/fixtures/ci/fixtures.js';
import { EXIT_CODES, ReportWriteError, type InputError, type UsageError } from '../errors.js';
import type { Lang } from '../i18n/index.js';
import { assertSameRoadmap, mergeReports, mergeShards } from '../report/merge.js';
import { checkShardSet } from '../report/shard-set.js';
import { appendText, writeFileAtomically, writeReports } from '../report/write.js';
import { diffCommand } from './diff.js';
import type { CommandIo } from './io.js';
import { mergeCommand } from './merge.js';
import { writeNewFile } from './write-new-file.js';

let dir: string;
useTempDir('curate-cmd-zh-', (path) => (dir = path), 'all');
const errorsInBothLanguages = (command: (io: CommandIo) => Promise<unknown>) =>
  errorsInBothLanguagesIn(dir, command);

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
      message: '分片 1/2 重复传入了 2 次：global-1/report.json, old/report.json。',
    });
    expect(
      usageOf(await caught(() => checkShardSet([shard(1, 2), shard(2, 3)], strict))),
    ).toMatchObject({
      name: 'UsageError',
      lang: 'zh-CN',
      exitCode: EXIT_CODES.usage,
      message: '这些分片的拆分方式不同：global-1/report.json 是 1/2，global-2/report.json 是 2/3。',
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
