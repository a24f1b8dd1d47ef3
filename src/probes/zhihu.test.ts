import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fakeProbeFetch } from '../../test/helpers/fake-probe-fetch.js';
import { itAppliesTo, itDoesNotApplyTo } from '../../test/helpers/probe-match.js';
import type { ProbeResponse } from './probe.js';
import { readZhihuPage, zhihuProbe } from './zhihu.js';

const ARTICLE = 'https://zhuanlan.zhihu.com/p/338817680';
const NOT_FOUND = readFileSync(
  new URL('../../test/fixtures/pages/zhihu-not-found.html', import.meta.url),
  'utf8',
);

function page(
  status: number,
  finalUrl = ARTICLE,
  body = '<html><title>知乎</title></html>',
): ProbeResponse {
  return { kind: 'response', status, finalUrl, body, contentType: 'text/html' };
}

describe('zhihuProbe.match', () => {
  itAppliesTo(zhihuProbe, [
    ARTICLE,
    'https://www.zhihu.com/question/19723347',
    'https://www.zhihu.com/question/19723347/answer/1234567',
    'https://www.zhihu.com/zvideo/1360523718466985984',
  ]);

  itDoesNotApplyTo(zhihuProbe, [
    'https://www.zhihu.com/',
    'https://www.zhihu.com/people/someone',
    'https://www.zhihu.com/signin',
  ]);
});

describe('readZhihuPage', () => {
  it.each<[string, ProbeResponse, string, string]>([
    ['a 403', page(403), 'unverified', 'login-wall'],
    [
      'the sign-in page',
      page(200, 'https://www.zhihu.com/signin?next=%2Fp%2F338817680'),
      'unverified',
      'login-wall',
    ],
    [
      'the unhuman captcha',
      page(200, 'https://www.zhihu.com/account/unhuman?type=unhuman'),
      'unverified',
      'bot-wall',
    ],
    [
      'an error page served with 200',
      page(200, ARTICLE, NOT_FOUND.replace('404 - 知乎', '知乎')),
      'broken',
      'content-removed',
    ],
  ])('%s → %s %s', (_name, response, status, reason) => {
    expect(readZhihuPage(response)).toMatchObject({ kind: 'outcome', outcome: { status, reason } });
  });

  it('quotes the error page', () => {
    expect(readZhihuPage(page(200, ARTICLE, NOT_FOUND))).toMatchObject({
      outcome: { detail: 'Zhihu says "你似乎来到了没有知识存在的荒原"' },
    });
  });

  it.each<[string, ProbeResponse]>([
    [
      'a live article',
      page(
        200,
        ARTICLE,
        '<title>图解 Transformer - 知乎</title><h1 class="Post-Title">图解 Transformer</h1>',
      ),
    ],
    ['a 500', page(500)],
    ['a failure', { kind: 'failure', reason: 'timeout' }],
  ])('is inconclusive for %s', (_name, response) => {
    expect(readZhihuPage(response).kind).toBe('inconclusive');
  });

  it('fetches the page itself when the run has none', async () => {
    const { fetch, requested } = fakeProbeFetch({ [ARTICLE]: page(403) });
    const verdict = await zhihuProbe.run(zhihuProbe.match(new URL(`${ARTICLE}#x`))!, fetch);
    expect(verdict).toMatchObject({ outcome: { reason: 'login-wall' } });
    expect(requested).toEqual([ARTICLE]);
  });
});
