import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fakeProbeFetch } from '../../test/helpers/fake-probe-fetch.js';
import { verdictSummary } from '../../test/helpers/probe-verdict.js';
import { itDoesNotApplyTo, itMatchesAs } from '../../test/helpers/probe-match.js';
import type { CheckOutcome } from '../domain.js';
import type { ProbeResponse } from './probe.js';
import { readTransferLink, readWechatPage, wechatProbe } from './wechat.js';

function fixture(name: string): string {
  return readFileSync(new URL(`../../test/fixtures/pages/wechat/${name}`, import.meta.url), 'utf8');
}

const ARTICLE = 'https://mp.weixin.qq.com/s/Xk3cQ1vR8pYtLmN0aBcDeF';
const BIZ_ARTICLE =
  'https://mp.weixin.qq.com/s?__biz=MzA3MzI4MjgzMw==&mid=2650826543&idx=1&sn=5c1d8e';

function page(body: string | undefined, finalUrl = ARTICLE, status = 200): ProbeResponse {
  return { kind: 'response', status, finalUrl, body, contentType: 'text/html; charset=utf-8' };
}

const summary = verdictSummary;

describe('wechatProbe.match', () => {
  // An article's key is its canonical URL.
  itMatchesAs(wechatProbe, [
    [ARTICLE, ARTICLE, ARTICLE],
    [`${ARTICLE}#rd`, ARTICLE, ARTICLE],
    [`${BIZ_ARTICLE}#rd`, BIZ_ARTICLE, BIZ_ARTICLE],
  ]);

  itDoesNotApplyTo(wechatProbe, [
    'https://mp.weixin.qq.com/',
    'https://mp.weixin.qq.com/s/',
    'https://mp.weixin.qq.com/s?src=3',
    'https://mp.weixin.qq.com/cgi-bin/home',
    'https://weixin.qq.com/s/Xk3cQ1vR8pYtLmN0aBcDeF',
    'https://mp.weixin.qq.com.example.test/s/Xk3cQ1vR8pYtLmN0aBcDeF',
  ]);
});

describe('readWechatPage', () => {
  it.each<[string, string, string]>([
    ['deleted by the author', 'deleted-by-author.html', 'broken:content-removed'],
    ['removed for a violation', 'violation.html', 'broken:content-removed'],
    ['account blocked', 'account-blocked.html', 'broken:content-removed'],
    ['account closed', 'account-closed.html', 'broken:content-removed'],
    ['infringement (half-width comma)', 'infringement.html', 'broken:content-removed'],
    ['an expired link', 'link-expired.html', 'broken:content-removed'],
    ['the account moved, with the new link', 'migrated.html', 'redirected:permanent-redirect'],
    ['the account moved, no link', 'migrated-no-link.html', 'unverified:content-moved'],
    ['the verification wall', 'verify.html', 'unverified:bot-wall'],
    ['a live article (which quotes a removal message)', 'live-article.html', 'confirmed'],
  ])('%s → %s', (_name, name, expected) => {
    expect(summary(readWechatPage(page(fixture(name))))).toBe(expected);
  });

  it.each<[string, string, CheckOutcome]>([
    [
      "puts the platform's own words in the detail",
      'deleted-by-author.html',
      {
        status: 'broken',
        reason: 'content-removed',
        httpStatus: 200,
        detail: 'WeChat says "该内容已被发布者删除"',
      },
    ],
    [
      'follows a migration to the link the page gives, unescaped',
      'migrated.html',
      {
        status: 'redirected',
        reason: 'permanent-redirect',
        httpStatus: 200,
        finalUrl:
          'https://mp.weixin.qq.com/s?__biz=MzI0ODcxODk5OA==&mid=2247483661&idx=1&sn=0a1b2c3d4e5f60718293a4b5c6d7e8f9#rd',
      },
    ],
  ])('%s', (_what, name, outcome) => {
    expect(readWechatPage(page(fixture(name)))).toEqual({ kind: 'outcome', outcome });
  });

  it('matches the infringement notice with a full-width comma too', () => {
    const html = fixture('infringement.html').replace('侵权,无法查看', '侵权，无法查看');
    expect(readWechatPage(page(html))).toMatchObject({
      outcome: {
        reason: 'content-removed',
        detail: 'WeChat says "此内容被投诉且经审核涉嫌侵权，无法查看。"',
      },
    });
  });

  it("keeps the article's own title", () => {
    expect(readWechatPage(page(fixture('live-article.html')))).toEqual({
      kind: 'confirmed',
      title: '图解 Transformer：从注意力到大语言模型',
    });
  });

  it('reads the title from var msg_title when there is no og:title', () => {
    const html = fixture('live-article.html').replace(/<meta property="og:title"[^>]*>/, '');
    expect(readWechatPage(page(html))).toEqual({
      kind: 'confirmed',
      title: '图解 Transformer：从注意力到大语言模型',
    });
  });

  it('calls a redirect to the captcha page a verification wall', () => {
    const captcha = 'https://mp.weixin.qq.com/mp/wappoc_appmsgcaptcha?poc_token=abc&target_url=x';
    expect(summary(readWechatPage(page('<html><body></body></html>', captcha)))).toBe(
      'unverified:bot-wall',
    );
  });

  it.each<[string, ProbeResponse]>([
    [
      '参数错误 (a malformed link, or a checker refused)',
      page(fixture('deleted-by-author.html').replace('该内容已被发布者删除', '参数错误')),
    ],
    ['an empty page', page('<html><head><title></title></head><body></body></html>')],
    ['no body', page(undefined)],
    ['a page that ended elsewhere', page('<title>x</title>', 'https://weixin.qq.com/')],
    ['a network failure', { kind: 'failure', reason: 'reset' }],
  ])('is inconclusive for %s', (_name, response) => {
    expect(summary(readWechatPage(response))).toBe('inconclusive');
  });
});

describe('readTransferLink', () => {
  it.each<[string, string | undefined]>([
    [
      "var transferTargetLink = 'https://mp.weixin.qq.com/s/new';",
      'https://mp.weixin.qq.com/s/new',
    ],
    [
      'transferTargetLink="http:\\/\\/mp.weixin.qq.com\\/s?a=1&amp;b=2"',
      'http://mp.weixin.qq.com/s?a=1&b=2',
    ],
    ["var transferTargetLink = '';", undefined],
    ["var transferTargetLink = 'javascript:alert(1)';", undefined],
    ['no variable at all', undefined],
  ])('%s → %s', (html, expected) => {
    expect(readTransferLink(html)).toBe(expected);
  });
});

describe('wechatProbe.run', () => {
  it('judges the page the run already fetched, without a request', async () => {
    const { fetch, requested } = fakeProbeFetch({});
    const match = wechatProbe.match(new URL(ARTICLE))!;
    const verdict = await wechatProbe.run(match, fetch, page(fixture('violation.html')));
    expect(summary(verdict)).toBe('broken:content-removed');
    expect(requested).toEqual([]);
  });

  it('fetches the page itself when the run has none', async () => {
    const { fetch, requested } = fakeProbeFetch({ [ARTICLE]: page(fixture('live-article.html')) });
    const verdict = await wechatProbe.run(wechatProbe.match(new URL(ARTICLE))!, fetch);
    expect(summary(verdict)).toBe('confirmed');
    expect(requested).toEqual([ARTICLE]);
  });
});
