/**
 * Reads the start of an HTML/text response body as a string, decompressing and decoding it
 * ourselves so a capped read stays capped: at most `maxBodyBytes` decoded bytes are ever kept,
 * whatever the wire size or compression ratio (a gzip bomb costs one buffer). The attempt's
 * dispatch handler (attempt.ts) pushes the wire chunks in as undici hands them over: no body
 * stream, no pipeline (decision 15).
 */
import type { Transform } from 'node:stream';
import { TextDecoder } from 'node:util';
import { constants, createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { assertNever } from '../domain.js';
import type { PageExtent } from './page-read.js';

/** Content encodings we can undo (and so advertise in `Accept-Encoding`). */
export const SUPPORTED_ENCODINGS = ['gzip', 'deflate', 'br'] as const;

/** Bytes the HTML standard's encoding prescan looks at for `<meta charset>`. */
const PRESCAN_BYTES = 1024;

/** Takes a body's wire chunks and gives back its text, capped, once it has enough or all. */
export type BodyReader = {
  /** One chunk off the wire; false asks the sender to pause until `onDrain` is called. */
  push(chunk: Buffer): boolean;
  /** The wire body ended: what was read becomes the text. */
  end(): void;
  /** The transport failed midway: the text rejects with `error`, unless it was already read. */
  fail(error: Error): void;
  /** The decoded text; settles once the cap is reached, the body ends, or it fails. */
  readonly text: Promise<string>;
};

/** What the reader tells the request that feeds it. */
export type BodyReaderEvents = {
  /**
   * The rest of the body is unwanted: the cap was reached, or the page's extent (page-read.ts)
   * says classification has what it needs.
   */
  onFull: (why: 'cap' | 'extent') => void;
  /** The decompressor caught up after `push` returned false. */
  onDrain: () => void;
};

/**
 * A reader for a body of this type and encoding, keeping at most `maxBodyBytes` decoded bytes;
 * undefined for bodies that are not text (images, PDFs, video) or use an encoding we cannot
 * undo, which the caller discards instead. With an `extent`, reading stops where it says. A body that stops decompressing midway yields what
 * was read before the damage, as browsers do.
 */
export function createBodyReader(
  contentType: string | undefined,
  contentEncoding: string | undefined,
  maxBodyBytes: number,
  events: BodyReaderEvents,
  extent?: PageExtent,
): BodyReader | undefined {
  const encoding = (contentEncoding ?? 'identity').trim().toLowerCase();
  if (!isTextContentType(contentType) || !isSupportedEncoding(encoding)) {
    return undefined;
  }
  const sink = new CappedBytes(maxBodyBytes, contentType, events.onFull, extent);
  const decompressor = createDecompressor(encoding);
  if (decompressor === undefined) {
    return {
      push: (chunk) => (sink.add(chunk), true),
      end: () => {
        sink.finish();
      },
      fail: (error) => {
        sink.fail(error);
      },
      text: sink.text,
    };
  }
  // Push-driven: chunks are written in and the output collected as zlib emits it; zlib's own
  // thread pool does the work, as before, but nothing reads a body stream.
  decompressor.on('data', (output: Buffer) => {
    if (sink.add(output)) decompressor.destroy();
  });
  decompressor.on('end', () => {
    sink.finish();
  });
  decompressor.on('drain', events.onDrain);
  decompressor.on('error', (error) => {
    if (isDecompressionError(error)) sink.finish();
    else sink.fail(error);
  });
  return {
    push: (chunk) => sink.isSettled || decompressor.write(chunk),
    end: () => {
      if (!sink.isSettled) decompressor.end();
    },
    fail: (error) => {
      sink.fail(error);
      decompressor.destroy();
    },
    text: sink.text,
  };
}

/** Decoded bytes collected up to a cap, then decoded once into the text. */
class CappedBytes {
  readonly text: Promise<string>;
  isSettled = false;
  private readonly chunks: Buffer[] = [];
  private total = 0;
  private resolveText: (text: string) => void = () => undefined;
  private rejectText: (error: Error) => void = () => undefined;

  private readonly maxBytes: number;
  private readonly contentType: string | undefined;
  private readonly onFull: (why: 'cap' | 'extent') => void;
  private readonly extent: PageExtent | undefined;

  constructor(
    maxBytes: number,
    contentType: string | undefined,
    onFull: (why: 'cap' | 'extent') => void,
    extent: PageExtent | undefined,
  ) {
    this.maxBytes = maxBytes;
    this.contentType = contentType;
    this.onFull = onFull;
    this.extent = extent;
    this.text = new Promise<string>((resolve, reject) => {
      this.resolveText = resolve;
      this.rejectText = reject;
    });
    // A deadline may win the race against the text; its rejection is then nobody's business.
    this.text.catch(() => undefined);
  }

  /** Keeps what fits; true once the cap or the extent is reached (then the text is settled). */
  add(chunk: Buffer): boolean {
    if (this.isSettled) return true;
    const room = this.maxBytes - this.total;
    this.chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
    this.total += Math.min(chunk.length, room);
    const end = this.extent?.endAfter(chunk);
    if (end !== undefined && end < this.maxBytes) {
      this.cutTo(end);
      this.finish();
      this.onFull('extent');
      return true;
    }
    if (this.total < this.maxBytes) return false;
    this.finish();
    this.onFull('cap');
    return true;
  }

  /** Drops the bytes past `end` (the extent ends inside the last chunks). */
  private cutTo(end: number): void {
    while (this.total > end) {
      const last = this.chunks.pop();
      if (last === undefined) return;
      const keep = Math.max(0, last.length - (this.total - end));
      this.total -= last.length - keep;
      if (keep > 0) this.chunks.push(last.subarray(0, keep));
    }
  }

  finish(): void {
    if (this.isSettled) return;
    this.isSettled = true;
    const bytes =
      this.chunks.length === 1 && this.chunks[0] !== undefined
        ? this.chunks[0]
        : Buffer.concat(this.chunks, this.total);
    this.chunks.length = 0;
    this.resolveText(decodeText(bytes, this.contentType));
  }

  fail(error: Error): void {
    if (this.isSettled) return;
    this.isSettled = true;
    this.chunks.length = 0;
    this.rejectText(error);
  }
}

/**
 * Whether a body of this type is worth reading: HTML, XHTML and any `text/*`. A missing type
 * counts, since browsers sniff such bodies and servers that omit it mostly serve HTML.
 */
export function isTextContentType(contentType: string | undefined): boolean {
  if (contentType === undefined) {
    return true;
  }
  const essence = contentType.split(';', 1)[0]?.trim().toLowerCase() ?? '';
  return (
    essence === '' ||
    essence === 'application/xhtml+xml' ||
    essence.startsWith('text/') ||
    // JSON is read for the platform probes (YouTube oEmbed, Bilibili's view API).
    essence === 'application/json' ||
    essence.endsWith('+json') ||
    // The arXiv export API answers an Atom feed.
    essence === 'application/atom+xml'
  );
}

/**
 * The character encoding to decode a body with, in the order browsers use: byte-order mark,
 * `charset` in Content-Type, `<meta charset>` (or its http-equiv form) near the top, UTF-8.
 */
export function charsetOf(contentType: string | undefined, bytes: Uint8Array): string {
  const bom = charsetOfBom(bytes);
  if (bom !== undefined) {
    return bom;
  }
  const declared = /;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType ?? '')?.[1];
  if (declared !== undefined) {
    return declared.toLowerCase();
  }
  const head = Buffer.from(bytes.subarray(0, PRESCAN_BYTES)).toString('latin1');
  const meta = /<meta[^>]*?charset\s*=\s*["']?\s*([-\w.:]+)/i.exec(head)?.[1];
  return meta?.toLowerCase() ?? 'utf-8';
}

/** Decodes body bytes with their charset (see `charsetOf`); unknown labels fall back to UTF-8. */
export function decodeText(bytes: Uint8Array, contentType: string | undefined): string {
  const charset = charsetOf(contentType, bytes);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(bytes);
}

function charsetOfBom(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return 'utf-8';
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return 'utf-16be';
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return 'utf-16le';
  }
  return undefined;
}

type Encoding = 'identity' | (typeof SUPPORTED_ENCODINGS)[number] | 'x-gzip';

function isSupportedEncoding(encoding: string): encoding is Encoding {
  return ['identity', 'x-gzip', ...SUPPORTED_ENCODINGS].includes(encoding);
}

/** Sync flushing makes a truncated body yield what it has instead of failing at the end. */
function createDecompressor(encoding: Encoding): Transform | undefined {
  switch (encoding) {
    case 'identity':
      return undefined;
    case 'gzip':
    case 'x-gzip':
      return createGunzip({ finishFlush: constants.Z_SYNC_FLUSH });
    case 'deflate':
      return createInflate({ finishFlush: constants.Z_SYNC_FLUSH });
    case 'br':
      return createBrotliDecompress({ finishFlush: constants.BROTLI_OPERATION_FLUSH });
    default:
      return assertNever(encoding);
  }
}

/** zlib reports corrupt input as `Z_*` codes, brotli as `ERR__*`. */
function isDecompressionError(error: unknown): boolean {
  const code: unknown = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^(Z_|ERR__|ERR_BROTLI|ERR_ZLIB)/.test(code);
}
