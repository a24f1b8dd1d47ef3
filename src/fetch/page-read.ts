/**
 * How far a page is read: as far as classification needs (classify/page-extent.ts, decision 31),
 * told from the decoded bytes as they arrive, before anything is decoded to text. Without a
 * `#fragment` that is the signal prefix; with one, the page is read on until an element with
 * that id is written in it (or to the body cap, as before, when it is not: only a complete page
 * can show that a fragment is missing).
 */
import { fragmentTargetNames } from '../classify/fragment.js';
import { HEAD_END_MARKERS, isReadWhole, signalPartEnd } from '../classify/page-extent.js';

/** Watches a page's decoded bytes and says where it may stop. */
export type PageExtent = {
  /**
   * Sees the next decoded bytes; the number of bytes of the page to keep once it has enough
   * (never more than it has seen), undefined while it needs more.
   */
  endAfter(chunk: Buffer): number | undefined;
};

/**
 * The extent of the page at `url` (its fragment, if any, being `fragment`); undefined when it is
 * read to the cap (a platform whose check reads the whole page).
 */
export function pageExtentFor(url: URL, fragment: string): PageExtent | undefined {
  if (isReadWhole(url)) return undefined;
  return new ByteExtent(fragmentTargetNames(fragment));
}

const GREATER_THAN = 0x3e;
/** ASCII whitespace before an attribute name (HTML's tokenizer also allows `/`, which no page uses). */
const ATTRIBUTE_GAP: ReadonlySet<number> = new Set([0x20, 0x09, 0x0a, 0x0c, 0x0d]);
const ID_EQUALS = Buffer.from('id=');

class ByteExtent implements PageExtent {
  /** Bytes seen before the current chunk. */
  private seen = 0;
  /** The last bytes of what was seen, so a marker split between two chunks is still found. */
  private carry: Buffer = Buffer.alloc(0);
  private headEnd: number | undefined;
  /** Where the target's tag ends; undefined until it is found. */
  private targetEnd: number | undefined;
  /** The target's id was found at this position; its tag's `>` has not come yet. */
  private targetFrom: number | undefined;
  private readonly needles: readonly Buffer[];
  private readonly carryBytes: number;

  constructor(targetNames: readonly string[]) {
    // `id="name"` or `id='name'` after whitespace: the spellings a page writes an id in. One
    // spelled otherwise (unquoted, `id = "…"`, a character reference) is not seen here and the
    // page is read to the cap, as before; the tokenizer in classify decides either way.
    this.needles = targetNames.flatMap((name) => [
      Buffer.from(`"${name}"`),
      Buffer.from(`'${name}'`),
    ]);
    this.targetEnd = targetNames.length === 0 ? 0 : undefined;
    const longest = Math.max(
      ...HEAD_END_MARKERS.map((m) => m.length),
      ...this.needles.map((n) => n.length),
    );
    this.carryBytes = longest + ID_EQUALS.length + 1;
  }

  endAfter(chunk: Buffer): number | undefined {
    const window = this.carry.length === 0 ? chunk : Buffer.concat([this.carry, chunk]);
    const windowStart = this.seen - this.carry.length;
    this.headEnd ??= this.findHeadEnd(window, windowStart);
    if (this.targetEnd === undefined) this.findTarget(window, windowStart);
    this.seen += chunk.length;
    const tailFrom = Math.max(0, window.length - this.carryBytes);
    this.carry = Buffer.from(window.subarray(tailFrom));
    const signalsEnd = signalPartEnd(this.headEnd);
    if (signalsEnd === undefined || this.targetEnd === undefined) return undefined;
    const end = Math.max(signalsEnd, this.targetEnd);
    return this.seen >= end ? end : undefined;
  }

  private findHeadEnd(window: Buffer, windowStart: number): number | undefined {
    let first: number | undefined;
    for (const marker of HEAD_END_MARKERS) {
      const at = window.indexOf(marker);
      if (at !== -1 && (first === undefined || at < first)) first = at;
    }
    return first === undefined ? undefined : windowStart + first;
  }

  private findTarget(window: Buffer, windowStart: number): void {
    if (this.targetFrom === undefined) {
      const at = this.findId(window);
      if (at === undefined) return;
      this.targetFrom = windowStart + at;
    }
    // The tokenizer reports an element once its start tag is closed.
    const close = window.indexOf(GREATER_THAN, Math.max(0, this.targetFrom - windowStart));
    if (close !== -1) this.targetEnd = windowStart + close + 1;
  }

  /** Where, in `window`, the end of a quoted target id stands after `id=` and a gap; undefined when nowhere. */
  private findId(window: Buffer): number | undefined {
    for (const needle of this.needles) {
      for (let at = window.indexOf(needle); at !== -1; at = window.indexOf(needle, at + 1)) {
        const name = at - ID_EQUALS.length;
        if (
          name >= 1 &&
          window.subarray(name, at).equals(ID_EQUALS) &&
          ATTRIBUTE_GAP.has(window[name - 1] ?? 0)
        ) {
          return at + needle.length;
        }
      }
    }
    return undefined;
  }
}
