import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, type InputProblem } from '../errors.js';
import { parseRoadmap } from './load.js';
import { findIndentationAnomalies } from './yaml-indentation.js';
import { readYamlSource } from './yaml-source.js';

const FIXTURES = 'test/fixtures/roadmaps/invalid';
const BUNDLED = readFileSync('roadmap.yaml', 'utf8');

function problemsOf(text: string, file = 'roadmap.yaml'): InputProblem[] {
  try {
    parseRoadmap(text, file);
  } catch (error) {
    if (error instanceof InputError) return [...error.problems];
    throw error;
  }
  throw new Error('expected the roadmap to be refused');
}

function summary(problems: readonly InputProblem[]): string[] {
  return problems.map(
    (problem) => `${problem.line}:${problem.column} [${problem.code}] ${problem.message}`,
  );
}

/** The bundled roadmap with one line's leading whitespace replaced. */
function bundledWith(line: number, indentation: string): string {
  const lines = BUNDLED.split('\n');
  lines[line - 1] = `${indentation}${(lines[line - 1] ?? '').trimStart()}`;
  return lines.join('\n');
}

describe('a cascade of YAML errors collapses to its cause', () => {
  it.each([
    {
      fixture: 'indent-under.yaml',
      expected: ['15:8 [yaml-indentation] line 15 is indented 7 spaces; its siblings use 8'],
    },
    {
      // The parser itself blames line 10, the text value the deeper line seems to continue.
      fixture: 'indent-over.yaml',
      expected: ['11:10 [yaml-indentation] line 11 is indented 9 spaces; its siblings use 8'],
    },
    {
      fixture: 'tab.yaml',
      expected: ['10:1 [yaml-tab] line 10 starts with a tab; YAML indents with spaces'],
    },
    {
      // The indentation explains its own cascade only; the unclosed list further down stays.
      fixture: 'two-mistakes.yaml',
      expected: [
        '10:8 [yaml-indentation] line 10 is indented 7 spaces; its siblings use 8',
        '17:9 [yaml-syntax] Flow sequence in block collection must be sufficiently indented and end with a ]',
      ],
    },
  ])('$fixture', ({ fixture, expected }) => {
    const path = join(FIXTURES, fixture);
    const text = readFileSync(path, 'utf8');
    // The parser alone says more, and not all of it on the right line.
    const raw = readYamlSource(text, path);
    expect(raw.problems.length).toBeGreaterThan(expected.length);
    expect(summary(problemsOf(text, path))).toEqual(expected);
  });

  it('says how far to indent, from the lines around', () => {
    const [problem] = problemsOf(readFileSync(join(FIXTURES, 'tab.yaml'), 'utf8'));
    expect(problem?.hint).toBe('replace the indentation with 8 spaces, like the lines around it');
    const [under] = problemsOf(readFileSync(join(FIXTURES, 'indent-under.yaml'), 'utf8'));
    expect(under?.hint).toMatch(/^indent it with 8 spaces/);
  });

  it.each([
    { what: 'a key one space short', line: 65, indentation: ' '.repeat(11) },
    { what: 'a key one space too deep', line: 65, indentation: ' '.repeat(13) },
    { what: 'a list item two spaces short', line: 61, indentation: ' '.repeat(8) },
    { what: 'a tab for the indent', line: 64, indentation: '\t' },
    { what: 'a tab before the spaces', line: 42, indentation: `\t${' '.repeat(14)}` },
  ])('$what on the bundled roadmap gives one problem on its line', ({ line, indentation }) => {
    const text = bundledWith(line, indentation);
    expect(readYamlSource(text, 'roadmap.yaml').problems.length).toBeGreaterThan(1);
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line, path: '' });
    expect(problems[0]?.code).toMatch(/^yaml-(tab|indentation)$/);
  });

  it("keeps the parser's words where it cannot name a cause", () => {
    const text = readFileSync(join(FIXTURES, 'syntax-error.yaml'), 'utf8');
    expect(summary(problemsOf(text))).toEqual([
      '9:9 [yaml-syntax] Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });
});

describe('findIndentationAnomalies', () => {
  it('finds nothing in the bundled roadmap', () => {
    expect(findIndentationAnomalies(BUNDLED)).toEqual([]);
  });

  it('accepts compact lists, block text, flow lists and text going on over lines', () => {
    const text = [
      'top:',
      '- a: 1',
      '  b: |',
      '      free text',
      '    at any depth',
      '  c: [1,',
      '   2]',
      '- plain text value',
      '  going on',
      'other: x',
    ].join('\n');
    expect(findIndentationAnomalies(text)).toEqual([]);
  });
});

describe('YAML problems in zh-CN', () => {
  function zhProblemsOf(text: string): InputProblem[] {
    try {
      parseRoadmap(text, 'roadmap.yaml', 'zh-CN');
    } catch (error) {
      if (error instanceof InputError) return [...error.problems];
      throw error;
    }
    throw new Error('expected the roadmap to be refused');
  }
  const said = (problems: readonly InputProblem[]) =>
    problems.map(({ line, code, message, hint }) => ({ line, code, message, hint }));

  it('words what the reader guards against by its code, not its English', () => {
    expect(
      said(zhProblemsOf('version: 1\ntitle: T\ntitle: U\nsections: []\n')).slice(0, 1),
    ).toEqual([
      {
        line: 3,
        code: 'yaml-duplicate-key',
        message: '键“title”重复了（第一次出现在第 2 行）',
        hint: 'YAML 只会保留其中一个；删掉一个，或者改个名字',
      },
    ]);
    expect(said(zhProblemsOf(`version: 1\ntitle: ${'['.repeat(5000)}\n`))).toEqual([
      {
        line: 2,
        code: 'yaml-nesting',
        message: '嵌套超过了 100 层',
        hint: '检查一下有没有没闭合的 [ 或 {',
      },
    ]);
    const cycle =
      'version: 1\ntitle: T\nsections: &s\n  - id: "1"\n    title: S\n    sections: *s\n';
    expect(said(zhProblemsOf(cycle))).toEqual([
      {
        line: 6,
        code: 'yaml-alias',
        message: '别名指向了包含它自己的节点，展开后没有尽头',
        hint: undefined,
      },
    ]);
    const bomb = readFileSync(join(FIXTURES, 'alias-bomb.yaml'), 'utf8');
    expect(said(zhProblemsOf(bomb))).toEqual([
      {
        line: 3,
        code: 'yaml-alias',
        message: '别名太多：展开超过了 100 次（是不是“billion laughs”攻击文件？）',
        hint: '把值直接写出来，不要用 *别名',
      },
    ]);
  });

  it("maps the parser's error codes to sentences, its words kept where they say where to look", () => {
    expect(said(zhProblemsOf('version: 1\ntitle: T\n---\nsections: []\n'))).toEqual([
      {
        line: 3,
        code: 'yaml-syntax',
        message: '文件里有不止一个 YAML 文档',
        hint: '一个文件只放一个 YAML 文档；删掉多出来的 `---`',
      },
    ]);
    const text = readFileSync(join(FIXTURES, 'syntax-error.yaml'), 'utf8');
    expect(said(zhProblemsOf(text))).toEqual([
      {
        line: 9,
        code: 'yaml-syntax',
        message:
          '缩进不对（解析器原文：Flow sequence in block collection must be sufficiently indented and end with a ]）',
        hint: undefined,
      },
    ]);
  });
});
