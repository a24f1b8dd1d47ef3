import { describe, expect, it } from 'vitest';
import { findUrlProblems, parseLinkUrl } from './normalize-url.js';

const SEED_URL =
  'https://mlabonne.github.io/blog/posts/ExLlamaV2_The_Fastest_Library_to_Run LLMs.html';
const SEED_URL_FIXED =
  'https://mlabonne.github.io/blog/posts/ExLlamaV2_The_Fastest_Library_to_Run%20LLMs.html';

describe('parseLinkUrl', () => {
  it.each([
    ['https://example.test/a', 'https://example.test/a'],
    ['  https://example.test/a  ', 'https://example.test/a'],
    ['HTTPS://Example.TEST', 'https://example.test/'],
    ['https://example.test:443/a/../b', 'https://example.test/b'],
    ['http://example.test:80/', 'http://example.test/'],
    ['https://example.test/a#section-2', 'https://example.test/a#section-2'],
    [SEED_URL, SEED_URL_FIXED],
    // A no-break space is what the real post URL has; browsers send it as UTF-8.
    [
      'https://mlabonne.github.io/blog/posts/ExLlamaV2_The_Fastest_Library_to_Run\u00a0LLMs.html',
      'https://mlabonne.github.io/blog/posts/ExLlamaV2_The_Fastest_Library_to_Run%C2%A0LLMs.html',
    ],
    [
      'https://example.test/路径?q=中 文#片 段',
      'https://example.test/%E8%B7%AF%E5%BE%84?q=%E4%B8%AD%20%E6%96%87#%E7%89%87%20%E6%AE%B5',
    ],
    ['https://例子.测试/', 'https://xn--fsqu00a.xn--0zwm56d/'],
    ['https://example.test/a%20b', 'https://example.test/a%20b'],
    ['https://[::1]:8080/x', 'https://[::1]:8080/x'],
  ])('%j is ok as %s', (text, href) => {
    const parsed = parseLinkUrl(text);
    expect(parsed).toMatchObject({ kind: 'ok', id: href });
    expect(parsed.kind === 'ok' && parsed.url.href).toBe(href);
  });

  it('gives two spellings of one URL the same id', () => {
    const a = parseLinkUrl('https://Example.test/a b');
    const b = parseLinkUrl('https://example.test/a%20b');
    expect(a.kind === 'ok' && b.kind === 'ok' && a.id === b.id).toBe(true);
  });

  it.each([
    ['ftp://example.test/file', 'ftp'],
    ['mailto:someone@example.test', 'mailto'],
    ['javascript:alert(1)', 'javascript'],
    ['htp://example.test', 'htp'],
    ['FILE:///etc/passwd', 'file'],
  ])('%j has the unsupported scheme %s', (text, scheme) => {
    expect(parseLinkUrl(text)).toEqual({ kind: 'unsupported-scheme', scheme });
  });

  it.each([
    ['', 'the URL is empty', undefined],
    ['   ', 'the URL is empty', undefined],
    ['example.test/page', '"example.test/page" has no scheme', 'https://example.test/page'],
    ['www.example.test', '"www.example.test" has no scheme', 'https://www.example.test'],
    ['//example.test/x', '"//example.test/x" has no scheme', 'https://example.test/x'],
    ['example.test:8080/x', '"example.test:8080/x" has no scheme', 'https://example.test:8080/x'],
    ['not a url', '"not a url" has no scheme', undefined],
    ['https://exa mple.test/', '"https://exa mple.test/" is not a valid URL', undefined],
    ['https://', '"https://" is not a valid URL', undefined],
    ['http://[::1/', '"http://[::1/" is not a valid URL', undefined],
  ])('%j is invalid: %s', (text, message, suggestion) => {
    // The detail (what a translated message needs) is asserted by the lint texts' tests.
    expect(parseLinkUrl(text)).toMatchObject({
      kind: 'invalid',
      message,
      ...(suggestion === undefined ? {} : { suggestion }),
    });
  });
});

describe('findUrlProblems', () => {
  it.each([
    ['https://example.test/a', []],
    ['https://example.test/a%20b', []],
    ['https://example.test/路径', []],
    [
      SEED_URL,
      [{ kind: 'contains-space', message: 'the URL contains a space', suggestion: SEED_URL_FIXED }],
    ],
    [
      'https://example.test/a\u00a0b\u3000c',
      [
        {
          kind: 'contains-space',
          message: 'the URL contains whitespace U+00A0 and whitespace U+3000',
          suggestion: 'https://example.test/a%C2%A0b%E3%80%80c',
        },
      ],
    ],
    [
      'http://example.test/a',
      [
        {
          kind: 'insecure-http',
          message: 'the URL uses http://; prefer https://',
          suggestion: 'https://example.test/a',
        },
      ],
    ],
    [
      'HTTP://example.test/a b',
      [
        {
          kind: 'contains-space',
          message: 'the URL contains a space',
          suggestion: 'HTTP://example.test/a%20b',
        },
        {
          kind: 'insecure-http',
          message: 'the URL uses http://; prefer https://',
          suggestion: 'https://example.test/a b',
        },
      ],
    ],
    [
      'htp://example.test',
      [
        {
          kind: 'unsupported-scheme',
          message: '"htp:" is not an http(s) URL, so it cannot be checked',
          suggestion: 'http://example.test',
        },
      ],
    ],
    [
      'ftp://example.test/file',
      [
        {
          kind: 'unsupported-scheme',
          message: '"ftp:" is not an http(s) URL, so it cannot be checked',
        },
      ],
    ],
    [
      'example.test/page',
      [
        {
          kind: 'unparseable',
          message: '"example.test/page" has no scheme',
          suggestion: 'https://example.test/page',
        },
      ],
    ],
    [
      'https://exa mple.test/',
      [{ kind: 'unparseable', message: '"https://exa mple.test/" is not a valid URL' }],
    ],
  ])('%j', (text, expected) => {
    expect(findUrlProblems(text)).toMatchObject(expected);
  });
});
