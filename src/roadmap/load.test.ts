import { execFileSync } from 'node:child_process';
import { truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/helpers/temp-dir.js';
import { InputError } from '../errors.js';
import type { InputProblem } from '../errors.js';
import { DEFAULT_MAX_ROADMAP_BYTES, loadRoadmap, parseRoadmap } from './load.js';

const FIXTURES = 'test/fixtures/roadmaps/invalid';

const VALID = `version: 1
title: Test roadmap
regions: [cn]
sections:
  - id: "1"
    title: Basics
    topics:
      - Linear algebra
      - title: Papers
        resources:
          - id: attention
            title: Attention Is All You Need
            kind: paper
            url: https://example.test/attention
    resources:
      - id: intro
        title: Intro
        kind: video
        url:   https://example.test/intro
        mirrors:
          - url: https://mirror.example.test/intro
`;

/** The InputError a call throws, or a failed assertion if it does not throw one. */
async function inputErrorOf(action: () => unknown): Promise<InputError> {
  try {
    await action();
  } catch (error) {
    if (error instanceof InputError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected an InputError');
}

function parseProblems(text: string): readonly InputProblem[] {
  try {
    parseRoadmap(text, 'roadmap.yaml');
  } catch (error) {
    if (error instanceof InputError) {
      return error.problems;
    }
    throw error;
  }
  throw new Error('expected an InputError');
}

const withSection = (resource: string): string =>
  `version: 1\ntitle: T\nsections:\n  - id: "1"\n    title: S\n    resources:\n      - ${resource}\n`;

describe('parseRoadmap', () => {
  it('returns the validated roadmap and the text', () => {
    const loaded = parseRoadmap(VALID, 'roadmap.yaml');
    expect(loaded.file).toBe('roadmap.yaml');
    expect(loaded.text).toBe(VALID);
    expect(loaded.roadmap.sections[0]?.resources?.[0]?.url).toBe('https://example.test/intro');
    expect(loaded.roadmap.regions).toEqual(['cn']);
  });

  it.each([
    { path: [], line: 1, column: 1 },
    { path: ['title'], line: 2, column: 8 },
    { path: ['regions', 0], line: 3, column: 11 },
    { path: ['sections', 0], line: 5, column: 5 },
    { path: ['sections', 0, 'topics', 0], line: 8, column: 9 },
    { path: ['sections', 0, 'topics', 1, 'resources', 0, 'url'], line: 14, column: 18 },
    { path: ['sections', 0, 'resources', 0, 'url'], line: 19, column: 16 },
    { path: ['sections', 0, 'resources', 0, 'mirrors', 0, 'url'], line: 21, column: 18 },
    // Missing paths fall back to the nearest existing parent.
    { path: ['sections', 0, 'resources', 0, 'lang'], line: 16, column: 9 },
    { path: ['sections', 0, 'resources', 7, 'url'], line: 16, column: 7 },
    { path: ['sections', 3], line: 5, column: 3 },
  ])('locates $path at $line:$column', ({ path, line, column }) => {
    expect(parseRoadmap(VALID, 'roadmap.yaml').locate(path)).toEqual({ line, column });
  });

  it.each([
    {
      name: 'a misspelt key, with the nearest valid key',
      text: withSection('id: a\n        titel: A\n        kind: video'),
      at: '8:9 sections[0].resources[0].titel',
      message: 'unknown key "titel"; did you mean "title"?',
    },
    {
      name: 'a misspelt key in a topic object',
      text: 'version: 1\ntitle: T\nsections:\n  - id: "1"\n    title: S\n    topics:\n      - title: P\n        summry: x\n',
      at: '8:9 sections[0].topics[0].summry',
      message: 'unknown key "summry"; did you mean "summary"?',
    },
    {
      name: 'a misspelt settings key under a host name',
      text: 'version: 1\ntitle: T\nsettings:\n  hosts:\n    example.test:\n      perhost: 1\nsections:\n  - id: "1"\n    title: S\n',
      at: '6:7 settings.hosts["example.test"].perhost',
      message: 'unknown key "perhost"; did you mean "perHost"?',
    },
    {
      name: 'an invalid enum value, with the nearest option',
      text: withSection('id: a\n        title: A\n        kind: vidoe'),
      at: '9:15 sections[0].resources[0].kind',
      message: '"vidoe" is not a valid kind; did you mean "video"?',
    },
    {
      name: 'a wrong version',
      text: 'version: 2\ntitle: T\nsections:\n  - id: "1"\n    title: S\n',
      at: '1:10 version',
      message: 'must be 1, got 2',
    },
    {
      name: 'a number where text is expected',
      text: 'version: 1\ntitle: T\nsections:\n  - id: 2.10\n    title: S\n',
      at: '4:9 sections[0].id',
      hint: 'quote it so YAML reads it as text: "2.10"',
      message: 'expected text, got 2.1',
    },
    {
      name: 'a missing required key, at its parent',
      text: withSection('id: a\n        kind: video'),
      at: '7:9 sections[0].resources[0].title',
      message: 'required key "title" is missing',
    },
    {
      name: 'an empty value',
      text: withSection('id: a\n        title:\n        kind: video'),
      at: '8:9 sections[0].resources[0].title',
      hint: 'leave the key out, or give it a value',
      message: 'expected text, got an empty value',
    },
    {
      name: 'a topic that is neither text nor a mapping',
      text: 'version: 1\ntitle: T\nsections:\n  - id: "1"\n    title: S\n    topics: [42]\n',
      at: '6:14 sections[0].topics[0]',
      message: 'expected text or a mapping (key: value), got 42',
    },
    {
      name: 'an invalid region key, at the key',
      text: withSection(
        'id: a\n        title: A\n        kind: video\n        access:\n          CN: vpn',
      ),
      at: '11:11 sections[0].resources[0].access.CN',
      message: 'key "CN" must be a two-letter region code such as "cn"',
    },
    {
      name: 'a custom schema message, with the value',
      text: withSection('id: Not A Slug\n        title: A\n        kind: video'),
      at: '7:13 sections[0].resources[0].id',
      message: '"Not A Slug" must be a slug: lower-case letters, digits, ".", "_" or "-"',
    },
    {
      name: 'a number below its minimum',
      text: 'version: 1\ntitle: T\nsettings:\n  concurrency: 0\nsections:\n  - id: "1"\n    title: S\n',
      at: '4:16 settings.concurrency',
      message: 'must be at least 1, got 0',
    },
    {
      name: 'an empty sections list',
      text: 'version: 1\ntitle: T\nsections: []\n',
      at: '3:11 sections',
      message: 'a roadmap needs at least one section',
    },
    {
      name: 'a duplicate key, naming the first',
      text: 'version: 1\ntitle: T\nversion: 1\nsections:\n  - id: "1"\n    title: S\n',
      at: '3:1 ',
      message: 'duplicate key "version" (first at line 1)',
    },
    {
      name: 'a syntax error',
      text: 'version: 1\ntitle: "unterminated\nsections: []\n',
      at: '4:1 ',
      message: 'Missing closing "quote',
    },
    {
      name: 'tab indentation',
      text: 'version: 1\ntitle: T\nsections:\n\t- id: "1"\n',
      // One problem in a contributor's words instead of the parser's cascade (issue 10).
      at: '4:1 ',
      code: 'yaml-tab',
      message: 'line 4 starts with a tab; YAML indents with spaces',
    },
    {
      name: 'two documents',
      text: 'version: 1\n---\ntitle: T\n',
      at: '2:1 ',
      message: 'Source contains multiple documents',
    },
    {
      name: 'an empty file',
      text: '# nothing yet\n',
      at: '0:0 ',
      message: 'the file is empty, but a roadmap is a mapping',
    },
    {
      name: 'a top-level list',
      text: '# sections\n- id: "1"\n  title: S\n',
      at: '2:1 ',
      message: 'the top level is a list, but a roadmap is a mapping',
    },
    {
      name: 'an alias that contains itself',
      text: 'version: 1\ntitle: T\nsections: &s\n  - id: "1"\n    title: S\n    sections: *s\n',
      at: '6:15 ',
      message: 'an alias refers to a node that contains it',
    },
    {
      name: 'an unknown alias',
      text: 'version: 1\ntitle: *nope\nsections: []\n',
      at: '2:8 ',
      message: 'nope',
    },
    {
      name: 'absurd nesting (yaml would overflow the stack)',
      text: `version: 1\ntitle: ${'['.repeat(5000)}\n`,
      at: '2:107 ',
      message: 'nested more than 100 levels deep',
    },
  ])('reports $name', ({ text, at, message, hint, code }) => {
    const [first] = parseProblems(text);
    // `at` is `line:column path`, the way a test below prints a problem's place.
    expect(`${first?.line}:${first?.column} ${first?.path}`).toBe(at);
    expect(first).toMatchObject({
      file: 'roadmap.yaml',
      ...(hint === undefined ? {} : { hint }),
      ...(code === undefined ? {} : { code }),
    });
    expect(first?.message).toContain(message);
  });

  it('does not also report a missing key that a typo suggestion explains', () => {
    const problems = parseProblems(withSection('id: a\n        titel: A\n        kind: video'));
    expect(problems.map((problem) => problem.path)).toEqual(['sections[0].resources[0].titel']);
  });

  it('reports every problem at once, in file order, with a one-line summary', async () => {
    const text = `version: 1\ntitle: T\ntitle: U\nsections:\n  - id: "1"\n    title: S\n    resources:\n      - id: a\n        title: A\n        kind: vidoe\n      - id: b\n        kind: book\n        lnag: en\n`;
    const error = await inputErrorOf(() => parseRoadmap(text, 'roadmap.yaml'));
    expect(error.message).toBe('roadmap.yaml is not a valid roadmap (4 problems)');
    expect(error.exitCode).toBe(2);
    expect(error.problems.map((problem) => [problem.line, problem.path])).toEqual([
      [3, ''],
      [10, 'sections[0].resources[0].kind'],
      [11, 'sections[0].resources[1].title'],
      [13, 'sections[0].resources[1].lnag'],
    ]);
  });

  it('says "1 problem" in the summary', async () => {
    const error = await inputErrorOf(() =>
      parseRoadmap('version: 2\ntitle: T\nsections:\n  - id: "1"\n    title: S\n', 'r.yaml'),
    );
    expect(error.message).toBe('r.yaml is not a valid roadmap (1 problem)');
  });
});

describe('loadRoadmap on fixture files', () => {
  it.each([
    { fixture: 'syntax-error.yaml', line: 9, column: 9, path: '', message: 'Flow sequence' },
    {
      fixture: 'wrong-type.yaml',
      line: 4,
      column: 9,
      path: 'sections[0].id',
      message: 'expected text, got 1.1',
    },
    {
      fixture: 'unknown-key.yaml',
      line: 8,
      column: 9,
      path: 'sections[0].resources[0].titel',
      message: 'did you mean "title"?',
    },
    {
      fixture: 'bad-enum.yaml',
      line: 13,
      column: 19,
      path: 'sections[0].sections[0].resources[0].kind',
      message: '"vidoe" is not a valid kind; did you mean "video"?',
    },
    {
      fixture: 'duplicate-keys.yaml',
      line: 10,
      column: 9,
      path: '',
      message: 'duplicate key "title" (first at line 8)',
    },
    {
      fixture: 'top-level-list.yaml',
      line: 1,
      column: 1,
      path: '',
      message: 'the top level is a list',
    },
    { fixture: 'alias-bomb.yaml', line: 3, column: 8, path: '', message: 'too many aliases' },
  ])('$fixture fails at $line:$column', async ({ fixture, line, column, path, message }) => {
    const file = join(FIXTURES, fixture);
    const error = await inputErrorOf(() => loadRoadmap(file));
    expect(error.problems[0]).toMatchObject({ file, line, column, path });
    expect(error.problems[0]?.message).toContain(message);
  });

  it('reports every problem of a fixture, not only the first', async () => {
    const error = await inputErrorOf(() => loadRoadmap(join(FIXTURES, 'wrong-type.yaml')));
    expect(
      error.problems.map((problem) => `${problem.line}:${problem.column} ${problem.path}`),
    ).toEqual(['4:9 sections[0].id', '10:18 sections[0].resources[0].mirrors']);
  });

  it('refuses an alias bomb at the alias limit instead of expanding it', async () => {
    // The limit's own message, not a time limit: how fast a refusal is depends on the machine.
    const error = await inputErrorOf(() => loadRoadmap(join(FIXTURES, 'alias-bomb.yaml')));
    expect(error.problems.map((problem) => problem.message).join('\n')).toMatch(/too many aliases/);
  });
});

describe('loadRoadmap on the file system', () => {
  let dir: string;
  useTempDir('curate-load-', (path) => (dir = path), 'all');

  it('loads a valid file', async () => {
    const file = join(dir, 'valid.yaml');
    await writeFile(file, VALID);
    const loaded = await loadRoadmap(file);
    expect(loaded.file).toBe(file);
    expect(loaded.roadmap.title).toBe('Test roadmap');
  });

  it('ignores a UTF-8 byte order mark', async () => {
    const file = join(dir, 'bom.yaml');
    await writeFile(file, `\uFEFF${VALID}`);
    await expect(loadRoadmap(file)).resolves.toMatchObject({ roadmap: { title: 'Test roadmap' } });
  });

  it.each([
    { name: 'a missing file', file: () => join(dir, 'missing.yaml'), message: 'does not exist' },
    { name: 'a directory', file: () => dir, message: 'is a directory, not a roadmap file' },
    {
      name: 'a path through a file',
      file: () => join(FIXTURES, 'bad-enum.yaml', 'x.yaml'),
      message: 'does not exist (a parent is not a directory)',
    },
  ])('refuses $name with one clear problem', async ({ file, message }) => {
    const error = await inputErrorOf(() => loadRoadmap(file()));
    expect(error.message).toBe(`${file()} ${message}`);
    expect(error.problems).toEqual([expect.objectContaining({ file: file(), line: 0, message })]);
    expect(error.hint).toBeDefined();
  });

  it('refuses a file over maxBytes', async () => {
    const file = join(dir, 'big.yaml');
    await writeFile(file, VALID);
    const error = await inputErrorOf(() => loadRoadmap(file, { maxBytes: 100 }));
    expect(error.message).toBe(
      `${file} is ${Buffer.byteLength(VALID)} bytes, more than the 100 bytes a roadmap may have`,
    );
  });

  it('refuses a file over the default 5 MiB without reading it', async () => {
    const file = join(dir, 'sparse.yaml');
    await writeFile(file, '');
    await truncate(file, DEFAULT_MAX_ROADMAP_BYTES + 1);
    const error = await inputErrorOf(() => loadRoadmap(file));
    expect(error.message).toBe(`${file} is 5.0 MiB, more than the 5.0 MiB a roadmap may have`);
  });

  it('refuses text that is not UTF-8', async () => {
    const file = join(dir, 'gbk.yaml');
    // "标题" in GBK.
    await writeFile(
      file,
      Buffer.concat([Buffer.from('title: '), Buffer.from([0xb1, 0xea, 0xcc, 0xe2])]),
    );
    const error = await inputErrorOf(() => loadRoadmap(file));
    expect(error.problems[0]?.message).toBe('is not UTF-8 text');
  });

  it.skipIf(process.platform === 'win32')('refuses a FIFO instead of blocking on it', async () => {
    const file = join(dir, 'fifo.yaml');
    execFileSync('mkfifo', [file]);
    const error = await inputErrorOf(() => loadRoadmap(file));
    expect(error.problems[0]?.message).toBe('is not a regular file');
  });
});
