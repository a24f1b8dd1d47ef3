import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isSignInUrl } from './login-wall.js';
import { readPageSignals, type PageSignals } from './page-signals.js';

function fixture(name: string): string {
  return readFileSync(new URL(`../../test/fixtures/pages/${name}`, import.meta.url), 'utf8');
}

/** A small page; `head` and `body` are raw HTML. */
function page(parts: { title?: string; h1?: string; head?: string; body?: string }): string {
  const title = parts.title === undefined ? '' : `<title>${parts.title}</title>`;
  const h1 = parts.h1 === undefined ? '' : `<h1>${parts.h1}</h1>`;
  return `<!doctype html><html><head><meta charset="utf-8">${title}${parts.head ?? ''}</head><body>${h1}${parts.body ?? ''}</body></html>`;
}

const ARTICLE_TEXT = '<p>Transformers process tokens in parallel using self-attention.</p>'.repeat(
  20,
);

type Flag = 'soft-404' | 'parked' | 'bot-challenge' | 'login-wall';

function flagsOf(signals: PageSignals): Flag[] {
  const flags: Flag[] = [];
  if (signals.isSoft404) flags.push('soft-404');
  if (signals.isParked) flags.push('parked');
  if (signals.isBotChallenge) flags.push('bot-challenge');
  if (signals.isLoginWall) flags.push('login-wall');
  return flags;
}

const url = (text: string) => new URL(text);

describe('readPageSignals', () => {
  // prettier-ignore
  const rows: [string, string, URL, Flag[]][] = [
    // Soft 404s
    ['GitHub 404 page', fixture('github-404.html'), url('https://github.com/example/gone-repo'), ['soft-404']],
    ['Zhihu 404 (title "404 - 知乎")', fixture('zhihu-not-found.html'), url('https://zhuanlan.zhihu.com/p/1'), ['soft-404']],
    ['CSDN 页面不存在', fixture('csdn-page-missing.html'), url('https://blog.csdn.net/u/article/details/1'), ['soft-404']],
    ['plain "404 Not Found"', page({ title: '404 Not Found', h1: 'Not Found' }), url('https://example.test/a'), ['soft-404']],
    ['Next.js default', page({ title: '404: This page could not be found', h1: '404' }), url('https://example.test/a'), ['soft-404']],
    ['WordPress theme', page({ title: 'Page not found – Example Blog', h1: 'Oops! That page can’t be found.' }), url('https://example.test/a'), ['soft-404']],
    ['three segments, site last', page({ title: '404 - Page not found | Example' }), url('https://example.test/a'), ['soft-404']],
    ['"doesn\'t exist" sentence', page({ title: "The page you're looking for doesn't exist" }), url('https://example.test/a'), ['soft-404']],
    ['Instagram-style unavailable', page({ title: "Sorry, this page isn't available." }), url('https://example.test/a'), ['soft-404']],
    ['Chinese title 页面不存在', page({ title: '页面不存在-示例网' }), url('https://example.test/a'), ['soft-404']],
    ['Chinese 找不到页面', page({ title: '404 找不到页面' }), url('https://example.test/a'), ['soft-404']],
    ['Chinese h1 under a site-name title', page({ title: '示例网', h1: '抱歉，你要找的页面不存在！' }), url('https://example.test/a'), ['soft-404']],
    // A platform's status element (only on its own hosts), bounded like the rest of the scan.
    ['WeChat: "not found" in weui-msg__title, empty title', page({ title: '', body: '<div class="weui-msg"><div class="weui-msg__title warn">页面不存在</div></div>' }), url('https://mp.weixin.qq.com/s/abc'), ['soft-404']],
    ['WeChat: the message after a long page', page({ title: '', body: `${ARTICLE_TEXT}<p class="weui-msg__title">Page not found</p>` }), url('https://mp.weixin.qq.com/s/abc'), ['soft-404']],
    ['the same element on another host says nothing', page({ title: 'Blog', body: '<div class="weui-msg__title">页面不存在</div>' }), url('https://blog.example.test/a'), []],
    ['Baidu Netdisk: share_nofound_des', page({ title: '百度网盘', body: '<div id="share_nofound_des">页面不存在</div>' }), url('https://pan.baidu.com/s/1abc'), ['soft-404']],
    ['WeChat: an article whose message element talks about something else', page({ title: '', body: '<p class="weui-msg__title">该内容已被发布者删除</p>' }), url('https://mp.weixin.qq.com/s/abc'), []],
    ['Medium-style: title is the site, h1 is "404"', page({ title: 'Medium', h1: '404' }), url('https://medium.com/@x/gone'), ['soft-404']],
    ['a 200 KB page titled "not found"', page({ title: 'Page not found · Example', body: ARTICLE_TEXT.repeat(155) }), url('https://example.test/a'), ['soft-404']],
    ['an h1 "404" after a 150 KB head of inlined styles', page({ title: 'Medium', head: `<style>${'a{}'.repeat(50_000)}</style>`, h1: '404' }), url('https://medium.com/@x/gone'), ['soft-404']],
    // A page with 150 KB of content before its first heading is not an error page.
    ['an h1 "404" 150 KB down a site-name-titled page is past the signals', page({ title: 'Medium', body: ARTICLE_TEXT.repeat(115) + '<h1>404</h1>' }), url('https://medium.com/@x/gone'), []],
    ['WeChat: the message 150 KB down (its pages are read whole)', page({ title: '', body: `${ARTICLE_TEXT.repeat(115)}<p class="weui-msg__title">Page not found</p>` }), url('https://mp.weixin.qq.com/s/abc'), ['soft-404']],
    ['og:title only', page({ head: '<meta property="og:title" content="Page Not Found">' }), url('https://example.test/a'), ['soft-404']],
    ['redirected to a /404 page', page({ title: 'Example' }), url('https://example.test/404.html'), ['soft-404']],
    ['redirected to /page-not-found', page({ title: 'Example' }), url('https://example.test/page-not-found/'), ['soft-404']],
    ['redirected to a localised /zh-CN/404', page({ title: 'Example' }), url('https://example.test/zh-CN/404'), ['soft-404']],

    // Pages about 404 that are not 404s
    ['MDN article on 404', fixture('mdn-404-article.html'), url('https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/404'), []],
    ['how-to article', page({ title: '404 Not Found: What It Means and How to Fix It', h1: '404 Not Found', body: ARTICLE_TEXT, }), url('https://example.test/blog/fix-404'), []],
    ['article titled "404 Not Found - What it means | Blog"', page({ title: '404 Not Found - What it means | Blog', body: ARTICLE_TEXT }), url('https://example.test/b'), []],
    ['article whose lead segment is just "404"', page({ title: '404 | Why Your Site Keeps Returning This Error' }), url('https://example.test/b'), []],
    ['article with h1 "404" under a descriptive title', page({ title: 'Understanding HTTP status codes for beginners', h1: '404' }), url('https://example.test/b'), []],
    ['body text mentions not found', page({ title: 'Debugging a model server', body: '<p>The server said 404 Not Found. This page could not be found.</p>', }), url('https://example.test/b'), []],
    ['page about 404 whose path ends in /404', page({ title: 'HTTP status reference' }), url('https://example.test/docs/http/status/404'), []],
    ['path merely contains 404', page({ title: 'Error 404 in PyTorch hub | Blog', body: ARTICLE_TEXT }), url('https://example.test/posts/404-in-pytorch-hub'), []],

    // Parked domains
    ['Sedo parking page', fixture('parked-sedo.html'), url('https://llm-course-example.com/'), ['parked']],
    ['"This domain is for sale" heading', page({ title: 'example-llm.com', h1: 'This domain is for sale!' }), url('https://example-llm.com/'), ['parked']],
    ['"example.com is for sale"', page({ title: 'example-llm.com is for sale | Dan.com' }), url('https://example-llm.com/'), ['parked']],
    ['redirected to HugeDomains', page({ title: 'ExampleLLM.com | Buy Domain Names' }), url('https://www.hugedomains.com/domain_profile.cfm?d=examplellm.com'), ['parked']],
    ['Bodis script', page({ title: 'example-llm.com', head: '<script src="https://parking.bodis.com/lander.js"></script>', }), url('https://example-llm.com/'), ['parked']],
    ['GoDaddy /lander shell', page({ head: '<script>window.onload=function(){window.location.href="/lander"}</script>' }), url('https://example-llm.com/'), ['parked']],
    ['Chinese 域名出售', page({ title: '该域名正在出售' }), url('https://example-llm.cn/'), ['parked']],
    ['parking frame after a long page', page({ title: 'example-llm.com', body: ARTICLE_TEXT.repeat(40) + '<iframe src="https://www.sedoparking.com/frmpark/x"></iframe>' }), url('https://example-llm.com/'), ['parked']],
    ['relative script on a parking host', page({ title: 'Welcome', head: '<script src="/js/park.js"></script>' }), url('https://www.sedoparking.com/lander'), ['parked']],
    ['for-sale heading after many others', page({ title: 'example-llm.com', body: '<h2>Welcome</h2>'.repeat(5) + ARTICLE_TEXT.repeat(20) + '<h2>Buy this domain</h2>' }), url('https://example-llm.com/'), ['parked']],
    ['article about domain parking', page({ title: 'How Sedo domain parking works | Blog', body: '<p>Parking services such as sedoparking.com and bodis.com show ads.</p>' + ARTICLE_TEXT, }), url('https://example.test/blog/parking'), []],

    // Bot challenges
    ['Cloudflare managed challenge', fixture('cloudflare-challenge.html'), url('https://example.test/paper'), ['bot-challenge']],
    ['Cloudflare WAF block', page({ title: 'Attention Required! | Cloudflare', h1: 'Sorry, you have been blocked' }), url('https://example.test/a'), ['bot-challenge']],
    ['Cloudflare challenge in Chinese', page({ title: '请稍候…' }), url('https://example.test/a'), ['bot-challenge']],
    ['DataDome captcha', page({ body: '<script src="https://ct.captcha-delivery.com/c.js"></script><iframe src="https://geo.captcha-delivery.com/captcha/?initialCid=x"></iframe>', }), url('https://example.test/a'), ['bot-challenge']],
    ['PerimeterX press-and-hold', page({ title: 'Access to this page has been denied.', body: '<div id="px-captcha"></div>' }), url('https://example.test/a'), ['bot-challenge']],
    ['AWS WAF challenge', page({ body: '<script>window.gokuProps = {"key":"AQID","iv":"x","context":"y"};</script>' }), url('https://example.test/a'), ['bot-challenge']],
    ['Akamai access denied', page({ title: 'Access Denied', h1: 'Access Denied', body: '<p>Reference #18.2f3c1402 <a href="https://errors.edgesuite.net/18.2f3c1402">more</a></p>', }), url('https://example.test/a'), ['bot-challenge']],
    ['Baidu security check', page({ title: '百度安全验证' }), url('https://wenku.baidu.com/view/1'), ['bot-challenge']],
    ['marker in upper case on a bare page', page({ body: '<div id="PX-CAPTCHA"></div>' }), url('https://example.test/a'), ['bot-challenge']],
    ['long article that mentions a marker', page({ title: 'How Cloudflare challenges work', body: '<p>The page sets window._cf_chl_opt before loading.</p>' + ARTICLE_TEXT.repeat(3), }), url('https://example.test/a'), []],
    ['page with Cloudflare bot-detection script only', page({ title: 'Fine-tuning guide', head: '<script src="/cdn-cgi/challenge-platform/scripts/jsd/main.js"></script>', body: ARTICLE_TEXT, }), url('https://example.test/a'), []],

    // Login walls
    ['GitHub sign-in page', page({ title: 'Sign in to GitHub · GitHub', body: '<form action="/session"><input name="login"><input type="password" name="password"></form>', }), url('https://github.com/login?return_to=%2Forg%2Fprivate'), ['login-wall']],
    ['LinkedIn authwall', page({ title: 'Sign Up | LinkedIn' }), url('https://www.linkedin.com/authwall?trk=gf'), ['login-wall']],
    ['Chinese 登录 page with a password field', page({ title: '登录 - 示例', body: '<input type="password">' }), url('https://example.test/p/1'), ['login-wall']],
    ['accounts host with a password field', page({ title: 'Example', body: '<input type="PASSWORD">' }), url('https://accounts.example.test/'), ['login-wall']],
    ['article with a login box in its header', page({ title: 'Attention Is All You Need, explained | Blog', body: '<form><input type="password"></form>' + ARTICLE_TEXT, }), url('https://example.test/posts/attention'), []],
    ['sign-in page whose password field ends a long page', page({ title: 'Sign in · Example', body: ARTICLE_TEXT.repeat(40) + '<form><input type="password"></form>' }), url('https://example.test/p/1'), ['login-wall']],
    // Signals are read from the page's first 64 KiB, or its head and 16 KiB more (page-extent.ts).
    ['a password field 150 KB down a page is past the signals', page({ title: 'Sign in · Example', body: ARTICLE_TEXT.repeat(115) + '<form><input type="password"></form>' }), url('https://example.test/p/1'), []],
    ['tutorial titled about login', page({ title: 'Add login to your FastAPI app with OAuth2 | Blog', body: ARTICLE_TEXT }), url('https://example.test/blog/login'), []],

    // Ordinary pages
    ['ordinary article', page({ title: 'The Illustrated Transformer – Jay Alammar', h1: 'The Illustrated Transformer', body: ARTICLE_TEXT, }), url('https://example.test/illustrated-transformer/'), []],
    ['empty document', '', url('https://example.test/'), []],
  ];

  it.each(rows)('%s', (name, html, finalUrl, expected) => {
    // Rows named "redirected to …" were requested at another path and sent to finalUrl.
    const requested = name.startsWith('redirected to') ? url('https://example.test/a') : finalUrl;
    expect(flagsOf(readPageSignals(html, finalUrl, requested))).toEqual(expected);
  });

  it.each([
    ['a 404 page the link itself points at', 'https://example.test/404'],
    ['a resource whose id is 404 under a short segment', 'https://example.test/ok/404'],
    ['a localised /zh-CN/404 link', 'https://example.test/zh-CN/404'],
  ])('does not call %s a soft 404 without a redirect', (_name, address) => {
    const html = page({ title: 'Example', body: ARTICLE_TEXT });
    expect(flagsOf(readPageSignals(html, url(address), url(address)))).toEqual([]);
  });

  it.each<[string, string, string | undefined]>([
    [
      'collapses whitespace',
      page({ title: '\n  The Illustrated\n   Transformer  ' }),
      'The Illustrated Transformer',
    ],
    ['decodes entities', fixture('github-404.html'), 'Page not found · GitHub · GitHub'],
    ['missing title', page({ h1: 'Heading' }), undefined],
    ['empty title', page({ title: '   ' }), undefined],
  ])('reads the title: %s', (_name, html, expected) => {
    expect(readPageSignals(html, new URL('https://example.test/')).title).toBe(expected);
  });
});

describe('isSignInUrl', () => {
  it.each<[string, boolean]>([
    ['https://github.com/login', true],
    ['https://gitlab.com/users/sign_in', true],
    ['https://accounts.google.com/ServiceLogin?continue=x', true],
    ['https://passport.baidu.com/v2/', true],
    ['https://www.linkedin.com/authwall?trk=x', true],
    ['https://example.test/signin', true],
    ['https://example.test/blog/login-tutorial', false],
    ['https://example.test/docs/authentication', false],
    ['https://github.com/example/repo', false],
  ])('%s → %s', (text, expected) => {
    expect(isSignInUrl(new URL(text))).toBe(expected);
  });
});
