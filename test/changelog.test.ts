/** scripts/changelog-notes.mjs gives the release workflow one version's notes, or refuses. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runProcess } from './helpers/cli.js';

const script = join(REPO_ROOT, 'scripts', 'changelog-notes.mjs');
const CHANGELOG = `# Changelog

## [Unreleased]

## [0.2.0] - 2026-12-24

### Added

- The action.

## [0.1.0]

- First.

[0.2.0]: https://github.example.test/compare/v0.1.0...v0.2.0
`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'curate-changelog-'));
  await writeFile(join(dir, 'CHANGELOG.md'), CHANGELOG);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const notes = (version: string, file = join(dir, 'CHANGELOG.md')) =>
  runProcess(process.execPath, [script, version, file], { cwd: dir });

describe('changelog-notes', () => {
  it("prints one version's section without the link references", async () => {
    expect(await notes('0.2.0')).toEqual({
      code: 0,
      stdout: '### Added\n\n- The action.\n',
      stderr: '',
    });
  });

  it.each([
    ['0.3.0', 'no "## [0.3.0]" section'],
    ['Unreleased', 'the Unreleased section is empty'],
  ])('refuses %s: %s', async (version, message) => {
    const run = await notes(version);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(message);
  });

  it('finds the notes of the repository changelog', async () => {
    const run = await notes('0.1.0', join(REPO_ROOT, 'CHANGELOG.md'));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('curate validate');
  });
});
