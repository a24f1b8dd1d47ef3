/**
 * A temporary directory for the tests of a file or a describe block: made fresh before each test
 * (or once before all of them) and removed after, even when a test made it unwritable.
 */
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';

/** Registers the hooks; `use` receives each new directory's path. */
export function useTempDir(
  prefix: string,
  use: (path: string) => void,
  scope: 'each' | 'all' = 'each',
): void {
  let path: string | undefined;
  const [before, after] = scope === 'each' ? [beforeEach, afterEach] : [beforeAll, afterAll];
  before(async () => {
    path = await mkdtemp(join(tmpdir(), prefix));
    use(path);
  });
  after(async () => {
    if (path === undefined) return;
    await chmod(path, 0o700).catch(() => undefined);
    await rm(path, { recursive: true, force: true });
  });
}

/** Writes `text` to `name` inside `directory` and returns the file's path. */
export async function writeFileIn(directory: string, name: string, text: string): Promise<string> {
  const path = join(directory, name);
  await writeFile(path, text);
  return path;
}
