/**
 * Bilibili video ids: the legacy `av` number and the `BV` id that replaced it in 2020 are two
 * spellings of one integer, so an `av` link can be turned into the `bvid` the API wants without
 * a request. The algorithm is the one documented by bilibili-API-collect (docs/misc/bvid_desc.md):
 * set bit 51, XOR with a constant, write the result in base 58 over a shuffled alphabet, then
 * swap two pairs of characters.
 */

const ALPHABET = 'FcwAPNKTMug3GV5Lj7EJnHpWsx4tb8haYeviqBz6rkCy12mUSDQX9RdoZf';
const BASE = 58n;
const XOR_CODE = 23_442_827_791_579n;
const MAX_AID = 1n << 51n;
const MASK_CODE = MAX_AID - 1n;
const PREFIX = 'BV1';
/** Positions (in the full 12-character id) the encoder swaps after writing the digits. */
const SWAPPED_PAIRS = [
  [3, 9],
  [4, 7],
] as const;

const BVID_PATTERN = new RegExp(`^${PREFIX}[${ALPHABET}]{9}$`);

/** Whether `id` is spelled like a bvid: `BV1` and nine characters of the base-58 alphabet. */
export function isBvid(id: string): boolean {
  return BVID_PATTERN.test(id);
}

/** The bvid of an `av` number, or undefined when no video can have that number (0, or ≥ 2^51). */
export function avToBv(aid: bigint): string | undefined {
  if (aid < 1n || aid >= MAX_AID) {
    return undefined;
  }
  const chars = [...Array.from(PREFIX), ...new Array<string>(9).fill('')];
  let rest = (MAX_AID | aid) ^ XOR_CODE;
  for (let index = chars.length - 1; index >= PREFIX.length; index -= 1) {
    chars[index] = ALPHABET[Number(rest % BASE)] ?? '';
    rest /= BASE;
  }
  return swapPairs(chars).join('');
}

/** The `av` number of a bvid, or undefined when `bvid` is not spelled like one. */
export function bvToAv(bvid: string): bigint | undefined {
  if (!isBvid(bvid)) {
    return undefined;
  }
  // ASCII only (checked above), so code units are characters.
  const digits = swapPairs(Array.from(bvid)).slice(PREFIX.length);
  let value = 0n;
  for (const digit of digits) {
    value = value * BASE + BigInt(ALPHABET.indexOf(digit));
  }
  return (value & MASK_CODE) ^ XOR_CODE;
}

/** Both swaps are their own inverse, so one function serves encoding and decoding. */
function swapPairs(chars: string[]): string[] {
  const swapped = [...chars];
  for (const [left, right] of SWAPPED_PAIRS) {
    [swapped[left], swapped[right]] = [chars[right] ?? '', chars[left] ?? ''];
  }
  return swapped;
}
