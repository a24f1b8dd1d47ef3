/**
 * The CI commands end to end, as the workflows run them: the built CLI against a real HTTPS
 * server on 127.0.0.1 (names mapped with --connect-to), in temporary git repositories.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { http, HttpResponse } from 'msw';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/schema.js';
import {
  assertCliBuilt,
  REPO_ROOT as root,
  runCurate,
  type ProcessRun as CliRun,
} from '../helpers/cli.js';
import { git } from '../helpers/processes.js';
import { htmlPage, movedPermanently } from '../helpers/responses.js';
import { startWebServer, type WebServer } from '../helpers/web-server.js';
import { readValidReport } from '../helpers/report-schema.js';

const caFile = join(root, 'test', 'fixtures', 'tls', 'ca.pem');
const hosts = ['docs.example.test', 'mirror.example.test', 'moved.example.test'];

const curate = (args: readonly string[], cwd: string, env: Record<string, string> = {}) =>
  runCurate(args, { cwd, env });

const ROADMAP = `# CI end-to-end roadmap. Comments and quoting must survive curate fix.
version: 1
title: CI roadmap
regions: [cn]
sections:
  - id: "1"
    title: Basics
    resources:
      - id: guide        # the one everybody reads first
        title: Guide
        url: https://docs.example.test/guide
        kind: docs
      - id: tutorial
        title: Tutorial
        url: https://docs.example.test/tutorial
        kind: course
        mirrors:
          - { url: 'https://mirror.example.test/tutorial', platform: bilibili, lang: zh }
      - { id: moved, title: Moved page, url: "https://moved.example.test/old", kind: article }  # keep me
  - id: "2"
    title: More
    resources:
      - id: flaky
        title: Sometimes down
        url: https://docs.example.test/flaky
        kind: article
`;

const NEW_RESOURCE = `      - id: new-broken
        title: Added by a pull request
        url: https://docs.example.test/missing
        kind: article
`;

let isFlakyBroken = false;
const handlers = [
  http.get('https://docs.example.test/guide', () => htmlPage('Guide')),
  http.get('https://docs.example.test/tutorial', () => htmlPage('Tutorial')),
  http.get('https://docs.example.test/new', () => htmlPage('New home')),
  http.get('https://docs.example.test/flaky', () =>
    isFlakyBroken ? new HttpResponse('gone', { status: 404 }) : htmlPage('Back'),
  ),
  http.get('https://docs.example.test/missing', () => new HttpResponse('nope', { status: 404 })),
  http.get('https://mirror.example.test/tutorial', () => htmlPage('教程')),
  http.get('https://moved.example.test/old', () =>
    movedPermanently('https://docs.example.test/new'),
  ),
];

let server: WebServer;
let workDir: string;
let dir: string;

/** Flags that send every fixture host to the local server and trust the test CA. */
const network = (): string[] => [
  '--allow-private',
  '--ca-file',
  caFile,
  '--retries',
  '0',
  ...hosts.flatMap((name) => ['--connect-to', `${name}:443:127.0.0.1:${server.port}`]),
];

async function readReport(path: string): Promise<Report> {
  return await readValidReport(path);
}

/** Request paths the server saw while `body` ran. */
async function requestsDuring(body: () => Promise<void>): Promise<string[]> {
  const from = server.requests.length;
  await body();
  return server.requests.slice(from).map((request) => request.url);
}

beforeAll(async () => {
  assertCliBuilt();
  server = await startWebServer(handlers, { tls: 'valid' });
  workDir = await mkdtemp(join(tmpdir(), 'curate-ci-e2e-'));
});

afterAll(async () => {
  await server.close();
  await rm(workDir, { recursive: true, force: true });
});

let counter = 0;
/** A new git repository holding ROADMAP in one commit. */
async function newRepository(): Promise<string> {
  counter += 1;
  const repository = join(workDir, `case-${counter}`);
  await git(workDir, 'init', '-q', '-b', 'main', repository);
  await writeFile(join(repository, 'roadmap.yaml'), ROADMAP);
  await git(repository, 'add', 'roadmap.yaml');
  await git(repository, 'commit', '-q', '-m', 'base roadmap');
  return repository;
}

beforeEach(async () => {
  isFlakyBroken = false;
  dir = await newRepository();
});

/** The 1-based line on which `text` starts in `file`. */
function lineOf(file: string, text: string): number {
  return file.slice(0, file.indexOf(text)).split('\n').length;
}

describe('a pull request that adds one broken link (pr.yml)', () => {
  it('annotates that line, fails, writes the job summary, and fetches nothing else', async () => {
    const base = await git(dir, 'rev-parse', 'HEAD');
    // The new resource goes at the end of section 1, between resources that must not be fetched.
    const changed = ROADMAP.replace('  - id: "2"\n', `${NEW_RESOURCE}  - id: "2"\n`);
    await writeFile(join(dir, 'roadmap.yaml'), changed);
    await git(dir, 'commit', '-qam', 'add a resource');
    const summary = join(dir, 'summary.md');

    let result: CliRun | undefined;
    const requests = await requestsDuring(async () => {
      result = await curate(
        [
          'check',
          'roadmap.yaml',
          '--changed-since',
          base,
          '--format',
          'github',
          '-o',
          'out',
          ...network(),
        ],
        dir,
        { GITHUB_STEP_SUMMARY: summary },
      );
    });
    expect(result?.stderr).not.toMatch(/\n\s+at /);
    expect(result?.code).toBe(1);
    const line = lineOf(changed, '        url: https://docs.example.test/missing');
    expect(result?.stdout).toContain(
      `::error file=roadmap.yaml,line=${line},title=broken%3A new-broken::https://docs.example.test/missing: `,
    );
    expect(result?.stdout.match(/^::/gm)).toHaveLength(1);
    expect(requests).toEqual(['https://docs.example.test/missing']);
    expect(await readFile(summary, 'utf8')).toMatch(
      /^### curate check: CI roadmap[\s\S]*Failing \(1\)/,
    );
    const report = await readReport(join(dir, 'out', 'report.json'));
    expect(report.results.map((entry) => entry.id)).toEqual(['new-broken']);
  });

  it('works in a shallow clone once the base commit is fetched, and names an unknown ref', async () => {
    const base = await git(dir, 'rev-parse', 'HEAD');
    await writeFile(
      join(dir, 'roadmap.yaml'),
      ROADMAP.replace('  - id: "2"\n', `${NEW_RESOURCE}  - id: "2"\n`),
    );
    await git(dir, 'commit', '-qam', 'add a resource');
    const clone = join(workDir, `clone-${counter}`);
    await git(workDir, 'clone', '-q', '--depth=1', `file://${dir}`, clone);
    const args = ['check', '--changed-since', base, '-o', 'out', '--quiet', ...network()];

    const missing = await curate(args, clone);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`unknown git ref '${base}': fetch it first`);
    expect(missing.stderr).not.toMatch(/\n\s+at /);

    await git(clone, 'fetch', '-q', '--depth=1', 'origin', base);
    const fetched = await curate(args, clone);
    expect(fetched.code).toBe(1);
    const report = await readReport(join(clone, 'out', 'report.json'));
    expect(report.results.map((entry) => entry.id)).toEqual(['new-broken']);
  });

  it('checks nothing and passes when no url changed (moved and reformatted resources)', async () => {
    const base = await git(dir, 'rev-parse', 'HEAD');
    // Section 2 moved above section 1 and the flow map written out as a block: same data.
    const [head, sectionTwo] = ROADMAP.split('  - id: "2"\n') as [string, string];
    const [preamble, sectionOne] = head.split('sections:\n') as [string, string];
    const reordered = `${preamble}sections:\n  - id: "2"\n${sectionTwo}${sectionOne}`.replace(
      '      - { id: moved, title: Moved page, url: "https://moved.example.test/old", kind: article }  # keep me\n',
      '      - id: moved\n        kind: article\n        url: https://moved.example.test/old\n        title: Moved page\n',
    );
    await writeFile(join(dir, 'roadmap.yaml'), reordered);
    expect((await curate(['validate', 'roadmap.yaml'], dir)).code).toBe(0);

    let result: CliRun | undefined;
    const requests = await requestsDuring(async () => {
      result = await curate(['check', '--changed-since', base, '-o', 'out', ...network()], dir);
    });
    expect(requests).toEqual([]);
    expect(result?.code).toBe(0);
    expect(result?.stderr).toContain('nothing to check');
    expect(result?.stdout).toContain('0 resources: nothing to check.');
    expect((await readReport(join(dir, 'out', 'report.json'))).summary.total).toBe(0);
    expect(await readFile(join(dir, 'out', 'report.md'), 'utf8')).toContain('Nothing to check');
  });
});

/** A report with what changes between runs (times, durations) taken out. */
function withoutTimes(report: Report): unknown {
  return JSON.parse(
    JSON.stringify(report)
      .replace(/"(startedAt|finishedAt|checkedAt)":"[^"]*"/g, '"$1":"<time>"')
      .replace(/"durationMs":[\d.]+/g, '"durationMs":0'),
  );
}

describe('the scheduled audit (audit.yml)', () => {
  it('two shards merged with curate merge equal one unsharded run', async () => {
    const runs = await Promise.all(
      [[], ['--shard', '1/2'], ['--shard', '2/2']].map(async (shard, index) => {
        const out = `out-${index}`;
        const result = await curate(['check', ...shard, '-o', out, '--quiet', ...network()], dir);
        expect(result.code).toBe(0);
        return readReport(join(dir, out, 'report.json'));
      }),
    );
    const [whole, first, second] = runs as [Report, Report, Report];
    const ids = (report: Report) => report.results.map((entry) => entry.id);
    expect(ids(first).length + ids(second).length).toBe(ids(whole).length);
    expect(ids(first).filter((id) => ids(second).includes(id))).toEqual([]);
    const merged = await curate(
      ['merge', 'out-2/report.json', 'out-1/report.json', '-o', 'merged'],
      dir,
    );
    expect(merged.code).toBe(0);
    expect(withoutTimes(await readReport(join(dir, 'merged', 'report.json')))).toEqual(
      withoutTimes(whole),
    );
    expect(merged.stdout).toMatch(/^merged 2 reports \(global\): \d+ resources\.$/m);
    // Each shard records which part it is; the whole run and the merge record none.
    expect([first.shard, second.shard, whole.shard]).toEqual([
      { index: 1, total: 2 },
      { index: 2, total: 2 },
      undefined,
    ]);

    // An incomplete or doubled set is refused, naming the shard; --allow-partial says partial.
    const missing = await curate(['merge', 'out-1/report.json', '-o', 'partial'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('shard 2/2 is missing');
    const doubled = await curate(
      ['merge', 'out-1/report.json', 'out-2/report.json', 'out-1/report.json', '-o', 'partial'],
      dir,
    );
    expect(doubled.code).toBe(2);
    expect(doubled.stderr).toContain('shard 1/2 given twice: out-1/report.json, out-1/report.json');
    const partial = await curate(
      ['merge', 'out-1/report.json', '--allow-partial', '-o', 'partial'],
      dir,
    );
    expect(partial.code).toBe(0);
    expect(partial.stdout).toMatch(
      /^merged 1 report \(global\): .* Partial: shard 2\/2 is missing\.$/m,
    );
    const partialReport = await readReport(join(dir, 'partial', 'report.json'));
    expect(partialReport).toMatchObject({
      partial: true,
      missingShards: [{ vantage: 'global', index: 2, total: 2 }],
    });
    // report.md counts the missing shards; merge's refusal above names them.
    expect(await readFile(join(dir, 'partial', 'report.md'), 'utf8')).toContain(
      'This report is partial: 1 shard is missing',
    );
  });

  it.each([
    ['a report that is not JSON', 'report.json', '{', /report\.json is not a report/],
    [
      'a history that is not a history',
      'reports/history.json',
      '{"links": 1}',
      /history\.json is not a valid history file/,
    ],
  ])('history refuses %s with exit 2 and no stack trace', async (_name, file, text, message) => {
    const result = await curate(['check', '--offline', '-o', 'reports', '--quiet'], dir);
    expect(result.code).toBe(0);
    await writeFile(join(dir, file), text);
    const reportFile = file === 'report.json' ? 'report.json' : 'reports/report.json';
    const history = await curate(['history', reportFile], dir);
    expect(history.code).toBe(2);
    expect(history.stderr).toMatch(message);
    expect(history.stderr).not.toMatch(/\n\s+at /);
  });
});

/**
 * The nightly audit three times over one history: its steps run in order on one repository,
 * one audit each (a CLI run takes seconds on a loaded machine, so not all in one test).
 */
describe('history over three audits (audit.yml): new → persistent (issue opens) → recovered (issue closes)', () => {
  let repository: string;
  beforeAll(async () => {
    repository = await newRepository();
  });

  /** `check` then `history`, as the audit runs them; the check exits 1 while flaky is broken. */
  const audit = async (n: number) => {
    const out = `audit-${n}`;
    const check = await curate(['check', '-o', out, '--quiet', ...network()], repository);
    expect(check.code).toBe(isFlakyBroken ? 1 : 0);
    return curate(
      [
        'history',
        `${out}/report.json`,
        '--history',
        'reports/history.json',
        '--tracking-issue',
        `issue-${n}.json`,
        '--run-url',
        'https://ci.example.test/run/1',
      ],
      repository,
    );
  };
  const issue = async (n: number) =>
    JSON.parse(await readFile(join(repository, `issue-${n}.json`), 'utf8')) as {
      title: string;
      label: string;
      shouldBeOpen: boolean;
      body: string;
    };

  it('audit 1, the flaky link broken: new, and no issue yet', async () => {
    isFlakyBroken = true;
    const first = await audit(1);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/0 persistent, 1 new, 0 recovered/);
    expect(first.stdout).toMatch(/^ {2}new +flaky +broken:http-404/m);
    expect((await issue(1)).shouldBeOpen).toBe(false);
  });

  it('audit 2, still broken: persistent, and the tracking issue opens', async () => {
    isFlakyBroken = true;
    const second = await audit(2);
    expect(second.code).toBe(1);
    expect(second.stdout).toMatch(/1 persistent, 0 new, 0 recovered/);
    const open = await issue(2);
    expect(open).toMatchObject({ shouldBeOpen: true, label: 'link-audit' });
    expect(open.body).toContain('### Failing (1)');
    expect(open.body).toContain('`roadmap.yaml:25`');
  });

  it('audit 3, back: recovered, the issue closes, and history.json kept all three', async () => {
    isFlakyBroken = false;
    const third = await audit(3);
    expect(third.code).toBe(0);
    expect(third.stdout).toMatch(/0 persistent, 0 new, 1 recovered/);
    const closed = await issue(3);
    expect(closed.shouldBeOpen).toBe(false);
    expect(closed.body).toContain('### Recovered (1)');

    const history = JSON.parse(
      await readFile(join(repository, 'reports', 'history.json'), 'utf8'),
    ) as { links: Record<string, { status: string }[]> };
    expect(history.links.flaky?.map((seen) => seen.status)).toEqual(['broken', 'broken', 'ok']);
  });

  it('diff of the first and last audit: the flaky link is fixed; the other way round, it is new', async () => {
    const fixed = await curate(
      ['diff', 'audit-1/report.json', 'audit-3/report.json', '--json'],
      repository,
    );
    expect(fixed.code).toBe(0);
    expect((JSON.parse(fixed.stdout) as { fixed: { key: string }[] }).fixed).toEqual([
      expect.objectContaining({ key: 'flaky' }),
    ]);
    const regressed = await curate(
      ['diff', 'audit-3/report.json', 'audit-1/report.json'],
      repository,
    );
    expect(regressed.code).toBe(1);
    expect(regressed.stdout).toMatch(/^New failures \(1\):\n {2}roadmap\.yaml:25 {2}flaky/m);
  });
});

describe('curate fix', () => {
  const fixed = ROADMAP.replace(
    '"https://moved.example.test/old"',
    '"https://docs.example.test/new"',
  );

  it('--from a report: --dry-run shows the diff, then only the moved URL changes', async () => {
    expect((await curate(['check', '-o', 'reports', '--quiet', ...network()], dir)).code).toBe(0);
    const dry = await curate(['fix', '--from', 'reports/report.json', '--dry-run'], dir);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(
      '-      - { id: moved, title: Moved page, url: "https://moved.example.test/old", kind: article }  # keep me\n' +
        '+      - { id: moved, title: Moved page, url: "https://docs.example.test/new", kind: article }  # keep me\n',
    );
    expect(await readFile(join(dir, 'roadmap.yaml'), 'utf8')).toBe(ROADMAP);

    const applied = await curate(['fix', '--from', 'reports/report.json'], dir);
    expect(applied.code).toBe(0);
    expect(applied.stderr).toContain('roadmap.yaml: updated 1 moved URL.');
    expect(await readFile(join(dir, 'roadmap.yaml'), 'utf8')).toBe(fixed);
  });

  it('without --from, checks first and fixes the same way', async () => {
    let result: CliRun | undefined;
    const requests = await requestsDuring(async () => {
      result = await curate(['fix', 'roadmap.yaml', '-o', 'reports', '--quiet', ...network()], dir);
    });
    expect(result?.code).toBe(0);
    expect(requests).toContain('https://moved.example.test/old');
    expect(await readFile(join(dir, 'roadmap.yaml'), 'utf8')).toBe(fixed);
  });
});

/** Three runs over one cache, in order on one repository, one run each. */
describe('check --cache', () => {
  let repository: string;
  beforeAll(async () => {
    repository = await newRepository();
  });

  /** A check through cache.json that always exits 0, with the flaky link broken. */
  const check = async (out: string, maxAge: string) => {
    isFlakyBroken = true;
    const result = await curate(
      [
        'check',
        '-o',
        out,
        '--cache',
        'cache.json',
        '--max-age',
        maxAge,
        '--quiet',
        '--fail-on',
        'none',
        ...network(),
      ],
      repository,
    );
    expect(result.code).toBe(0);
  };
  const resultIn = async (out: string, id: string) =>
    (await readReport(join(repository, out, 'report.json'))).results.find(
      (entry) => entry.id === id,
    );

  it('a first run asks for every link', async () => {
    const first = await requestsDuring(() => check('first', '1d'));
    expect(first.length).toBeGreaterThanOrEqual(5);
  });

  it('a second run asks nothing for links that were ok, and says the results are cached', async () => {
    const second = await requestsDuring(() => check('second', '1d'));
    // Only the failing link and the permanent redirect (with its hop) are asked again.
    expect(second.sort()).toEqual([
      'https://docs.example.test/flaky',
      'https://docs.example.test/new',
      'https://moved.example.test/old',
    ]);
    const cached = await resultIn('second', 'guide');
    expect(cached).toMatchObject({ outcome: { status: 'ok' }, cached: true });
    expect(cached?.checkedAt).toBe((await resultIn('first', 'guide'))?.checkedAt);
    const flaky = await resultIn('second', 'flaky');
    expect(flaky).toMatchObject({ outcome: { status: 'broken' } });
    expect(flaky).not.toHaveProperty('cached');
  });

  it('an entry older than --max-age is fetched again, and the fresh answer is not marked cached', async () => {
    // The first run's entries are older than 1 ms by now; the pause makes sure of it.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const expired = await requestsDuring(() => check('third', '1ms'));
    expect(expired).toContain('https://docs.example.test/guide');
    expect(await resultIn('third', 'guide')).not.toHaveProperty('cached');
  });
});
