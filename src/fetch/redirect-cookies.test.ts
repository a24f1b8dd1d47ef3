import { describe, expect, it } from 'vitest';
import { createRedirectCookies } from './redirect-cookies.js';

const at = (url: string) => new URL(url);

describe('createRedirectCookies', () => {
  it('sends a kept cookie back to its origin, under its path', () => {
    const cookies = createRedirectCookies();
    cookies.keep(at('https://www.example.test/a/b'), ['wall=1; Path=/', 'deep=1; Path=/a']);

    expect(cookies.cookieHeaderFor(at('https://www.example.test/a/c'))).toBe('deep=1; wall=1');
    expect(cookies.cookieHeaderFor(at('https://www.example.test/other'))).toBe('wall=1');
  });

  it.each([
    ['http://www.example.test/', 'the same host over plain http'],
    ['https://www.example.test:8443/', 'another port'],
    ['https://cdn.example.test/', 'a sibling the Domain attribute names'],
    ['https://example.test/', 'the parent domain'],
    ['https://www.github.test/', 'another site'],
  ])('never sends it to %s (%s)', (url) => {
    const cookies = createRedirectCookies();
    cookies.keep(at('https://www.example.test/'), ['wide=1; Domain=example.test; Path=/']);

    expect(cookies.cookieHeaderFor(at(url))).toBeUndefined();
  });

  it('drops what RFC 6265 rejects: another domain, a public suffix, an expired cookie', () => {
    const cookies = createRedirectCookies();
    cookies.keep(at('https://www.example.com/'), [
      'stolen=1; Domain=github.com',
      'suffix=1; Domain=com',
      'old=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT',
      'kept=1',
    ]);

    expect(cookies.cookieHeaderFor(at('https://www.example.com/'))).toBe('kept=1');
  });

  it('keeps a Secure cookie off plain http even on its own origin', () => {
    const cookies = createRedirectCookies();
    cookies.keep(at('http://www.example.test/'), ['s=1; Secure', 'p=1']);

    expect(cookies.cookieHeaderFor(at('http://www.example.test/'))).toBe('p=1');
  });
});
