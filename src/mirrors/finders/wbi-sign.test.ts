import { describe, expect, it } from 'vitest';
import { keyOfUrl, mixinKeyOf, signWbiQuery } from './wbi-sign.js';

// The worked example of bilibili-API-collect's docs/misc/sign/wbi.md.
const KEYS = {
  imgKey: '7cd084941338484aae1ad9425b84077c',
  subKey: '4932caff0ff746eab6f01bf08b70ac45',
};

describe('WBI signature', () => {
  it('derives the documented mixin key', () => {
    expect(mixinKeyOf(KEYS)).toBe('ea1db124af3c7062474693fa704f4ff8');
  });

  it('signs the documented example: sorted, wts added, w_rid last', () => {
    expect(signWbiQuery({ foo: '114', bar: '514', zab: '1919810' }, KEYS, 1702204169)).toBe(
      'bar=514&foo=114&wts=1702204169&zab=1919810&w_rid=8f6f2b5b3d485fe1886cec6a0be8c5d4',
    );
  });

  it("percent-encodes like encodeURIComponent and drops !'()* from values", () => {
    const query = signWbiQuery({ keyword: "what's (a) net* 网络" }, KEYS, 1);
    expect(query.startsWith('keyword=whats%20a%20net%20%E7%BD%91%E7%BB%9C&wts=1&w_rid=')).toBe(
      true,
    );
  });

  it.each([
    ['https://i0.hdslb.com/bfs/wbi/7cd084941338484aae1ad9425b84077c.png', KEYS.imgKey],
    ['', undefined],
  ])('reads the key of %j', (url, key) => {
    expect(keyOfUrl(url)).toBe(key);
  });
});
