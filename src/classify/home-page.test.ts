import { describe, expect, it } from 'vitest';
import { isRedirectedHome, isSiteRoot } from './home-page.js';

describe('isSiteRoot', () => {
  it.each([
    ['https://example.test/', true],
    ['https://example.test', true],
    ['https://example.test/index.html', true],
    ['https://example.test/index.php', true],
    ['https://example.test/default.aspx', true],
    ['https://example.test/?from=old-page', true],
    ['https://example.test/zh-CN/', true],
    ['https://example.test/zh-cn', true],
    ['https://example.test/en-us/', true],
    ['https://example.test/zh_Hans_CN/', true],
    ['https://example.test/es-419/', true],
    ['https://example.test/ja/index.html', true],
    ['https://example.test/docs/', false],
    ['https://example.test/docs', false],
    ['https://example.test/go/', false],
    ['https://example.test/js/', false],
    ['https://example.test/v1/', false],
    ['https://example.test/api/', false],
    ['https://example.test/zh-CN/docs/', false],
    ['https://example.test/docs/index.html', false],
    ['https://example.test/#/guide/intro', false],
    ['https://example.test/#!/guide', false],
  ])('%s → %s', (url, expected) => {
    expect(isSiteRoot(new URL(url))).toBe(expected);
  });
});

describe('isRedirectedHome', () => {
  it.each([
    [
      'a deep link to /',
      'https://example.test/docs/some/old-page',
      'https://example.test/',
      1,
      true,
    ],
    [
      'a deep link to another host of the site',
      'https://docs.example.test/guide',
      'https://www.example.test/index.html',
      2,
      true,
    ],
    [
      'a deep link to a locale root',
      'https://example.test/zh-CN/docs/x',
      'https://example.test/zh-CN/',
      1,
      true,
    ],
    [
      '/docs → /docs/ (a trailing slash)',
      'https://example.test/docs',
      'https://example.test/docs/',
      1,
      false,
    ],
    [
      'http → https of the same path',
      'http://example.test/docs/a',
      'https://example.test/docs/a',
      1,
      false,
    ],
    [
      'http → https of the home page',
      'http://example.test/',
      'https://www.example.test/',
      1,
      false,
    ],
    [
      'a home page to its locale root',
      'https://example.test/',
      'https://example.test/en/',
      1,
      false,
    ],
    [
      'a locale root to another',
      'https://example.test/en/',
      'https://example.test/zh-CN/',
      1,
      false,
    ],
    [
      'a root with a query to /',
      'https://example.test/?utm_source=x',
      'https://example.test/',
      1,
      false,
    ],
    ['a deep link to another site', 'https://old.test/page', 'https://new.test/', 1, false],
    ['no redirect at all', 'https://example.test/', 'https://example.test/', 0, false],
  ])('%s → %s', (_name, requested, final, hops, expected) => {
    expect(isRedirectedHome(new URL(requested), new URL(final), hops)).toBe(expected);
  });
});
