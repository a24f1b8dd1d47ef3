/**
 * The private-address guard on real sockets: every spelling of a loopback literal, as the link
 * itself, behind a redirect and behind a meta refresh, is refused before any connection, through
 * a proxy and direct alike.
 */
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src/fetch/dispatchers.js';
import { CONNECT_DEADLINE_MS } from '../helpers/deadlines.js';
import { fetchSettings, fakeLookup } from './fetch-sites.js';
import { useGuardedWeb } from './guarded-web.js';

/** Hosts that all mean 127.0.0.1 (or ::1) once the WHATWG URL parser has read them. */
const LOOPBACK_SPELLINGS = [
  '127.0.0.1',
  '2130706433',
  '0x7f000001',
  '0x7f.1',
  '0177.0.0.1',
  '017700000001',
  '127.1',
  '0',
  '[::1]',
  '[::ffff:127.0.0.1]',
  '[::ffff:7f00:1]',
  '[::127.0.0.1]',
  '[0:0:0:0:0:ffff:7f00:1]',
];

let port = 0;
const handlers = [
  http.get(
    'https://www.example.test/hop/:host',
    ({ params }) =>
      new Response(null, {
        status: 302,
        headers: { location: `http://${String(params['host'])}:${port}/ok` },
      }),
  ),
  http.get('https://www.example.test/refresh', () =>
    HttpResponse.html(`<meta http-equiv="refresh" content="0; url=http://127.1:${port}/ok">`),
  ),
  http.get('*/ok', () => HttpResponse.text('reached')),
];

const web = useGuardedWeb(handlers);

function requestsSoFar(): number {
  return web.plain.requests.length + web.secure.requests.length + web.proxy.requests.length;
}

describe('loopback in every spelling', () => {
  it.each(LOOPBACK_SPELLINGS)('refuses http://%s/ as the link, before the proxy', async (host) => {
    port = web.plain.port;
    const before = requestsSoFar();

    const outcome = await web.fetch(`http://${host}:${port}/ok`);

    expect(outcome).toMatchObject({
      kind: 'network-failure',
      failure: { reason: 'private-address' },
    });
    expect(requestsSoFar()).toBe(before);
  });

  it.each(LOOPBACK_SPELLINGS)('refuses a redirect to http://%s/', async (host) => {
    port = web.plain.port;
    const link = `https://www.example.test/hop/${encodeURIComponent(host)}`;

    const outcome = await web.fetch(link);

    expect(outcome).toMatchObject({
      kind: 'network-failure',
      failure: { reason: 'private-address' },
      hops: [{ status: 302 }],
    });
    expect(web.plain.requests.filter((request) => request.url.endsWith('/ok'))).toHaveLength(0);
  });

  it('refuses a meta refresh to a loopback literal', async () => {
    port = web.plain.port;

    const outcome = await web.fetch('https://www.example.test/refresh');

    expect(outcome).toMatchObject({
      failure: { reason: 'private-address' },
      hops: [{ url: 'https://www.example.test/refresh', status: 200 }],
    });
    expect(web.plain.requests.filter((request) => request.url.endsWith('/ok'))).toHaveLength(0);
  });

  it.each(['2130706433', '0x7f.1', '[::ffff:7f00:1]'])(
    'refuses http://%s/ on a direct connection too',
    async (host) => {
      const direct = createDispatcher({
        proxy: undefined,
        isPrivateAllowed: false,
        connectTo: new Map(),
        extraCaPem: undefined,
        connectionsPerOrigin: 1,
        connectTimeoutMs: CONNECT_DEADLINE_MS,
        maxHeaderBytes: 256 * 1024,
        lookup: fakeLookup([]),
      });
      const before = requestsSoFar();
      try {
        const outcome = await web.fetch(`http://${host}:${web.plain.port}/ok`, fetchSettings, {
          dispatcher: direct,
        });

        expect(outcome).toMatchObject({ failure: { reason: 'private-address' } });
        expect(requestsSoFar()).toBe(before);
      } finally {
        await direct.close();
      }
    },
  );
});
