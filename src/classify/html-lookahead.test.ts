import { describe, expect, it } from 'vitest';
import { anyWordHint } from './html-lookahead.js';

describe('anyWordHint', () => {
  it.each<[string, string, boolean]>([
    ['matches any word, in any case', 'PARKING.BODIS.COM', true],
    ['treats dots as dots', 'bodisXcom', false],
    ['matches a word with a slash and a dash', 'x/_sec/cp-challenge/', true],
    ['misses other words', 'example.test', false],
  ])('%s', (_name, text, expected) => {
    expect(anyWordHint(['bodis.com', '/_sec/cp-challenge/']).test(text)).toBe(expected);
  });
});
