/** Writing the files `curate import` and `curate init` create, never over a file that exists. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UsageError } from '../errors.js';
import { reportFilesTextOf, type Lang, type WrittenFileKind } from '../i18n/index.js';
import { writeFileAtomically } from '../report/write.js';

/**
 * Writes `text` to a new file; an existing file is a usage error (exit 2) unless `force` says
 * to replace it. The check and the write are one `open(O_EXCL)`, so no race overwrites a file.
 * `what` says which file it is in the messages, which are in `lang`.
 */
export async function writeNewFile(
  path: string,
  text: string,
  options: { what: WrittenFileKind; force: boolean; lang?: Lang | undefined },
): Promise<void> {
  const lang = options.lang ?? 'en';
  if (options.force) {
    await writeFileAtomically(path, text, options.what, lang);
    return;
  }
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text, { encoding: 'utf8', flag: 'wx' });
  } catch (error) {
    const words = reportFilesTextOf(lang);
    if (error instanceof Error && 'code' in error && error.code === 'EEXIST') {
      throw new UsageError(words.newFileExists(path), {
        hint: words.newFileExistsHint,
        cause: error,
        lang,
      });
    }
    throw new UsageError(
      words.cannotWriteFile(words.writtenFile[options.what], path, String(error)),
      {
        cause: error,
        lang,
      },
    );
  }
}
