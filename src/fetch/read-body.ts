/**
 * Reads the start of an HTML/text response body as a string, decompressing and decoding it
 * ourselves so a capped read stays capped: at most `maxBodyBytes` decoded bytes are ever kept,
 * whatever the wire size or compression ratio (a gzip bomb costs one buffer).
 */
import { pipeline, type Readable, type Transform } from 'node:stream';
import { TextDecoder } from 'node:util';
import { assertNever } from '../domain.js';
import { constants, createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

/** A response body as undici hands it over: a stream that can also be drained for reuse. */
export type ResponseBody = Readable & { dump(options?: { limit: number }): Promise<void> };

/** Content encodings we can undo (and so advertise in `Accept-Encoding`). */
export const SUPPORTED_ENCODINGS = ['gzip', 'deflate', 'br'] as const;

/** Bytes the HTML standard's encoding prescan looks at for `<meta charset>`. */
const PRESCAN_BYTES = 1024;

/**
 * Reads a text body up to `maxBodyBytes` decoded bytes and releases the connection in every
 * path; returns undefined, after draining, for bodies that are not text (images, PDFs, video)
 * or use an encoding we cannot undo. A body that stops decompressing midway yields what was
 * read before the damage.
 */
export async function readBody(
  body: ResponseBody,
  contentType: string | undefined,
  contentEncoding: string | undefined,
  maxBodyBytes: number,
): Promise<string | undefined> {
  const encoding = (contentEncoding ?? 'identity').trim().toLowerCase();
  if (!isTextContentType(contentType) || !isSupportedEncoding(encoding)) {
    await body.dump();
    return undefined;
  }
  try {
    const bytes = await readCapped(decompressed(body, encoding), maxBodyBytes);
    return decodeText(bytes, contentType);
  } finally {
    // Capped or failed: the rest is unwanted, and destroying is what frees the socket.
    if (!body.readableEnded && !body.destroyed) {
      body.destroy();
    }
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

/**
 * The body with its content encoding undone. Sync flushing makes a truncated stream yield
 * what it has instead of failing at the end, as browsers do.
 */
function decompressed(body: ResponseBody, encoding: Encoding): Readable {
  const decompressor = createDecompressor(encoding);
  if (decompressor === undefined) {
    return body;
  }
  // pipeline (not pipe) so that a reset body errors the decompressor and a destroyed
  // decompressor destroys the body.
  return pipeline(body, decompressor, () => undefined);
}

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

/** Collects at most `maxBytes` from a stream, then stops reading (which destroys it). */
async function readCapped(stream: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const room = maxBytes - total;
      chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
      total += Math.min(chunk.length, room);
      if (total >= maxBytes) {
        break;
      }
    }
  } catch (error) {
    if (!isDecompressionError(error)) {
      throw error;
    }
  }
  return Buffer.concat(chunks, total);
}

/** zlib reports corrupt input as `Z_*` codes, brotli as `ERR__*`. */
function isDecompressionError(error: unknown): boolean {
  const code: unknown = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^(Z_|ERR__|ERR_BROTLI|ERR_ZLIB)/.test(code);
}
