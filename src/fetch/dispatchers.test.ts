import { http, HttpResponse } from 'msw';
import type { LookupFunction } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ANSWER_DEADLINE_MS, CONNECT_DEADLINE_MS } from '../../test/helpers/deadlines.js';
import { startProxyServer, type ProxyServer } from '../../test/helpers/proxy-server.js';
import { testCaPem } from '../../test/helpers/tls.js';
import { startWebServer, type WebServer } from '../../test/helpers/web-server.js';
import { createDispatcher, type TransportSettings } from './dispatchers.js';
import { fetchTarget, type FetchSettings } from './http-client.js';

const fetchSettings: FetchSettings = {
  timeoutMs: ANSWER_DEADLINE_MS,
  maxTimePerLinkMs: 4 * ANSWER_DEADLINE_MS,
  maxRedirects: 5,
  maxBodyBytes: 1024,
  userAgent: 'curate-test',
  headersFor: () => ({}),
  retries: 0,
  retryBaseDelayMs: 10,
  maxRetryAfterMs: 100,
  followMetaRefresh: false,
};

let site: WebServer;
let otherSite: WebServer;
let proxy: ProxyServer;

beforeAll(async () => {
  site = await startWebServer([http.get('*/who', () => HttpResponse.text('site'))], {
    tls: 'valid',
  });
  otherSite = await startWebServer([http.get('*/who', () => HttpResponse.text('other'))], {
    tls: 'valid',
  });
  proxy = await startProxyServer({ connectTo: site.connectTo('www.example.test') });
});

afterEach(() => {
  vi.unstubAllEnvs();
});

afterAll(async () => {
  await Promise.all([site.close(), otherSite.close(), proxy.close()]);
});

/** No name resolves: a request that escaped the proxy fails instead of asking real DNS. */
const nxdomain: LookupFunction = (hostname, _options, callback) => {
  callback(
    Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }),
    '',
  );
};

function settings(overrides: Partial<TransportSettings>): TransportSettings {
  return {
    proxy: undefined,
    isPrivateAllowed: true,
    connectTo: new Map(),
    extraCaPem: testCaPem,
    connectionsPerOrigin: 2,
    connectTimeoutMs: CONNECT_DEADLINE_MS,
    maxHeaderBytes: 256 * 1024,
    ...overrides,
  };
}

async function bodyOf(transport: TransportSettings, url: string): Promise<string | undefined> {
  const dispatcher = createDispatcher(transport);
  try {
    const outcome = await fetchTarget(new URL(url), fetchSettings, { dispatcher });
    return outcome.kind === 'response' ? outcome.body : outcome.kind;
  } finally {
    await dispatcher.close();
  }
}

describe('createDispatcher connectTo', () => {
  it('prefers a host:port entry over a host entry', async () => {
    const connectTo = new Map([
      ['www.example.test', { address: '127.0.0.1', port: site.port }],
      ['www.example.test:8443', { address: '127.0.0.1', port: otherSite.port }],
    ]);

    await expect(bodyOf(settings({ connectTo }), 'https://www.example.test/who')).resolves.toBe(
      'site',
    );
    await expect(
      bodyOf(settings({ connectTo }), 'https://www.example.test:8443/who'),
    ).resolves.toBe('other');
  });

  it('keeps the URL’s port when the entry has none', async () => {
    const connectTo = new Map([['www.example.test', { address: '127.0.0.1', port: undefined }]]);

    await expect(
      bodyOf(settings({ connectTo }), `https://www.example.test:${site.port}/who`),
    ).resolves.toBe('site');
  });
});

describe('createDispatcher proxy settings', () => {
  it('never falls back to the proxy environment variables', async () => {
    vi.stubEnv('HTTPS_PROXY', 'http://127.0.0.1:1');
    vi.stubEnv('https_proxy', 'http://127.0.0.1:1');
    vi.stubEnv('NO_PROXY', '*');
    vi.stubEnv('no_proxy', '*');
    const requestsBefore = proxy.requests.length;

    const body = await bodyOf(
      settings({ proxy: { httpProxy: proxy.url }, lookup: nxdomain }),
      'https://www.example.test/who',
    );

    expect(body).toBe('site');
    expect(proxy.requests).toHaveLength(requestsBefore + 1);
  });

  it('creates a plain agent when no proxy URL is given', async () => {
    const connectTo = site.connectTo('www.example.test');
    const requestsBefore = proxy.requests.length;

    await expect(
      bodyOf(
        settings({ proxy: { noProxy: 'localhost' }, connectTo }),
        'https://www.example.test/who',
      ),
    ).resolves.toBe('site');
    expect(proxy.requests).toHaveLength(requestsBefore);
  });
});
