/** What history, fix and import print when they succeed, in zh-CN and en. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureIoIn, ONE_RESOURCE_ROADMAP } from '../../test/helpers/command-errors.js';
import { readCiFixture } from '../../test/fixtures/ci/fixtures.js';
import { useTempDir, writeFileIn } from '../../test/helpers/temp-dir.js';
import type { Lang } from '../i18n/index.js';
import type { Flakiness } from '../report/history.js';
import type { FixResult } from '../roadmap/fix-splice.js';
import { describeFixes } from './fix.js';
import { describeMerge, importCommand } from './import-list.js';
import { mirrorsCommand } from './mirrors.js';
import { describeFlakiness, historyCommand } from './history.js';

let dir: string;
useTempDir('curate-output-zh-', (path) => (dir = path));

describe('history in zh-CN and en', () => {
  const flakiness: Flakiness = {
    persistent: [
      {
        key: 'a',
        since: '2026-01-01T00:00:00Z',
        streak: 3,
        latest: {
          at: '2026-01-03T00:00:00Z',
          vantage: 'global',
          status: 'broken',
          reason: 'http-404',
        },
      },
    ],
    newFailures: [
      {
        key: 'b',
        since: '2026-01-03T00:00:00Z',
        streak: 1,
        latest: {
          at: '2026-01-03T00:00:00Z',
          vantage: 'cn',
          status: 'unreachable',
          reason: 'timeout',
        },
      },
    ],
    recovered: [
      {
        key: 'c',
        since: '2026-01-01T00:00:00Z',
        recoveredAt: '2026-01-03T00:00:00Z',
        latest: { at: '2026-01-03T00:00:00Z', vantage: 'global', status: 'ok', reason: 'ok' },
      },
    ],
  };

  it('words the flakiness summary and its lines', () => {
    expect(describeFlakiness('history.json', 1234, flakiness, 'zh-CN')).toBe(
      [
        'history.json：共 1,234 个链接；持续失败 1 个，新失败 1 个，已恢复 1 个。',
        '  持续失败  a  失效（HTTP 404：页面不存在），自 2026-01-01T00:00:00Z 起（连续 3 次巡检）',
        '  新失败    b  无法访问（响应超时），自 2026-01-03T00:00:00Z 起',
        '  已恢复    c  2026-01-03T00:00:00Z 检查为正常（此前自 2026-01-01T00:00:00Z 起失败）',
        '',
      ].join('\n'),
    );
    expect(describeFlakiness('history.json', 1, flakiness)).toBe(
      [
        'history.json: 1 link; 1 persistent, 1 new, 1 recovered.',
        '  persistent  a  broken:http-404 since 2026-01-01T00:00:00Z (3 runs)',
        '  new         b  unreachable:timeout since 2026-01-03T00:00:00Z',
        '  recovered   c  ok at 2026-01-03T00:00:00Z (failing since 2026-01-01T00:00:00Z)',
        '',
      ].join('\n'),
    );
  });

  it('says whether the tracking issue should be open, in the language asked for', async () => {
    const report = await writeFileIn(dir, 'report.json', readCiFixture('report.json'));
    const wrote = async (lang: Lang) => {
      const io = captureIoIn(dir, lang);
      const issue = join(dir, `issue-${lang}.md`);
      const flags = {
        lang,
        format: 'json',
        trackingIssue: issue,
        history: join(dir, `${lang}.json`),
      };
      await historyCommand(report, flags, io);
      return { issue, err: io.err() };
    };
    const zh = await wrote('zh-CN');
    expect(zh.err).toBe(`已写入 ${zh.issue}：跟踪 issue 应为关闭状态。\n`);
    const en = await wrote('en');
    expect(en.err).toBe(`wrote ${en.issue}: the tracking issue should be closed.\n`);
  });
});

describe('fix in zh-CN and en', () => {
  const moved = { line: 3, from: 'http://a.test/', to: 'https://a.test/' };
  const result: FixResult = {
    text: '',
    edits: [],
    applied: [
      moved,
      { line: 9, from: 'https://gone.test/', to: 'https://web.archive.org/x', keepsOriginal: true },
    ],
    skipped: [
      { fix: { line: 5, from: 'http://b.test/', to: 'https://b.test/' }, reason: 'not-found' },
      { fix: { line: 7, from: 'http://c.test/', to: 'https://c.test/' }, reason: 'block-scalar' },
    ],
  };

  it('words what was updated and why each fix was skipped', () => {
    expect(describeFixes(result, 'roadmap.yaml', false, 'zh-CN')).toBe(
      [
        'roadmap.yaml：已更新 1 个已迁移的 URL，并把 1 个失效 URL 换成存档副本，跳过 2 个。',
        '  跳过 roadmap.yaml:5 http://b.test/ → https://b.test/：这一行已经没有这个 URL 了（生成报告后路线图有改动）',
        '  跳过 roadmap.yaml:7 http://c.test/ → https://c.test/：这个 URL 写成了块标量（| 或 >），请手动修改',
        '',
      ].join('\n'),
    );
    expect(describeFixes(result, 'roadmap.yaml', false)).toBe(
      [
        'roadmap.yaml: updated 1 moved URL and 1 dead URL to their archived copy, skipped 2.',
        '  skipped roadmap.yaml:5 http://b.test/ → https://b.test/: that URL is no longer on that line (the roadmap changed since the report)',
        '  skipped roadmap.yaml:7 http://c.test/ → https://c.test/: the URL is a block scalar (| or >); edit it by hand',
        '',
      ].join('\n'),
    );
  });

  it('says a dry run would update, with nothing skipped', () => {
    const clean = { ...result, applied: [moved, moved], skipped: [] };
    expect(describeFixes(clean, 'r.yaml', true, 'zh-CN')).toBe(
      'r.yaml：将更新 2 个已迁移的 URL。\n',
    );
    expect(describeFixes(clean, 'r.yaml', true)).toBe('r.yaml: would update 2 moved URLs.\n');
  });
});

describe('import in zh-CN and en', () => {
  const LIST = `# Reading

## Basics

- [Intro](https://example.com/intro)
- [Local](./notes.md)
`;
  const imported = async (lang: Lang, flags: { merge?: string; dryRun?: boolean } = {}) => {
    const list = await writeFileIn(dir, 'list.md', LIST);
    const io = captureIoIn(dir, lang);
    await importCommand(list, flags, io);
    return io.err();
  };

  it('words what was imported and the links left out', async () => {
    expect(await imported('zh-CN')).toBe(
      [
        'list.md：已导入 1 个章节、1 个资源和 0 个镜像。',
        '  有 1 个链接不是 http(s) 地址（相对路径、#锚点），没有导入：',
        '    list.md:6  ./notes.md',
        '',
      ].join('\n'),
    );
    expect(await imported('en')).toBe(
      [
        'list.md: imported 1 section, 1 resource and 0 mirrors.',
        '  left out 1 link that is not http(s) (relative paths, #anchors):',
        '    list.md:6  ./notes.md',
        '',
      ].join('\n'),
    );
  });

  it('words what a merge would add and what the list dropped', async () => {
    const roadmap = await writeFileIn(dir, 'roadmap.yaml', ONE_RESOURCE_ROADMAP);
    const flags = { merge: roadmap, dryRun: true };
    const dropped = `  - ${roadmap}:9  a  https://example.com/a  `;
    expect(await imported('zh-CN', flags)).toBe(
      [
        `${roadmap}：将从 list.md 添加 1 个资源（新章节：Basics）；list.md 里已没有的 1 个资源仍然保留。`,
        '  + intro  https://example.com/intro  (list.md:5)',
        `${dropped}（上游列表已删除；确实不需要的话请手动删掉）`,
        '',
      ].join('\n'),
    );
    expect(await imported('en', flags)).toBe(
      [
        `${roadmap}: would add 1 resource from list.md (new sections: Basics); 1 resource list.md no longer has (kept).`,
        '  + intro  https://example.com/intro  (list.md:5)',
        `${dropped}(dropped upstream; delete it by hand if it should go)`,
        '',
      ].join('\n'),
    );
  });

  it('words a resource that must be added by hand', () => {
    const resource = {
      id: 'b',
      title: 'B',
      url: 'https://example.com/b',
      kind: 'article' as const,
    };
    const result = { text: '', edits: [], added: [], addedSections: [], dropped: [] };
    const unplaced = {
      ...result,
      added: [{ resource, line: 4 }],
      unplaced: [{ resource, line: 4 }],
    };
    expect(describeMerge(unplaced, 'list.md', 'r.yaml', false, 'zh-CN')).toBe(
      [
        'r.yaml：已从 list.md 添加 1 个资源；list.md 里已没有的 0 个资源仍然保留。',
        '  + b  https://example.com/b  (list.md:4)',
        '  ! b  https://example.com/b  （list.md:4）：它在 r.yaml 里该放的位置是 flow 风格的列表，请手动添加',
        '',
      ].join('\n'),
    );
    expect(describeMerge(unplaced, 'list.md', 'r.yaml', false)).toBe(
      [
        'r.yaml: added 1 resource from list.md; 0 resources list.md no longer has (kept).',
        '  + b  https://example.com/b  (list.md:4)',
        '  ! b  https://example.com/b  (list.md:4): its place in r.yaml is a flow-style list; add it by hand',
        '',
      ].join('\n'),
    );
  });
});

describe('mirrors in zh-CN and en', () => {
  it("warns of a cache it cannot use with the catalog's label", async () => {
    const roadmap = await writeFileIn(dir, 'roadmap.yaml', readCiFixture('roadmap.yaml'));
    const report = await writeFileIn(dir, 'report.json', readCiFixture('report.json'));
    const warned = async (lang: Lang) => {
      const cache = await writeFileIn(dir, `cache-${lang}.json`, 'not json');
      const io = captureIoIn(dir, lang);
      const flags = { lang, from: report, cache, out: join(dir, lang), quiet: true };
      await mirrorsCommand(roadmap, flags, io, { finders: [] });
      return { cache, err: io.err() };
    };
    const zh = await warned('zh-CN');
    expect(zh.err).toContain(
      `警告: ${zh.cache} 不是 curate 的缓存文件；这次将全部重新检查，并写入新的缓存文件。\n`,
    );
    const en = await warned('en');
    expect(en.err).toContain(
      `warning: ${en.cache} is not a curate cache file; checking everything and writing a new one.\n`,
    );
  });
});
