/**
 * `--reports`, end to end: the built CLI writes the report files the flag names (report.json
 * always), for `check` and `merge` alike; the SARIF it writes validates against the official
 * schema and points at the URL's columns; an unknown format is a usage error.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { http, HttpResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, REPO_ROOT as root, runCurate } from '../helpers/cli.js';
import { htmlPage } from '../helpers/responses.js';
import { validateSarif } from '../helpers/sarif-schema.js';
import { startWebServer, type WebServer } from '../helpers/web-server.js';

const ROADMAP = `version: 1
title: 报告 & <formats>
sections:
  - id: "1"
    title: 基础 "one"
    resources:
      - { id: guide, title: 指南 & Guide, url: "https://docs.example.test/guide", kind: docs }
      - id: gone
        title: Gone
        url: https://docs.example.test/gone
        kind: article
        mirrors:
          - { url: "https://mirror.example.test/gone", platform: bilibili }
`;

const handlers = [
  http.get('https://docs.example.test/guide', () => htmlPage('Guide')),
  http.get('https://docs.example.test/gone', () => new HttpResponse('nope', { status: 404 })),
  http.get('https://mirror.example.test/gone', () => htmlPage('Mirror')),
];

let server: WebServer;
let dir: string;

beforeAll(async () => {
  assertCliBuilt();
  server = await startWebServer(handlers, { tls: 'valid' });
  dir = await mkdtemp(join(tmpdir(), 'curate-reports-'));
  await writeFile(join(dir, 'roadmap.yaml'), ROADMAP);
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

function network(): string[] {
  return [
    '--allow-private',
    '--ca-file',
    join(root, 'test', 'fixtures', 'tls', 'ca.pem'),
    '--retries',
    '0',
    ...['docs.example.test', 'mirror.example.test'].flatMap((name) => [
      '--connect-to',
      `${name}:443:127.0.0.1:${server.port}`,
    ]),
  ];
}

type SarifResult = {
  ruleId: string;
  level: string;
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string };
      region: { startLine: number; startColumn?: number; endColumn?: number };
    };
  }[];
};

async function readSarif(path: string): Promise<SarifResult[]> {
  const log = JSON.parse(await readFile(path, 'utf8')) as { runs: { results: SarifResult[] }[] };
  expect(validateSarif(log)).toBe(true);
  return log.runs[0]!.results;
}

describe('--reports', () => {
  it('check writes the named files plus report.json; SARIF and JUnit find the broken link', async () => {
    const run = await runCurate(
      ['check', 'roadmap.yaml', '-o', 'out', '--reports', 'md,sarif,junit', ...network()],
      { cwd: dir },
    );
    expect(run.code, `stderr: ${run.stderr}`).toBe(1);
    expect((await readdir(join(dir, 'out'))).sort()).toEqual([
      'report.json',
      'report.junit.xml',
      'report.md',
      'report.sarif',
    ]);
    expect(run.stdout).toContain(`wrote ${join('out', 'report.sarif')}`);
    const results = await readSarif(join(dir, 'out', 'report.sarif'));
    expect(results).toHaveLength(1);
    const [gone] = results;
    expect(gone!.ruleId).toBe('broken/http-404');
    expect(gone!.level).toBe('error');
    const { artifactLocation, region } = gone!.locations[0]!.physicalLocation;
    expect(artifactLocation.uri).toBe('roadmap.yaml');
    const line = ROADMAP.split('\n')[region.startLine - 1]!;
    expect(line.slice(region.startColumn! - 1, region.endColumn! - 1)).toBe(
      'https://docs.example.test/gone',
    );
    const junit = await readFile(join(dir, 'out', 'report.junit.xml'), 'utf8');
    expect(junit).toContain('<testsuite name="1 基础 &quot;one&quot;" tests="3" failures="1"');
    expect(junit).toContain('name="指南 &amp; Guide (guide)"');
  });

  it('merge writes the same selection, reading the roadmap for the columns', async () => {
    const run = await runCurate(
      [
        'merge',
        join('out', 'report.json'),
        '-o',
        'merged',
        '--reports',
        'junit,sarif',
        '--fail-on',
        'none',
      ],
      { cwd: dir },
    );
    expect(run.code, `stderr: ${run.stderr}`).toBe(0);
    expect((await readdir(join(dir, 'merged'))).sort()).toEqual([
      'report.json',
      'report.junit.xml',
      'report.sarif',
    ]);
    const [gone] = await readSarif(join(dir, 'merged', 'report.sarif'));
    // --fail-on none: nothing is an error, the 404 still warns.
    expect(gone!.level).toBe('warning');
    expect(gone!.locations[0]!.physicalLocation.region.startColumn).toBeGreaterThan(1);
    const junit = await readFile(join(dir, 'merged', 'report.junit.xml'), 'utf8');
    expect(junit).not.toContain('<failure');
  });

  it('without the flag writes report.json, report.md and report.html, and no SARIF or JUnit', async () => {
    const run = await runCurate(['check', 'roadmap.yaml', '-o', 'plain', '--offline'], {
      cwd: dir,
    });
    expect(run.code, `stderr: ${run.stderr}`).toBe(0);
    expect(existsSync(join(dir, 'plain', 'report.json'))).toBe(true);
    expect(existsSync(join(dir, 'plain', 'report.md'))).toBe(true);
    // The bundled CLI carries the page's style and script: the file is whole.
    const html = await readFile(join(dir, 'plain', 'report.html'), 'utf8');
    expect(html).toContain('<script type="application/json" id="curate-data">');
    expect(html).toMatch(/function render\(\)[\s\S]*<\/script>\n<\/body>\n<\/html>\n$/);
    expect(existsSync(join(dir, 'plain', 'report.sarif'))).toBe(false);
    expect(existsSync(join(dir, 'plain', 'report.junit.xml'))).toBe(false);
  });

  it.each([
    ['check', ['check', 'roadmap.yaml', '--offline', '-o', 'typo']],
    ['merge', ['merge', join('out', 'report.json'), '-o', 'typo']],
  ])('%s refuses an unknown format with exit 2 and the nearest word', async (_, args) => {
    const run = await runCurate([...args, '--reports', 'md,sarf'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--reports: "sarf" is not a report format.');
    expect(run.stderr).toContain('Did you mean sarif?');
    expect(existsSync(join(dir, 'typo'))).toBe(false);
  });
});
