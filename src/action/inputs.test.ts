import { describe, expect, it } from 'vitest';
import { ActionInputError, curateArguments, readActionInputs, splitWords } from './inputs.js';

const lookup =
  (inputs: Record<string, string>) =>
  (name: string): string =>
    inputs[name] ?? '';
const noPlan = { baseSha: undefined, cacheFile: undefined, trackingIssueFile: undefined, args: [] };

describe('readActionInputs', () => {
  it('defaults to a check of roadmap.yaml with annotations and a job summary', () => {
    expect(readActionInputs(lookup({}))).toMatchObject({
      command: 'check',
      roadmap: 'roadmap.yaml',
      hasAnnotations: true,
      hasJobSummary: true,
      hasCache: false,
      shouldFail: true,
      workingDirectory: '.',
    });
  });

  it('names every bad input at once', () => {
    const read = () =>
      readActionInputs(
        lookup({ command: 'lint', shard: '3', cache: 'yes', 'tracking-issue': 'true' }),
      );
    expect(read).toThrow(ActionInputError);
    expect(read).toThrow(
      [
        'command: "lint" is not one of validate, check, merge, history.',
        'shard / shards: "3" of "" is not a part i of n with 1 ≤ i ≤ n; give both.',
        'cache: "yes" is not true or false.',
        'tracking-issue: only `command: history` writes a tracking issue.',
      ].join('\n'),
    );
  });
});

describe('readActionInputs in zh-CN', () => {
  it('names every bad input in Chinese', () => {
    const read = () =>
      readActionInputs(
        lookup({ command: 'lint', shard: '3', cache: 'yes', 'tracking-issue': 'true', args: "'a" }),
        'zh-CN',
      );
    expect(read).toThrow(
      [
        'command："lint" 不在 validate、check、merge、history 之中。',
        'shard / shards："3" / "" 不是合法的分片（第 i 片，共 n 片，1 ≤ i ≤ n）；两个都要填。',
        "args：有一个 ' 没有配对的结束引号。",
        'cache："yes" 不是 true 或 false。',
        'tracking-issue：只有 `command: history` 才会写跟踪 issue。',
      ].join('\n'),
    );
  });
});

describe('curateArguments', () => {
  it.each([
    [{}, ['check', 'roadmap.yaml', '--format', 'github']],
    [
      {
        shard: '2',
        shards: '4',
        out: 'reports-2',
        'fail-on': 'none',
        'job-summary': 'false',
        annotations: 'false',
      },
      ['check', 'roadmap.yaml', '--out', 'reports-2', '--fail-on', 'none', '--shard', '2/4'],
    ],
    [{ command: 'validate', annotations: 'false' }, ['validate', 'roadmap.yaml']],
    [{ command: 'merge', out: 'reports/audit' }, ['merge', '--out', 'reports/audit']],
    [{ command: 'history', lang: 'en' }, ['history', '--lang', 'en']],
  ])('%j runs %j', (inputs, argv) => {
    expect(curateArguments(readActionInputs(lookup(inputs)), noPlan)).toEqual(argv);
  });

  it('adds the base commit, the cache file, the tracking issue and the expanded args', () => {
    const check = readActionInputs(lookup({ 'changed-only': 'true', cache: 'true' }));
    expect(
      curateArguments(check, {
        ...noPlan,
        baseSha: 'abc1234',
        cacheFile: '.curate-cache/results-all.json',
        args: ['--offline'],
      }),
    ).toEqual([
      'check',
      'roadmap.yaml',
      '--changed-since',
      'abc1234',
      '--cache',
      '.curate-cache/results-all.json',
      '--format',
      'github',
      '--offline',
    ]);
    const history = readActionInputs(lookup({ command: 'history', 'tracking-issue': 'true' }));
    expect(curateArguments(history, { ...noPlan, trackingIssueFile: '/tmp/t.json' })).toEqual([
      'history',
      '--tracking-issue',
      '/tmp/t.json',
    ]);
  });
});

describe('splitWords', () => {
  it.each([
    ['', []],
    ['--offline  --max-age 12h', ['--offline', '--max-age', '12h']],
    [`--exclude 'a b' "c \\"d\\""`, ['--exclude', 'a b', 'c "d"']],
    ['reports-*/report.json\n--allow-partial', ['reports-*/report.json', '--allow-partial']],
    ["''", ['']],
  ])('%j is %j', (text, words) => {
    expect(splitWords(text)).toEqual(words);
  });

  it('refuses an unclosed quote', () => {
    expect(() => splitWords(`--exclude 'a`)).toThrow("an opening ' is never closed.");
  });
});
