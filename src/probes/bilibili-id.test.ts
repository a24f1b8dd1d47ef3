import { describe, expect, it } from 'vitest';
import { avToBv, bvToAv, isBvid } from './bilibili-id.js';

// Pairs published with the algorithm: bilibili's own announcement example (av170001), the
// three vectors of the 2020 reverse-engineering post, and bilibili-API-collect's vector for an
// id past 2^32 (the reason the 2019 six-digit algorithm had to be replaced).
const KNOWN_PAIRS: readonly [aid: bigint, bvid: string][] = [
  [2n, 'BV1xx411c7mD'],
  [170001n, 'BV17x411w7KC'],
  [455017605n, 'BV1Q541167Qg'],
  [882584971n, 'BV1mK4y1C7Bz'],
  [111298867365120n, 'BV1L9Uoa9EUx'],
];

describe('avToBv / bvToAv', () => {
  it.each(KNOWN_PAIRS)('av%s is %s', (aid, bvid) => {
    expect(avToBv(aid)).toBe(bvid);
    expect(bvToAv(bvid)).toBe(aid);
  });

  it.each([1n, 99_999_999n, 2n ** 32n, 2n ** 51n - 1n])('round-trips av%s', (aid) => {
    const bvid = avToBv(aid);
    expect(bvid === undefined ? false : isBvid(bvid)).toBe(true);
    expect(bvToAv(bvid ?? '')).toBe(aid);
  });

  it.each([0n, -1n, 2n ** 51n])('has no bvid for av%s', (aid) => {
    expect(avToBv(aid)).toBeUndefined();
  });
});

describe('isBvid', () => {
  it.each([
    ['BV17x411w7KC', true],
    ['bv17x411w7KC', false],
    ['BV27x411w7KC', false],
    ['BV17x411w7K', false],
    ['BV17x411w7KCx', false],
    // 0, I, O and l are not in the alphabet.
    ['BV17x411w7K0', false],
    ['BV17x411w7Kl', false],
  ])('%s → %s', (id, expected) => {
    expect(isBvid(id)).toBe(expected);
    expect(bvToAv(id) !== undefined).toBe(expected);
  });
});
