import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { matchAutoProxy, parseAutoProxyList } from './gfwlist.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../test/fixtures/region/${name}`, import.meta.url), 'utf8');

const excerptText = fixture('gfwlist-excerpt.txt');
const excerpt = parseAutoProxyList(excerptText, 'gfwlist-excerpt.txt');
const excerptBase64 = parseAutoProxyList(
  fixture('gfwlist-excerpt.base64.txt'),
  'gfwlist-excerpt.base64.txt',
);

/** Parses a list written inline, one rule a line, behind an AutoProxy header. */
const listOf = (...lines: string[]) =>
  parseAutoProxyList(['[AutoProxy 0.2.9]', ...lines].join('\n'), 'inline');

const match = (list: ReturnType<typeof listOf>, url: string) => matchAutoProxy(list, new URL(url));

describe('parseAutoProxyList on the gfwlist excerpt', () => {
  it('reads the plain list, its header and every rule line', () => {
    expect(excerpt).toMatchObject({
      name: 'gfwlist-excerpt.txt',
      encoding: 'plain',
      version: '0.2.9',
      ruleCounts: { blocking: 24, exceptions: 4 },
      skipped: [],
    });
  });

  it('reads the base64-wrapped copy as the same list', () => {
    expect(excerptBase64).toMatchObject({
      encoding: 'base64',
      version: '0.2.9',
      ruleCounts: excerpt.ruleCounts,
    });
  });

  it.each([
    // || domain rules: the host and its subdomains, any scheme
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', true, '||youtube.com'],
    ['https://youtu.be/dQw4w9WgXcQ', true, '||youtu.be'],
    ['http://youtube.com/', true, '||youtube.com'],
    ['https://youtube.com./', true, '||youtube.com'],
    ['https://colab.research.google.com/drive/1', true, '||google.com'],
    ['https://huggingface.co/datasets/x', true, '||huggingface.co'],
    ['https://hf-mirror.com/datasets/x', false, undefined],
    ['https://notyoutube.com/', false, undefined],
    ['https://youtube.com.example.net/', false, undefined],
    // ||x.co is its own rule and never a prefix of x.com
    ['https://x.co/abc', true, '||x.co'],
    ['https://x.com/karpathy', true, '||x.com'],
    ['https://x.co.uk/', false, undefined],
    // a wildcard host: indexed by its literal tail, then tested in full
    ['https://cdn3.i-scmp.com/a.jpg', true, '||cdn*.i-scmp.com'],
    ['https://img.i-scmp.com/a.jpg', false, undefined],
    ['https://i-scmp.com/', false, undefined],
    // a domain rule with a path
    [
      'https://addons.mozilla.org/en-US/firefox/addon/ublock-origin/',
      true,
      '||addons.mozilla.org/*-*/firefox/addon/ublock-origin/*',
    ],
    ['https://addons.mozilla.org/en-US/firefox/addon/privacy-badger/', false, undefined],
    // |prefix rules: the URL's start, scheme included
    ['http://85.17.73.31/g/1', true, '|http://85.17.73.31/'],
    ['https://85.17.73.31/g/1', false, undefined],
    ['http://radiko.jp/#!/live', true, '|http://radiko.jp'],
    ['https://radiko.jp/', false, undefined],
    ['https://riseup.net/en', true, '|https://riseup.net'],
    ['http://a.pimg.tw/b.png', true, '|http://*.pimg.tw/'],
    // a keyword applies to http URLs only
    ['http://www.aolnews.com/story', true, 'www.aolnews.com'],
    ['https://www.aolnews.com/story', false, undefined],
    // a regex, tested against the whole URL
    [
      'https://someone.blogspot.com/2024/01/post.html',
      true,
      '/^https?:\\/\\/[^\\/]+blogspot\\.(.*)/',
    ],
    // exceptions win over the rules they carve out of
    ['https://dl.google.com/android/sdk.zip', false, '@@||dl.google.com'],
    ['https://fonts.googleapis.com/css2?family=Inter', false, '@@||fonts.googleapis.com'],
    ['https://storage.googleapis.com/bucket/model.bin', true, '||googleapis.com'],
    ['https://tokenplus.app/', true, '||tokenplus.app'],
    ['https://www.tokenplus.app/', false, '@@||*.tokenplus.app'],
    ['https://j5o.xn--ngstr-lra8j.com', true, '||xn--ngstr-lra8j.com'],
  ])('%s → blocked %s by %s', (url, isBlocked, rule) => {
    expect(match(excerpt, url)).toEqual({ isBlocked, rule });
    expect(match(excerptBase64, url)).toEqual({ isBlocked, rule });
  });
});

describe('parseAutoProxyList formats', () => {
  it.each([
    [
      'a header after leading comment lines',
      '! Title: mine\n!\n[AutoProxy 0.2.9]\nexample.org\n',
      'plain',
    ],
    ['no header but a || line', '! mine\n||example.org\n', 'plain'],
    [
      'Windows line endings and a byte-order mark',
      '\uFEFF[AutoProxy]\r\n||example.org\r\n',
      'plain',
    ],
    [
      'base64 split over lines',
      btoa('[AutoProxy 0.2.9]\n||example.org\n').replace(/(.{8})/g, '$1\n'),
      'base64',
    ],
  ])('reads %s', (_, text, encoding) => {
    const list = parseAutoProxyList(text, 'mine');
    expect(list.encoding).toBe(encoding);
    expect(match(list, 'http://www.example.org/').isBlocked).toBe(true);
  });

  it.each([
    ['an HTML error page', '<!doctype html><title>404</title>'],
    ['keywords without a header', 'example.org\nexample.net\n'],
    ['base64 of something else', btoa('just some text\n')],
    ['an empty file', ''],
  ])('rejects %s with an InputError naming the list', (_, text) => {
    expect(() => parseAutoProxyList(text, 'rules.txt')).toThrow(InputError);
    expect(() => parseAutoProxyList(text, 'rules.txt')).toThrow(
      'rules.txt is not an AutoProxy list',
    );
  });

  it('skips regexes JavaScript cannot compile and element-hiding rules, and says why', () => {
    const list = listOf(
      '/[z-a]/',
      '/^https?:\\/\\/example\\.org/',
      'example.net##.ad',
      '[Adblock Plus 2.0]',
    );
    expect(list.ruleCounts).toEqual({ blocking: 1, exceptions: 0 });
    expect(list.skipped).toEqual([
      { line: 2, text: '/[z-a]/', reason: expect.stringContaining('cannot compile') as unknown },
      {
        line: 4,
        text: 'example.net##.ad',
        reason: expect.stringContaining('element-hiding') as unknown,
      },
      { line: 5, text: '[Adblock Plus 2.0]', reason: 'unknown header' },
    ]);
    expect(match(list, 'https://example.org/x').rule).toBe('/^https?:\\/\\/example\\.org/');
  });
});

describe('matchAutoProxy semantics', () => {
  it.each([
    // a .domain line is a keyword: http only, and the dot must be there
    [['.example.com'], 'http://www.example.com/', true],
    [['.example.com'], 'http://example.com/', false],
    [['.example.com'], 'https://www.example.com/', false],
    // keywords are substrings of the URL after the scheme, with * wildcards
    [['example.com/ads'], 'http://cdn.example.com/ads/1.gif', true],
    [['example.com/ads*.gif'], 'http://example.com/ads/1.gif', true],
    [['example.com/ads*.gif'], 'http://example.com/ads/1.png', false],
    // a trailing | anchors the end
    [['|http://example.com/|'], 'http://example.com/', true],
    [['|http://example.com/|'], 'http://example.com/page', false],
    // matching ignores case, as Adblock Plus does
    [['|http://www.dmm.com/netgame'], 'http://www.dmm.com/NetGame/top', true],
    // internationalised names match their punycode form
    [['||bücher.example'], 'https://shop.bücher.example/', true],
    // an exception wins wherever it stands in the list
    [['@@||docs.example.org', '||example.org'], 'https://docs.example.org/', false],
    [['||example.org', '@@||docs.example.org'], 'https://www.example.org/', true],
    [['||example.org', '@@|https://example.org/public'], 'https://example.org/public/a', false],
    [['||example.org', '@@/\\/public\\//'], 'https://example.org/public/a', false],
  ])('%j: %s blocked %s', (lines, url, isBlocked) => {
    expect(match(listOf(...lines), url).isBlocked).toBe(isBlocked);
  });

  it('names the most specific domain rule when several match', () => {
    const list = listOf('||example.org', '||docs.example.org');
    expect(match(list, 'https://api.docs.example.org/').rule).toBe('||docs.example.org');
  });

  it('finds one rule among thousands through the host index', () => {
    const lines = Array.from({ length: 6000 }, (_, index) => `||site${index}.example`);
    const list = listOf(...lines, '|http://prefix.example/path', 'keyword-in-url');
    expect(list.blocking.byDomain.size).toBe(6000);
    expect(list.blocking.byHostStart.get('prefix.example')).toHaveLength(1);
    expect(list.blocking.scanned).toHaveLength(1);
    expect(match(list, 'https://a.site5999.example/').rule).toBe('||site5999.example');
    expect(match(list, 'https://site6000.example/').isBlocked).toBe(false);
  });
});
