import { describe, expect, it } from 'vitest';
import { loadReportFixture, readCiFixture } from '../../test/fixtures/ci/fixtures.js';
import { validateSarif } from '../../test/helpers/sarif-schema.js';
import { parseFailOnList } from '../outcome/fail-on.js';
import { REASONS_BY_STATUS } from '../outcome/model.js';
import { FINGERPRINT_KEY, renderSarif, urlColumns } from './sarif.js';
import { EXTRA_FINDINGS } from './finding-texts.js';
import type { Report } from './schema.js';

type SarifLog = {
  $schema: string;
  version: string;
  runs: {
    tool: {
      driver: {
        name: string;
        version: string;
        informationUri: string;
        rules: {
          id: string;
          name: string;
          shortDescription: { text: string };
          fullDescription: { text: string };
          help: { text: string };
          defaultConfiguration: { level: string };
        }[];
      };
    };
    invocations: { executionSuccessful: boolean; toolExecutionNotifications?: unknown[] }[];
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: {
          artifactLocation: { uri: string };
          region: { startLine: number; startColumn?: number; endColumn?: number };
        };
      }[];
      partialFingerprints: Record<string, string>;
    }[];
  }[];
};

const report = loadReportFixture();
const roadmapText = readCiFixture('roadmap.yaml');
const broken = parseFailOnList(['broken']);

function sarifOf(
  input: Report,
  options: Partial<Parameters<typeof renderSarif>[1]> = {},
): SarifLog {
  const text = renderSarif(input, { failOn: broken, roadmapText, ...options });
  const log = JSON.parse(text) as unknown;
  const isValid = validateSarif(log);
  expect(validateSarif.errors ?? []).toEqual([]);
  expect(isValid).toBe(true);
  return log as SarifLog;
}

/** The fixture with a region summary (one uncovered resource, one conflict) and a drifted title. */
function withRegionFindings(): Report {
  const copy = structuredClone(report);
  const [first] = copy.results;
  first!.region = {
    cn: {
      access: 'vpn',
      source: 'rule',
      evidence: { ruleId: 'youtube', list: 'cn.yaml', level: 'blocked', note: 'YouTube' },
    },
  };
  const vllm = copy.results.find((result) => result.id === 'vllm-repo')!;
  vllm.findings = [
    {
      kind: 'title-drift',
      pageTitle: 'Domain for sale',
      reason: 'the page title is a placeholder',
    },
    { kind: 'archived', platform: 'github', since: '2024-05-01T09:00:00Z' },
  ];
  copy.regions = {
    cn: {
      open: 10,
      vpn: 1,
      partial: 0,
      unknown: 0,
      covered: [],
      uncovered: [first!.id],
      conflicts: [
        {
          resourceId: 'hf-course',
          url: copy.results.find((result) => result.id === 'hf-course')!.url,
          line: 80,
          declared: 'open',
          found: 'vpn',
          source: 'rule',
          message: 'declared open in cn, but rule huggingface says vpn',
        },
      ],
    },
  };
  return copy;
}

describe('renderSarif', () => {
  it('is valid SARIF 2.1.0 by the official schema, with a driver GitHub accepts', () => {
    const log = sarifOf(report);
    expect(log.version).toBe('2.1.0');
    const { driver } = log.runs[0]!.tool;
    expect(driver).toMatchObject({
      name: 'curate',
      version: report.tool.version,
      informationUri: 'https://github.com/curate-dev/curate',
    });
    expect(log.runs[0]!.invocations[0]!.executionSuccessful).toBe(true);
  });

  it('is checked by a validator that does reject what breaks the schema', () => {
    const log = JSON.parse(renderSarif(report, { failOn: broken, roadmapText })) as SarifLog;
    log.runs[0]!.results[0]!.level = 'fatal';
    expect(validateSarif(log)).toBe(false);
    expect(validateSarif({ ...log, version: '2.0.0' })).toBe(false);
  });

  it('has one rule per status:reason that can fail and per other finding, each with its texts', () => {
    const { rules } = sarifOf(report).runs[0]!.tool.driver;
    const ids = rules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining([
        'broken/http-404',
        'unreachable/timeout',
        'unverified/bot-wall',
        'redirected/permanent-redirect',
        // Every finding beside the status has its rule, whatever the catalog lists.
        ...EXTRA_FINDINGS,
      ]),
    );
    expect(ids.length).toBe(
      REASONS_BY_STATUS.redirected.length +
        REASONS_BY_STATUS.broken.length +
        REASONS_BY_STATUS.unreachable.length +
        REASONS_BY_STATUS.unverified.length +
        EXTRA_FINDINGS.length,
    );
    expect(ids.some((id) => id.startsWith('ok/') || id.startsWith('skipped/'))).toBe(false);
    const http404 = rules.find((rule) => rule.id === 'broken/http-404')!;
    expect(http404).toMatchObject({
      name: 'BrokenHttp404',
      shortDescription: { text: 'Broken link: HTTP 404: the page is gone' },
      defaultConfiguration: { level: 'error' },
    });
    expect(http404.help.text).toContain('--fail-on broken:http-404');
    for (const rule of rules) {
      expect([rule.id, rule.fullDescription.text, rule.help.text]).not.toContain('');
    }
  });

  it('calls errors exactly what --fail-on counts; other problems warn, unverified ones note', () => {
    const levels = (failOn: string[]) =>
      sarifOf(report, { failOn: parseFailOnList(failOn) }).runs[0]!.results.map(
        (result) =>
          `${result.locations[0]!.physicalLocation.region.startLine} ${result.level} ${result.ruleId}`,
      );
    expect(levels(['broken'])).toEqual([
      '23 error broken/http-404',
      '28 warning redirected/permanent-redirect',
      '45 error broken/http-404',
      '65 warning unreachable/timeout',
      '68 warning redirected/permanent-redirect',
      '72 note unverified/bot-wall',
      '85 warning redirected/permanent-redirect',
      '88 warning unreachable/server-error',
      '96 error broken/soft-404',
      '100 warning redirected/permanent-redirect',
    ]);
    expect(levels(['unreachable', 'unverified:bot-wall'])).toEqual([
      '23 warning broken/http-404',
      '28 warning redirected/permanent-redirect',
      '45 warning broken/http-404',
      '65 error unreachable/timeout',
      '68 warning redirected/permanent-redirect',
      '72 error unverified/bot-wall',
      '85 warning redirected/permanent-redirect',
      '88 error unreachable/server-error',
      '96 warning broken/soft-404',
      '100 warning redirected/permanent-redirect',
    ]);
  });

  it('points at the columns of the URL on its roadmap line, every ruleIndex at its rule', () => {
    const run = sarifOf(report, { file: './roadmap.yaml' }).runs[0]!;
    const lines = roadmapText.split('\n');
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex]!.id).toBe(result.ruleId);
      const { artifactLocation, region } = result.locations[0]!.physicalLocation;
      expect(artifactLocation.uri).toBe('roadmap.yaml');
      const written = lines[region.startLine - 1]!.slice(
        region.startColumn! - 1,
        region.endColumn! - 1,
      );
      expect(result.message.text).toContain(written);
      expect(written).toMatch(/^https?:\/\/\S+[^'"]$/);
    }
    const mirror = run.results[0]!;
    expect(mirror.message.text).toBe(
      'mirror of "3b1b-linear-algebra" (3Blue1Brown - 线性代数的本质): https://bilibili.example.test/video/BV1gone: HTTP 404: the page is gone',
    );
    // `              - url: 'https://…`: the quote is not part of the URL.
    expect(mirror.locations[0]!.physicalLocation.region).toEqual({
      startLine: 23,
      startColumn: 23,
      endColumn: 23 + 'https://bilibili.example.test/video/BV1gone'.length,
    });
  });

  it('places findings by line alone when the roadmap text is not at hand', () => {
    const text = renderSarif(report, { failOn: broken });
    expect(validateSarif(JSON.parse(text))).toBe(true);
    const run = (JSON.parse(text) as SarifLog).runs[0]!;
    expect(run.results[0]!.locations[0]!.physicalLocation.region).toEqual({ startLine: 23 });
  });

  it('keeps every fingerprint when lines above move, and tells links apart', () => {
    const moved = structuredClone(report);
    for (const result of moved.results) {
      result.line += 3;
      for (const mirror of result.mirrors) mirror.line += 3;
    }
    const before = sarifOf(report).runs[0]!.results;
    const after = sarifOf(moved, { roadmapText: `# one\n# two\n# three\n${roadmapText}` }).runs[0]!
      .results;
    const prints = (results: typeof before) =>
      results.map((result) => result.partialFingerprints[FINGERPRINT_KEY]);
    expect(prints(after)).toEqual(prints(before));
    expect(after[0]!.locations[0]!.physicalLocation.region.startLine).toBe(26);
    expect(after[0]!.locations[0]!.physicalLocation.region.startColumn).toBe(23);
    expect(new Set(prints(before)).size).toBe(before.length);
    expect(prints(before)[0]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reports uncovered VPN-only resources, access conflicts and drifted titles', () => {
    const results = sarifOf(withRegionFindings()).runs[0]!.results;
    const extra = results.filter(
      (result) => !/^(broken|unreachable|unverified|redirected)\//.test(result.ruleId),
    );
    expect(extra.map((result) => [result.ruleId, result.level, result.message.text])).toEqual([
      [
        'title-drift',
        'warning',
        'resource "vllm-repo" (vLLM): https://git.example.test/vllm-project/vllm: the page title is "Domain for sale": the page title is a placeholder',
      ],
      [
        'archived',
        'warning',
        'resource "vllm-repo" (vLLM): https://git.example.test/vllm-project/vllm: the repository is archived (read-only, no longer maintained); last changed 2024-05-01',
      ],
      [
        'region/vpn-without-mirror',
        'warning',
        'resource "3b1b-linear-algebra" (3Blue1Brown - 线性代数的本质): https://video.example.test/playlist?list=PLZHQ: needs a VPN in cn (rule youtube (cn.yaml): YouTube) and has no confirmed mirror open there',
      ],
      [
        'region/access-conflict',
        'warning',
        expect.stringContaining('declared open in cn, but rule huggingface says vpn'),
      ],
    ]);
    const vpn = extra[2]!;
    // --fail-on archived makes that finding (and its rule) an error, and nothing else.
    const strict = sarifOf(withRegionFindings(), { failOn: parseFailOnList(['broken,archived']) })
      .runs[0]!;
    const levels = strict.results
      .filter((result) => ['archived', 'title-drift'].includes(result.ruleId))
      .map((result) => [result.ruleId, result.level]);
    expect(levels).toEqual([
      ['title-drift', 'warning'],
      ['archived', 'error'],
    ]);
    const archivedRule = strict.tool.driver.rules.find((rule) => rule.id === 'archived');
    expect(archivedRule?.defaultConfiguration.level).toBe('error');
    expect(vpn.locations[0]!.physicalLocation.region.startLine).toBe(17);
  });

  it('marks a partial run as not successful and says why', () => {
    const down = {
      ...structuredClone(report),
      partial: true,
      networkDown: { message: 'no host answered' },
    };
    const invocation = sarifOf(down).runs[0]!.invocations[0]!;
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications).toEqual([
      { level: 'warning', message: { text: 'no host answered' } },
    ]);
  });
});

describe('urlColumns', () => {
  it.each<[string, string, string, { startColumn: number; endColumn: number } | undefined]>([
    [
      'a plain scalar',
      'url: https://a.test/x',
      'https://a.test/x',
      { startColumn: 6, endColumn: 22 },
    ],
    [
      'a flow map after Chinese text (UTF-16 columns)',
      '- { title: 线性代数, url: "https://a.test/x" }',
      'https://a.test/x',
      { startColumn: 24, endColumn: 40 },
    ],
    ['a URL not on the line', 'title: x', 'https://a.test/x', undefined],
    ['an empty URL', 'url: ""', '', undefined],
  ])('finds %s', (_, line, url, expected) => {
    expect(urlColumns(line, url)).toEqual(expected);
  });
});
