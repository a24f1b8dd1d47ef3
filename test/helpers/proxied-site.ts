/**
 * The set-up of the whole-run integration tests that stand in for real platforms: one HTTPS
 * site (msw handlers, the test CA) reachable only through a forward proxy on 127.0.0.1 whose
 * `connectTo` maps the given real names there, the test CA's file, and a temporary directory.
 * Nothing leaves 127.0.0.1, and the private-address guard stays on.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RequestHandler } from 'msw';
import { startProxyServer, type ProxyServer } from './proxy-server.js';
import { startWebServer, type WebServer } from './web-server.js';

/** The CA that signed the test site's certificate: `--ca-file`. */
export const TEST_CA_FILE = fileURLToPath(new URL('../fixtures/tls/ca.pem', import.meta.url));

export type ProxiedSite = {
  site: WebServer;
  proxy: ProxyServer;
  /** A fresh temporary directory for the run's roadmap, reports and cache. */
  dir: string;
  close(): Promise<void>;
};

/** Starts the site, the proxy that maps `names` to it, and a temporary directory. */
export async function startProxiedSite(
  handlers: readonly RequestHandler[],
  names: readonly string[],
  dirPrefix: string,
): Promise<ProxiedSite> {
  const site = await startWebServer(handlers, { tls: 'valid' });
  const proxy = await startProxyServer({ connectTo: site.connectTo(...names) });
  const dir = await mkdtemp(join(tmpdir(), dirPrefix));
  return {
    site,
    proxy,
    dir,
    async close() {
      await Promise.all([site.close(), proxy.close()]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
