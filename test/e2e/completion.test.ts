/**
 * `curate completion bash|zsh` completes in a real bash and a real zsh; every command's --help
 * ends with examples. Without zsh a local run skips its test and says so; in CI (`CI` set) a
 * missing zsh is an error, so the test is never silently skipped there (.ci/run installs it).
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELP_EXAMPLES } from '../../src/commands/help-examples.js';
import { REPO_ROOT, runCurate, runProcess } from '../helpers/cli.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'curate-completion-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.skipIf(process.platform === 'win32')('curate completion bash', () => {
  it('completes commands and their options when sourced', async () => {
    const script = await runCurate(['completion', 'bash'], { cwd: REPO_ROOT });
    expect(script.code).toBe(0);
    await writeFile(join(dir, 'curate.bash'), script.stdout);
    const complete = (words: string[]) =>
      `COMP_WORDS=(${words.map((word) => `'${word}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _curate; echo "\${COMPREPLY[*]}"`;
    const run = await runProcess(
      'bash',
      [
        '--norc',
        '-c',
        [
          `source ${join(dir, 'curate.bash')}`,
          complete(['curate', 'ch']),
          complete(['curate', 'hi']),
          complete(['curate', 'check', '--changed']),
          complete(['curate', 'merge', '--allow']),
        ].join('\n'),
      ],
      { cwd: dir },
    );
    expect(run).toMatchObject({
      code: 0,
      stdout: 'check\nhistory\n--changed-since\n--allow-partial\n',
    });
  });

  it('refuses a shell it does not know, with exit 2', async () => {
    const run = await runCurate(['completion', 'fish'], { cwd: REPO_ROOT });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"fish" is not a shell curate completes: bash, zsh.');
  });
});

const ZSH_COMPLETE = join(REPO_ROOT, 'test', 'helpers', 'zsh-complete.zsh');

/** Whether zsh is here: false (with a message on stderr) locally; throws in CI. */
function hasZsh(): boolean {
  const found = spawnSync('zsh', ['-fc', 'zmodload zsh/zpty'], { stdio: 'ignore' });
  if (found.status === 0) return true;
  const message = 'No zsh (with zsh/zpty) found: install it with `apt-get install -y zsh`.';
  if (process.env.CI !== undefined && process.env.CI !== '') {
    throw new Error(`${message} CI must run the zsh completion test.`);
  }
  process.stderr.write(`SKIPPED the zsh completion test. ${message}\n`);
  return false;
}

describe.skipIf(process.platform === 'win32' || !hasZsh())('curate completion zsh', () => {
  it('completes commands and their options on TAB in an interactive zsh', async () => {
    const script = await runCurate(['completion', 'zsh'], { cwd: REPO_ROOT });
    expect(script.code).toBe(0);
    const scriptFile = join(dir, '_curate');
    await writeFile(scriptFile, script.stdout);
    /** The command line after typing `typed` and TAB. */
    const complete = async (typed: string): Promise<string> => {
      const lineFile = join(dir, `line-${String(Math.random()).slice(2)}.txt`);
      const run = await runProcess('zsh', ['-f', ZSH_COMPLETE, scriptFile, lineFile, typed], {
        cwd: dir,
        env: { HOME: dir },
      });
      expect({ typed, ...run }).toMatchObject({ code: 0 });
      return (await readFile(lineFile, 'utf8')).trimEnd();
    };
    expect(await complete('curate ch')).toBe('curate check');
    expect(await complete('curate check --changed')).toBe('curate check --changed-since');
    expect(await complete('curate merge --allow')).toBe('curate merge --allow-partial');
    // Nothing to complete: the line stays as typed (the dump is not a no-op that always passes).
    expect(await complete('curate zz')).toBe('curate zz');
  });
});

describe('--help', () => {
  it.each(Object.keys(HELP_EXAMPLES))('of %s ends with its examples', async (name) => {
    const help = await runCurate([name, '--help'], { cwd: REPO_ROOT });
    expect(help.code).toBe(0);
    const examples = help.stdout.slice(help.stdout.lastIndexOf('\nExamples:\n'));
    expect(examples).toContain(`$ ${HELP_EXAMPLES[name]![0]![0]}`);
    expect(help.stdout.trimEnd().endsWith(HELP_EXAMPLES[name]!.at(-1)![1])).toBe(true);
  });
});
