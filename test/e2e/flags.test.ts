/**
 * Flags and defaults that agree across commands, end to end through the built CLI
 * (`node dist/cli.js`): no command, --fail-on, an interrupted check, reports on stdout.
 * `npm test` builds dist/ first.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { http, HttpResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/schema.js';
import {
  assertCliBuilt,
  localNetworkFlags,
  REPO_ROOT as root,
  runCurate,
  startCurate,
} from '../helpers/cli.js';
import { startWebServer, type WebServer } from '../helpers/web-server.js';
import { readValidReport, expectValidReport } from '../helpers/report-schema.js';

const reportFixture = join(root, 'test', 'fixtures', 'ci', 'report.json');

const page = (title: string) =>
  HttpResponse.html(
    `<!doctype html><html><head><title>${title}</title></head><body></body></html>`,
  );

/** Resolves when the request for /slow reaches the server, which then never answers it. */
let slowArrived: () => void = () => undefined;

let server: WebServer;
let workDir: string;

beforeAll(async () => {
  assertCliBuilt();
  server = await startWebServer(
    [
      http.get('https://fast.example.test/a', () => page('A')),
      http.get('https://slow.example.test/first', () => page('First')),
      http.get('https://slow.example.test/never', () => page('Never')),
    ],
    {
      tls: 'valid',
      // Holds /slow open: the check of it is in flight for as long as the test wants.
      raw: (request) => {
        if (request.url !== '/slow') return false;
        slowArrived();
        return true;
      },
    },
  );
  workDir = await mkdtemp(join(tmpdir(), 'curate-flags-'));
  await writeFile(join(workDir, 'slow.yaml'), SLOW_ROADMAP);
});

afterAll(async () => {
  await server.close();
  await rm(workDir, { recursive: true, force: true });
});

/** A roadmap whose slow.example.test resources are checked one at a time, in this order. */
const SLOW_ROADMAP = `version: 1
title: interrupt roadmap
sections:
  - id: '1'
    title: one
    resources:
      - { id: slow-first, title: First, url: 'https://slow.example.test/first', kind: article }
      - { id: fast-a, title: A, url: 'https://fast.example.test/a', kind: article }
      - { id: slow, title: Slow, url: 'https://slow.example.test/slow', kind: article }
      - { id: never, title: Never, url: 'https://slow.example.test/never', kind: article }
`;

function localFlags(): string[] {
  return localNetworkFlags(server.port, ['fast.example.test', 'slow.example.test']);
}

async function readReport(dir: string): Promise<Report> {
  return await readValidReport(join(dir, 'report.json'));
}

describe('curate with no command', () => {
  it('prints the help on stderr and exits 2, as a usage error; --help prints it on stdout, exit 0', async () => {
    const bare = await runCurate([], { cwd: root });
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe('');
    expect(bare.stderr).toMatch(/^Usage: curate /m);
    expect(bare.stderr).toMatch(/^error: no command given/m);

    const help = await runCurate(['--help'], { cwd: root });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: curate /m);
  });
});

describe('--fail-on', () => {
  it.each([
    [
      'check',
      ['check', join(root, 'test/fixtures/roadmaps/e2e.yaml'), '--offline', '-o', 'never-written'],
    ],
    ['diff', ['diff', reportFixture, reportFixture]],
    ['history', ['history', reportFixture, '--history', 'never-written.json']],
  ])('%s refuses a reason its status never has, with exit 2', async (_name, args) => {
    const run = await runCurate([...args, '--fail-on', 'broken:http-44'], { cwd: workDir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--fail-on: "http-44" is not a reason of broken.');
    expect(run.stderr).toMatch(/hint: Did you mean broken:http-404\?/);
  });
});

describe('results on stdout', () => {
  const offline = (...args: string[]) =>
    runCurate(['check', join(root, 'test/fixtures/roadmaps/e2e.yaml'), '--offline', ...args], {
      cwd: workDir,
    });

  it('check -o - prints report.json alone on stdout, says the rest on stderr, and makes no directory "-"', async () => {
    const run = await offline('-o', '-');
    expect(run.code).toBe(0);
    const report = expectValidReport(JSON.parse(run.stdout));
    expect(report.summary.skipped).toBe(report.summary.total);
    expect(run.stderr).toContain('12 resources (not checked): 12 skipped.');
    expect(run.stderr).not.toContain('wrote ');
    await expect(readFile(join(workDir, '-', 'report.json'))).rejects.toThrow(/ENOENT/);
  });

  it('merge -o - prints the merged report.json alone on stdout and makes no directory "-"', async () => {
    const out = join(workDir, 'merge-input');
    expect((await offline('-o', out)).code).toBe(0);
    const run = await runCurate(['merge', join(out, 'report.json'), '-o', '-'], { cwd: workDir });
    expect(run.code).toBe(0);
    const report = expectValidReport(JSON.parse(run.stdout));
    expect(report.summary.total).toBe(12);
    expect(run.stderr).toContain('merged 1 report');
    expect(run.stderr).not.toContain('wrote ');
    await expect(readFile(join(workDir, '-', 'report.json'))).rejects.toThrow(/ENOENT/);
  });

  it('check --format json prints the report it writes to --out', async () => {
    const out = join(workDir, 'json-out');
    const run = await offline('--format', 'json', '-o', out);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(
      JSON.parse(await readFile(join(out, 'report.json'), 'utf8')),
    );
    expect(run.stderr).toContain(`wrote ${join(out, 'report.json')}`);
  });

  it('check -o - with another --format is a usage error', async () => {
    const run = await offline('-o', '-', '--format', 'github');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      '-o - writes report.json to stdout, which --format github also uses.',
    );
  });

  it('diff spells it --format; --json still works, with a notice on stderr', async () => {
    const formatted = await runCurate(['diff', reportFixture, reportFixture, '--format', 'json'], {
      cwd: workDir,
    });
    const deprecated = await runCurate(['diff', reportFixture, reportFixture, '--json'], {
      cwd: workDir,
    });
    expect(formatted.code).toBe(0);
    expect(JSON.parse(formatted.stdout)).toMatchObject({ schemaVersion: 1 });
    expect(formatted.stderr).toBe('');
    expect(deprecated.stdout).toBe(formatted.stdout);
    expect(deprecated.stderr).toBe('warning: --json is deprecated; use --format json.\n');
  });
});

describe('history --format json', () => {
  it('prints the new, persistent and recovered links as JSON alone; the issue file line goes to stderr', async () => {
    const run = await runCurate(
      [
        'history',
        reportFixture,
        '--history',
        join(workDir, 'history.json'),
        '--tracking-issue',
        join(workDir, 'issue.md'),
        '--format',
        'json',
      ],
      { cwd: workDir },
    );
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(printed).toMatchObject({ shouldBeOpen: false, persistent: [], recovered: [] });
    expect((printed.newFailures as unknown[]).length).toBeGreaterThan(0);
    expect(run.stderr).toContain('the tracking issue should be closed.');
  });
});

describe('a private target', () => {
  it('names --allow-private in its detail and is counted in the summary', async () => {
    const out = join(workDir, 'private');
    const flags = localFlags().filter((flag) => flag !== '--allow-private');
    const run = await runCurate(
      ['check', join(workDir, 'slow.yaml'), '-o', out, '--only', 'fast-a,slow-first', ...flags],
      { cwd: workDir },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '2 links were skipped for a private or local address; --allow-private checks them.',
    );
    const report = await readReport(out);
    const outcome = report.results[0]?.outcome;
    expect(outcome).toMatchObject({ status: 'skipped', reason: 'private-address' });
    expect(outcome && 'detail' in outcome ? outcome.detail : '').toMatch(
      /unless --allow-private is given$/,
    );
  });
});

describe('Ctrl-C during a check', () => {
  it('exits 130 and reports the link in flight interrupted, the one never begun not started', async () => {
    const roadmap = join(workDir, 'slow.yaml');
    const out = join(workDir, 'interrupted');
    const arrived = new Promise<void>((resolve) => {
      slowArrived = resolve;
    });
    // One request at a time on slow.example.test: /slow is in flight, /never waits behind it.
    const running = startCurate(
      ['check', roadmap, '-o', out, '--per-host', '1', '--timeout', '10m', ...localFlags()],
      { cwd: workDir },
    );
    await Promise.race([arrived, running.exited]);
    running.kill('SIGINT');
    const run = await running.exited;

    expect(run.code).toBe(130);
    expect(run.stderr).toContain('Interrupted: finishing the reports with what is done');
    const report = await readReport(out);
    expect(report.partial).toBe(true);
    expect(
      Object.fromEntries(report.results.map((result) => [result.id, result.outcome.reason])),
    ).toEqual({ 'slow-first': 'ok', 'fast-a': 'ok', slow: 'interrupted', never: 'not-started' });
    const markdown = await readFile(join(out, 'report.md'), 'utf8');
    expect(markdown).toContain('the check was in flight when the run was interrupted');
    expect(markdown).toContain('the run was interrupted before starting it');
  });
});
