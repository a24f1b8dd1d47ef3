/**
 * `curate init`: a new roadmap repository whose roadmap validates and whose workflows pass
 * actionlint, and never a file written over one that exists.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURATE_REPOSITORY } from '../../src/curate-repository.js';
import { assertCliBuilt, REPO_ROOT, runCurate, runProcess } from '../helpers/cli.js';

let dir: string;
beforeAll(async () => {
  assertCliBuilt();
  dir = await mkdtemp(join(tmpdir(), 'curate-init-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('curate init', () => {
  it('writes a roadmap that validates, with the schema modeline, and two workflows', async () => {
    const init = await runCurate(['init', 'new-roadmap'], { cwd: dir });
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('created new-roadmap/roadmap.yaml');

    const root = join(dir, 'new-roadmap');
    const roadmap = await readFile(join(root, 'roadmap.yaml'), 'utf8');
    expect(roadmap.split('\n')[0]).toMatch(
      /^# yaml-language-server: \$schema=https:\/\/\S+\/schema\/roadmap\.schema\.json$/,
    );
    expect(roadmap).toContain('title: "new-roadmap"');
    const validated = await runCurate(['validate', 'roadmap.yaml'], { cwd: root });
    expect(validated.stdout + validated.stderr).toMatch(/valid — 0 errors, 0 warnings/);
    expect(validated.code).toBe(0);

    for (const workflow of ['roadmap.yml', 'link-audit.yml']) {
      const text = await readFile(join(root, '.github', 'workflows', workflow), 'utf8');
      expect(text).toContain(`uses: ${CURATE_REPOSITORY}@v1`);
    }
  });

  it('names the repository the README adopts from, as action.yml, release.yml and the changelog do', async () => {
    const init = await runCurate(['init', 'named'], { cwd: dir });
    expect(init.code).toBe(0);
    expect(init.stdout).toContain(`The workflows use ${CURATE_REPOSITORY};`);
    const written = await Promise.all(
      ['roadmap.yaml', '.github/workflows/roadmap.yml', '.github/workflows/link-audit.yml'].map(
        (file) => readFile(join(dir, 'named', file), 'utf8'),
      ),
    );
    const readme = await readFile(join(REPO_ROOT, 'README.md'), 'utf8');
    const adoption = readme.slice(readme.indexOf('\n## GitHub Action\n'));
    const adoptionWorkflows = adoption.slice(0, adoption.indexOf('\n## ', 1));
    // `uses: owner/curate@…`, github.com/owner/curate, raw.githubusercontent.com/owner/curate/…
    const named = (text: string) =>
      [
        ...text.matchAll(/(?:uses: |github\.com\/|githubusercontent\.com\/)([\w.-]+\/curate)\b/g),
      ].map((match) => match[1]);
    expect(named(adoptionWorkflows)).toHaveLength(4);
    expect(named(written.join('\n'))).toHaveLength(5); // the modeline and four steps
    const elsewhere = await Promise.all(
      ['README.md', 'action.yml', 'CHANGELOG.md', '.github/workflows/release.yml'].map((file) =>
        readFile(join(REPO_ROOT, file), 'utf8'),
      ),
    );
    const everyName = new Set([...written, adoptionWorkflows, ...elsewhere].flatMap(named));
    expect(everyName).toEqual(new Set([CURATE_REPOSITORY]));
  });

  it('writes workflows that actionlint passes', async () => {
    const lint = await runProcess(
      process.execPath,
      [
        join(REPO_ROOT, 'scripts', 'lint-workflows.mjs'),
        join(dir, 'new-roadmap', '.github', 'workflows'),
      ],
      { cwd: REPO_ROOT },
    );
    expect(lint.stdout).toMatch(/lint-workflows: 2 workflows, 0 findings/);
    expect(lint.code).toBe(0);
  });

  it('refuses, writing nothing, where any of its files exists (exit 2)', async () => {
    const root = join(dir, 'existing');
    await mkdir(root);
    await writeFile(join(root, 'roadmap.yaml'), 'mine\n');
    const refused = await runCurate(['init'], { cwd: root });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/roadmap\.yaml already exists .*curate init wrote nothing/);
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect(await readFile(join(root, 'roadmap.yaml'), 'utf8')).toBe('mine\n');
    await expect(readFile(join(root, '.github', 'workflows', 'roadmap.yml'))).rejects.toThrow();
  });
});
