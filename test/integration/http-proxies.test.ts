/** fetchTarget through real HTTP and SOCKS5 proxies. */
import { PROXY_UNREACHABLE_CODE } from '../../src/fetch/network-failure.js';
import {
  startProxyServer,
  startSocks5ProxyServer,
  type BlockStyle,
} from '../helpers/proxy-server.js';
import { describe, expect, it } from 'vitest';
import { fetchTarget } from '../../src/fetch/http-client.js';
import {
  closeAfterTest,
  deps,
  dispatcherFor,
  fetchSettings,
  site,
  SITE_HOSTS,
  transport,
  useFetchSites,
} from './fetch-sites.js';
import { ANSWER_DEADLINE_MS, NO_ANSWER_DEADLINE_MS } from '../helpers/deadlines.js';

useFetchSites();

describe('proxies', () => {
  it('tunnels HTTPS through the proxy, which really carries the request', async () => {
    const proxy = await startProxyServer({ connectTo: site.connectTo(...SITE_HOSTS) });
    closeAfterTest(proxy);
    const proxied = dispatcherFor(
      transport(site, {
        connectTo: new Map(),
        proxy: { httpProxy: proxy.url, httpsProxy: proxy.url },
      }),
    );

    const outcome = await fetchTarget(
      new URL('https://www.youtube.test/ok'),
      fetchSettings,
      deps({ dispatcher: proxied }),
    );

    expect(outcome).toMatchObject({ kind: 'response', status: 200 });
    expect(proxy.requests).toEqual([
      { method: 'CONNECT', hostname: 'www.youtube.test', port: 443, isBlocked: false },
    ]);
    expect(site.requests.at(-1)?.url).toBe('https://www.youtube.test/ok');
  });

  it('goes direct for NO_PROXY hosts', async () => {
    const proxy = await startProxyServer({ connectTo: site.connectTo(...SITE_HOSTS) });
    closeAfterTest(proxy);
    const proxied = dispatcherFor(
      transport(site, { proxy: { httpsProxy: proxy.url, noProxy: 'example.test' } }),
    );

    const outcome = await fetchTarget(
      new URL('https://www.example.test/ok'),
      fetchSettings,
      deps({ dispatcher: proxied }),
    );

    expect(outcome).toMatchObject({ kind: 'response', status: 200 });
    expect(proxy.requests).toHaveLength(0);
  });

  it.each<[BlockStyle, object, number]>([
    ['refuse', { kind: 'network-failure', failure: { reason: 'proxy' } }, ANSWER_DEADLINE_MS],
    ['reset', { kind: 'network-failure', failure: { reason: 'reset' } }, ANSWER_DEADLINE_MS],
    // Only a proxy that never answers gets a short deadline: a timeout is what it proves.
    ['hang', { kind: 'timeout', phase: 'connect' }, NO_ANSWER_DEADLINE_MS],
  ])('fails a host the proxy blocks with %s', async (blockStyle, expected, deadlineMs) => {
    const proxy = await startProxyServer({
      connectTo: site.connectTo(...SITE_HOSTS),
      blockHosts: ['youtube.test'],
      blockStyle,
    });
    closeAfterTest(proxy);
    const proxied = dispatcherFor(
      transport(site, { proxy: { httpsProxy: proxy.url }, connectTimeoutMs: deadlineMs }),
    );

    const outcome = await fetchTarget(
      new URL('https://www.youtube.test/ok'),
      { ...fetchSettings, timeoutMs: deadlineMs },
      deps({ dispatcher: proxied }),
    );

    expect(outcome).toMatchObject(expected);
    expect(proxy.requests).toMatchObject([{ hostname: 'www.youtube.test', isBlocked: true }]);
  });

  it('tunnels through a SOCKS5 proxy', async () => {
    const socks = await startSocks5ProxyServer({ connectTo: site.connectTo(...SITE_HOSTS) });
    closeAfterTest(socks);
    const proxied = dispatcherFor(
      transport(site, { connectTo: new Map(), proxy: { httpsProxy: socks.url } }),
    );

    const outcome = await fetchTarget(
      new URL('https://www.youtube.test/ok'),
      fetchSettings,
      deps({ dispatcher: proxied }),
    );

    expect(outcome).toMatchObject({ kind: 'response', status: 200 });
    expect(socks.hostnames()).toEqual(['www.youtube.test']);
  });

  it('fails a host a SOCKS5 proxy refuses as proxy', async () => {
    const socks = await startSocks5ProxyServer({
      connectTo: site.connectTo(...SITE_HOSTS),
      blockHosts: ['youtube.test'],
    });
    closeAfterTest(socks);
    const proxied = dispatcherFor(transport(site, { proxy: { httpsProxy: socks.url } }));

    const outcome = await fetchTarget(
      new URL('https://www.youtube.test/ok'),
      fetchSettings,
      deps({ dispatcher: proxied }),
    );

    expect(outcome).toMatchObject({
      kind: 'network-failure',
      failure: { reason: 'proxy', code: 'UND_ERR_SOCKS5_REPLY_2' },
    });
  });

  it('reports a proxy that is not running as proxy', async () => {
    const closed = await startProxyServer();
    await closed.close();
    const proxied = dispatcherFor(transport(site, { proxy: { httpsProxy: closed.url } }));

    const outcome = await fetchTarget(
      new URL('https://www.example.test/ok'),
      fetchSettings,
      deps({ dispatcher: proxied }),
    );

    expect(outcome).toMatchObject({
      kind: 'network-failure',
      failure: { reason: 'proxy', code: PROXY_UNREACHABLE_CODE },
    });
  });
});
