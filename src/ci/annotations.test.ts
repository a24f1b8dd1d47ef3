import { describe, expect, it } from 'vitest';
import { parseFailOnList } from '../outcome/fail-on.js';
import { loadReportFixture } from '../../test/fixtures/ci/fixtures.js';
import type { Report } from '../report/schema.js';
import {
  type Annotation,
  formatAnnotation,
  renderJobSummary,
  reportAnnotations,
} from './annotations.js';

const report = loadReportFixture();

/** What these tests count as failing: the audit's `--fail-on broken,unreachable`. */
const BROKEN_OR_UNREACHABLE = parseFailOnList(['broken,unreachable']);

describe('formatAnnotation', () => {
  const base: Annotation = {
    level: 'error',
    file: 'roadmap.yaml',
    line: 12,
    title: 'broken',
    message: 'gone',
  };

  it.each<[string, Partial<Annotation>, string]>([
    [
      'an error with a column',
      { col: 7 },
      '::error file=roadmap.yaml,line=12,col=7,title=broken::gone',
    ],
    ['a warning', { level: 'warning' }, '::warning file=roadmap.yaml,line=12,title=broken::gone'],
    ['a notice', { level: 'notice' }, '::notice file=roadmap.yaml,line=12,title=broken::gone'],
    ['a whole-file finding', { line: 0, col: 3 }, '::error file=roadmap.yaml,title=broken::gone'],
    ['no title', { title: '' }, '::error file=roadmap.yaml,line=12::gone'],
    [
      '% and newlines in the message',
      { message: '100% gone\r\nreally' },
      '::error file=roadmap.yaml,line=12,title=broken::100%25 gone%0D%0Areally',
    ],
    [
      '`:` and `,` in properties',
      { title: 'broken: a, b', file: 'dir,x/r:y.yaml' },
      '::error file=dir%2Cx/r%3Ay.yaml,line=12,title=broken%3A a%2C b::gone',
    ],
    [
      '`:` and `,` kept in the message',
      { message: 'https://a.test/x?a=1,2' },
      '::error file=roadmap.yaml,line=12,title=broken::https://a.test/x?a=1,2',
    ],
    [
      '`::` in the message',
      { message: 'a::b' },
      '::error file=roadmap.yaml,line=12,title=broken::a::b',
    ],
    [
      'a newline in the title',
      { title: 'a\nb%' },
      '::error file=roadmap.yaml,line=12,title=a%0Ab%25::gone',
    ],
  ])('formats %s', (_, change, expected) => {
    expect(formatAnnotation({ ...base, ...change })).toBe(expected);
  });

  it('keeps every command on one line', () => {
    const line = formatAnnotation({ ...base, message: 'a\nb\rc', title: 'x\ny' });
    expect(line).not.toMatch(/[\r\n]/);
  });
});

describe('reportAnnotations', () => {
  const byLine = (annotations: Annotation[]): string[] =>
    annotations.map((annotation) => `${annotation.line} ${annotation.level} ${annotation.title}`);

  it('annotates failing links as errors, moved and other dead ones as warnings, unverified as notices', () => {
    // Errors first (GitHub shows only 10 of each level per step), then in roadmap order.
    expect(byLine(reportAnnotations(report, { failing: BROKEN_OR_UNREACHABLE }))).toEqual([
      '23 error broken: mirror of 3b1b-linear-algebra',
      '45 error broken: numpy-guide',
      '65 error unreachable: annotated-transformer',
      '88 error unreachable: mirror of llm-leaderboard',
      '96 error broken: flash-attention',
      '28 warning redirected: khan-calculus',
      '68 warning redirected: mirror of annotated-transformer',
      '85 warning redirected: llm-leaderboard',
      '100 warning redirected: leaderboard-again',
      '72 notice unverified: illustrated-transformer',
    ]);
  });

  it.each([
    [['broken'], ['23 error', '45 error', '96 error', '65 warning', '88 warning', '72 notice']],
    [
      ['unverified:bot-wall'],
      ['72 error', '23 warning', '45 warning', '65 warning', '88 warning', '96 warning'],
    ],
  ])('follows the failing set %j', (failing, expected) => {
    const levels = reportAnnotations(report, { failing: parseFailOnList(failing) })
      .filter((annotation) => !annotation.title.startsWith('redirected'))
      .map((annotation) => `${annotation.line} ${annotation.level}`);
    expect(levels).toEqual(expected);
  });

  it('says what to do about a redirect and why a link fails', () => {
    const messages = new Map(
      reportAnnotations(report).map((annotation) => [annotation.line, annotation.message]),
    );
    expect(messages.get(28)).toBe(
      'http://khan.example.test/calculus moved permanently to https://khan.example.test/calculus; run `curate fix` to update the roadmap.',
    );
    expect(messages.get(45)).toBe(
      'https://numpy.example.test/doc/user/: HTTP 404: the page is gone',
    );
  });

  it.each([
    ['./roadmap.yaml', undefined, 'roadmap.yaml'],
    ['data\\roadmap.yaml', undefined, 'data/roadmap.yaml'],
    ['/abs/roadmap.yaml', 'roadmap.yaml', 'roadmap.yaml'],
  ])('points at %s as the repository path', (path, file, expected) => {
    const moved: Report = { ...report, roadmap: { ...report.roadmap, path } };
    const [first] = reportAnnotations(moved, file === undefined ? {} : { file });
    expect(first?.file).toBe(expected);
  });

  it('titles and explains annotations in Chinese with lang zh-CN', () => {
    const annotations = reportAnnotations(report, { lang: 'zh-CN' });
    const gone = annotations.find((annotation) => annotation.title.endsWith('numpy-guide'));
    expect(gone).toMatchObject({
      title: '失效：numpy-guide',
      message: 'https://numpy.example.test/doc/user/: HTTP 404：页面不存在',
    });
    const moved = annotations.find((annotation) => annotation.title === '已迁移：khan-calculus');
    expect(moved?.message).toContain('已永久迁移到 https://khan.example.test/calculus');
  });

  it('says nothing about a clean report', () => {
    const clean: Report = {
      ...report,
      results: report.results
        .filter((result) => result.outcome.status === 'ok' || result.outcome.status === 'skipped')
        .map((result) => ({
          ...result,
          mirrors: result.mirrors.filter((mirror) => mirror.outcome.status === 'ok'),
        })),
    };
    expect(reportAnnotations(clean)).toEqual([]);
  });
});

describe('renderJobSummary', () => {
  const summary = renderJobSummary(report, { failing: BROKEN_OR_UNREACHABLE });

  it.each([
    '### curate check: 大语言模型(LLM)入门学习路线 (global)',
    '| | ok | redirected | broken | unreachable | unverified | skipped | total |',
    '| resources | 5 | 3 | 2 | 1 | 1 | 1 | 13 |',
    '| mirrors | 2 | 1 | 1 | 1 | 0 | 0 | 5 |',
    '**Failing (5)**',
    '- `roadmap.yaml:45` **NumPy 用户指南** (numpy-guide): broken: HTTP 404: the page is gone `https://numpy.example.test/doc/user/`',
    '**Moved permanently (4): run `curate fix`**',
    '- `roadmap.yaml:28` **Khan Academy - 微积分** (khan-calculus): `http://khan.example.test/calculus` moved to `https://khan.example.test/calculus`',
  ])('has the line %j', (line) => {
    expect(summary.split('\n')).toContain(line);
  });

  it('speaks Chinese with lang zh-CN, keeping ids, URLs and the table shape', () => {
    const lines = renderJobSummary(report, { lang: 'zh-CN', failing: BROKEN_OR_UNREACHABLE }).split(
      '\n',
    );
    expect(lines).toContain('### curate 检查：大语言模型(LLM)入门学习路线（检测位置：global）');
    expect(lines).toContain('| | 正常 | 已迁移 | 失效 | 无法访问 | 未验证 | 未检查 | 合计 |');
    expect(lines).toContain('| 资源 | 5 | 3 | 2 | 1 | 1 | 1 | 13 |');
    expect(lines).toContain('**失败（5）**');
    expect(lines).toContain(
      '- `roadmap.yaml:45` **NumPy 用户指南** (numpy-guide): 失效: HTTP 404：页面不存在 `https://numpy.example.test/doc/user/`',
    );
    expect(lines).toContain('**已永久迁移（4）：运行 `curate fix` 改地址**');
  });

  it('lists the findings that are neither failing nor moved, as their annotations do', () => {
    const lines = summary.split('\n');
    expect(lines).toContain('**Also worth a look (1)**');
    expect(
      lines.filter((line) => line.includes('(illustrated-transformer): unverified')),
    ).toHaveLength(1);
    expect(summary).not.toContain('GitHub shows');
  });

  it('says when GitHub will not show every annotation, and still lists every finding', () => {
    const broken = report.results.find((result) => result.id === 'numpy-guide')!;
    const extra = Array.from({ length: 11 }, (_, index) => ({ ...broken, id: `extra-${index}` }));
    const lines = renderJobSummary({ ...report, results: [...report.results, ...extra] }).split(
      '\n',
    );
    expect(lines.filter((line) => /\(extra-\d+\): broken/.test(line))).toHaveLength(11);
    expect(lines.find((line) => line.startsWith('> GitHub shows 10 annotations'))).toMatch(
      // The fixture's 3 broken links and the 11 copies; the default fails broken only.
      /more errors \(14\): every finding is listed above/,
    );
  });

  it('cuts long lists', () => {
    const lines = renderJobSummary(report, { maxListed: 2, failing: BROKEN_OR_UNREACHABLE }).split(
      '\n',
    );
    expect(lines).toContain('- …and 3 more');
    expect(lines).toContain('- …and 2 more');
  });

  const networkDown = { status: 'skipped', reason: 'network-down' } as const;
  const downFrom = (from: number): Report['results'] =>
    report.results.map((result, index) =>
      index < from
        ? result
        : {
            ...result,
            outcome: networkDown,
            mirrors: result.mirrors.map((mirror) => ({ ...mirror, outcome: networkDown })),
          },
    );
  it.each<[string, Partial<Report>, string]>([
    ['a partial run', { partial: true }, '> **Partial run:** not every link was checked.'],
    [
      'a dead network',
      { partial: true, networkDown: { message: 'no host answered' }, results: downFrom(0) },
      '> **Not checked:** 18 of 18 links not checked (the network was unavailable: no host answered).',
    ],
    [
      'a merge with one network-down shard',
      { partial: true, networkDown: { message: 'no host answered' }, results: downFrom(10) },
      '> **Partly checked:** 3 of 17 links not checked (the network was unavailable: no host answered).',
    ],
  ])('warns about %s', (_, change, line) => {
    expect(renderJobSummary({ ...report, ...change }).split('\n')).toContain(line);
  });

  it('does not say "Nothing is failing" of links it did not check', () => {
    const down = { ...report, partial: true, results: downFrom(0) };
    expect(renderJobSummary(down)).toContain('\nNothing is known to fail: no link was checked.\n');
    expect(renderJobSummary(down)).not.toContain('Nothing is failing');
  });

  it('keeps roadmap text from becoming Markdown', () => {
    const [first, ...rest] = report.results;
    const outcome = { status: 'broken' as const, reason: 'http-404' as const, httpStatus: 404 };
    const tricky = { ...first!, outcome, title: 'a <b>|*x*|</b> [l](u)' };
    const text = renderJobSummary({ ...report, results: [tricky, ...rest] });
    expect(text).toContain('**a \\<b\\>\\|\\*x\\*\\|\\</b\\> \\[l\\](u)**');
  });

  it('says so when nothing fails', () => {
    expect(renderJobSummary(report, { failing: new Set() })).toContain('\nNothing is failing.\n');
    expect(summary).not.toContain('Nothing is failing.');
  });
});
