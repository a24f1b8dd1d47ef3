import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { itAppliesTo, itDoesNotApplyTo } from '../../test/helpers/probe-match.js';
import { baiduNetdiskProbe, readNetdiskPage } from './baidu-netdisk.js';
import type { ProbeResponse } from './probe.js';

function fixture(name: string): string {
  return readFileSync(
    new URL(`../../test/fixtures/pages/baidu-netdisk/${name}`, import.meta.url),
    'utf8',
  );
}

const SHARE = 'https://pan.baidu.com/s/1a2B3c4D5e6F7g8H9i0JkLm';

function page(body: string | undefined, finalUrl = SHARE, status = 200): ProbeResponse {
  return { kind: 'response', status, finalUrl, body, contentType: 'text/html' };
}

describe('baiduNetdiskProbe.match', () => {
  itAppliesTo(baiduNetdiskProbe, [
    SHARE,
    `${SHARE}?pwd=ab12`,
    'https://pan.baidu.com/share/init?surl=a2B3c4D5e6F7g8H9i0JkLm',
    'https://yun.baidu.com/s/1a2B3c4D5e6F7g8H9i0JkLm',
    'https://pan.baidu.com/share/link?shareid=123&uk=456',
  ]);

  itDoesNotApplyTo(baiduNetdiskProbe, [
    'https://pan.baidu.com/',
    'https://pan.baidu.com/disk/home',
    'https://www.baidu.com/s/1a',
  ]);
});

describe('readNetdiskPage', () => {
  it('calls a deleted share broken, in the words of its title', () => {
    expect(readNetdiskPage(page(fixture('share-deleted.html')))).toEqual({
      kind: 'outcome',
      outcome: {
        status: 'broken',
        reason: 'content-removed',
        httpStatus: 200,
        detail: 'Baidu Netdisk says "百度网盘-链接不存在"',
      },
    });
  });

  it('calls a cancelled share broken, in the words of its error block', () => {
    expect(readNetdiskPage(page(fixture('share-cancelled.html')))).toMatchObject({
      outcome: {
        reason: 'content-removed',
        detail: 'Baidu Netdisk says "啊哦，你来晚了，分享的文件已经被取消了，下次要早点哟。"',
      },
    });
  });

  it('confirms a share that asks for its extract code', () => {
    const initPage = 'https://pan.baidu.com/share/init?surl=a2B3c4D5e6F7g8H9i0JkLm';
    expect(readNetdiskPage(page(fixture('extract-code.html'), initPage)).kind).toBe('confirmed');
  });

  it.each<[string, ProbeResponse]>([
    ['an unknown page', page('<html><title>百度网盘</title><body>文件列表</body></html>')],
    ['a page elsewhere', page('<title>链接不存在</title>', 'https://www.example.test/')],
    ['a network failure', { kind: 'failure', reason: 'reset' }],
  ])('is inconclusive for %s', (_name, response) => {
    expect(readNetdiskPage(response).kind).toBe('inconclusive');
  });
});
