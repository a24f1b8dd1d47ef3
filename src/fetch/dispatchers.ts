/**
 * Builds the undici dispatcher a run fetches through: a keep-alive Agent, or proxy routing with
 * NO_PROXY, plus the address guard, `connectTo` pinning and an extra trusted CA. `run.ts` owns
 * the result and closes it.
 */
import { lookup as dnsLookup } from 'node:dns';
import { readFile } from 'node:fs/promises';
import { isIP, type LookupFunction } from 'node:net';
import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls';
import { Agent, buildConnector, EnvHttpProxyAgent, Pool, type Dispatcher } from 'undici';
import { UsageError } from '../errors.js';
import { checkInputsTextOf, type Lang } from '../i18n/index.js';
import { assertPublicLiteral, guardLookup } from './address-guard.js';
import { PROXY_UNREACHABLE_CODE } from './network-failure.js';

/** Where one `connectTo` entry sends connections for a host. */
export type ConnectTarget = { address: string; port: number | undefined };

/** What the transport needs to know; resolved by `options.ts`, environment read by `cli.ts`. */
export type TransportSettings = {
  /**
   * Proxies by target scheme, as `--proxy` or HTTP(S)_PROXY/NO_PROXY give them: `http(s)://`
   * (CONNECT tunnels) or `socks5://`. HTTPS targets fall back to `httpProxy` when `httpsProxy`
   * is unset. An unreachable http(s) proxy fails with reason `proxy`; an unreachable socks5 one
   * shows as `refused`, since undici gives no hook on its connection to the proxy.
   */
  proxy: { httpProxy?: string; httpsProxy?: string; noProxy?: string } | undefined;
  /** Whether loopback, private and other non-public addresses may be fetched. */
  isPrivateAllowed: boolean;
  /**
   * Like curl's `--connect-to`: key `host` or `host:port`, connect to that address (and port)
   * while Host, SNI and the certificate check keep the original name. Direct connections only.
   */
  connectTo: ReadonlyMap<string, ConnectTarget>;
  /** PEM of a CA to trust on top of Node's bundled roots. */
  extraCaPem: string | undefined;
  /** Keep-alive connections per origin (per-host politeness is the slots' per-host count, fetch/slots.ts). */
  connectionsPerOrigin: number;
  /** TCP/TLS connect (or proxy tunnel) timeout; the per-attempt deadline still applies. */
  connectTimeoutMs: number;
  /** Bytes of response headers read before the answer fails (`UND_ERR_HEADERS_OVERFLOW`). */
  maxHeaderBytes: number;
  /** DNS lookup for direct connections; tests make real-looking names resolve or fail. */
  lookup?: LookupFunction;
};

/**
 * Creates the dispatcher for a run: direct connections through a guarded connector, or the
 * configured proxies with NO_PROXY hosts going direct. Close it with `await dispatcher.close()`.
 */
export function createDispatcher(settings: TransportSettings): Dispatcher {
  // A `ca` option replaces Node's roots instead of adding to them. Built once: a `ca` list
  // handed to undici makes Node parse all ~140 roots again for every connection (most of a
  // small run's CPU time, and of every test that trusts the test CA).
  const tls =
    settings.extraCaPem === undefined
      ? {}
      : { secureContext: createSecureContext({ ca: [...rootCertificates, settings.extraCaPem] }) };
  const agentOptions = {
    connect: createConnector(settings, tls),
    connections: settings.connectionsPerOrigin,
    maxHeaderSize: settings.maxHeaderBytes,
  };
  const { httpProxy, httpsProxy, noProxy } = settings.proxy ?? {};
  if (httpProxy === undefined && httpsProxy === undefined) {
    // Every connection goes through the guarded connector: nothing to add in front of it.
    return new Agent(agentOptions);
  }
  // Proxied targets are resolved by the proxy, so only IP literals can be checked, before the
  // request goes to the proxy; NO_PROXY hosts connect directly, through the guarded connector.
  const ProxyAgent = settings.isPrivateAllowed ? EnvHttpProxyAgent : LiteralGuardedProxyAgent;
  return new ProxyAgent({
    ...agentOptions,
    // Empty strings, never undefined: EnvHttpProxyAgent reads process.env for undefined.
    httpProxy: httpProxy ?? '',
    httpsProxy: httpsProxy ?? '',
    noProxy: noProxy ?? '',
    requestTls: tls,
    // Only for https:// proxies: undici speaks TLS to a socks5:// proxy whenever
    // proxyTls is set at all (lib/dispatcher/socks5-proxy-agent.js).
    ...(isTlsProxy(httpProxy) || isTlsProxy(httpsProxy) ? { proxyTls: tls } : {}),
    clientFactory: (origin) =>
      new Pool(origin, {
        connect: createProxyConnector(settings, tls, origin),
        // The CONNECT answer is this client's "headers": a proxy that never answers it
        // must fail like a connect timeout, not hold the request for undici's 300 s.
        headersTimeout: settings.connectTimeoutMs,
        maxHeaderSize: settings.maxHeaderBytes,
      }),
  });
}

function isTlsProxy(proxyUrl: string | undefined): boolean {
  return proxyUrl?.toLowerCase().startsWith('https:') === true;
}

/**
 * A proxy agent that fails a request to a non-public IP literal before it goes to the proxy. A
 * subclass, not an interceptor: one string check, and undici's handler chain stays as it is.
 */
class LiteralGuardedProxyAgent extends EnvHttpProxyAgent {
  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler) {
    assertPublicLiteral(hostnameOf(options.origin));
    return super.dispatch(options, handler);
  }
}

/** The host of an origin as undici is handed it (`https://[::1]:8443` → `[::1]`). */
function hostnameOf(origin: string | URL | undefined): string {
  if (origin === undefined) return '';
  if (typeof origin !== 'string') return origin.hostname;
  return /^[a-z][a-z\d+.-]*:\/\/(\[[^\]]*\]|[^:/?#]*)/i.exec(origin)?.[1] ?? '';
}

/**
 * The connector of direct connections: applies `connectTo`, refuses non-public literal
 * addresses and checks resolved ones through the guarded lookup.
 */
function createConnector(
  settings: TransportSettings,
  tls: { secureContext?: SecureContext },
): buildConnector.connector {
  const baseLookup = settings.lookup ?? dnsLookup;
  const lookup = settings.isPrivateAllowed ? baseLookup : guardLookup(baseLookup);
  const connect = buildConnector({ ...tls, lookup, timeout: settings.connectTimeoutMs });
  return (options, callback) => {
    const port = Number(options.port) || (options.protocol === 'https:' ? 443 : 80);
    const target =
      settings.connectTo.get(`${options.hostname}:${port}`) ??
      settings.connectTo.get(options.hostname);
    const hostname = target?.address ?? options.hostname;
    if (!settings.isPrivateAllowed) {
      try {
        assertPublicLiteral(hostname);
      } catch (error) {
        callback(error as Error, null);
        return;
      }
    }
    // Keep SNI and the certificate check on the name the URL asked for, not the pinned address.
    const servername =
      target !== undefined && isIP(options.hostname) === 0
        ? { servername: options.servername ?? options.hostname }
        : {};
    connect({ ...options, ...servername, hostname, port: String(target?.port ?? port) }, callback);
  };
}

/**
 * The connector to an HTTP proxy. Its errors are wrapped so that a dead proxy reads as reason
 * `proxy`, not as the target refusing or resetting.
 */
function createProxyConnector(
  settings: TransportSettings,
  tls: { secureContext?: SecureContext },
  proxy: URL,
): buildConnector.connector {
  const connect = buildConnector({ ...tls, timeout: settings.connectTimeoutMs });
  return (options, callback) => {
    connect(options, (...args) => {
      const [error] = args;
      if (error === null) {
        callback(...args);
        return;
      }
      const wrapped = new Error(`Proxy ${proxy.origin} unreachable: ${error.message}`, {
        cause: error,
      });
      callback(Object.assign(wrapped, { code: PROXY_UNREACHABLE_CODE }), null);
    });
  };
}

/** A run's dispatcher and how to let go of it. */
export type RunDispatcher = { dispatcher: Dispatcher; close(): Promise<void> };

/**
 * The dispatcher of a run: one built from `settings` (reading the `--ca-file` PEM), closed by
 * `close()`; or the one the caller injected, left open, since its owner closes it.
 */
export async function openRunDispatcher(
  transport: {
    settings: Omit<TransportSettings, 'extraCaPem' | 'lookup'>;
    caFile: string | undefined;
    /** The language of the `--ca-file` error; English when not given. */
    lang?: Lang | undefined;
  },
  injected: Dispatcher | undefined,
  lookup: LookupFunction | undefined,
): Promise<RunDispatcher> {
  if (injected !== undefined) {
    return { dispatcher: injected, close: () => Promise.resolve() };
  }
  const extraCaPem =
    transport.caFile === undefined
      ? undefined
      : await readCaFile(transport.caFile, transport.lang ?? 'en');
  const dispatcher = createDispatcher({
    ...transport.settings,
    extraCaPem,
    ...(lookup ? { lookup } : {}),
  });
  return { dispatcher, close: () => dispatcher.close() };
}

async function readCaFile(path: string, lang: Lang): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const words = checkInputsTextOf(lang);
    throw new UsageError(words.caFileUnreadable(path), {
      hint: words.caFileHint,
      cause: error,
      lang,
    });
  }
}
