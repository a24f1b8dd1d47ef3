import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTempDir, writeFileIn } from '../../test/helpers/temp-dir.js';
import { InputError, InternalError, type InputProblem } from '../errors.js';
import { assessLinkRegion } from './assess-link.js';
import { matchAutoProxy } from './gfwlist.js';
import {
  defaultRulesPath,
  loadAutoProxyFile,
  loadDefaultRegionRules,
  loadRegionRulesFile,
} from './load-rules.js';
import type { RegionRules } from './rules-schema.js';
import { matchRegionRules } from './rules.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const fixturePath = (name: string) => join(repoRoot, 'test/fixtures/region', name);

let directory: string;
useTempDir('curate-rules-', (path) => (directory = path), 'all');

const writeRules = (name: string, text: string) => writeFileIn(directory, name, text);

/** A cn rules file with these lines under `rules:` (its header lines 1-4, so rules start at 5). */
const rulesYaml = (...rules: string[]): string =>
  ['region: cn', 'updated: 2026-11-28', 'source: tests', 'rules:', ...rules].join('\n');

/** The problems of the InputError a promise rejects with. */
const problemsOf = async (promise: Promise<unknown>): Promise<readonly InputProblem[]> => {
  const error: unknown = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(InputError);
  return (error as InputError).problems;
};

/** Writes a rules file and loads it: where it is, and the problems loading it gives. */
const problemsOfFile = async (name: string, text: string) => {
  const path = await writeRules(name, text);
  return { path, problems: await problemsOf(loadRegionRulesFile(path)) };
};

describe('the shipped rules for cn', () => {
  let shipped: RegionRules;
  beforeAll(async () => {
    shipped = await loadRegionRulesFile(defaultRulesPath('cn'));
  });

  it('lives in rules/cn.yaml at the package root', () => {
    expect(defaultRulesPath('cn')).toBe(join(repoRoot, 'rules', 'cn.yaml'));
  });

  it('validates, is dated and is cited by its file name', () => {
    expect(shipped).toMatchObject({ region: 'cn', updated: '2026-11-28', list: 'cn.yaml' });
  });

  it.each([
    ['https://www.youtube.com/watch?v=kCc8FmEb1nY', 'blocked', 'vpn'],
    ['https://youtu.be/kCc8FmEb1nY', 'blocked', 'vpn'],
    ['https://i.ytimg.com/vi/x/hqdefault.jpg', 'blocked', 'vpn'],
    ['https://rr1---sn-a.googlevideo.com/videoplayback', 'blocked', 'vpn'],
    ['https://www.google.com/search?q=llm', 'blocked', 'vpn'],
    ['https://colab.research.google.com/drive/1', 'blocked', 'vpn'],
    ['https://colab.google/', 'blocked', 'vpn'],
    ['https://lh3.googleusercontent.com/a.png', 'blocked', 'vpn'],
    ['https://medium.com/@karpathy/yes-you-should-understand-backprop', 'blocked', 'vpn'],
    ['https://someone.medium.com/post', 'blocked', 'vpn'],
    ['https://huggingface.co/meta-llama', 'blocked', 'vpn'],
    ['https://hf.co/meta-llama', 'blocked', 'vpn'],
    ['https://twitter.com/karpathy', 'blocked', 'vpn'],
    ['https://x.com/karpathy', 'blocked', 'vpn'],
    ['https://www.facebook.com/', 'blocked', 'vpn'],
    ['https://openai.com/research', 'refuses-region', 'vpn'],
    ['https://platform.openai.com/docs', 'refuses-region', 'vpn'],
    ['https://chatgpt.com/', 'refuses-region', 'vpn'],
    ['https://www.anthropic.com/news', 'refuses-region', 'vpn'],
    ['https://claude.ai/', 'refuses-region', 'vpn'],
    ['https://en.wikipedia.org/wiki/Transformer', 'blocked', 'vpn'],
    ['https://discord.com/invite/x', 'blocked', 'vpn'],
    ['https://www.reddit.com/r/LocalLLaMA/', 'blocked', 'vpn'],
    ['https://someone.substack.com/p/post', 'blocked', 'vpn'],
    ['https://github.com/karpathy/nanoGPT', 'throttled', 'partial'],
    ['https://raw.githubusercontent.com/a/b/main/c', 'throttled', 'partial'],
    ['https://jalammar.github.io/illustrated-transformer/', 'throttled', 'partial'],
    ['https://www.bilibili.com/video/BV1xx411c7mD', undefined, 'open'],
    ['https://arxiv.org/abs/1706.03762', undefined, 'open'],
    ['https://hf-mirror.com/meta-llama', undefined, 'open'],
  ])('%s → %s (%s)', (url, level, access) => {
    expect(matchRegionRules(shipped, new URL(url))[0]?.level).toBe(level);
    const { verdict } = assessLinkRegion(
      'cn',
      { url, declared: undefined, observations: undefined },
      { rules: [shipped], lists: [] },
    );
    expect(verdict.access).toBe(access);
  });

  it('gives every rule a note that says more than its name', () => {
    const bare = shipped.rules.filter((rule) =>
      [rule.id, rule.match].includes(rule.note.toLowerCase()),
    );
    expect(bare).toEqual([]);
  });
});

describe('loadDefaultRegionRules', () => {
  it('loads the file shipped for a region, cited as <region>.yaml', async () => {
    expect(await loadDefaultRegionRules('cn')).toMatchObject({ region: 'cn', list: 'cn.yaml' });
  });

  it('gives undefined for a region curate ships no rules for', async () => {
    expect(await loadDefaultRegionRules('zz')).toBeUndefined();
  });

  it.each(['../etc', 'CN', 'cn/../x', ''])('treats %j as a bug, not a path', (region) => {
    expect(() => defaultRulesPath(region)).toThrow(InternalError);
  });
});

describe('loadRegionRulesFile errors', () => {
  it('positions every schema problem at once, file:line:col with its field path', async () => {
    const { path, problems } = await problemsOfFile(
      'bad.yaml',
      rulesYaml(
        '  - id: youtube',
        '    match: youtube.com',
        '    level: banned',
        '    note: YouTube',
        '  - id: medium',
        '    match: "*.medium.com"',
        '    level: blocked',
        '    note: Medium',
        '  - id: youtube',
        '    match: youtu.be',
        '    level: blocked',
        '    note: short links',
        '    typo: true',
      ),
    );
    expect(problems.map(({ line, column, path: field }) => ({ line, column, field }))).toEqual(
      expect.arrayContaining([
        { line: 7, column: 12, field: 'rules[0].level' },
        { line: 10, column: 12, field: 'rules[1].match' },
        // An unknown key points at the key itself, as in the roadmap.
        { line: 17, column: 5, field: 'rules[2].typo' },
      ]),
    );
    expect(problems.find((problem) => problem.path === 'rules[0].level')).toMatchObject({
      message: '"banned" is not a valid level',
      hint: 'one of: blocked, throttled, refuses-region',
    });
    expect(problems.every((problem) => problem.file === path)).toBe(true);
    expect(problems.find((problem) => problem.path === 'rules[1].match')?.message).toContain(
      'covers every subdomain',
    );
  });

  it('reports duplicate ids and domains', async () => {
    const { problems } = await problemsOfFile(
      'duplicates.yaml',
      rulesYaml(
        '  - { id: a, match: example.com, level: blocked, note: first }',
        '  - { id: a, match: example.com, level: blocked, note: again }',
      ),
    );
    expect(problems.map((problem) => [problem.line, problem.path, problem.message])).toEqual([
      [6, 'rules[1].id', 'duplicate id "a"'],
      [6, 'rules[1].match', '"example.com" is already matched by an earlier rule'],
    ]);
  });

  it.each([
    ['a missing date', 'region: cn\nsource: tests\nrules: []\n', 'updated'],
    ['a date that is not one', 'region: cn\nupdated: soon\nsource: tests\nrules: []\n', 'updated'],
    [
      'a region code that is not two letters',
      'region: china\nupdated: 2026-11-28\nsource: x\nrules: []\n',
      'region',
    ],
  ])('rejects %s', async (_, text, field) => {
    const { problems } = await problemsOfFile(`${field}.yaml`, text);
    expect(problems.map((problem) => problem.path)).toEqual([field]);
  });

  it('positions YAML syntax errors', async () => {
    const { path, problems } = await problemsOfFile(
      'syntax.yaml',
      'region: cn\nrules: [\n  - oops: : :\n',
    );
    const [problem] = problems;
    expect(problem?.file).toBe(path);
    expect(problem?.line).toBeGreaterThan(1);
  });

  it('reports a missing file as an input problem', async () => {
    const path = join(directory, 'missing.yaml');
    const [problem] = await problemsOf(loadRegionRulesFile(path));
    expect(problem).toMatchObject({
      file: path,
      line: 0,
      message: expect.stringContaining('ENOENT') as unknown,
    });
  });
});

describe('loadAutoProxyFile', () => {
  it.each([
    ['gfwlist-excerpt.txt', 'plain'],
    ['gfwlist-excerpt.base64.txt', 'base64'],
  ])('loads %s (%s), cited by its file name', async (name, encoding) => {
    const list = await loadAutoProxyFile(fixturePath(name));
    expect(list).toMatchObject({ name, encoding });
    expect(matchAutoProxy(list, new URL('https://www.youtube.com/'))).toEqual({
      isBlocked: true,
      rule: '||youtube.com',
    });
  });

  it('blames the path when the file is not a list', async () => {
    const path = await writeRules('page.html', '<!doctype html><title>Not found</title>');
    const [problem] = await problemsOf(loadAutoProxyFile(path));
    expect(problem).toMatchObject({ file: path, line: 0 });
  });
});
