import { describe, expect, it } from 'vitest';
import { reportOf as reportOfResults } from '../../test/helpers/report-fixtures.js';
import {
  formatCodeSpan,
  formatText,
  formatUrl,
  renderMarkdown,
  renderMarkdownChunks,
} from './markdown.js';
import type { MirrorResult, Report, ResourceResult } from './schema.js';

const CHECKED_AT = '2026-11-28T18:01:00.000Z';

function resourceResult(
  id: string,
  section: [string, string],
  fields: Partial<ResourceResult> = {},
): ResourceResult {
  return {
    id,
    sectionId: section[0],
    sectionTitle: section[1],
    title: `Title of ${id}`,
    kind: 'article',
    url: `https://example.test/${id}`,
    line: 10,
    outcome: { status: 'ok', reason: 'ok', httpStatus: 200 },
    redirects: [],
    durationMs: 50,
    checkedAt: CHECKED_AT,
    mirrors: [],
    ...fields,
  };
}

function mirrorResult(fields: Partial<MirrorResult> = {}): MirrorResult {
  return {
    url: 'https://mirror.example.test/video',
    line: 14,
    outcome: { status: 'ok', reason: 'ok', httpStatus: 200 },
    redirects: [],
    durationMs: 50,
    checkedAt: CHECKED_AT,
    platform: 'bilibili',
    confirmed: true,
    ...fields,
  };
}

/** A report of `results` from a roadmap in a folder, with a Chinese title to escape and show. */
function reportOf(results: ResourceResult[], fields: Partial<Report> = {}): Report {
  return reportOfResults(results, {
    roadmap: { path: 'docs/roadmap.yaml', title: 'LLM 学习路线 (2026)' },
    ...fields,
  });
}

const BASICS: [string, string] = ['1.1', 'Basics'];
const MODELS: [string, string] = ['2.1', 'Models & *tokens*'];

/** One of everything the Markdown report has to show. */
function representativeResults(): ResourceResult[] {
  return [
    resourceResult('intro', BASICS, {
      title: 'Intro to LLMs',
      line: 8,
      mirrors: [mirrorResult({ lang: 'zh', note: '中文字幕' })],
    }),
    resourceResult('attention', BASICS, {
      title: 'Attention *Is* All_You Need [v2] <html> | pipe',
      kind: 'paper',
      line: 12,
      outcome: { status: 'broken', reason: 'http-404', httpStatus: 404 },
    }),
    resourceResult('draft', BASICS, {
      url: 'https://example.test/a b (draft)',
      line: 16,
      outcome: { status: 'broken', reason: 'invalid-url', detail: 'Invalid URL' },
    }),
    resourceResult('wiki', BASICS, {
      url: 'https://wiki.example.test/wiki/Transformer_(machine_learning)',
      line: 20,
      outcome: { status: 'ok', reason: 'temporary-redirect', httpStatus: 200 },
      redirects: [
        { url: 'https://wiki.example.test/wiki/Transformer_(machine_learning)', status: 302 },
      ],
    }),
    resourceResult('moved', MODELS, {
      line: 30,
      outcome: {
        status: 'redirected',
        reason: 'permanent-redirect',
        httpStatus: 301,
        finalUrl: 'https://new.example.test/moved',
      },
      redirects: [{ url: 'https://example.test/moved', status: 301 }],
    }),
    resourceResult('slow', MODELS, {
      line: 34,
      outcome: { status: 'unreachable', reason: 'timeout', errorCode: 'UND_ERR_HEADERS_TIMEOUT' },
    }),
    resourceResult('walled', MODELS, {
      line: 38,
      outcome: { status: 'unverified', reason: 'bot-wall', httpStatus: 403 },
      mirrors: [
        mirrorResult({
          line: 40,
          outcome: { status: 'unverified', reason: 'rate-limited', httpStatus: 429 },
        }),
      ],
    }),
    resourceResult('lecture', MODELS, {
      kind: 'video',
      line: 42,
      mirrors: [
        mirrorResult({
          line: 44,
          outcome: { status: 'broken', reason: 'video-removed' },
          confirmed: false,
        }),
        mirrorResult({ line: 45, platform: undefined }),
      ],
    }),
    resourceResult('someday', MODELS, {
      url: null,
      line: 48,
      outcome: { status: 'skipped', reason: 'no-url' },
      durationMs: 0,
    }),
    resourceResult('unreached', MODELS, {
      line: 50,
      outcome: { status: 'skipped', reason: 'interrupted' },
      durationMs: 0,
    }),
  ];
}

describe('renderMarkdown', () => {
  it('streams the same bytes section by section, so the whole text is never one string', () => {
    const report = reportOf(representativeResults(), { partial: true });
    const chunks = [...renderMarkdownChunks(report, 'zh-CN')];

    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.join('')).toBe(renderMarkdown(report, 'zh-CN'));
    expect(chunks.join('').endsWith('\n\n')).toBe(false);
  });

  it('renders a representative partial report', async () => {
    const markdown = renderMarkdown(reportOf(representativeResults(), { partial: true }));

    await expect(markdown).toMatchFileSnapshot('./__snapshots__/markdown.representative.md');
  });

  it('renders the same report in Chinese, explaining the status words and 检测位置 once', async () => {
    const markdown = renderMarkdown(reportOf(representativeResults(), { partial: true }), 'zh-CN');

    await expect(markdown).toMatchFileSnapshot('./__snapshots__/markdown.representative.zh-CN.md');
    const lines = markdown.split('\n');
    expect(lines[0]).toMatch(/^# 链接检查报告：/);
    expect(lines).toContain('## 需要处理');
    expect(lines).toContain('| 状态 | 资源 | 镜像 |');
    expect(markdown.match(/状态说明：/g)).toHaveLength(1);
    expect(markdown.match(/检测位置（vantage）指/g)).toHaveLength(1);
    // The machine words stay out of the prose: no English status word as a label.
    expect(markdown).not.toMatch(/Needs attention|the resource itself|Broken \(/);
  });

  it('opens with the title and one summary sentence', () => {
    const lines = renderMarkdown(reportOf(representativeResults())).split('\n');

    expect(lines.slice(0, 3)).toEqual([
      '# Link report: LLM 学习路线 (2026)',
      '',
      // One link of the representative report is interrupted: the header says so.
      '10 resources and 4 mirrors partly checked from global, 2026-11-28 18:00 UTC: ' +
        '3 ok, 1 redirected, 2 broken, 1 unreachable, 1 unverified, 2 skipped; ' +
        '1 of 13 links not checked (the run was interrupted).',
    ]);
  });

  it('says "checked" only when every link was', () => {
    const results = representativeResults().filter((result) => result.id !== 'unreached');
    expect(renderMarkdown(reportOf(results)).split('\n')[2]).toBe(
      '9 resources and 4 mirrors checked from global, 2026-11-28 18:00 UTC: ' +
        '3 ok, 1 redirected, 2 broken, 1 unreachable, 1 unverified, 1 skipped.',
    );
  });

  it('does not say "checked" of an --offline run, which fetched nothing', () => {
    const offline = { outcome: { status: 'skipped', reason: 'offline' } } as const;
    const report = reportOf([
      resourceResult('a', BASICS, { ...offline, mirrors: [mirrorResult(offline)] }),
      resourceResult('b', BASICS, offline),
    ]);

    expect(renderMarkdown(report).split('\n')[2]).toBe(
      '2 resources and 1 mirror listed without fetching (--offline), 2026-11-28 18:00 UTC: ' +
        '0 ok, 0 redirected, 0 broken, 0 unreachable, 0 unverified, 2 skipped.',
    );
  });

  it.each([
    [0, []],
    [
      2,
      [
        '> 2 ok results reused from the cache (`"cached": true` in report.json), not fetched in this run.',
      ],
    ],
  ])('says when %i results come from the cache', (count, expected) => {
    const results = [
      resourceResult('a', BASICS, { cached: true, mirrors: [mirrorResult({ cached: true })] }),
      resourceResult('b', BASICS),
    ];
    const report = reportOf(count === 0 ? [resourceResult('b', BASICS)] : results);
    const lines = renderMarkdown(report).split('\n');
    expect(lines.filter((line) => line.includes('from the cache'))).toEqual(expected);
  });

  it('says there was nothing to check when no resource was selected', () => {
    const lines = renderMarkdown(reportOf([])).split('\n');
    expect(lines[2]).toBe(
      'Nothing to check: no resource was selected for this run (2026-11-28 18:00 UTC).',
    );
  });

  it('lists broken, then unreachable, then redirected, then unverified, each grouped by section', () => {
    const markdown = renderMarkdown(reportOf(representativeResults()));
    const headings = markdown.split('\n').filter((line) => line.startsWith('###'));

    expect(headings).toEqual([
      '### Broken (2 resources, 1 mirror)',
      '#### 1.1 Basics',
      '#### 2.1 Models & \\*tokens\\*',
      '### Unreachable (1 resource)',
      '#### 2.1 Models & \\*tokens\\*',
      '### Redirected (1 resource)',
      '#### 2.1 Models & \\*tokens\\*',
      '### Unverified (1 resource, 1 mirror)',
      '#### 2.1 Models & \\*tokens\\*',
    ]);
  });

  it('points every entry at its line in the roadmap file', () => {
    const markdown = renderMarkdown(reportOf(representativeResults()));

    expect(markdown).toContain(
      '- **Attention \\*Is\\* All_You Need \\[v2\\] \\<html\\> \\| pipe** (`attention`, roadmap.yaml:12): ' +
        '<https://example.test/attention> — HTTP 404: the page is gone',
    );
    expect(markdown).toContain(
      '- **Title of moved** (`moved`, roadmap.yaml:30): <https://example.test/moved> — ' +
        'moved permanently; use the new URL → <https://new.example.test/moved>',
    );
  });

  it('lists a failing mirror under its resource, with platform and line', () => {
    const lines = renderMarkdown(reportOf(representativeResults())).split('\n');
    const resourceLine = lines.indexOf(
      '- **Title of lecture** (`lecture`, roadmap.yaml:42): the resource itself is ok',
    );

    expect(resourceLine).toBeGreaterThan(lines.indexOf('### Broken (2 resources, 1 mirror)'));
    expect(lines[resourceLine + 1]).toBe(
      '  - mirror (bilibili, unconfirmed, roadmap.yaml:44): <https://mirror.example.test/video> — ' +
        'the video was removed or the account closed',
    );
  });

  it.each([
    ['docs/roadmap.yaml', 'roadmap.yaml:12'],
    ['C:\\work\\roadmap.yml', 'roadmap.yml:12'],
    ['roadmap.yaml', 'roadmap.yaml:12'],
  ])('refers to lines by the file name of %s', (path, expected) => {
    const results = [
      resourceResult('gone', BASICS, {
        line: 12,
        outcome: { status: 'broken', reason: 'http-410', httpStatus: 410 },
      }),
    ];

    expect(renderMarkdown(reportOf(results, { roadmap: { path, title: 'T' } }))).toContain(
      `(\`gone\`, ${expected})`,
    );
  });

  it('leaves the line out when it is unknown', () => {
    const results = [
      resourceResult('gone', BASICS, {
        line: 0,
        outcome: { status: 'broken', reason: 'http-410', httpStatus: 410 },
      }),
    ];

    expect(renderMarkdown(reportOf(results))).toContain('(`gone`, roadmap.yaml): ');
  });

  it('says in one line when nothing needs attention, and lists the rest in collapsed blocks', () => {
    const results = [
      resourceResult('fine', BASICS, { mirrors: [mirrorResult()] }),
      resourceResult('later', BASICS, {
        outcome: { status: 'skipped', reason: 'excluded', detail: 'matches *.pdf' },
      }),
    ];

    const markdown = renderMarkdown(reportOf(results));

    expect(markdown).toContain(
      '## Needs attention\n\nNothing needs attention: no link is broken, unreachable, redirected or unverified.\n\n<details>',
    );
    expect(markdown).toContain('<summary>OK (1 resource, 1 mirror)</summary>');
    expect(markdown).toContain(
      '- Title of fine — <https://example.test/fine>\n  - mirror (bilibili) — <https://mirror.example.test/video>',
    );
    expect(markdown).toContain('<summary>Skipped (1 resource)</summary>');
    expect(markdown).toContain('not checked: excluded by the roadmap settings — matches \\*.pdf');
    expect(markdown).not.toContain('###');
  });

  const networkDown = { outcome: { status: 'skipped', reason: 'network-down' } } as const;
  const interrupted = { outcome: { status: 'skipped', reason: 'interrupted' } } as const;
  it.each<[string, Partial<ResourceResult>, Partial<Report>, string[]]>([
    ['complete', {}, {}, []],
    [
      'interrupted',
      interrupted,
      { partial: true },
      ['This run was interrupted: 1 link not checked.', 'not a verdict on the links'],
    ],
    [
      'network down',
      networkDown,
      { partial: true, networkDown: { message: 'getaddrinfo EAI_AGAIN' } },
      [
        'The network was unavailable (getaddrinfo EAI_AGAIN) for part of this run: 1 link not checked, 1 checked.',
        'not a verdict on the links',
      ],
    ],
  ])(
    'shows a warning banner only when links were not checked: %s',
    (_, second, fields, phrases) => {
      const results = [resourceResult('fine', BASICS), resourceResult('second', BASICS, second)];

      const markdown = renderMarkdown(reportOf(results, fields));

      expect(markdown.includes('> [!WARNING]')).toBe(phrases.length > 0);
      for (const phrase of phrases) expect(markdown).toContain(phrase);
    },
  );

  it('says a network-down run checked nothing, and does not call it "nothing needs attention"', () => {
    const results = [
      resourceResult('a', BASICS, networkDown),
      resourceResult('b', BASICS, { ...networkDown, mirrors: [mirrorResult(networkDown)] }),
    ];
    const markdown = renderMarkdown(
      reportOf(results, { partial: true, networkDown: { message: 'none of 2 hosts answered' } }),
    );

    expect(markdown.split('\n')[2]).toBe(
      '2 resources and 1 mirror not checked from global, 2026-11-28 18:00 UTC: ' +
        '0 ok, 0 redirected, 0 broken, 0 unreachable, 0 unverified, 2 skipped; ' +
        '3 of 3 links not checked (the network was unavailable).',
    );
    expect(markdown).toContain(
      '> The network was unavailable (none of 2 hosts answered), so the links were not checked.',
    );
    expect(markdown).not.toContain('Nothing needs attention');
    expect(markdown).toContain('Nothing is known to need attention: no link was checked.');
  });

  it('says a merge with one network-down shard was partly checked, with counts', () => {
    const broken = { outcome: { status: 'broken', reason: 'http-404', httpStatus: 404 } } as const;
    const results = [
      resourceResult('ok-1', BASICS),
      resourceResult('ok-2', BASICS),
      resourceResult('gone-1', BASICS, broken),
      resourceResult('gone-2', BASICS, broken),
      resourceResult('down-1', BASICS, networkDown),
      resourceResult('down-2', BASICS, networkDown),
    ];
    const markdown = renderMarkdown(
      reportOf(results, { partial: true, networkDown: { message: 'no route to host' } }),
    );

    expect(markdown.split('\n')[2]).toBe(
      '6 resources partly checked from global, 2026-11-28 18:00 UTC: ' +
        '2 ok, 0 redirected, 2 broken, 0 unreachable, 0 unverified, 2 skipped; ' +
        '2 of 6 links not checked (the network was unavailable).',
    );
    expect(markdown).toContain(
      '> The network was unavailable (no route to host) for part of this run: 2 links not checked, 4 checked.',
    );
    expect(markdown).not.toContain('so the links were not checked');
  });

  it('agrees the verb with one resource that needs a mirror', () => {
    const cn = { open: 0, vpn: 1, partial: 0, unknown: 0, covered: [], uncovered: ['walled'] };
    const markdown = renderMarkdown(
      reportOf([resourceResult('walled', BASICS)], { regions: { cn: { ...cn, conflicts: [] } } }),
    );
    expect(markdown).toContain(
      '**Needs a mirror**: 1 resource needs a VPN in cn and has no confirmed mirror open there.',
    );
  });

  it('says "nothing needs attention" only of the links that were checked', () => {
    const results = [resourceResult('fine', BASICS), resourceResult('down', BASICS, networkDown)];
    const markdown = renderMarkdown(reportOf(results, { partial: true }));

    expect(markdown).toContain(
      'Nothing needs attention among the 1 link checked; 1 of 2 links not checked (the network was unavailable).',
    );
  });

  it('still warns about an interrupted run when every link got a result', () => {
    const markdown = renderMarkdown(reportOf([resourceResult('fine', BASICS)], { partial: true }));

    expect(markdown).toContain('> This run was interrupted, so the report may be incomplete.');
  });

  it('shows resource and mirror counts per status in a table', () => {
    const markdown = renderMarkdown(reportOf(representativeResults()));

    expect(markdown).toContain('| broken | 2 | 1 |\n| unreachable | 1 | 0 |');
    expect(markdown).toContain('| **total** | 10 | 4 |');
  });
});

describe('Markdown text helpers', () => {
  it.each([
    ['Plain title', 'Plain title'],
    ['*bold* and `code`', '\\*bold\\* and \\`code\\`'],
    ['[link](x) <b>', '\\[link\\](x) \\<b\\>'],
    ['snake_case stays, _emphasis_ does not', 'snake_case stays, \\_emphasis\\_ does not'],
    ['C# | F#', 'C\\# \\| F\\#'],
    // `#` is escaped anyway, which already keeps `&#169;` from being read as an entity.
    ['Q&A &amp; &#169;', 'Q&A \\&amp; &\\#169;'],
    ['two\nlines\t here ', 'two lines here'],
    ['back\\slash ~strike~', 'back\\\\slash \\~strike\\~'],
  ])('formatText(%j) → %j', (input, expected) => {
    expect(formatText(input)).toBe(expected);
  });

  it.each<[string | null, string]>([
    ['https://example.test/a', '<https://example.test/a>'],
    ['https://en.wikipedia.test/wiki/Foo_(bar)', '<https://en.wikipedia.test/wiki/Foo_(bar)>'],
    ['https://example.test/a b (draft)', '`https://example.test/a b (draft)`'],
    ['www.example.test/no-scheme', '`www.example.test/no-scheme`'],
    ['https://example.test/<x>', '`https://example.test/<x>`'],
    ['https://example.test/a\u0007b', '`https://example.test/a\u0007b`'],
    // Autolinks outrank code spans in CommonMark, so a backtick cannot break one.
    ['https://example.test/`tick`', '<https://example.test/`tick`>'],
    ['https://example.test/a `b`', '`` https://example.test/a `b` ``'],
    [null, 'no URL'],
  ])('formatUrl(%j) → %j', (input, expected) => {
    expect(formatUrl(input)).toBe(expected);
  });

  it.each([
    ['id', '`id`'],
    ['a``b', '``` a``b ```'],
    ['line\nbreak', '`line break`'],
  ])('formatCodeSpan(%j) → %j', (input, expected) => {
    expect(formatCodeSpan(input)).toBe(expected);
  });
});
