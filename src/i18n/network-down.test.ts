import { describe, expect, it } from 'vitest';
import { networkDownDetail } from './network-down.js';

describe('networkDownDetail', () => {
  it.each([
    [{ hostsTried: 5, failure: 'ENOTFOUND' }, 'en', 'none of 5 hosts could be reached (ENOTFOUND)'],
    [{ hostsTried: 5, failure: 'ENOTFOUND' }, 'zh-CN', '试过的 5 个网站都连不上，错误码 ENOTFOUND'],
    [
      { hostsTried: 1, failure: 'timeout' },
      'en',
      'the one host tried could not be reached (timed out)',
    ],
    [{ hostsTried: 1, failure: 'timeout' }, 'zh-CN', '试过的 1 个网站连不上，连接超时'],
    [{ hostsTried: 3, failure: 'no-answer' }, 'zh-CN', '试过的 3 个网站都连不上，没有应答'],
    [{ hostsTried: 2, failure: 'http-503' }, 'en', 'none of 2 hosts could be reached (HTTP 503)'],
    [{ hostsTried: 2, failure: 'http-503' }, 'zh-CN', '试过的 2 个网站都连不上，返回 HTTP 503'],
  ] as const)('%j in %s', (facts, lang, expected) => {
    expect(networkDownDetail({ message: 'the English kept for old readers', ...facts }, lang)).toBe(
      expected,
    );
  });

  it('shows the stored English of a report written before the facts were kept', () => {
    const old = { message: 'none of 4 hosts could be reached (ECONNREFUSED)' };
    expect(networkDownDetail(old, 'zh-CN')).toBe(old.message);
  });
});
