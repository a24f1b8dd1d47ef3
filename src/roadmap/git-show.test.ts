import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { UsageError } from '../errors.js';
import { changedResourceIds } from './changed-since.js';
import { readFileAtRef } from './git-show.js';

const V1 = `version: 1
title: T
sections:
  - id: "1"
    title: One
    resources:
      - { id: a, title: A, url: https://a.example.test/, kind: docs }
      - { id: b, title: B, url: https://b.example.test/, kind: docs }
`;

// Moves `a` into a new section, reformats it, re-points `b` and adds `c`.
const V2 = `version: 1
title: T
sections:
  - id: "1"
    title: One
    resources:
      - id: b
        title: B
        url: https://b.example.test/moved
        kind: docs
  - id: "2"
    title: Two
    resources:
      - id: a    # moved here
        title: A
        url: "https://a.example.test/"
        kind: docs
      - { id: c, title: C, url: https://c.example.test/, kind: docs }
`;

const IDENTITY = [
  '-c',
  'user.name=curate test',
  '-c',
  'user.email=test@example.test',
  '-c',
  'commit.gpgsign=false',
];

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', [...IDENTITY, ...args], {
    cwd,
    encoding: 'utf8',
    stdio: 'pipe',
  }).trim();
}

let root: string;
let repo: string;
let firstCommit: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'curate-git-show-'));
  repo = join(root, 'repo');
  mkdirSync(join(repo, 'docs'), { recursive: true });
  git(repo, 'init', '--quiet');
  writeFileSync(join(repo, 'roadmap.yaml'), V1);
  git(repo, 'add', 'roadmap.yaml');
  git(repo, 'commit', '--quiet', '-m', 'first');
  firstCommit = git(repo, 'rev-parse', 'HEAD');
  writeFileSync(join(repo, 'roadmap.yaml'), V2);
  writeFileSync(join(repo, 'docs', 'roadmap.yaml'), V1);
  git(repo, 'add', '.');
  git(repo, 'commit', '--quiet', '-m', 'second');
  git(repo, 'tag', 'v2');
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('readFileAtRef', () => {
  it.each([
    ['HEAD~1', 'roadmap.yaml', V1],
    ['HEAD', 'roadmap.yaml', V2],
    ['v2', 'roadmap.yaml', V2],
    ['HEAD', 'docs/roadmap.yaml', V1],
    ['HEAD~1', 'docs/roadmap.yaml', undefined],
    ['HEAD', 'missing.yaml', undefined],
  ])('reads %s:%s', async (ref, path, expected) => {
    expect(await readFileAtRef(ref, path, repo)).toBe(expected);
  });

  it("reads git's answers in git's English whatever the user's locale", async () => {
    // A git that answers in German unless LC_ALL=C, as a translated git does for LANG=de_DE.
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    const bin = join(root, 'german-git');
    mkdirSync(bin, { recursive: true });
    writeFileSync(
      join(bin, 'git'),
      [
        '#!/bin/sh',
        'if [ "$LC_ALL" != C ]; then',
        `  echo "fatal: Pfad 'missing.yaml' existiert nicht in 'HEAD'" >&2`,
        '  exit 128',
        'fi',
        `exec ${realGit} "$@"`,
      ].join('\n'),
      { mode: 0o755 },
    );
    const path = process.env.PATH;
    process.env.PATH = `${bin}:${path ?? ''}`;
    try {
      expect(await readFileAtRef('HEAD', 'missing.yaml', repo)).toBeUndefined();
    } finally {
      process.env.PATH = path;
    }
  });

  it('reads by commit sha, from a subdirectory and by absolute path', async () => {
    expect(await readFileAtRef(firstCommit, 'roadmap.yaml', repo)).toBe(V1);
    expect(await readFileAtRef('HEAD', 'roadmap.yaml', join(repo, 'docs'))).toBe(V1);
    expect(await readFileAtRef(firstCommit, join(repo, 'roadmap.yaml'), join(repo, 'docs'))).toBe(
      V1,
    );
  });

  it.each([
    [
      'nope',
      "unknown git ref 'nope': fetch it first (in a shallow clone: git fetch --depth=1 origin <sha>)",
    ],
    [
      '0123456789abcdef0123456789abcdef01234567',
      "unknown git ref '0123456789abcdef0123456789abcdef01234567'",
    ],
    ['-p', 'is not a git ref'],
    ['', 'is not a git ref'],
  ])('refuses the ref %j with a usage error', async (ref, message) => {
    const read = readFileAtRef(ref, 'roadmap.yaml', repo);
    await expect(read).rejects.toThrow(UsageError);
    await expect(readFileAtRef(ref, 'roadmap.yaml', repo)).rejects.toThrow(message);
  });

  it('says so outside a git repository', async () => {
    const plain = mkdtempSync(join(root, 'plain-'));
    // A directory under the repository would still be inside it; this one is a sibling.
    await expect(readFileAtRef('HEAD', 'roadmap.yaml', plain)).rejects.toThrow(
      /needs a git repository/,
    );
  });

  it('works in a shallow clone once the ref is fetched', async () => {
    const shallow = join(root, 'shallow');
    // A file:// URL, because git ignores --depth when cloning a plain local path.
    git(root, 'clone', '--quiet', '--depth=1', pathToFileURL(repo).href, shallow);
    await expect(readFileAtRef(firstCommit, 'roadmap.yaml', shallow)).rejects.toThrow(
      /unknown git ref/,
    );
    git(shallow, 'fetch', '--quiet', '--depth=1', 'origin', firstCommit);
    expect(await readFileAtRef(firstCommit, 'roadmap.yaml', shallow)).toBe(V1);
  });

  it('feeds changedResourceIds: only re-pointed and new resources', async () => {
    const before = await readFileAtRef('HEAD~1', 'roadmap.yaml', repo);
    const ids = changedResourceIds(before === undefined ? undefined : parse(before), parse(V2));
    expect([...ids].sort()).toEqual(['b', 'c']);
  });
});
