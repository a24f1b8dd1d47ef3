/**
 * The built CLI, end to end: `node dist/cli.js` (the bundled bin) against real HTTPS servers on 127.0.0.1, with
 * real-looking host names pointed at them by --connect-to and trusted through --ca-file.
 * `npm test` builds dist/ first.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reason } from '../../src/domain.js';
import { ReportSchema, type Report } from '../../src/report/schema.js';
import {
  assertCliBuilt,
  localNetworkFlags as localNetworkFlagsFor,
  REPO_ROOT as root,
  runCurate,
  type ProcessRun,
} from '../helpers/cli.js';
import { E2E_HANDLERS, E2E_HOSTS } from '../helpers/e2e-site.js';
import { startWebServer, type WebServer } from '../helpers/web-server.js';

// Relative to the repository root (the CLI's cwd), as a maintainer types it and as reports record it.
const fixture = (name: string) => `test/fixtures/roadmaps/${name}`;

/** The built CLI, run from the repository root. */
function runCli(args: readonly string[], env: Record<string, string> = {}): Promise<ProcessRun> {
  return runCurate(args, { cwd: root, env });
}

let server: WebServer;
let workDir: string;

beforeAll(async () => {
  assertCliBuilt();
  server = await startWebServer(E2E_HANDLERS, { tls: 'valid' });
  workDir = await mkdtemp(join(tmpdir(), 'curate-e2e-'));
});

afterAll(async () => {
  await server.close();
  await rm(workDir, { recursive: true, force: true });
});

/** Flags that send every fixture host to the local server and trust the test CA. */
function localNetworkFlags(port: number, names = E2E_HOSTS): string[] {
  return localNetworkFlagsFor(port, names);
}

/** Replaces what changes between runs (times, durations) so the reports can be snapshots. */
function stable(text: string): string {
  return text
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z/g, '<time>')
    .replace(/\d{4}-\d\d-\d\d \d\d:\d\d UTC/g, '<time>')
    .replace(/"durationMs": [\d.]+/g, '"durationMs": 0')
    .replace(/"version": "[^"]+"/, '"version": "<version>"');
}

async function readReport(dir: string): Promise<{ json: Report; markdown: string }> {
  const json = ReportSchema.parse(JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')));
  return { json, markdown: await readFile(join(dir, 'report.md'), 'utf8') };
}

describe('curate check', () => {
  it('produces every status word from real servers, exits 1 on broken, and writes both reports', async () => {
    const out = join(workDir, 'all');
    const run = await runCli([
      'check',
      fixture('e2e.yaml'),
      '-o',
      out,
      ...localNetworkFlags(server.port),
    ]);
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/); // never a stack trace
    expect(run.code).toBe(1);

    const { json, markdown } = await readReport(out);
    const byId = new Map(json.results.map((result) => [result.id, result]));
    expect(
      Object.fromEntries(
        [...byId].map(([id, result]) => [id, `${result.outcome.status}:${result.outcome.reason}`]),
      ),
    ).toEqual({
      'paper-ok': 'ok:ok',
      'page-ok': 'ok:ok',
      'page-gone': 'broken:http-404',
      'page-moved': 'redirected:permanent-redirect',
      'page-temp': 'ok:temporary-redirect',
      'soft-404': 'broken:soft-404',
      'bot-wall': 'unverified:bot-wall',
      'server-down': 'unreachable:server-error',
      'missing-fragment': 'broken:missing-fragment',
      excluded: 'skipped:excluded',
      'no-url': 'skipped:no-url',
      duplicate: 'ok:ok',
    });
    expect(byId.get('page-moved')?.outcome).toMatchObject({
      status: 'redirected',
      finalUrl: 'https://ok.example.test/page',
    });
    expect(byId.get('page-moved')?.redirects).toEqual([
      { url: 'https://moved.example.test/old', status: 301 },
    ]);
    expect(
      byId
        .get('page-ok')
        ?.mirrors.map((mirror) => `${mirror.outcome.status}:${mirror.outcome.reason}`),
    ).toEqual(['ok:ok', 'broken:http-404']);
    expect(json.summary).toEqual({
      total: 12,
      ok: 4,
      redirected: 1,
      broken: 3,
      unreachable: 1,
      unverified: 1,
      skipped: 2,
    });
    // Four targets end on /page (two fragments, a temporary and a permanent redirect); the
    // duplicated URL shares its target, the network probe's answer is reused, and the fragment
    // is never sent.
    const pageRequests = server.requests.filter((request) =>
      request.url.startsWith('https://ok.example.test/page'),
    );
    expect(pageRequests.map((request) => request.url)).toEqual([
      'https://ok.example.test/page',
      'https://ok.example.test/page',
      'https://ok.example.test/page',
      'https://ok.example.test/page',
    ]);

    await expect(stable(markdown)).toMatchFileSnapshot('__snapshots__/e2e-report.md');
    await expect(stable(JSON.stringify(json, null, 2))).toMatchFileSnapshot(
      '__snapshots__/e2e-report.json',
    );
  });

  it("writes the e2e fixture's report in Chinese with --lang zh-CN, from the locale too", async () => {
    const out = join(workDir, 'all-zh');
    const fromLocale = join(workDir, 'all-zh-locale');
    const flags = localNetworkFlags(server.port);
    const [run, localeRun] = await Promise.all([
      runCli(['check', fixture('e2e.yaml'), '-o', out, '--lang', 'zh-CN', ...flags]),
      runCli(['check', fixture('e2e.yaml'), '-o', fromLocale, ...flags], { LANG: 'zh_CN.UTF-8' }),
    ]);
    expect([run.code, localeRun.code]).toEqual([1, 1]);
    const { markdown } = await readReport(out);
    await expect(stable(markdown)).toMatchFileSnapshot('__snapshots__/e2e-report.zh-CN.md');
    expect((await readReport(fromLocale)).markdown.split('\n')[0]).toBe(markdown.split('\n')[0]);
  });

  it('--fail-on none exits 0 with the same findings; --only narrows the run', async () => {
    const out = join(workDir, 'only');
    const run = await runCli([
      'check',
      fixture('e2e.yaml'),
      '-o',
      out,
      '--only',
      'page-gone,2',
      '--fail-on',
      'none',
      '--quiet',
      ...localNetworkFlags(server.port),
    ]);
    expect(run).toMatchObject({ code: 0, stdout: '' });
    const { json } = await readReport(out);
    expect(json.results.map((result) => result.id)).toEqual([
      'page-gone',
      'soft-404',
      'bot-wall',
      'server-down',
      'missing-fragment',
      'excluded',
      'no-url',
      'duplicate',
    ]);
  });

  it('refuses loopback targets unless --allow-private', async () => {
    const out = join(workDir, 'private');
    const flags = localNetworkFlags(server.port).filter((flag) => flag !== '--allow-private');
    const run = await runCli([
      'check',
      fixture('e2e.yaml'),
      '-o',
      out,
      '--only',
      'page-gone',
      ...flags,
    ]);
    const { json } = await readReport(out);
    expect(json.results[0]).toMatchObject({
      outcome: { status: 'skipped', reason: 'private-address' },
    });
    expect(run.code).toBe(0);
  });

  it('notices a dead network: one line, every result skipped, reports written, exit 3', async () => {
    const out = join(workDir, 'dead');
    // Every name goes to a closed port on 127.0.0.1: connections are refused, as on a dead link.
    const run = await runCli([
      'check',
      fixture('e2e.yaml'),
      '-o',
      out,
      '--allow-private',
      ...E2E_HOSTS.flatMap((name) => ['--connect-to', `${name}:443:127.0.0.1:9`]),
    ]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(
      /^The network is unavailable: none of 5 hosts could be reached \(ECONNREFUSED\)/m,
    );
    const { json } = await readReport(out);
    expect(json.partial).toBe(true);
    expect(json.networkDown?.message).toContain('could be reached');
    expect(new Set(json.results.map((result) => result.outcome.reason))).toEqual(
      new Set<Reason>(['network-down', 'excluded', 'no-url']),
    );
  });

  it('words the dead network in Chinese on stderr and in every report, from the facts report.json keeps', async () => {
    const out = join(workDir, 'dead-zh');
    const run = await runCli([
      'check',
      fixture('e2e.yaml'),
      '-o',
      out,
      '--lang',
      'zh-CN',
      '--reports',
      'md,json,html,sarif',
      '--allow-private',
      ...E2E_HOSTS.flatMap((name) => ['--connect-to', `${name}:443:127.0.0.1:9`]),
    ]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/^网络不可用：试过的 5 个网站都连不上，错误码 ECONNREFUSED/m);
    const { json, markdown } = await readReport(out);
    expect(json.networkDown).toMatchObject({ hostsTried: 5, failure: 'ECONNREFUSED' });
    expect(markdown).toContain('试过的 5 个网站都连不上，错误码 ECONNREFUSED');
    const sarif = await readFile(join(out, 'report.sarif'), 'utf8');
    expect(sarif).toContain('试过的 5 个网站都连不上，错误码 ECONNREFUSED');
    const html = await readFile(join(out, 'report.html'), 'utf8');
    expect(html).toContain('试过的 5 个网站都连不上，错误码 ECONNREFUSED');
    expect(`${run.stderr}${markdown}${sarif}`).not.toMatch(/hosts could|could not be reached/);
  });

  it('--offline checks nothing and exits 0', async () => {
    const out = join(workDir, 'offline');
    const run = await runCli(['check', fixture('e2e.yaml'), '-o', out, '--offline']);
    expect(run.code).toBe(0);
    const { json } = await readReport(out);
    expect(json.summary.skipped).toBe(json.summary.total);
  });

  it('--offline on the bundled roadmap gives every resource a cn verdict and lists the VPN-only ones without a mirror', async () => {
    const out = join(workDir, 'bundled-offline');
    const run = await runCli(['check', 'roadmap.yaml', '-o', out, '--offline']);
    expect(run.code).toBe(0);
    const { json, markdown } = await readReport(out);
    const withUrl = json.results.filter((result) => result.url !== null);
    const verdicts = withUrl.map((result) => `${result.id}: ${result.region?.cn?.source ?? '-'}`);
    expect(verdicts.filter((verdict) => !/: (rule|declared)$/.test(verdict))).toEqual([]);
    expect(withUrl.filter((result) => result.region?.cn?.access === 'unknown')).toEqual([]);
    const cn = json.regions?.cn;
    const vpnIds = json.results
      .filter((result) => result.region?.cn?.access === 'vpn')
      .map((result) => result.id);
    expect(vpnIds.length).toBeGreaterThan(0);
    expect([...(cn?.covered ?? []), ...(cn?.uncovered ?? [])].sort()).toEqual([...vpnIds].sort());
    // YouTube is blocked in cn and this lecture lists only an unconfirmed Bilibili copy.
    expect(cn?.uncovered).toContain('3b1b-linear-algebra');
    // The bundled roadmap says lang: zh-CN, so its report is Chinese without a flag.
    expect(markdown).toMatch(/\*\*缺镜像\*\*：\d+ 个资源在中国大陆需科学上网/);
    expect(markdown).toContain('`3b1b-linear-algebra`');
    expect(markdown.split('\n')[0]).toBe('# 链接检查报告：大语言模型(LLM)入门学习路线');
  });

  it("--lang en writes the bundled roadmap's report in English over its lang: zh-CN, and the locale does not override the roadmap", async () => {
    const english = join(workDir, 'bundled-offline-en');
    const chinese = join(workDir, 'bundled-offline-locale');
    const [en, zh] = await Promise.all([
      runCli(['check', 'roadmap.yaml', '-o', english, '--offline', '--lang', 'en'], {
        LANG: 'zh_CN.UTF-8',
      }),
      runCli(['check', 'roadmap.yaml', '-o', chinese, '--offline'], { LC_ALL: 'en_US.UTF-8' }),
    ]);
    expect([en.code, zh.code]).toEqual([0, 0]);
    const markdown = (await readReport(english)).markdown;
    expect(markdown).toMatch(/\*\*Needs a mirror\*\*: \d+ resources need a VPN in cn/);
    expect(markdown).toContain('## Needs attention');
    expect((await readReport(chinese)).markdown).toContain('## 需要处理');
    // report.json is the machine contract: the same English words in both.
    const [enJson, zhJson] = await Promise.all([readReport(english), readReport(chinese)]);
    expect(zhJson.json.results.map((result) => result.outcome)).toEqual(
      enJson.json.results.map((result) => result.outcome),
    );
  });

  it('--region-rules adds an AutoProxy list; merge joins a report with itself', async () => {
    const out = join(workDir, 'gfw');
    const list = join(root, 'test', 'fixtures', 'region', 'gfwlist-excerpt.txt');
    const run = await runCli([
      'check',
      fixture('e2e.yaml'),
      '-o',
      out,
      '--offline',
      '--region-rules',
      list,
    ]);
    expect(run.code).toBe(0);
    const merged = join(workDir, 'gfw-merged');
    const merge = await runCli([
      'merge',
      join(out, 'report.json'),
      '-o',
      merged,
      '--region-rules',
      list,
    ]);
    expect(merge.stderr).toBe('');
    expect(merge.code).toBe(0);
    const { json } = await readReport(merged);
    // No rule names the .test hosts: presumed open, after consulting both lists.
    const verdict = json.results.find((result) => result.url !== null)?.region?.cn;
    expect(verdict).toMatchObject({
      access: 'open',
      source: 'rule',
      evidence: { ruleId: 'default-open', list: 'cn.yaml, gfwlist-excerpt.txt' },
    });
  });

  it('merge refuses a file that is not a report, with exit 2', async () => {
    const merge = await runCli(['merge', fixture('e2e.yaml'), '-o', join(workDir, 'bad')]);
    expect(merge.code).toBe(2);
    // The one report reader names the file and what is wrong with it.
    expect(merge.stderr).toMatch(/e2e\.yaml not JSON/);
    expect(merge.stderr).toMatch(/e2e\.yaml is not a report/);
  });

  it('says the same refusal, and an unknown completion shell, in the locale’s Chinese with exit 2', async () => {
    const zh = { LANG: 'zh_CN.UTF-8' };
    const merge = await runCli(['merge', fixture('e2e.yaml'), '-o', join(workDir, 'bad-zh')], zh);
    expect(merge.code).toBe(2);
    expect(merge.stderr).toMatch(/e2e\.yaml 不是 JSON：/);
    expect(merge.stderr).toMatch(
      /e2e\.yaml 不是报告文件。\n提示: 请传入 `curate check` 生成的 report\.json\n$/,
    );
    const completion = await runCli(['completion', 'fish'], zh);
    expect(completion.code).toBe(2);
    expect(completion.stderr).toBe(
      '错误: completion：curate 不支持为 "fish" 生成补全脚本，可选：bash, zsh。\n',
    );
  });
});

describe('curate validate and input errors', () => {
  it.each([
    // The bundled roadmap says lang: zh-CN; --lang en wins over it.
    [
      'a valid roadmap with warnings',
      0,
      ['validate', 'roadmap.yaml', '--lang', 'en'],
      /valid — 0 errors/,
    ],
    [
      'the seed URL with a space',
      1,
      ['validate', fixture('seed-exllama.yaml')],
      /Run%20LLMs\.html/,
    ],
    ['a missing file', 2, ['validate', 'nope.yaml'], /nope\.yaml/],
    ['a missing file for check', 2, ['check', 'nope.yaml'], /nope\.yaml/],
    ['an unknown flag', 2, ['check', '--colour'], /unknown option/],
    ['a bad number', 2, ['check', fixture('e2e.yaml'), '--per-host', 'lots'], /--per-host/],
    [
      'a bad --fail-on',
      2,
      ['check', fixture('e2e.yaml'), '--fail-on', 'brokn'],
      /not a status word/,
    ],
  ])('%s → exit %i', async (_name, code, args, message) => {
    const run = await runCli(args);
    expect(run.code).toBe(code);
    expect(`${run.stdout}${run.stderr}`).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it.each([
    { fixture: 'invalid/unknown-key.yaml', line: 8, column: 9, code: 'unknown-key' },
    { fixture: 'invalid/bad-enum.yaml', line: 13, column: 19, code: 'invalid-value' },
    { fixture: 'invalid/indent-under.yaml', line: 15, column: 8, code: 'yaml-indentation' },
    { fixture: 'invalid/tab.yaml', line: 10, column: 1, code: 'yaml-tab' },
  ])(
    '$code ($fixture) comes out in every format, exit 2',
    async ({ fixture: name, line, column, code }) => {
      const file = fixture(name);
      const [text, json, github] = await Promise.all(
        ['text', 'json', 'github'].map((format) => runCli(['validate', file, '--format', format])),
      );
      for (const run of [text, json, github]) expect(run?.code).toBe(2);
      expect(text?.stdout).toContain(`error: ${file}:${line}:${column} `);
      expect(text?.stdout).toContain(`[${code}]`);
      const body = JSON.parse(json?.stdout ?? '') as { valid: boolean; problems: unknown[] };
      expect(body.valid).toBe(false);
      expect(body.problems).toContainEqual(
        expect.objectContaining({ severity: 'error', code, file, line, column }),
      );
      expect(github?.stdout).toMatch(
        new RegExp(
          `^::error file=${file.replaceAll('.', '\\.')},line=${line},col=${column},title=${code}::`,
          'm',
        ),
      );
    },
  );

  it('names the resource by id and title before its path', async () => {
    const run = await runCli(['validate', fixture('invalid/bad-enum.yaml')]);
    expect(run.stdout).toMatch(
      /^error: \S+:13:19 resource "intro" \(Intro\): "vidoe" is not a valid kind; did you mean "video"\? \[invalid-value\]\n {2}at: sections\[0\]\.sections\[0\]\.resources\[0\]\.kind$/m,
    );
  });

  it('counts the VPN-only resources without a mirror as the offline report does', async () => {
    const out = join(workDir, 'vpn-count');
    const [validate, check] = await Promise.all([
      runCli(['validate', 'roadmap.yaml', '--format', 'json']),
      runCli(['check', 'roadmap.yaml', '-o', out, '--offline']),
    ]);
    expect(check.code).toBe(0);
    const { json } = await readReport(out);
    const needsMirror = (JSON.parse(validate.stdout) as { needsMirror: Record<string, string[]> })
      .needsMirror;
    const uncovered = json.regions?.cn?.uncovered ?? [];
    expect(uncovered.length).toBeGreaterThan(2);
    expect([...(needsMirror.cn ?? [])].sort()).toEqual([...uncovered].sort());
    // In the bundled roadmap's lang: zh-CN.
    const text = await runCli(['validate', 'roadmap.yaml']);
    expect(text.stderr).toContain(
      `${uncovered.length} 个资源在中国大陆需科学上网，且没有在那里可直连的已确认镜像。`,
    );
  });

  it('check prints the lint findings first and exits 1 on a lint error', async () => {
    const run = await runCli([
      'check',
      fixture('lint-errors.yaml'),
      '-o',
      join(workDir, 'lint-errors'),
      '--offline',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^error: \S+:13:13 resource "intro" \(Intro again\): duplicate resource id/m,
    );
    expect(run.stderr).toContain(
      'hint: write it as https://immersivemath.com/ila/learn%20more.html',
    );
  });

  it('prints GitHub annotations on the YAML line for pull requests', async () => {
    const run = await runCli(['validate', fixture('seed-exllama.yaml'), '--format', 'github']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^::error file=.*seed-exllama\.yaml,line=11,col=\d+,title=url-whitespace::/m,
    );
  });
});
