/**
 * Where a `Location` header sends the chain, read as a browser reads it: raw UTF-8 bytes (which
 * many Chinese servers write unencoded) decoded as UTF-8 and then percent-encoded by the WHATWG
 * URL parser; only http(s) targets are followed.
 */
import type { NetworkFailure } from '../domain.js';

/**
 * undici hands header bytes over as latin1, one character per byte, so `/文档` arrives as
 * `/æ–‡æ¡£`. When the bytes are valid UTF-8 they are read as UTF-8, as Chrome and Firefox do;
 * anything else (plain ASCII, real latin1) is left as it came.
 */
export function headerBytesAsUtf8(value: string): string {
  // Only a value made of bytes (every code point ≤ 0xFF) with at least one non-ASCII byte.
  const codes = Array.from(value, (char) => char.charCodeAt(0));
  if (!codes.some((code) => code > 0x7f) || codes.some((code) => code > 0xff)) return value;
  try {
    return UTF8.decode(Buffer.from(value, 'latin1'));
  } catch {
    return value;
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The URL a `Location` names, relative to the URL that answered, or why it is not followed. */
export function resolveLocation(location: string, current: URL): URL | NetworkFailure {
  const decoded = headerBytesAsUtf8(location);
  if (!URL.canParse(decoded, current.href)) {
    const message = `Location "${decoded}" is not a valid URL`;
    return { reason: 'invalid-redirect', code: undefined, message };
  }
  const next = new URL(decoded, current);
  if (next.protocol !== 'http:' && next.protocol !== 'https:') {
    // The scheme is named, not the URL: a data: URL can be long, a file: path private.
    const scheme = next.protocol.slice(0, -1);
    const message = `${current.href} redirects to a ${next.protocol} URL, which is not followed`;
    return { reason: 'unsupported-redirect', scheme, code: undefined, message };
  }
  return next;
}
