/**
 * Which language `curate mirrors` prints its table in: `--lang`, else the roadmap's `lang:`,
 * else the locale, else English, as `check` decides it. The report has nothing to find (no
 * region), so no finder and no network is asked.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ONE_RESOURCE_ROADMAP } from '../../test/helpers/command-errors.js';
import { loadReportFixture } from '../../test/fixtures/ci/fixtures.js';
import { UsageError } from '../errors.js';
import type { CommandIo } from './io.js';
import { mirrorsCommand, type MirrorsFlags } from './mirrors.js';

const roadmapText = (lang: string) => `${lang}${ONE_RESOURCE_ROADMAP}`;

let dir: string;
let report: string;
let chinese: string;
let plain: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'curate-mirrors-lang-'));
  report = join(dir, 'report.json');
  chinese = join(dir, 'zh.yaml');
  plain = join(dir, 'plain.yaml');
  await writeFile(report, JSON.stringify(loadReportFixture()));
  await writeFile(chinese, roadmapText('lang: zh-CN\n'));
  await writeFile(plain, roadmapText(''));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function run(
  roadmap: string,
  flags: Partial<MirrorsFlags>,
  env: Record<string, string> = {},
): Promise<{ out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CommandIo = {
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    env,
    cwd: dir,
    toolVersion: 'test',
    interruptSignal: new AbortController().signal,
  };
  await mirrorsCommand(roadmap, { from: report, out: dir, quiet: true, ...flags }, io, {
    finders: [],
  });
  return { out, err };
}

const ZH_NOTHING = '没有需要找镜像的资源：需科学上网的资源都已有确认过、可直连的镜像。\n';
const EN_NOTHING =
  'No resource needs a VPN without a confirmed mirror open there: nothing to find.\n';

describe('curate mirrors speaks the run language', () => {
  it("follows the roadmap's lang:", async () => {
    const { out, err } = await run(chinese, {});
    expect(out).toBe(ZH_NOTHING);
    expect(err).toBe(`已写入 ${join(dir, 'mirrors.json')}\n`);
  });

  it('lets --lang win over the roadmap', async () => {
    expect((await run(chinese, { lang: 'en' })).out).toBe(EN_NOTHING);
  });

  it('falls back to the locale, then English', async () => {
    expect((await run(plain, {}, { LANG: 'zh_CN.UTF-8' })).out).toBe(ZH_NOTHING);
    expect((await run(plain, {}, { LC_ALL: 'C', LANG: 'en_US.UTF-8' })).out).toBe(EN_NOTHING);
    expect((await run(plain, {})).out).toBe(EN_NOTHING);
  });

  it('refuses a --lang it has no catalog for', async () => {
    const error: unknown = await run(plain, { lang: 'fr' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UsageError);
  });
});
