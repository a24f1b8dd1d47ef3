/**
 * Region verdicts end to end on real sockets: one fake internet, checked twice — once directly
 * as the global vantage, once as `--vantage cn` through a proxy playing the firewall (refusing,
 * resetting, hanging, or sending a name to a server with another name's certificate, as a
 * poisoned DNS answer does) — then the two reports merged by `curate merge`.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { http, HttpResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandIo } from '../../src/commands/io.js';
import { mergeCommand } from '../../src/commands/merge.js';
import { resolveOptions, type CurateFlags } from '../../src/options.js';
import type { Report } from '../../src/report/schema.js';
import { parseRoadmap } from '../../src/roadmap/load.js';
import { runCheck } from '../../src/run.js';
import { ANSWER_DEADLINE_MS } from '../helpers/deadlines.js';
import { startProxyServer, type ProxyServer } from '../helpers/proxy-server.js';
import { startWebServer, type WebServer } from '../helpers/web-server.js';
import { readValidReport } from '../helpers/report-schema.js';

const caFile = fileURLToPath(new URL('../fixtures/tls/ca.pem', import.meta.url));

const roadmapText = `
version: 1
title: Region test roadmap
regions: [cn]
sections:
  - id: '1'
    title: Basics
    resources:
      - { id: open-page, title: Open page, kind: article, url: 'https://open.example.test/page' }
      - { id: refused-page, title: Refused page, kind: article, url: 'https://refuse.example.test/page' }
      - { id: reset-page, title: Reset page, kind: article, url: 'https://reset.example.test/page' }
      - { id: hung-page, title: Hung page, kind: article, url: 'https://hang.example.test/page' }
      - { id: poisoned-page, title: Poisoned page, kind: article, url: 'https://poisoned.example.test/page' }
      - { id: dead-page, title: Dead page, kind: article, url: 'https://open.example.test/gone' }
      - id: mirrored-video
        title: Mirrored video
        kind: video
        url: 'https://www.youtube.test/watch?v=mirrored'
        mirrors: [{ url: 'https://www.bilibili.test/video/BV1ok', platform: bilibili }]
      - { id: lone-video, title: Lone video, kind: video, url: 'https://www.youtube.test/watch?v=lone' }
`;

/** A rules file in the shipped format, naming the fake YouTube. */
const rulesYaml = `
region: cn
updated: 2026-11-28
source: tests
rules:
  - { id: youtube-test, match: youtube.test, level: blocked, note: the fake YouTube }
`;

const page = (title: string) =>
  HttpResponse.html(
    `<!doctype html><html><head><title>${title}</title></head><body></body></html>`,
  );

const handlers = [
  http.get('https://open.example.test/page', () => page('Open page')),
  http.get('https://open.example.test/gone', () => new HttpResponse('gone', { status: 404 })),
  http.get('https://refuse.example.test/page', () => page('Refused page')),
  http.get('https://reset.example.test/page', () => page('Reset page')),
  http.get('https://hang.example.test/page', () => page('Hung page')),
  http.get('https://poisoned.example.test/page', () => page('Poisoned page')),
  http.get('https://www.youtube.test/watch', () => page('A video - YouTube')),
  http.get('https://www.bilibili.test/video/BV1ok', () => page('中文字幕版')),
];

const names = [
  'open.example.test',
  'refuse.example.test',
  'reset.example.test',
  'hang.example.test',
  'poisoned.example.test',
  'www.youtube.test',
  'www.bilibili.test',
];

let site: WebServer;
let poisonedAnswer: WebServer;
let firewall: ProxyServer;
let workDir: string;

beforeAll(async () => {
  site = await startWebServer(handlers, { tls: 'valid' });
  // Where the poisoned name points from cn: a server holding another name's certificate.
  poisonedAnswer = await startWebServer([], { tls: 'wrong-host' });
  firewall = await startProxyServer({
    connectTo: new Map([
      ...site.connectTo(...names.filter((name) => name !== 'poisoned.example.test')),
      ...poisonedAnswer.connectTo('poisoned.example.test'),
    ]),
    blockHosts: [
      { host: 'refuse.example.test', style: 'refuse' },
      { host: 'reset.example.test', style: 'reset' },
      { host: 'hang.example.test', style: 'hang' },
      { host: 'youtube.test', style: 'reset' },
    ],
  });
  workDir = await mkdtemp(join(tmpdir(), 'curate-region-'));
  await writeFile(join(workDir, 'rules.yaml'), rulesYaml);
});

afterAll(async () => {
  await Promise.all([site.close(), poisonedAnswer.close(), firewall.close()]);
  await rm(workDir, { recursive: true, force: true });
});

async function check(out: string, flags: CurateFlags): Promise<Report> {
  const loaded = parseRoadmap(roadmapText, 'roadmap.yaml');
  const options = resolveOptions(
    {
      out,
      allowPrivate: true,
      caFile,
      retries: '0',
      regionRules: [join(workDir, 'rules.yaml')],
      ...flags,
    },
    loaded.roadmap.settings,
    {},
  );
  const outcome = await runCheck(loaded, options, {
    toolVersion: 'test',
    now: () => new Date(),
  });
  return outcome.report;
}

const silentIo = (): CommandIo => ({
  stdout: { write: () => true },
  stderr: { write: () => true },
  env: {},
  cwd: workDir,
  toolVersion: 'test',
  interruptSignal: new AbortController().signal,
});

describe('region verdicts from a global and a cn vantage', () => {
  let global: Report;
  let cn: Report;
  let merged: Report;
  let mergeExitCode: number;

  beforeAll(async () => {
    global = await check(join(workDir, 'global'), {
      connectTo: names.map((name) => `${name}:443:127.0.0.1:${site.port}`),
    });
    // The hung page costs the cn run its whole deadline, and every other page must be answered
    // within it: so one generous deadline, never a short one that a loaded machine can miss.
    cn = await check(join(workDir, 'cn'), {
      vantage: 'cn',
      proxy: firewall.url,
      timeout: `${String(ANSWER_DEADLINE_MS)}ms`,
    });
    mergeExitCode = await mergeCommand(
      [join(workDir, 'global', 'report.json'), join(workDir, 'cn', 'report.json')],
      { out: join(workDir, 'merged'), regionRules: [join(workDir, 'rules.yaml')] },
      silentIo(),
    );
    merged = await readValidReport(join(workDir, 'merged', 'report.json'));
  }, ANSWER_DEADLINE_MS + 45_000);

  const verdictOf = (report: Report, id: string) =>
    report.results.find((result) => result.id === id)?.region?.cn;

  it('merges with exit code 0', () => {
    expect(mergeExitCode).toBe(0);
  });

  it('really sent the cn run through the firewall', () => {
    expect(firewall.hostnames()).toEqual(expect.arrayContaining(names));
    expect(firewall.requests.filter((request) => request.isBlocked).length).toBeGreaterThan(0);
  });

  it('sees every page from global', () => {
    expect(
      Object.fromEntries(global.results.map((result) => [result.id, result.outcome.status])),
    ).toEqual({
      'open-page': 'ok',
      'refused-page': 'ok',
      'reset-page': 'ok',
      'hung-page': 'ok',
      'poisoned-page': 'ok',
      'dead-page': 'broken',
      'mirrored-video': 'ok',
      'lone-video': 'ok',
    });
  });

  it('lets rules decide for cn failures in the cn report alone, keeping the observation', () => {
    expect(verdictOf(cn, 'open-page')).toMatchObject({ access: 'open', source: 'observed' });
    const refused = verdictOf(cn, 'refused-page');
    expect(refused).toMatchObject({ access: 'open', source: 'rule' });
    expect(refused?.source === 'rule' ? refused.evidence.observation : '').toMatch(/dead link/);
    expect(verdictOf(cn, 'lone-video')).toMatchObject({ access: 'vpn', source: 'rule' });
  });

  it.each([
    ['refused-page', 'tcp'],
    ['reset-page', 'tcp'],
    ['hung-page', 'tcp'],
    ['poisoned-page', 'dns'],
    ['mirrored-video', 'tcp'],
  ])('merged: %s is vpn, observed, blocking %s', (id, blocking) => {
    expect(verdictOf(merged, id)).toMatchObject({
      access: 'vpn',
      source: 'observed',
      evidence: { vantage: 'cn', comparedWith: 'global', blocking },
    });
  });

  it('merged: an unblocked page is open, observed', () => {
    expect(verdictOf(merged, 'open-page')).toMatchObject({ access: 'open', source: 'observed' });
  });

  it('merged: a link dead everywhere is not a region problem', () => {
    const dead = verdictOf(merged, 'dead-page');
    expect(dead).toMatchObject({ access: 'open', source: 'rule' });
    expect(dead?.source === 'rule' ? dead.evidence.observation : '').toMatch(
      /the link itself is bad/,
    );
  });

  it('merged: keeps the global status and both vantages’ observations', () => {
    expect(merged.vantages).toEqual(['cn', 'global']);
    expect(merged.results.map((result) => result.outcome.status)).toEqual(
      global.results.map((result) => result.outcome.status),
    );
    const reset = merged.results.find((result) => result.id === 'reset-page');
    expect(reset?.observations?.global?.outcome.status).toBe('ok');
    expect(reset?.observations?.cn).toMatchObject({
      outcome: { status: 'unreachable', reason: 'reset' },
    });
  });

  it('merged: a blocked video with a mirror open in cn is covered, one without is not', () => {
    expect(merged.regions?.cn?.covered).toEqual(['mirrored-video']);
    expect(merged.regions?.cn?.uncovered).toEqual([
      'refused-page',
      'reset-page',
      'hung-page',
      'poisoned-page',
      'lone-video',
    ]);
    const mirror = merged.results.find((result) => result.id === 'mirrored-video')?.mirrors[0];
    expect(mirror?.region?.cn).toMatchObject({ access: 'open', source: 'observed' });
  });

  it('merged: report.md lists the uncovered resources and a resource × vantage table', async () => {
    const markdown = await readFile(join(workDir, 'merged', 'report.md'), 'utf8');
    expect(markdown).toContain('## Regions');
    expect(markdown).toMatch(/\*\*Needs a mirror\*\*: \d+ resources need a VPN in cn/);
    expect(markdown).toContain('`lone-video`');
    expect(markdown).toContain('| Resource | cn | global | cn access |');
  });
});
