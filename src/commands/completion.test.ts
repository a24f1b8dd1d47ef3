import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { completionSpec, renderCompletion } from './completion.js';
import { addHelpExamples, HELP_EXAMPLES, renderHelpExamples } from './help-examples.js';

function program(): Command {
  const root = new Command().name('curate');
  root
    .command('check')
    .description('check every resource')
    .option('-o, --out <dir>', 'directory: for [reports]')
    .option('--offline', "don't fetch");
  root.command('validate').description('validate the roadmap').option('--format <format>', 'how');
  return root;
}

describe('completionSpec', () => {
  it('takes every command and its long options from the program', () => {
    expect(completionSpec(program())).toEqual([
      {
        name: 'check',
        description: 'check every resource',
        options: [
          { flag: '--out', description: 'directory: for [reports]', takesValue: true },
          { flag: '--offline', description: "don't fetch", takesValue: false },
          { flag: '--help', description: 'display help for command', takesValue: false },
        ],
      },
      expect.objectContaining({ name: 'validate' }),
    ]);
  });
});

describe('renderCompletion', () => {
  const spec = completionSpec(program());
  it('completes commands, then each command’s options, in bash', () => {
    const script = renderCompletion('bash', spec);
    expect(script).toContain('compgen -W "check validate --help --version"');
    expect(script).toContain('    check) options="--out --offline --help" ;;');
    expect(script).toContain('complete -o filenames -F _curate curate');
  });

  it('describes commands and options for zsh, with its special characters escaped', () => {
    const script = renderCompletion('zsh', spec);
    expect(script.startsWith('#compdef curate\n')).toBe(true);
    expect(script).toContain("    'check:check every resource'");
    expect(script).toContain("'--out[directory\\: for \\[reports\\]]:value:_files'");
    expect(script).toContain("'--offline[don'\\''t fetch]'");
  });
});

describe('help examples', () => {
  it('end the help of each command that has them', () => {
    const root = program();
    addHelpExamples(root);
    const check = root.commands.find((command) => command.name() === 'check')!;
    let help = '';
    check.configureOutput({ writeOut: (text) => (help += text) });
    check.outputHelp();
    expect(help.trimEnd().endsWith(renderHelpExamples('check')!.trimEnd())).toBe(true);
    expect(help).toContain('  $ curate check  ');
  });

  it('are two or three per command', () => {
    for (const examples of Object.values(HELP_EXAMPLES)) {
      expect(examples.length).toBeGreaterThanOrEqual(2);
      expect(examples.length).toBeLessThanOrEqual(3);
    }
  });
});
