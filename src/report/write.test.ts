import { chmod, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/helpers/temp-dir.js';
import { InternalError, ReportWriteError } from '../errors.js';
import { appendText, writeFileAtomically, writeReports } from './write.js';

// Permission bits do not stop root (or Windows), so the unwritable-directory test needs a normal user.
const canDenyWrites = process.platform !== 'win32' && process.getuid?.() !== 0;

describe('writeReports', () => {
  let root: string;
  useTempDir('curate-write-', (path) => (root = path));

  it('creates missing directories and returns the written paths in order', async () => {
    const outDir = join(root, 'reports', 'nested');

    const written = await writeReports(outDir, [
      { name: 'report.json', content: '{}\n' },
      { name: 'report.md', content: '# Link report\n' },
    ]);

    expect(written).toEqual([join(outDir, 'report.json'), join(outDir, 'report.md')]);
    expect(await readFile(join(outDir, 'report.md'), 'utf8')).toBe('# Link report\n');
  });

  it('writes a report given in chunks, larger than one write, as the same text', async () => {
    const lines = Array.from({ length: 5000 }, (_, index) => `- line ${String(index)} 链接\n`);

    await writeReports(root, [{ name: 'report.md', content: lines }]);

    expect(await readFile(join(root, 'report.md'), 'utf8')).toBe(lines.join(''));
  });

  it("lets a renderer's bug through as itself, leaving no file and no temporary one", async () => {
    function* broken(): Generator<string> {
      yield '{';
      throw new TypeError('renderer bug');
    }

    await expect(writeReports(root, [{ name: 'report.json', content: broken() }])).rejects.toThrow(
      TypeError,
    );
    expect(await readdir(root)).toEqual([]);
  });

  it('overwrites an existing report and leaves no temporary file behind', async () => {
    await writeFile(join(root, 'report.md'), 'an older and much longer report\n'.repeat(100));

    await writeReports(root, [{ name: 'report.md', content: 'new\n' }]);

    expect(await readFile(join(root, 'report.md'), 'utf8')).toBe('new\n');
    expect(await readdir(root)).toEqual(['report.md']);
  });

  it('turns a target that is a directory into ReportWriteError and cleans up its temporary file', async () => {
    await mkdir(join(root, 'report.md'));

    const attempt = writeReports(root, [{ name: 'report.md', content: 'x' }]);

    await expect(attempt).rejects.toThrow(ReportWriteError);
    await expect(attempt).rejects.toThrow(join(root, 'report.md'));
    expect(await readdir(root)).toEqual(['report.md']);
  });

  it('turns an out directory below a file into ReportWriteError with a hint', async () => {
    await writeFile(join(root, 'taken'), 'a file');

    const error: unknown = await writeReports(join(root, 'taken', 'reports'), []).catch(
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(ReportWriteError);
    expect((error as ReportWriteError).message).toContain(join(root, 'taken', 'reports'));
    expect((error as ReportWriteError).hint).toMatch(/--out/);
    expect((error as ReportWriteError).exitCode).toBe(2);
  });

  it.skipIf(!canDenyWrites)(
    'turns an unwritable directory into ReportWriteError naming the file',
    async () => {
      await chmod(root, 0o500);

      const error: unknown = await writeReports(root, [
        { name: 'report.json', content: '{}' },
      ]).catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(ReportWriteError);
      expect((error as ReportWriteError).message).toContain(join(root, 'report.json'));
      expect((error as ReportWriteError).hint).toContain('may write to');
      await chmod(root, 0o700);
      expect(await readdir(root)).toEqual([]);
    },
  );

  it.each(['', '../escape.md', 'sub/report.md'])(
    'refuses the file name %j as a bug',
    async (name) => {
      await expect(writeReports(root, [{ name, content: 'x' }])).rejects.toThrow(InternalError);
      expect(await readdir(root)).toEqual([]);
    },
  );
});

describe('writeFileAtomically and appendText', () => {
  let root: string;
  useTempDir('curate-write-file-', (path) => (root = path));

  it('replaces a file in a new directory and leaves no temporary file behind', async () => {
    const path = join(root, 'deep', 'history.json');
    await writeFileAtomically(path, 'one\n', 'history');
    await writeFileAtomically(path, 'two\n', 'history');
    expect(await readFile(path, 'utf8')).toBe('two\n');
    expect(await readdir(join(root, 'deep'))).toEqual(['history.json']);
  });

  it('names the file and what it is when it cannot be written', async () => {
    await writeFile(join(root, 'file'), '');
    await expect(
      writeFileAtomically(join(root, 'file', 'cache.json'), '{}', 'cache'),
    ).rejects.toThrow(ReportWriteError);
    await expect(
      writeFileAtomically(join(root, 'file', 'cache.json'), '{}', 'cache'),
    ).rejects.toThrow(/Cannot write the cache to .*cache\.json/);
  });

  it('appends to what is there', async () => {
    const path = join(root, 'summary.md');
    await writeFile(path, 'before\n');
    await appendText(path, 'after\n', 'jobSummary');
    expect(await readFile(path, 'utf8')).toBe('before\nafter\n');
    await expect(appendText(join(root, 'no', 'x.md'), '', 'jobSummary')).rejects.toThrow(
      /Cannot append the job summary/,
    );
  });
});
