import { describe, expect, it } from 'vitest';
import { anyWordHint } from './html-lookahead.js';
import { scanHtml } from './html-scan.js';
import type { HtmlScan, HtmlScanRequest } from './html-scan-request.js';

const ARTICLE = '<p>Attention mixes tokens; each layer adds a residual update.</p>\n'.repeat(3_000);
const LONG_HEAD = `<style>${'.a{color:red}\n'.repeat(10_000)}</style>`;
const EVERYTHING: HtmlScanRequest = {
  headings: { max: 20 },
  sources: {},
  passwordField: {},
  bodyText: { maxNonSpaceChars: 10_000 },
};

describe('scanHtml', () => {
  // Each expectation is what cheerio (htmlparser2 build) gives for the same selector.
  // prettier-ignore
  const rows: [string, string, HtmlScanRequest, Partial<HtmlScan>][] = [
    ['nested text in an h1', '<h1>Hello <b>big</b> <i>wide <u>world</u></i></h1>', {}, { h1: 'Hello big wide world' }],
    ['entities in text', '<title>Tom &amp; Jerry &lt;3 &#x41;&nbsp;B</title>', {}, { title: 'Tom & Jerry <3 A\u00a0B' }],
    ['entities in attributes', '<meta property="og:title" content="R&amp;D &quot;notes&quot;">', {}, { ogTitle: 'R&D "notes"' }],
    ['a title is raw text', '<title>a <b>bold</b> title</title>', {}, { title: 'a <b>bold</b> title' }],
    ['upper-case tags and attributes', '<TITLE>T</TITLE><META PROPERTY="og:title" CONTENT="O"><H1>H</H1><INPUT TYPE=PassWord>', { passwordField: {} }, { title: 'T', ogTitle: 'O', h1: 'H', hasPasswordField: true }],
    ['og property values are case-sensitive', '<meta property="OG:TITLE" content="no"><meta property="og:site_name" content="Site">', {}, { ogTitle: undefined, ogSiteName: 'Site' }],
    ['the first element wins', '<title>One</title><title>Two</title><h1>A</h1><h1>B</h1><meta property="og:title"><meta property="og:title" content="late">', {}, { title: 'One', h1: 'A', ogTitle: undefined }],
    ['an svg title before the page title', '<body><svg><title>icon</title></svg><title>Page</title></body>', {}, { title: 'icon' }],
    ['a title after a huge head', `<head>${LONG_HEAD}<title>Late title</title></head><body>${ARTICLE}</body>`, {}, { title: 'Late title' }],
    ['an unclosed title runs to the end', '<title>Only a title <b>still</b>', {}, { title: 'Only a title <b>still</b>' }],
    ['an unclosed h1 holds what follows', '<h1>Heading<p>para</p>', {}, { h1: 'Headingpara' }],
    ['<h1> inside a script is not a heading', '<script>document.write("<h1>Fake</h1>")</script><h1>Real</h1>', { headings: { max: 20 } }, { h1: 'Real', headings: ['Real'] }],
    ['a script inside an h1 is part of its text', '<h1>A<script>var b = "<h2>c</h2>"</script></h1>', { headings: { max: 20 } }, { h1: 'Avar b = "<h2>c</h2>"', headings: ['Avar b = "<h2>c</h2>"'] }],
    ['<h1> in a comment, a textarea or CDATA is not a heading', '<!-- <h1>c</h1> --><textarea><h1>t</h1></textarea><h1><![CDATA[x]]>y</h1>', {}, { h1: 'y' }],
    ['headings nest and keep document order', '<h2>Top</h2><h1>Outer <h2>inner</h2></h1>', { headings: { max: 20 } }, { h1: 'Outer inner', headings: ['Top', 'Outer inner', 'inner'] }],
    ['at most max headings', '<h1>1</h1><h2>2</h2><h2>3</h2><h1>4</h1>', { headings: { max: 3 } }, { h1: '1', headings: ['1', '2', '3'] }],
    ['headings only when asked', '<h1>1</h1><h2>2</h2>', {}, { headings: [] }],
    ['sources of scripts and frames', '<script src="/a.js"></script><script>inline()</script><iframe src="//b.test/f"></iframe><frame src=""><img src="/c.png">', { sources: {} }, { sources: ['/a.js', '//b.test/f', ''] }],
    ['password fields: any case, unquoted', '<input type=text><input TYPE=PASSWORD>', { passwordField: {} }, { hasPasswordField: true }],
    ['a password type with padding is not one', '<input type="password "><input type="passwords">', { passwordField: {} }, { hasPasswordField: false }],
    ['visible body text', '<head><title>T</title></head><body>a<script>b</script><noscript>c</noscript><template>d</template><style>e</style> f</body>after', { bodyText: { maxNonSpaceChars: 100 } }, { bodyText: 'a f' }],
    ['text outside <body> is not body text', '<html>x<body>y</body></html>', { bodyText: { maxNonSpaceChars: 100 } }, { bodyText: 'y' }],
    ['a nested body counts twice, as $("body").text() does', '<body>a<div><body>b</body></div></body>', { bodyText: { maxNonSpaceChars: 100 } }, { bodyText: 'abb' }],
    ['an unclosed script hides the rest', '<body>seen<script>var h = "<h1>x</h1>"', { bodyText: { maxNonSpaceChars: 100 } }, { bodyText: 'seen', h1: undefined }],
    ['no body text unless asked', '<body>text</body>', {}, { bodyText: '' }],
    ['an empty document', '', EVERYTHING, { title: undefined, h1: undefined, ogTitle: undefined, headings: [], sources: [], hasPasswordField: false, bodyText: '' }],

    // The scan stops early only when nothing it still wants can come.
    ['a password field at the end of a long page', `<title>Sign in</title><h1>Sign in</h1>${ARTICLE}<form><input type="password"></form>`, { passwordField: { hint: /type\s*=\s*["']?password/i } }, { hasPasswordField: true }],
    ['an h1 after a long navigation', `<title>T</title><nav>${ARTICLE}</nav><h1>Late heading</h1>`, {}, { h1: 'Late heading' }],
    ['an og:title in the body of a long page', `<title>T</title><h1>H</h1>${ARTICLE}<meta property="og:title" content="Late og">`, {}, { ogTitle: 'Late og' }],
    ['a parking script at the end of a long page', `<title>T</title><h1>H</h1>${ARTICLE}<script src="https://parking.bodis.com/a.js"></script>`, { sources: { hint: anyWordHint(['bodis.com']) } }, { sources: ['https://parking.bodis.com/a.js'] }],
    ['sources that cannot hold the hint are not read', '<script src="/early.js"></script><script src="https://parking.bodis.com/a.js"></script><script src="/late.js"></script>', { sources: { hint: anyWordHint(['bodis.com']) } }, { sources: ['/early.js', 'https://parking.bodis.com/a.js'] }],
    ['a marked class among other classes', '<div class="weui-msg__title warn">该内容已被发布者删除</div>', { marked: ['.weui-msg__title'] }, { marked: { '.weui-msg__title': '该内容已被发布者删除' } }],
    ['a marked id, with nested text', '<div id="share_nofound_des">啊哦，<b>你来晚了</b></div>', { marked: ['#share_nofound_des'] }, { marked: { '#share_nofound_des': '啊哦，你来晚了' } }],
    ['the first marked element wins; a longer class name is another class', '<p class="msg__title_x">no</p><p class="msg__title">one</p><p class="msg__title">two</p>', { marked: ['.msg__title'] }, { marked: { '.msg__title': 'one' } }],
    ['an element marked twice answers both selectors', '<p id="m" class="t">both</p>', { marked: ['.t', '#m'] }, { marked: { '.t': 'both', '#m': 'both' } }],
    ['a marked element cut off by the body cap keeps its text so far', '<p class="t">cut <b>here', { marked: ['.t'] }, { marked: { '.t': 'cut here' } }],
    ['a marked element at the end of a long page', `<title>T</title><h1>H</h1>${ARTICLE}<p class="weui-msg__title">late</p>`, { marked: ['.weui-msg__title'] }, { marked: { '.weui-msg__title': 'late' } }],
    // Bounded: with the title, heading and og metas read and no literal class name ahead, the
    // scan stops; a class spelled with character references is not waited for (decision 12).
    ['a marked class not spelled literally is not waited for', `<title>T</title><meta property="og:title" content="O"><meta property="og:site_name" content="S"><h1>H</h1>${ARTICLE}<p class="weui&#45;msg__title">late</p>`, { marked: ['.weui-msg__title'] }, { marked: {} }],
    ['marked texts only when asked', '<p class="weui-msg__title">x</p>', {}, { marked: {} }],
    ['headings that cannot hold the hint are not read', '<h1>Domain for sale</h1><h2>Contact</h2><h2>About</h2>', { headings: { max: 20, hint: /sale/i } }, { headings: ['Domain for sale'] }],
    ['a heading that opened before the hint is read whole', '<h1>Domain <b>for sale</b> today</h1><h2>About</h2>', { headings: { max: 20, hint: /sale/i } }, { headings: ['Domain for sale today'] }],
  ];

  it.each(rows)('%s', (_name, html, request, expected) => {
    const scan = scanHtml(html, request);
    expect(scan).toMatchObject(expected);
    // toMatchObject takes `{}` as "any object": marked texts are compared whole.
    expect(scan.marked).toEqual(expected.marked ?? scan.marked);
  });

  it('stops reading body text past the limit, without losing what decides', () => {
    const scan = scanHtml(`<body>${ARTICLE}<h1>After</h1></body>`, {
      bodyText: { maxNonSpaceChars: 100 },
    });
    expect(scan.bodyText.replace(/\s+/g, '').length).toBeGreaterThan(100);
    expect(scan.bodyText.length).toBeLessThan(1_000);
    // The h1 is still wanted, so the scan read on to it.
    expect(scan.h1).toBe('After');
  });
});
