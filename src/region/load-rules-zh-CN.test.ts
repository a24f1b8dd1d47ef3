import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir, writeFileIn } from '../../test/helpers/temp-dir.js';
import { InputError, UsageError } from '../errors.js';
import { parseAutoProxyList } from './gfwlist.js';
import { loadAutoProxyFile, loadRegionInputs, loadRegionRulesFile } from './load-rules.js';

let directory: string;
useTempDir('curate-rules-zh-', (path) => (directory = path), 'all');

const write = (name: string, text: string) => writeFileIn(directory, name, text);

const rejection = async (promise: Promise<unknown>): Promise<InputError> => {
  const error: unknown = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
};

describe('region rules errors in zh-CN', () => {
  it('words a rules file that fails its schema, rule by rule, and marks the error zh-CN', async () => {
    const path = await write(
      'bad.yaml',
      [
        'region: cn',
        'updated: 2026-11-28',
        'source: tests',
        'rules:',
        '  - { id: a, match: "*.example.com", level: blocked, note: x }',
        '  - { id: a, match: example.org, level: blocked, note: x }',
        '  - { id: b, match: example.org, level: blocked, note: x }',
      ].join('\n'),
    );
    const error = await rejection(loadRegionRulesFile(path, 'bad.yaml', 'zh-CN'));
    expect(error.message).toBe(`${path} 不是合法的地区规则文件`);
    expect(error.hint).toBe('格式可参照 rules/cn.yaml');
    expect(error.lang).toBe('zh-CN');
    expect(error.problems.map((problem) => problem.message)).toEqual([
      '直接写域名本身即可：一条规则已涵盖它的所有子域名',
      'id "a" 重复',
      '"example.org" 已被前面的规则匹配',
    ]);
  });

  it("words zod's generic problems (a wrong type, an unknown or missing key) as the roadmap's, in Chinese", async () => {
    const path = await write(
      'generic.yaml',
      [
        'region: cn',
        'updated: 2026-11-28',
        'source: tests',
        'rules:',
        '  - { id: b, match: 12, level: blocked, note: x, typo: true }',
        '  - { id: c, match: c.com, level: blocked }',
      ].join('\n'),
    );
    const error = await rejection(loadRegionRulesFile(path, 'generic.yaml', 'zh-CN'));
    expect(
      error.problems.map(({ line, column, path: field, message, hint }) => ({
        at: `${String(line)}:${String(column)} ${field}`,
        message,
        hint,
      })),
    ).toEqual([
      {
        at: '5:21 rules[0].match',
        message: '这里应该是文本，实际是12',
        hint: '加上引号，让 YAML 把它当作文本："12"',
      },
      {
        at: '5:50 rules[0].typo',
        message: '未知的键“typo”',
        hint: '这里可以用：id, match, level, note',
      },
      { at: '6:5 rules[1].note', message: '缺少必填的键“note”', hint: undefined },
    ]);
  });

  it("reads a rules file with the roadmap's guards: a duplicate key is named, in Chinese", async () => {
    const path = await write(
      'twice.yaml',
      'region: cn\nupdated: 2026-11-28\nsource: tests\nrules: []\nrules: []\n',
    );
    const error = await rejection(loadRegionRulesFile(path, 'twice.yaml', 'zh-CN'));
    expect(error.message).toBe(`${path} 不是合法的 YAML`);
    expect(error.problems).toMatchObject([
      { line: 5, column: 1, message: '键“rules”重复了（第一次出现在第 4 行）' },
    ]);
  });

  it('keeps the English sentences in en', async () => {
    const path = await write(
      'dup.yaml',
      'region: cn\nupdated: 2026-11-28\nsource: tests\nrules:\n' +
        '  - { id: a, match: a.com, level: blocked, note: x }\n' +
        '  - { id: a, match: b.com, level: blocked, note: x }\n',
    );
    const error = await rejection(loadRegionRulesFile(path));
    expect(error.message).toBe(`${path} is not a valid region rules file`);
    expect(error.problems.map((problem) => problem.message)).toEqual(['duplicate id "a"']);
  });

  it('words a rules file that is not YAML', async () => {
    const path = await write('broken.yaml', 'region: cn\nrules: [\n');
    const error = await rejection(loadRegionRulesFile(path, 'broken.yaml', 'zh-CN'));
    expect(error.message).toBe(`${path} 不是合法的 YAML`);
  });

  it('words a file it cannot read', async () => {
    const path = join(directory, 'missing.yaml');
    const error = await rejection(loadRegionRulesFile(path, 'missing.yaml', 'zh-CN'));
    expect(error.message).toBe(`无法读取 ${path}`);
    expect(error.problems[0]?.message).toBe('无法读取文件（ENOENT）');
  });

  it('words a file that is not an AutoProxy list', async () => {
    const path = await write('list.txt', 'hello world\n');
    const error = await rejection(loadAutoProxyFile(path, 'list.txt', 'zh-CN'));
    expect(error.message).toBe(`${path} 不是 AutoProxy 列表`);
    expect(error.problems[0]?.message).toBe(
      '既不是纯文本的 AutoProxy 列表，也不是它的 base64 编码',
    );
    expect(() => parseAutoProxyList('hello\n', 'x.txt', 'zh-CN')).toThrow(
      'x.txt 不是 AutoProxy 列表',
    );
  });

  it('words a --region-rules URL in a run without the network', async () => {
    const error: unknown = await loadRegionInputs(
      [],
      ['https://example.com/gfwlist.txt'],
      undefined,
      'zh-CN',
    ).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toBe(
      '--region-rules https://example.com/gfwlist.txt：URL 需要联网下载，但本次运行不联网。',
    );
    expect((error as UsageError).hint).toBe('先把列表下载到本地再传文件路径，或去掉 --offline。');
  });
});
