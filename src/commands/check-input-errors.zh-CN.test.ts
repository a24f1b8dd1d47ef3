/** check's errors about --only, --changed-since and --ca-file in zh-CN and en. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  caught,
  captureIoIn,
  ONE_RESOURCE_ROADMAP,
  usageOf,
} from '../../test/helpers/command-errors.js';
import { useTempDir } from '../../test/helpers/temp-dir.js';
import { EXIT_CODES, type UsageError } from '../errors.js';
import { openRunDispatcher } from '../fetch/dispatchers.js';
import type { Lang } from '../i18n/index.js';
import { resolveOptions } from '../options.js';
import { checkCommand } from './check.js';

let dir: string;
useTempDir('curate-cmd-zh-', (path) => (dir = path), 'all');
const captureIo = (lang: Lang) => captureIoIn(dir, lang);
const ROADMAP = ONE_RESOURCE_ROADMAP;

describe("check's --only, --changed-since and --ca-file, in zh-CN and en", () => {
  it("names an --only id the roadmap lacks, in the roadmap's lang: or --lang", async () => {
    const roadmap = join(dir, 'only.yaml');
    await writeFile(roadmap, `lang: zh-CN\n${ROADMAP}`);
    const only = (lang: string | undefined) =>
      caught(() =>
        checkCommand(
          roadmap,
          { only: ['ab'], offline: true, ...(lang === undefined ? {} : { lang }) },
          captureIo('en'),
        ),
      );
    expect(usageOf(await only(undefined))).toMatchObject({
      name: 'UsageError',
      lang: 'zh-CN',
      exitCode: EXIT_CODES.usage,
      message: '--only：没有 id 为 "ab" 的章节或资源',
      hint: '"ab"：是不是想写 "a"？',
    });
    expect(usageOf(await only('en'))).toMatchObject({
      name: 'UsageError',
      lang: 'en',
      exitCode: EXIT_CODES.usage,
      message: '--only: no section or resource has the id "ab"',
      hint: '"ab": did you mean "a"?',
    });
  });

  it('says a --changed-since that is no ref, or outside a repository', async () => {
    const roadmap = join(dir, 'changed.yaml');
    await writeFile(roadmap, ROADMAP);
    const since = (ref: string, lang: string) =>
      caught(() =>
        checkCommand(roadmap, { changedSince: ref, offline: true, lang }, captureIo('en')),
      );
    expect(usageOf(await since('-x', 'zh-CN'))).toMatchObject({
      name: 'UsageError',
      lang: 'zh-CN',
      exitCode: EXIT_CODES.usage,
      message: '--changed-since "-x" 不是 git ref。',
      hint: '请传入分支、tag 或 commit，例如 origin/main 或某个 commit sha',
    });
    expect(usageOf(await since('-x', 'en'))).toMatchObject({
      name: 'UsageError',
      lang: 'en',
      exitCode: EXIT_CODES.usage,
      message: '--changed-since "-x" is not a git ref.',
    });
    // The temporary directory is in no repository: git says so, after our words.
    const outside = (await since('main', 'zh-CN')) as UsageError;
    expect(outside.message).toMatch(
      /^--changed-since 需要在 git 仓库里运行：.*not a git repository/is,
    );
    expect(outside.exitCode).toBe(EXIT_CODES.usage);
  });

  it('names a --ca-file that cannot be read before any connection is made', async () => {
    const missing = join(dir, 'missing-ca.pem');
    const open = async (lang: string) => {
      const options = resolveOptions({ caFile: missing, lang }, undefined, {});
      return caught(() =>
        openRunDispatcher(
          {
            settings: options.transport.dispatcher,
            caFile: options.transport.caFile,
            lang: options.report.lang,
          },
          undefined,
          undefined,
        ),
      );
    };
    expect(usageOf(await open('zh-CN'))).toMatchObject({
      name: 'UsageError',
      lang: 'zh-CN',
      exitCode: EXIT_CODES.usage,
      message: `--ca-file：无法读取 "${missing}"。`,
      hint: '请传入一个 PEM 文件，里面是系统自带证书之外还要信任的 CA 证书。',
    });
    expect(usageOf(await open('en'))).toMatchObject({
      name: 'UsageError',
      lang: 'en',
      exitCode: EXIT_CODES.usage,
      message: `--ca-file: cannot read "${missing}".`,
    });
  });
});
