/** fetchTarget on real sockets: deadlines, broken connections and refused private targets. */
import { beforeAll, describe, expect, it } from 'vitest';
import { fetchTarget } from '../../src/fetch/http-client.js';
import { PRIVATE_ADDRESS_CODE } from '../../src/fetch/network-failure.js';
import { startProxyServer } from '../helpers/proxy-server.js';
import { startWebServer } from '../helpers/web-server.js';
import {
  closeAfterTest,
  deps,
  dispatcherFor,
  fakeLookup,
  fetchSettings,
  handlers,
  plainSite,
  site,
  transport,
  useFetchSites,
} from './fetch-sites.js';
import { NO_ANSWER_DEADLINE_MS } from '../helpers/deadlines.js';

useFetchSites();

describe('deadlines and broken connections', () => {
  // The phase tests need connections already open: on a busy machine a cold TLS handshake can
  // outlast their 300 ms deadline, which would (rightly) read as a connect timeout.
  beforeAll(async () => {
    await Promise.all(
      Array.from({ length: 4 }, () =>
        fetchTarget(new URL('https://www.example.test/ok'), fetchSettings, deps()),
      ),
    );
  });

  it.each([
    ['a body that drips slower than the deadline', '/drip', 'body'],
    ['headers that never come', '/silent', 'headers'],
  ])('times out on %s', async (_name, path, phase) => {
    const outcome = await fetchTarget(
      new URL(`https://www.example.test${path}`),
      { ...fetchSettings, timeoutMs: NO_ANSWER_DEADLINE_MS },
      deps(),
    );

    expect(outcome).toMatchObject({ kind: 'timeout', phase, hops: [] });
    // One deadline for the whole attempt: the drip never pauses long enough for an idle
    // timeout, so only that deadline can end it, and not before it passed (give or take the
    // rounding of timers). No upper bound: how late a timer fires depends on the machine.
    expect(outcome.durationMs).toBeGreaterThanOrEqual(NO_ANSWER_DEADLINE_MS - 10);
  });

  it('reports a connection torn mid-response as reset', async () => {
    const outcome = await fetchTarget(
      new URL('https://www.example.test/torn'),
      fetchSettings,
      deps(),
    );

    expect(outcome).toMatchObject({ kind: 'network-failure', failure: { reason: 'reset' } });
  });

  it('reports a closed port as refused', async () => {
    const closed = await startWebServer([]);
    await closed.close();
    const down = dispatcherFor(
      transport(site, { connectTo: closed.connectTo('down.example.test') }),
    );

    const outcome = await fetchTarget(
      new URL('http://down.example.test/'),
      fetchSettings,
      deps({ dispatcher: down }),
    );

    expect(outcome).toMatchObject({
      kind: 'network-failure',
      failure: { reason: 'refused', code: 'ECONNREFUSED' },
    });
  });

  it('reports a certificate for another host as tls', async () => {
    const impostor = await startWebServer(handlers, { tls: 'wrong-host' });
    closeAfterTest(impostor);
    const viaImpostor = dispatcherFor(transport(impostor));

    const outcome = await fetchTarget(
      new URL('https://www.example.test/ok'),
      fetchSettings,
      deps({ dispatcher: viaImpostor }),
    );

    expect(outcome).toMatchObject({
      kind: 'network-failure',
      failure: { reason: 'tls', code: 'ERR_TLS_CERT_ALTNAME_INVALID' },
    });
    expect(impostor.requests).toHaveLength(0);
  });

  it('reports a certificate from an unknown CA as tls', async () => {
    const untrusting = dispatcherFor(transport(site, { extraCaPem: undefined }));

    const outcome = await fetchTarget(
      new URL('https://www.example.test/ok'),
      fetchSettings,
      deps({ dispatcher: untrusting }),
    );

    expect(outcome).toMatchObject({ kind: 'network-failure', failure: { reason: 'tls' } });
  });

  it('reports NXDOMAIN from the resolver as dns', async () => {
    const resolving = dispatcherFor(
      transport(site, { connectTo: new Map(), lookup: fakeLookup([]) }),
    );

    const outcome = await fetchTarget(
      new URL('https://gone.example.test/'),
      fetchSettings,
      deps({ dispatcher: resolving }),
    );

    expect(outcome).toMatchObject({
      kind: 'network-failure',
      failure: { reason: 'dns', code: 'ENOTFOUND' },
    });
  });

  it('resolves names through the injected lookup', async () => {
    const resolving = dispatcherFor(
      transport(plainSite, { connectTo: new Map(), lookup: fakeLookup(['www.example.test']) }),
    );

    const outcome = await fetchTarget(
      new URL(`http://www.example.test:${plainSite.port}/ok`),
      fetchSettings,
      deps({ dispatcher: resolving }),
    );

    expect(outcome).toMatchObject({ kind: 'response', status: 200 });
  });
});

describe('private addresses', () => {
  it.each([
    ['a literal loopback URL', () => `${plainSite.origin}/ok`, new Map()],
    [
      'a name that resolves to loopback',
      () => `http://www.example.test:${plainSite.port}/ok`,
      new Map(),
    ],
    [
      'a connectTo pin to loopback',
      () => 'http://www.example.test/ok',
      new Map([['www.example.test', { address: '127.0.0.1', port: 1 }]]),
    ],
  ])('refuses %s unless private addresses are allowed', async (_name, url, connectTo) => {
    const guarded = dispatcherFor(
      transport(plainSite, {
        isPrivateAllowed: false,
        connectTo,
        lookup: fakeLookup(['www.example.test']),
      }),
    );
    const requestsBefore = plainSite.requests.length;

    const outcome = await fetchTarget(new URL(url()), fetchSettings, deps({ dispatcher: guarded }));

    expect(outcome).toMatchObject({
      kind: 'network-failure',
      failure: { reason: 'private-address', code: PRIVATE_ADDRESS_CODE },
    });
    expect(plainSite.requests).toHaveLength(requestsBefore);
  });

  it('refuses a literal private target even through a proxy', async () => {
    const proxy = await startProxyServer();
    closeAfterTest(proxy);
    const guarded = dispatcherFor(
      transport(plainSite, { isPrivateAllowed: false, proxy: { httpProxy: proxy.url } }),
    );

    const outcome = await fetchTarget(
      new URL(`${plainSite.origin}/ok`),
      fetchSettings,
      deps({ dispatcher: guarded }),
    );

    expect(outcome).toMatchObject({ failure: { reason: 'private-address' } });
    expect(proxy.requests).toHaveLength(0);
  });
});
