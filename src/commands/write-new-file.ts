/** Writing the files `curate import` and `curate init` create, never over a file that exists. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UsageError } from '../errors.js';
import { writeFileAtomically } from '../report/write.js';

/**
 * Writes `text` to a new file; an existing file is a usage error (exit 2) unless `force` says
 * to replace it. The check and the write are one `open(O_EXCL)`, so no race overwrites a file.
 */
export async function writeNewFile(
  path: string,
  text: string,
  options: { what: string; force: boolean },
): Promise<void> {
  if (options.force) {
    await writeFileAtomically(path, text, options.what);
    return;
  }
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text, { encoding: 'utf8', flag: 'wx' });
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'EEXIST') {
      throw new UsageError(`${path} already exists; curate does not overwrite it.`, {
        hint: 'Pass --force to replace it, or write somewhere else.',
        cause: error,
      });
    }
    throw new UsageError(`Cannot write ${options.what} to ${path}: ${String(error)}`, {
      cause: error,
    });
  }
}
