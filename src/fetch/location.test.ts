import { describe, expect, it } from 'vitest';
import { headerBytesAsUtf8, resolveLocation } from './location.js';

/** A header value as undici hands it over: each byte as one latin1 character. */
const asUndiciGivesIt = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

describe('headerBytesAsUtf8', () => {
  it.each([
    ['raw UTF-8 Chinese', asUndiciGivesIt('/文档/页面'), '/文档/页面'],
    ['raw UTF-8 with an emoji', asUndiciGivesIt('/😀'), '/😀'],
    ['plain ASCII', '/docs/page?q=1', '/docs/page?q=1'],
    ['already percent-encoded', '/%E6%96%87', '/%E6%96%87'],
    ['latin1 that is not UTF-8', '/caf\u00e9', '/caf\u00e9'],
    ['a lone UTF-8 lead byte', '/\u00e6x', '/\u00e6x'],
    ['text that is not bytes', '/文档', '/文档'],
  ])('%s', (_name, value, expected) => {
    expect(headerBytesAsUtf8(value)).toBe(expected);
  });
});

describe('resolveLocation', () => {
  const current = new URL('https://www.example.test/old/page');

  it('percent-encodes decoded UTF-8 as a browser does', () => {
    const next = resolveLocation(asUndiciGivesIt('/文档?q=中 文'), current);

    expect(next).toEqual(
      new URL('https://www.example.test/%E6%96%87%E6%A1%A3?q=%E4%B8%AD%20%E6%96%87'),
    );
  });

  it.each([
    ['file:///etc/passwd', 'file'],
    ['javascript:alert(1)', 'javascript'],
    ['data:text/html,hi', 'data'],
    ['gopher://example.test/', 'gopher'],
    ['FTP://example.test/', 'ftp'],
  ])('names the scheme of %s', (location, scheme) => {
    expect(resolveLocation(location, current)).toMatchObject({
      reason: 'unsupported-redirect',
      scheme,
    });
  });

  it('calls a Location that is no URL invalid', () => {
    expect(resolveLocation('http://[bad', current)).toMatchObject({ reason: 'invalid-redirect' });
  });
});
