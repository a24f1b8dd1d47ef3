import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testFetchSettings } from '../../test/helpers/fetch-settings.js';
import { classifyOutcome } from '../classify/classify.js';
import { HEAD_MARGIN_BYTES, PAGE_PREFIX_BYTES } from '../classify/page-extent.js';
import type { FetchOutcome } from '../domain.js';
import { fetchTarget, type FetchSettings } from './http-client.js';
import { pageExtentFor } from './page-read.js';

const KB = 1024;
const PARAGRAPH = '<p>Transformers mix tokens with attention; each layer adds a residual.</p>\n';

/** A page of about `bytes` bytes: `head` in its head, `early` and `late` around the filler. */
function longPage(bytes: number, parts: { head?: string; early?: string; late?: string }): string {
  const start = `<!doctype html><html><head><title>A lesson</title>${parts.head ?? ''}</head><body>${parts.early ?? ''}`;
  const end = `${parts.late ?? ''}</body></html>`;
  const count = Math.ceil((bytes - start.length - end.length) / PARAGRAPH.length);
  return start + PARAGRAPH.repeat(Math.max(0, count)) + end;
}

const PAGES: Record<string, string> = {
  '/big': longPage(200 * KB, {}),
  '/medium': longPage(100 * KB, {}),
  '/large': longPage(300 * KB, {}),
  '/late-id': longPage(600 * KB, {
    early: '<h2 id="intro">Intro</h2>',
    late: `${PARAGRAPH.repeat(Math.ceil((500 * KB) / PARAGRAPH.length))}<h2 id="late">Late</h2>`,
  }),
  '/no-id': longPage(600 * KB, { early: '<h2 id="intro">Intro</h2>' }),
  '/refresh': longPage(200 * KB, { head: '<meta http-equiv="refresh" content="0; url=/big">' }),
  '/long-head': `<!doctype html><html><head><title>Medium</title><style>${'a{}'.repeat(50_000)}</style></head><body><h1>404</h1>${PARAGRAPH.repeat(800)}</body></html>`,
};

let server: Server;
let origin: string;
const connections = { opened: 0 };

beforeAll(async () => {
  server = createServer((request, response) => {
    const page = PAGES[request.url ?? ''];
    if (page === undefined) {
      response.writeHead(404).end();
      return;
    }
    const bytes = Buffer.from(page);
    response.writeHead(200, { 'content-type': 'text/html', 'content-length': bytes.length });
    // Written in 16 KiB pieces, so markers fall across chunk boundaries.
    for (let at = 0; at < bytes.length; at += 16 * KB)
      response.write(bytes.subarray(at, at + 16 * KB));
    response.end();
  });
  server.on('connection', () => {
    connections.opened += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
});

const settings = testFetchSettings({ timeoutMs: 10_000, maxBodyBytes: 1024 * KB });

async function fetchPage(
  path: string,
  dispatcher: Agent,
  overrides: Partial<FetchSettings> = {},
): Promise<Extract<FetchOutcome, { kind: 'response' }>> {
  const outcome = await fetchTarget(
    new URL(`${origin}${path}`),
    { ...settings, ...overrides },
    { dispatcher },
  );
  if (outcome.kind !== 'response') throw new Error(`no response: ${JSON.stringify(outcome)}`);
  return outcome;
}

function verdictOf(outcome: FetchOutcome, path: string): string {
  const classified = classifyOutcome(outcome, new URL(`${origin}${path}`), {
    acceptStatuses: new Set(),
    checkFragments: true,
  });
  return `${classified.outcome.status} ${classified.outcome.reason}`;
}

describe('reading a page as far as classification needs', () => {
  it('keeps only the signal prefix of a 200 KB page', async () => {
    const agent = new Agent();
    const outcome = await fetchPage('/big', agent);
    await agent.close();

    expect(outcome.body?.length).toBe(PAGE_PREFIX_BYTES);
    expect(verdictOf(outcome, '/big')).toBe('ok ok');
  });

  it('reads the whole page when asked to (probes, rule lists)', async () => {
    const agent = new Agent();
    const outcome = await fetchPage('/big', agent, { readWholeBody: true });
    await agent.close();

    expect(outcome.body).toBe(PAGES['/big']);
  });

  it('reads past a long head by a margin: the first heading still counts', async () => {
    const agent = new Agent();
    const outcome = await fetchPage('/long-head', agent);
    await agent.close();

    const headEnd = PAGES['/long-head']?.indexOf('</head') ?? 0;
    expect(outcome.body?.length).toBe(headEnd + HEAD_MARGIN_BYTES);
    expect(verdictOf(outcome, '/long-head')).toBe('broken soft-404');
  });

  it('reads on to a fragment target 500 KB down, and no further', async () => {
    const agent = new Agent();
    const outcome = await fetchPage('/late-id#late', agent);
    await agent.close();

    const page = PAGES['/late-id'] ?? '';
    const tagEnd = page.indexOf('<h2 id="late">') + '<h2 id="late">'.length;
    expect(tagEnd).toBeGreaterThan(500 * KB);
    expect(outcome.body?.length).toBe(tagEnd);
    expect(verdictOf(outcome, '/late-id#late')).toBe('ok ok');
  });

  it('reads a page to its end to show a fragment is missing', async () => {
    const agent = new Agent();
    const outcome = await fetchPage('/no-id#late', agent);
    await agent.close();

    expect(outcome.body).toBe(PAGES['/no-id']);
    expect(verdictOf(outcome, '/no-id#late')).toBe('broken missing-fragment');
  });

  it('follows a meta refresh in the head of a 200 KB page', async () => {
    const agent = new Agent();
    const outcome = await fetchPage('/refresh', agent);
    await agent.close();

    expect(outcome.hops.map((hop) => hop.status)).toEqual([200]);
    expect(outcome.finalUrl).toBe(`${origin}/big`);
  });

  it('reads a short rest away and keeps the connection; cuts a long one off', async () => {
    const agent = new Agent({ connections: 1 });
    const before = connections.opened;
    await fetchPage('/medium', agent);
    await fetchPage('/medium', agent);
    const afterShortRests = connections.opened - before;
    await fetchPage('/large', agent);
    await fetchPage('/medium', agent);
    const afterLongRest = connections.opened - before;
    await agent.close();

    // 100 KB: 36 KiB left, read away on the one connection. 300 KB: 236 KiB left, cut off, so
    // the next page needs a new connection.
    expect(afterShortRests).toBe(1);
    expect(afterLongRest).toBe(2);
  });
});

describe('pageExtentFor', () => {
  it('finds a target id split between two chunks', () => {
    const extent = pageExtentFor(new URL('https://example.test/a'), '#late');
    const filler = `<html><head></head><body>${'x'.repeat(PAGE_PREFIX_BYTES)}`;

    expect(extent?.endAfter(Buffer.from(`${filler}<h2 id="la`))).toBeUndefined();
    expect(extent?.endAfter(Buffer.from('te" class="x">Late</h2>'))).toBe(
      Buffer.byteLength(`${filler}<h2 id="late" class="x">`),
    );
  });

  it('does not take data-id or a name for the target', () => {
    const extent = pageExtentFor(new URL('https://example.test/a'), '#late');
    const page = `<html><head></head><body>${'x'.repeat(PAGE_PREFIX_BYTES)}<div data-id="late"><meta name="late">`;

    expect(extent?.endAfter(Buffer.from(page))).toBeUndefined();
  });

  it('reads a platform page whole', () => {
    expect(pageExtentFor(new URL('https://www.youtube.com/watch?v=x'), '')).toBeUndefined();
  });
});
