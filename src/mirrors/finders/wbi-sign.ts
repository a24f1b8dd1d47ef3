/**
 * Bilibili's WBI request signature, as documented publicly by bilibili-API-collect
 * (docs/misc/sign/wbi.md): the search API refuses unsigned requests after a few tries.
 *
 * 1. `img_key` and `sub_key` are the file names (without extension) of the nav API's
 *    `wbi_img.img_url` and `wbi_img.sub_url`; they change daily and need no login.
 * 2. The mixin key is the first 32 characters of `img_key + sub_key` reordered by a fixed table.
 * 3. Add `wts` (Unix seconds), sort the parameters by name, drop `!'()*` from the values,
 *    percent-encode them, and `w_rid` is the MD5 of that query followed by the mixin key.
 */
import { createHash } from 'node:crypto';

/** The fixed reordering of the 64 characters of `img_key + sub_key`. */
const MIXIN_KEY_TABLE: readonly number[] = [
  46, 47, 18, 2, 53, 8, 23, 32, 15, 50, 10, 31, 58, 3, 45, 35, 27, 43, 5, 49, 33, 9, 42, 19, 29, 28,
  14, 39, 12, 38, 41, 13, 37, 48, 7, 16, 24, 55, 40, 61, 26, 17, 0, 1, 60, 51, 30, 4, 22, 25, 54,
  21, 56, 59, 6, 63, 57, 62, 11, 36, 20, 34, 44, 52,
];

/** The two daily keys the signature is made from. */
export type WbiKeys = { imgKey: string; subKey: string };

/** The mixin key of a pair of daily keys. */
export function mixinKeyOf({ imgKey, subKey }: WbiKeys): string {
  const raw = imgKey + subKey;
  return MIXIN_KEY_TABLE.map((index) => raw[index] ?? '')
    .join('')
    .slice(0, 32);
}

/** The file name without extension of a nav API key URL, or undefined when it has none. */
export function keyOfUrl(url: string): string | undefined {
  const name = url.split('/').pop()?.split('.')[0];
  return name === undefined || name === '' ? undefined : name;
}

/** The signed query string (`…&wts=…&w_rid=…`) of the given parameters at `unixSeconds`. */
export function signWbiQuery(
  params: Readonly<Record<string, string>>,
  keys: WbiKeys,
  unixSeconds: number,
): string {
  const entries = Object.entries({ ...params, wts: String(unixSeconds) })
    .map(([name, value]): [string, string] => [name, value.replace(/[!'()*]/g, '')])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = entries
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .join('&');
  const signature = createHash('md5')
    .update(query + mixinKeyOf(keys))
    .digest('hex');
  return `${query}&w_rid=${signature}`;
}
