/** A --region-rules URL that cannot be downloaded, in zh-CN and en. */
import { describe, expect, it } from 'vitest';
import { caught, usageOf } from '../../test/helpers/command-errors.js';
import { testFetchSettings } from '../../test/helpers/fetch-settings.js';
import { useMockAgent } from '../../test/helpers/mock-agent.js';
import { EXIT_CODES, type InputError } from '../errors.js';
import type { Lang } from '../i18n/index.js';
import { downloadText } from './download-text.js';

const origin = 'https://rules.example.test';
const agent = useMockAgent();

/** What downloading `/list.txt` throws in `lang` when the server answers `status`. */
function refusal(lang: Lang | undefined, status: number, contentType: string) {
  agent()
    .get(origin)
    .intercept({ path: '/list.txt', method: 'GET' })
    .reply(status, 'x', { headers: { 'content-type': contentType } });
  const url = new URL(`${origin}/list.txt`);
  return caught(() => downloadText(url, testFetchSettings(), agent(), lang));
}

describe('downloadText in zh-CN and en', () => {
  it('words a download that failed, and the hint under it', async () => {
    const zh = await refusal('zh-CN', 404, 'text/plain');
    expect(usageOf(zh)).toMatchObject({
      name: 'InputError',
      lang: 'zh-CN',
      exitCode: EXIT_CODES.usage,
      message: `无法下载 ${origin}/list.txt`,
    });
    expect((zh as InputError).problems[0]).toMatchObject({
      message: 'HTTP 404',
      hint: '请手动下载这个文件，再改为传入本地文件。',
    });
    const en = await refusal(undefined, 404, 'text/plain');
    expect(usageOf(en)).toMatchObject({
      name: 'InputError',
      lang: undefined,
      message: `cannot download ${origin}/list.txt`,
    });
    expect((en as InputError).problems[0]).toMatchObject({
      message: 'HTTP 404',
      hint: 'Download it by hand and pass the file instead.',
    });
  });

  it('says an answer that is not text is not a text file', async () => {
    const zh = await refusal('zh-CN', 200, 'image/png');
    expect((zh as InputError).problems[0]?.message).toBe('不是文本文件（image/png）');
    const en = await refusal('en', 200, 'image/png');
    expect((en as InputError).problems[0]?.message).toBe('not a text file (image/png)');
  });
});
