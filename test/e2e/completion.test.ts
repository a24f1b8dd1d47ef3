/** `curate completion bash` completes in a real bash; every command's --help ends with examples. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
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
          complete(['curate', 'hi']),
          complete(['curate', 'check', '--changed']),
          complete(['curate', 'merge', '--allow']),
        ].join('\n'),
      ],
      { cwd: dir },
    );
    expect(run).toMatchObject({
      code: 0,
      stdout: 'history\n--changed-since\n--allow-partial\n',
    });
  });

  it('refuses a shell it does not know, with exit 2', async () => {
    const run = await runCurate(['completion', 'fish'], { cwd: REPO_ROOT });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"fish" is not a shell curate completes: bash, zsh.');
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
