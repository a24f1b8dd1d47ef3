import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandIo } from './io.js';
import { validateCommand } from './validate.js';

/** A roadmap with one finding of most lint rules, in the language its `lang:` line says. */
const lintedRoadmap = (lang: string): string => `version: 1
title: 测试路线图
${lang}regions: [cn]
sections:
  - id: basics
    title: 基础
    resources:
      - id: plain-http
        title: 明文链接
        kind: article
        url: http://example.test/page
      - id: no-url
        title: 还没找到
        kind: article
      - id: stray
        title: 多了句号
        kind: article
        url: https://example.test/x。
      - id: yt
        title: 视频
        kind: video
        url: https://www.youtube.com/watch?v=abc
        access:
          us: open
  - id: empty
    title: 空章节
`;

const SCHEMA_PROBLEM = `version: 1
lang: zh-CN
title: 测试路线图
sections:
  - id: basics
    titel: 基础
`;

const TAB_PROBLEM = 'version: 1\ntitle: t\nsections:\n\t- id: a\n';

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'curate-validate-zh-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function validate(
  text: string,
  flags: { format?: string; lang?: string } = {},
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const file = join(directory, `roadmap-${Math.random().toString(36).slice(2)}.yaml`);
  await writeFile(file, text);
  let stdout = '';
  let stderr = '';
  const io: CommandIo = {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    env,
    cwd: directory,
    toolVersion: '0.0.0-test',
    interruptSignal: new AbortController().signal,
  };
  const code = await validateCommand(file, flags, io);
  return { code, stdout: stdout.replaceAll(`${directory}/`, ''), stderr };
}

describe('validate in zh-CN', () => {
  it("speaks the roadmap's lang: for every lint finding, hint and the summary", async () => {
    const { code, stdout, stderr } = await validate(lintedRoadmap('lang: zh-CN\n'));
    expect(code).toBe(1);
    expect(stdout).toContain('URL 用的是 http://，建议改成 https://');
    expect(stdout).toContain('没有 URL，check 会跳过它');
    expect(stdout).toContain('URL 末尾多了“。”，是不是连着旁边的文字一起复制进来了？');
    expect(stdout).toContain('在中国大陆需科学上网（cn.yaml 中的规则 youtube），且没有列出镜像');
    expect(stdout).toContain('地区“us”不在 regions: 里（已列出：cn）');
    expect(stdout).toContain('章节“empty”是空的');
    expect(stdout).toMatch(/^错误: \S+:\d+:\d+ 资源“stray”（多了句号）: /m);
    expect(stdout).toContain('  提示: 应写成 https://example.test/x');
    // Rule ids stay English.
    expect(stdout).toContain('[insecure-http]');
    expect(stderr).toMatch(/：无效——\d+ 个错误，\d+ 个警告。/);
    expect(stderr).toContain('1 个资源在中国大陆需科学上网');
  });

  it('explains schema and YAML problems in Chinese, by lang:, else by the locale', async () => {
    const schema = await validate(SCHEMA_PROBLEM);
    expect(schema.code).toBe(2);
    expect(schema.stdout).toContain('未知的键“titel”；是不是想写“title”？');
    const tab = await validate(TAB_PROBLEM, {}, { LANG: 'zh_CN.UTF-8' });
    expect(tab.stdout).toContain('第 4 行以 Tab 开头；YAML 只能用空格缩进');
    expect(tab.stderr).toContain('文件是合法的 YAML 且符合 schema 之后才会运行 lint');
  });

  it('keeps --format json English, and --lang en wins over lang:', async () => {
    const json = await validate(lintedRoadmap('lang: zh-CN\n'), { format: 'json' });
    const body = JSON.parse(json.stdout) as { problems: { message: string }[] };
    expect(body.problems.map((problem) => problem.message)).toContain(
      'the URL uses http://; prefer https://',
    );
    const english = await validate(lintedRoadmap('lang: zh-CN\n'), { lang: 'en' });
    expect(english.stdout).toContain('warning: ');
    expect(english.stderr).toMatch(/: invalid — \d+ errors, \d+ warnings\./);
  });

  it('is English with no lang: and no locale', async () => {
    const { stdout } = await validate(lintedRoadmap(''));
    expect(stdout).toContain('no URL; check will skip it');
  });
});
