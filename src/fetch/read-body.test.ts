import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { charsetOf, createBodyReader, decodeText, isTextContentType } from './read-body.js';

/**
 * Feeds `chunks` to a body reader as the dispatch handler does, one at a time and only while it
 * wants more, then the end (or `error`). `pushed` counts the chunks it took before it was full.
 */
async function readChunks(
  chunks: readonly Buffer[],
  contentType: string | undefined,
  contentEncoding: string | undefined,
  maxBytes: number,
  error?: Error,
): Promise<{ text: string | undefined; isFull: boolean; pushed: number }> {
  const state = { isFull: false };
  const reader = createBodyReader(contentType, contentEncoding, maxBytes, {
    onFull: () => {
      state.isFull = true;
    },
    onDrain: () => undefined,
  });
  if (reader === undefined) return { text: undefined, isFull: false, pushed: 0 };
  let pushed = 0;
  for (const chunk of chunks) {
    if (state.isFull) break;
    reader.push(chunk);
    pushed += 1;
    // Let zlib's thread pool answer before the next chunk, as the network would.
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (error === undefined) reader.end();
  else reader.fail(error);
  return { text: await reader.text, isFull: state.isFull, pushed };
}

const html = '<!doctype html><title>你好</title><p>Hello</p>';

describe('createBodyReader', () => {
  it.each([
    ['identity', (bytes: Buffer) => bytes, undefined],
    ['gzip', (bytes: Buffer) => gzipSync(bytes), 'gzip'],
    ['x-gzip', (bytes: Buffer) => gzipSync(bytes), 'x-gzip'],
    ['deflate', (bytes: Buffer) => deflateSync(bytes), 'deflate'],
    ['br', (bytes: Buffer) => brotliCompressSync(bytes), 'br'],
  ])('reads a %s body', async (_name, encode, contentEncoding) => {
    const read = await readChunks(
      [encode(Buffer.from(html))],
      'text/html; charset=utf-8',
      contentEncoding,
      1024,
    );

    expect(read.text).toBe(html);
  });

  it('keeps exactly maxBodyBytes across chunk boundaries and stops reading', async () => {
    const chunks = [Buffer.from('aaaa'), Buffer.from('bbbb'), Buffer.from('cccc')];

    const read = await readChunks(chunks, 'text/plain', undefined, 6);

    expect(read).toEqual({ text: 'aaaabb', isFull: true, pushed: 2 });
  });

  it('caps a gzip bomb at maxBodyBytes of decompressed output', async () => {
    const bomb = gzipSync(Buffer.alloc(16 * 2 ** 20, 'a'));

    const read = await readChunks([bomb], 'text/html', 'gzip', 64 * 1024);

    expect(read.text).toHaveLength(64 * 1024);
    expect(read.isFull).toBe(true);
  });

  it('returns what came before a truncated gzip stream ended', async () => {
    const compressed = gzipSync(Buffer.from('x'.repeat(100_000)));

    const read = await readChunks(
      [compressed.subarray(0, compressed.length - 100)],
      'text/html',
      'gzip',
      1_000_000,
    );

    expect(read.text?.length).toBeGreaterThan(0);
    expect(read.text).toMatch(/^x+$/);
  });

  it('returns an empty text for a body that is not what its encoding claims', async () => {
    const read = await readChunks([Buffer.from('plain text, not gzip')], 'text/html', 'gzip', 1024);

    expect(read.text).toBe('');
  });

  it.each([
    ['an image', 'image/png', undefined],
    ['a PDF', 'application/pdf', undefined],
    ['a zip archive', 'application/zip', undefined],
    ['an encoding we cannot undo', 'text/html', 'zstd'],
  ])('has no reader for %s (the body is discarded)', (_name, contentType, contentEncoding) => {
    const events = { onFull: () => undefined, onDrain: () => undefined };

    expect(createBodyReader(contentType, contentEncoding, 1024, events)).toBeUndefined();
  });

  it.each([
    ['identity', undefined],
    ['gzip', 'gzip'],
  ])('passes on a transport error in a %s body', async (_name, contentEncoding) => {
    const first =
      contentEncoding === 'gzip' ? gzipSync(Buffer.from('hi')).subarray(0, 12) : Buffer.from('hi');
    const reset = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });

    await expect(readChunks([first], 'text/html', contentEncoding, 1024, reset)).rejects.toBe(
      reset,
    );
  });
});

describe('isTextContentType', () => {
  // JSON counts as text: the platform probes read oEmbed and Bilibili API answers.
  it.each([
    ['text/html', true],
    ['TEXT/HTML; charset=UTF-8', true],
    ['application/xhtml+xml', true],
    ['text/plain', true],
    ['text/markdown', true],
    [undefined, true],
    ['', true],
    ['application/json', true],
    ['application/json; charset=utf-8', true],
    ['application/problem+json', true],
    ['application/atom+xml; charset=utf-8', true],
    ['application/pdf', false],
    ['image/svg+xml', false],
    ['video/mp4', false],
  ])('%s → %s', (contentType, expected) => {
    expect(isTextContentType(contentType)).toBe(expected);
  });
});

describe('charsetOf', () => {
  it.each([
    ['content-type', 'text/html; charset=GBK', '<meta charset="utf-8">', 'gbk'],
    ['quoted content-type', 'text/html; charset="big5"', '', 'big5'],
    ['meta charset', 'text/html', '<html><head><meta charset="gb2312">', 'gb2312'],
    [
      'meta http-equiv',
      'text/html',
      '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">',
      'shift_jis',
    ],
    ['nothing declared', 'text/html', '<p>hi</p>', 'utf-8'],
    ['no content-type', undefined, '<p>hi</p>', 'utf-8'],
  ])('reads the %s', (_name, contentType, head, expected) => {
    expect(charsetOf(contentType, Buffer.from(head, 'latin1'))).toBe(expected);
  });

  it('ignores a meta charset beyond the first 1024 bytes', () => {
    const head = `<p>${'x'.repeat(1100)}</p><meta charset="gbk">`;

    expect(charsetOf('text/html', Buffer.from(head))).toBe('utf-8');
  });

  it('lets a byte-order mark win over the header', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('hi', 'utf16le')]);

    expect(charsetOf('text/html; charset=gbk', bytes)).toBe('utf-16le');
  });
});

describe('decodeText', () => {
  it.each([
    ['GBK', Buffer.from([0xc4, 0xe3, 0xba, 0xc3]), 'text/html; charset=gbk', '你好'],
    [
      'GB2312 (read as GBK)',
      Buffer.from([0xc4, 0xe3, 0xba, 0xc3]),
      'text/html; charset=gb2312',
      '你好',
    ],
    ['UTF-8 with BOM', Buffer.from([0xef, 0xbb, 0xbf, 0x68, 0x69]), 'text/plain', 'hi'],
    [
      'an unknown label, as UTF-8',
      Buffer.from('héllo'),
      'text/html; charset=no-such-charset',
      'héllo',
    ],
  ])('decodes %s', (_name, bytes, contentType, expected) => {
    expect(decodeText(bytes, contentType)).toBe(expected);
  });
});
