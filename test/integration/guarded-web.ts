/**
 * A fake internet reached with the private-address guard ON, as a learner runs curate: every
 * request goes through a local forward proxy that sends real-looking names to local servers
 * (`name:443` to the HTTPS one, `name:80` to the plain one), so the connector never sees
 * 127.0.0.1 while the guard still refuses any private literal. Each test file starts its own.
 */
import type { RequestHandler } from 'msw';
import type { Dispatcher } from 'undici';
import { afterAll, beforeAll } from 'vitest';
import { createDispatcher, type ConnectTarget } from '../../src/fetch/dispatchers.js';
import { classifyOutcome } from '../../src/classify/classify.js';
import type { CheckOutcome, FetchOutcome } from '../../src/domain.js';
import { fetchTarget, type FetchDeps, type FetchSettings } from '../../src/fetch/http-client.js';
import { CONNECT_DEADLINE_MS } from '../helpers/deadlines.js';
import { startProxyServer, type ProxyServer } from '../helpers/proxy-server.js';
import { testCaPem } from '../helpers/tls.js';
import { startWebServer, type RawHandler, type WebServer } from '../helpers/web-server.js';
import { fetchSettings } from './fetch-sites.js';

/** Names the guarded web answers for, over https (port 443) and http (port 80). */
export const GUARDED_HOSTS = [
  'www.example.test',
  'cdn.example.test',
  'docs.example.test',
  'www.github.test',
];

/** The servers and the guarded dispatcher of a test file (live: set before its tests run). */
export type GuardedWeb = {
  secure: WebServer;
  plain: WebServer;
  proxy: ProxyServer;
  dispatcher: Dispatcher;
  /** Fetch deps over the guarded dispatcher, with no real waits. */
  deps(extra?: Partial<FetchDeps>): FetchDeps;
  /** Fetches a link over the guarded dispatcher. */
  fetch(link: string, settings?: FetchSettings, extra?: Partial<FetchDeps>): Promise<FetchOutcome>;
  /** Fetches and classifies a link (no accepted codes, fragments checked). */
  check(link: string, settings?: FetchSettings): Promise<CheckOutcome>;
};

/** A proxy's `connectTo` sending each host's port 443 to `secure` and port 80 to `plain`. */
export function proxyRoutes(
  hosts: readonly string[],
  secure: WebServer,
  plain: WebServer,
): Map<string, ConnectTarget> {
  return new Map(
    hosts.flatMap((host) => [
      [`${host}:443`, { address: '127.0.0.1', port: secure.port }],
      [`${host}:80`, { address: '127.0.0.1', port: plain.port }],
    ]),
  );
}

/** Starts the guarded web before the file's tests and closes it after them. */
export function useGuardedWeb(handlers: readonly RequestHandler[], raw?: RawHandler): GuardedWeb {
  const web = {} as GuardedWeb;
  beforeAll(async () => {
    web.secure = await startWebServer(handlers, { tls: 'valid', ...(raw ? { raw } : {}) });
    web.plain = await startWebServer(handlers, raw ? { raw } : {});
    web.proxy = await startProxyServer({
      connectTo: proxyRoutes(GUARDED_HOSTS, web.secure, web.plain),
    });
    web.dispatcher = createDispatcher({
      proxy: { httpProxy: web.proxy.url, httpsProxy: web.proxy.url },
      isPrivateAllowed: false,
      connectTo: new Map(),
      extraCaPem: testCaPem,
      connectionsPerOrigin: 4,
      connectTimeoutMs: CONNECT_DEADLINE_MS,
      maxHeaderBytes: 256 * 1024,
    });
    web.deps = (extra = {}) => ({
      dispatcher: web.dispatcher,
      sleep: () => Promise.resolve(),
      random: () => 0,
      ...extra,
    });
    web.fetch = (link, settings = fetchSettings, extra = {}) =>
      fetchTarget(new URL(link), settings, web.deps(extra));
    web.check = async (link, settings = fetchSettings) => {
      const fetched = await web.fetch(link, settings);
      const rules = { acceptStatuses: new Set<number>(), checkFragments: true };
      return classifyOutcome(fetched, new URL(link), rules).outcome;
    };
  });
  afterAll(async () => {
    await web.dispatcher.close();
    await web.proxy.close();
    await web.secure.close();
    await web.plain.close();
  });
  return web;
}
