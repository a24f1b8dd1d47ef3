/**
 * The package as a stranger installs it: `npm pack`, then `npm install --omit=dev` of the
 * tarball into an empty project, then `npx curate`. A slower end-to-end test (two npm runs):
 * it proves the tarball holds the bundled bin, rules/ and schema/, installs only the runtime
 * dependencies, and builds nothing on install (`prepare` does not run for a tarball, and with
 * no TypeScript installed a build would fail). npm runs `--offline`, from the cache the
 * checkout's own `npm ci` filled: the test never reaches the registry.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProcess } from '../helpers/cli.js';
import { installTarball, npxCurate, packTarball } from '../helpers/packed-package.js';

const ROADMAP = `version: 1
title: A stranger's roadmap
sections:
  - id: basics
    title: Basics
    resources:
      - { id: guide, title: Guide, url: "https://docs.example.test/guide", kind: docs }
`;

// npm on Windows is npm.cmd, which execFile cannot start without a shell.
describe.skipIf(process.platform === 'win32')('the packed package, installed', () => {
  let dir: string;
  let project: string;
  const npx = (args: string[]) => npxCurate(project, args);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'curate-package-'));
    const tarball = await packTarball(dir);
    project = join(dir, 'stranger');
    await runProcess('mkdir', [project], { cwd: dir });
    await writeFile(join(project, 'package.json'), '{ "name": "stranger", "private": true }\n');
    await writeFile(join(project, 'roadmap.yaml'), ROADMAP);
    await installTarball(project, tarball);
  }, 600_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('ships the bundled bin, rules and schema, and installs no development dependency', async () => {
    const installed = join(project, 'node_modules', 'curate');
    expect(existsSync(join(installed, 'dist', 'cli.js'))).toBe(true);
    expect(existsSync(join(installed, 'rules', 'cn.yaml'))).toBe(true);
    expect(existsSync(join(installed, 'schema', 'report.schema.json'))).toBe(true);
    // The bin and the check worker are one bundle each: the compiled modules and the sources stay home.
    expect(await readdir(join(installed, 'dist'))).toEqual(['cli.js', 'workers']);
    expect(await readdir(join(installed, 'dist', 'workers'))).toEqual(['check-worker.js']);
    expect(existsSync(join(installed, 'src'))).toBe(false);
    for (const tool of ['typescript', 'vitest', 'esbuild', '@actions/cache']) {
      expect({ tool, isInstalled: existsSync(join(project, 'node_modules', tool)) }).toEqual({
        tool,
        isInstalled: false,
      });
    }
  });

  it('runs: --version, validate, check --offline', async () => {
    const version = await npx(['--version']);
    expect(version).toMatchObject({ code: 0, stdout: '0.1.0\n' });
    const validate = await npx(['validate', 'roadmap.yaml']);
    expect({ code: validate.code, stderr: validate.stderr }).toMatchObject({ code: 0 });
    const check = await npx(['check', 'roadmap.yaml', '--offline', '--out', 'reports']);
    expect({ code: check.code, stderr: check.stderr }).toMatchObject({ code: 0 });
    expect(check.stdout).toContain('1 resource (not checked): 1 skipped.');
    expect(existsSync(join(project, 'reports', 'report.json'))).toBe(true);
  }, 120_000);
});
