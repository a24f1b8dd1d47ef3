/**
 * `curate mirrors`' table in both languages: the same entries rendered in zh-CN read as Chinese
 * sentences, with none of the English catalog's words left over, and in en as before.
 */
import { describe, expect, it } from 'vitest';
import type { Lang } from '../i18n/index.js';
import { renderMirrorsTable } from './render.js';
import type { MirrorsEntry, RankedCandidate } from './schema.js';

function candidate(overrides: Partial<RankedCandidate>): RankedCandidate {
  return {
    url: 'https://www.bilibili.com/video/BV1aa',
    platform: 'bilibili',
    finder: 'bilibili',
    strength: 'strong',
    standing: 'matched-by-evidence',
    isOfficial: false,
    evidence: ['duration 19:18 vs 19:19 on YouTube', 'title matches (92%)'],
    facts: [
      { kind: 'duration', seconds: 1158, originalSeconds: 1159 },
      { kind: 'title', isMatch: true, percent: 92 },
    ],
    check: { status: 'ok', access: 'open' },
    note: 'found by curate mirrors',
    ...overrides,
  };
}

/** Every kind of line: each search answer, each standing, both kinds of rejection. */
const ENTRIES: readonly MirrorsEntry[] = [
  {
    resourceId: '3b1b-nn',
    region: 'cn',
    url: 'https://www.youtube.com/watch?v=aircAruvnKk',
    title: 'But what is a neural network?',
    searches: [{ finder: 'bilibili', result: 'searched', candidates: 4 }],
    candidates: [
      candidate({ variant: '中文字幕' }),
      // A mirrors.json written before `facts`: its English sentences are shown as written.
      candidate({
        url: 'https://www.bilibili.com/video/BV1bb',
        standing: 'suggestion',
        evidence: ['duration 1158 s (original 1159 s)'],
        facts: undefined,
      }),
      candidate({
        url: 'https://www.bilibili.com/video/BV1cc',
        standing: 'rejected',
        rejectedBecause: 'check said broken (video-removed)',
        check: { status: 'broken', reason: 'video-removed', access: 'open' },
      }),
      candidate({
        url: 'https://www.bilibili.com/video/BV1dd',
        standing: 'rejected',
        rejectedBecause: 'not open in the region (vpn)',
        check: { status: 'ok', access: 'vpn' },
      }),
    ],
  },
  {
    resourceId: 'busy-talk',
    region: 'cn',
    url: 'https://www.youtube.com/watch?v=busy',
    title: 'A talk',
    searches: [
      {
        finder: 'bilibili',
        result: 'could-not-search',
        reason: 'rate-limited',
        detail: 'search: HTTP 412',
      },
      { finder: 'youtube-original', result: 'searched', candidates: 0 },
    ],
    candidates: [],
  },
  {
    resourceId: 'medium-post',
    region: 'cn',
    url: 'https://medium.com/@someone/post',
    title: 'A post',
    searches: [
      {
        finder: 'no-stable-mirror',
        result: 'no-stable-mirror',
        detail: 'medium.com has no stable mirror; curate proposes no proxy',
      },
    ],
    candidates: [],
  },
];

/** What the entries bring as data (ids, URLs, finder names, the finders' English words). */
const DATA = [
  ...ENTRIES.flatMap((entry) => [
    entry.resourceId,
    entry.url,
    ...entry.searches.flatMap((search) => [
      search.finder,
      ...('detail' in search ? [search.detail] : []),
    ]),
    ...entry.candidates.flatMap((c) => [c.url, ...c.evidence]),
  ]),
].sort((a, b) => b.length - a.length);

/** The output with every data value cut out: what the catalog itself wrote. */
function catalogWords(output: string): string {
  return DATA.reduce((text, value) => text.split(value).join(' '), output);
}

const render = (lang: Lang) => renderMirrorsTable(ENTRIES, lang);

describe('renderMirrorsTable in zh-CN', () => {
  const zh = render('zh-CN');

  it('writes each line as a Chinese sentence with the glossary terms', () => {
    expect(zh).toContain(
      '3b1b-nn（在中国大陆需科学上网）：https://www.youtube.com/watch?v=aircAruvnKk',
    );
    expect(zh).toContain('  bilibili：没能搜索，被限流（search: HTTP 412）');
    expect(zh).toContain('  youtube-original：已搜索，没有找到对得上的副本');
    expect(zh).toContain('  no-stable-mirror：medium.com 没有稳定的镜像，curate 不会推荐代理');
    expect(zh).toContain('  | 结论 | URL | 依据 |');
    expect(zh).toContain(
      '  | 依据充分 | https://www.bilibili.com/video/BV1aa | 中文字幕；时长 19:18，YouTube 原视频 19:19；标题一致（相似度 92%） |',
    );
    expect(zh).toContain(
      '  | 待人工确认 | https://www.bilibili.com/video/BV1bb | duration 1158 s (original 1159 s) |',
    );
    expect(zh).toContain('；检查结果为失效（视频已删除） |');
    expect(zh).toContain('；在中国大陆不能直连（需科学上网） |');
    expect(zh.trimEnd().split('\n').at(-1)).toBe(
      '3 个资源需要镜像：1 个依据充分，1 个有来源没能搜索。',
    );
  });

  it('leaves no English word of its own: only the data is English', () => {
    const own = catalogWords(zh);
    // URL is the one English word Chinese engineers keep (docs/glossary.md); YouTube is a name.
    const names = ['URL', 'YouTube', 'curate', 'medium.com'];
    expect(names.reduce((text, name) => text.split(name).join(' '), own)).not.toMatch(
      /[A-Za-z]{3,}/u,
    );
    // The machine words of mirrors.json are labelled, never printed.
    for (const word of ['matched-by-evidence', 'suggestion', 'rejected', 'rate-limited', 'vpn']) {
      expect(own).not.toContain(word);
    }
  });

  it('says in Chinese that there is nothing to find', () => {
    expect(renderMirrorsTable([], 'zh-CN')).toBe(
      '没有需要找镜像的资源：需科学上网的资源都已有确认过、可直连的镜像。\n',
    );
  });

  it('counts with Intl and leaves out the blocked part when every search was made', () => {
    const many = Array.from({ length: 1200 }, (_, index) => ({
      ...ENTRIES[2]!,
      resourceId: `post-${index}`,
    }));
    expect(renderMirrorsTable(many, 'zh-CN').trimEnd().split('\n').at(-1)).toBe(
      '1,200 个资源需要镜像：0 个依据充分。',
    );
  });
});

describe('renderMirrorsTable in en', () => {
  const en = render('en');

  it('writes the same lines in English', () => {
    expect(en).toContain(
      '3b1b-nn (VPN-only in mainland China): https://www.youtube.com/watch?v=aircAruvnKk',
    );
    expect(en).toContain('  bilibili: could not search: rate-limited (search: HTTP 412)');
    expect(en).toContain('  youtube-original: searched, no copy matched');
    expect(en).toContain('  | standing | url | evidence |');
    expect(en).toContain(
      '  | matched by evidence | https://www.bilibili.com/video/BV1aa | 中文字幕; duration 19:18 vs 19:19 on YouTube; title matches (92%) |',
    );
    expect(en).toContain('; check said broken (the video was removed) |');
    expect(en).toContain('; not open in mainland China (needs a VPN) |');
    expect(en.trimEnd().split('\n').at(-1)).toBe(
      '3 resources need a mirror: 1 matched by evidence, 1 with a search that could not be made.',
    );
    // Its only Chinese is the variant read from the copy's title.
    expect(catalogWords(en).split('中文字幕').join(' ')).not.toMatch(/\p{Script=Han}/u);
  });

  it('agrees a single resource with its verb', () => {
    expect(renderMirrorsTable([ENTRIES[2]!], 'en').trimEnd().split('\n').at(-1)).toBe(
      '1 resource needs a mirror: 0 matched by evidence.',
    );
  });
});
