/** The warnings about a --cache file curate cannot use, in zh-CN and en. */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir, writeFileIn } from '../../test/helpers/temp-dir.js';
import { readCacheFile } from './cache-file.js';

let dir: string;
useTempDir('curate-cache-zh-', (path) => (dir = path));

describe('readCacheFile in zh-CN and en', () => {
  it('warns that a file is not a curate cache, and starts empty', async () => {
    const file = await writeFileIn(dir, 'cache.json', '{"schemaVersion": 99}');
    const zh = await readCacheFile(file, 'zh-CN');
    expect(zh.warning).toBe(
      `${file} 不是 curate 的缓存文件；这次将全部重新检查，并写入新的缓存文件。`,
    );
    expect(Object.keys(zh.cache.entries)).toEqual([]);
    expect((await readCacheFile(file)).warning).toBe(
      `${file} is not a curate cache file; checking everything and writing a new one.`,
    );
  });

  it('warns that a cache cannot be read, with the system error as given', async () => {
    const directory = join(dir, 'a-directory');
    await mkdir(directory);
    expect((await readCacheFile(directory, 'zh-CN')).warning).toMatch(
      `无法读取缓存 ${directory}：Error: EISDIR`,
    );
    expect((await readCacheFile(directory)).warning).toMatch(
      `cannot read the cache ${directory}: Error: EISDIR`,
    );
  });

  it('says nothing of a missing file', async () => {
    expect((await readCacheFile(join(dir, 'missing.json'), 'zh-CN')).warning).toBeUndefined();
  });
});
