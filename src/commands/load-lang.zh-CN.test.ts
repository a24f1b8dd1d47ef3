import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { fixCommand } from './fix.js';
import { importCommand } from './import-list.js';
import type { CommandIo } from './io.js';
import { mirrorsCommand } from './mirrors.js';

/** A roadmap that says lang: zh-CN and breaks the schema, so loading it fails before any fetch. */
const BROKEN = `version: 1
lang: zh-CN
title: 测试路线图
sections:
  - id: basics
    titel: 基础
`;

let directory: string;
let roadmap: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'curate-load-lang-'));
  roadmap = join(directory, 'roadmap.yaml');
  await writeFile(roadmap, BROKEN);
  await writeFile(join(directory, 'list.md'), '- [Intro](https://example.test/intro)\n');
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

const io = (): CommandIo => ({
  stdout: { write: () => true },
  stderr: { write: () => true },
  env: {},
  cwd: directory,
  toolVersion: '0.0.0-test',
  interruptSignal: new AbortController().signal,
});

async function refusal(run: () => Promise<unknown>): Promise<InputError> {
  const error: unknown = await run().catch((caught: unknown) => caught);
  if (error instanceof InputError) return error;
  throw new Error(`expected an InputError, got ${String(error)}`);
}

describe('fix, mirrors and import --merge load the roadmap in its lang:', () => {
  it.each([
    { command: 'fix', run: () => fixCommand(roadmap, {}, io()) },
    { command: 'mirrors', run: () => mirrorsCommand(roadmap, {}, io()) },
    {
      command: 'import --merge',
      run: () => importCommand(join(directory, 'list.md'), { merge: roadmap }, io()),
    },
  ])('$command', async ({ run }) => {
    const error = await refusal(run);
    expect(error.message).toBe(`${roadmap} 不是有效的路线图（1 个问题）`);
    expect(error.problems[0]?.message).toBe('未知的键“titel”；是不是想写“title”？');
    expect(error.lang).toBe('zh-CN');
  });
});
