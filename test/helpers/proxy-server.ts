/**
 * A forward proxy on 127.0.0.1 for tests (after linkinator's test proxy): CONNECT tunnels and
 * absolute-form HTTP, a log of every host it carried, and `blockHosts` to play a censoring
 * region; `startSocks5ProxyServer` does the same over SOCKS5. They reach "real" names only through
 * `connectTo`; anything else fails, so a test can never leak onto the internet through them.
 *
 * ```ts
 * await using site = await startWebServer(handlers, { tls: 'valid' });
 * await using proxy = await startProxyServer({
 *   connectTo: site.connectTo('www.youtube.test', 'www.example.test'),
 *   blockHosts: ['youtube.test'],
 * });
 * // TransportSettings: { proxy: { httpProxy: proxy.url, httpsProxy: proxy.url }, ... }
 * ```
 */
import { once } from 'node:events';
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { connect, createServer as createNetServer, isIP, Socket, type AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { assertNever } from '../../src/domain.js';
import type { ConnectTarget } from '../../src/fetch/dispatchers.js';

/**
 * How a blocked host fails: `refuse` answers 403 (the proxy declines the tunnel), `reset` sends
 * a TCP RST (as the Great Firewall does), `hang` never answers (a blackholed address).
 */
export type BlockStyle = 'refuse' | 'reset' | 'hang';

/** A host blocked in its own style, overriding `blockStyle`. */
export type BlockedHost = { host: string; style: BlockStyle };

export type ProxyServerOptions = {
  /**
   * Hosts to block, each with its subdomains (`youtube.test` blocks `www.youtube.test`); a host
   * given with a style is blocked that way, so one proxy can play several blocking styles.
   */
  blockHosts?: readonly (string | BlockedHost)[];
  /** @default 'refuse' */
  blockStyle?: BlockStyle;
  /** Where the proxy connects for a name, keyed `host` or `host:port` (see `WebServer.connectTo`). */
  connectTo?: ReadonlyMap<string, ConnectTarget>;
  /** `user:password` the proxy demands (407 otherwise). */
  auth?: string;
};

/** One request the proxy received. */
export type ProxiedRequest = {
  /** `CONNECT` for tunnels, else the method of an absolute-form request. */
  method: string;
  hostname: string;
  port: number;
  isBlocked: boolean;
};

export type ProxyServer = AsyncDisposable & {
  /** `http://127.0.0.1:port`, to use as `httpProxy`/`httpsProxy`. */
  url: string;
  port: number;
  /** Every request received, in order. */
  requests: ProxiedRequest[];
  /** Host names of the requests received, in order. */
  hostnames: () => string[];
  /** Closes the proxy and every tunnel, including hung ones. */
  close: () => Promise<void>;
};

/** Starts a forward proxy on 127.0.0.1 at a free port. */
export async function startProxyServer(options: ProxyServerOptions = {}): Promise<ProxyServer> {
  const requests: ProxiedRequest[] = [];
  const sockets = new Set<Duplex>();
  const track = (socket: Duplex): void => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  const server = createServer();
  server.on('connection', track);

  server.on('connect', (request: IncomingMessage, client: Duplex, head: Buffer) => {
    const { hostname, port } = splitAuthority(request.url ?? '', 443);
    const blockedStyle = blockStyleOf(hostname, options);
    const isBlocked = blockedStyle !== undefined;
    requests.push({ method: 'CONNECT', hostname, port, isBlocked });
    if (!isAuthorized(request, options.auth)) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    if (isBlocked) {
      block(client, blockedStyle, 'HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const target = resolve(hostname, port, options.connectTo);
    if (target === undefined) {
      client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const upstream = connect(target.port, target.address);
    track(upstream);
    upstream.once('connect', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    upstream.on('error', () => {
      client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n');
    });
    client.on('error', () => upstream.destroy());
  });

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const url = URL.canParse(request.url ?? '') ? new URL(request.url ?? '') : undefined;
    if (url === undefined) {
      response.writeHead(400).end('absolute-form request expected');
      return;
    }
    const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
    const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const blockedStyle = blockStyleOf(hostname, options);
    const isBlocked = blockedStyle !== undefined;
    requests.push({ method: request.method ?? 'GET', hostname, port, isBlocked });
    if (!isAuthorized(request, options.auth)) {
      response.writeHead(407).end();
      return;
    }
    if (isBlocked) {
      block(request.socket, blockedStyle, 'HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const target = resolve(hostname, port, options.connectTo);
    if (target === undefined || url.protocol !== 'http:') {
      response.writeHead(502).end();
      return;
    }
    const headers = { ...request.headers };
    delete headers['proxy-authorization'];
    delete headers['proxy-connection'];
    const upstream = httpRequest(
      {
        host: target.address,
        port: target.port,
        method: request.method,
        path: `${url.pathname}${url.search}`,
        headers,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => {
      if (response.headersSent) response.destroy();
      else response.writeHead(502).end();
    });
    request.pipe(upstream);
  });

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const close = async (): Promise<void> => {
    for (const socket of sockets) socket.destroy();
    server.closeAllConnections();
    await new Promise<void>((done) =>
      server.close(() => {
        done();
      }),
    );
  };
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    hostnames: () => requests.map((request) => request.hostname),
    close,
    [Symbol.asyncDispose]: close,
  };
}

/**
 * Starts a SOCKS5 proxy (no authentication, CONNECT only) on 127.0.0.1 at a free port, with
 * the same `blockHosts`, `connectTo` and request log as `startProxyServer`; `url` is
 * `socks5://127.0.0.1:port`. A `refuse`d host gets reply 2 ("not allowed by ruleset").
 */
export async function startSocks5ProxyServer(
  options: Omit<ProxyServerOptions, 'auth'> = {},
): Promise<ProxyServer> {
  const requests: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();
  const track = (socket: Socket): void => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  const server = createNetServer((client) => {
    track(client);
    client.on('error', () => undefined);
    readSocksRequest(client, ({ hostname, port }, rest) => {
      const blockedStyle = blockStyleOf(hostname, options);
      const isBlocked = blockedStyle !== undefined;
      requests.push({ method: 'CONNECT', hostname, port, isBlocked });
      if (isBlocked) {
        block(client, blockedStyle, socksReply(SOCKS_REPLY.notAllowed));
        return;
      }
      const target = resolve(hostname, port, options.connectTo);
      if (target === undefined) {
        client.end(socksReply(SOCKS_REPLY.hostUnreachable));
        return;
      }
      const upstream = connect(target.port, target.address);
      track(upstream);
      upstream.once('connect', () => {
        client.write(socksReply(SOCKS_REPLY.succeeded));
        upstream.write(rest);
        upstream.pipe(client).pipe(upstream);
      });
      upstream.on('error', () => client.end(socksReply(SOCKS_REPLY.connectionRefused)));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const close = async (): Promise<void> => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((done) =>
      server.close(() => {
        done();
      }),
    );
  };
  return {
    url: `socks5://127.0.0.1:${port}`,
    port,
    requests,
    hostnames: () => requests.map((request) => request.hostname),
    close,
    [Symbol.asyncDispose]: close,
  };
}

/** RFC 1928 §6 reply codes. */
const SOCKS_REPLY = {
  succeeded: 0,
  notAllowed: 2,
  hostUnreachable: 4,
  connectionRefused: 5,
} as const;

function socksReply(code: number): Buffer {
  return Buffer.from([5, code, 0, 1, 0, 0, 0, 0, 0, 0]);
}

/** Reads the greeting (answering "no authentication") and the CONNECT request. */
function readSocksRequest(
  client: Socket,
  onRequest: (target: { hostname: string; port: number }, rest: Buffer) => void,
): void {
  let buffered = Buffer.alloc(0);
  let isGreeted = false;
  const onData = (chunk: Buffer): void => {
    buffered = Buffer.concat([buffered, chunk]);
    if (!isGreeted) {
      const methodCount = buffered[1];
      if (methodCount === undefined || buffered.length < 2 + methodCount) return;
      buffered = buffered.subarray(2 + methodCount);
      isGreeted = true;
      client.write(Buffer.from([5, 0]));
    }
    const request = parseSocksConnect(buffered);
    if (request === undefined) return;
    client.off('data', onData);
    onRequest(request, buffered.subarray(request.length));
  };
  client.on('data', onData);
}

function parseSocksConnect(
  bytes: Buffer,
): { hostname: string; port: number; length: number } | undefined {
  const addressType = bytes[3];
  const nameLength = bytes[4];
  if (addressType === 1 && bytes.length >= 10) {
    return {
      hostname: [...bytes.subarray(4, 8)].join('.'),
      port: bytes.readUInt16BE(8),
      length: 10,
    };
  }
  if (addressType === 3 && nameLength !== undefined && bytes.length >= 7 + nameLength) {
    const hostname = bytes.subarray(5, 5 + nameLength).toString('latin1');
    return { hostname, port: bytes.readUInt16BE(5 + nameLength), length: 7 + nameLength };
  }
  if (addressType === 4 && bytes.length >= 22) {
    const groups = Array.from({ length: 8 }, (_, index) =>
      bytes.readUInt16BE(4 + index * 2).toString(16),
    );
    return { hostname: groups.join(':'), port: bytes.readUInt16BE(20), length: 22 };
  }
  return undefined;
}

function block(socket: Duplex, style: BlockStyle, refusal: string | Buffer): void {
  switch (style) {
    case 'refuse':
      socket.end(refusal);
      return;
    case 'reset':
      if (socket instanceof Socket) socket.resetAndDestroy();
      else socket.destroy();
      return;
    case 'hang':
      // Keep the socket open and silent until the client gives up or the proxy closes.
      return;
    default:
      assertNever(style);
  }
}

/** How a host is blocked, or undefined when it is not. */
function blockStyleOf(
  hostname: string,
  options: Pick<ProxyServerOptions, 'blockHosts' | 'blockStyle'>,
): BlockStyle | undefined {
  const name = hostname.toLowerCase();
  for (const entry of options.blockHosts ?? []) {
    const { host, style } =
      typeof entry === 'string' ? { host: entry, style: options.blockStyle ?? 'refuse' } : entry;
    if (name === host || name.endsWith(`.${host}`)) return style;
  }
  return undefined;
}

/** The mapped address for a name, or the name itself when it is a loopback literal. */
function resolve(
  hostname: string,
  port: number,
  connectTo: ReadonlyMap<string, ConnectTarget> = new Map(),
): { address: string; port: number } | undefined {
  const mapped = connectTo.get(`${hostname}:${port}`) ?? connectTo.get(hostname);
  if (mapped !== undefined) {
    return { address: mapped.address, port: mapped.port ?? port };
  }
  const isLoopback = isIP(hostname) !== 0 && (hostname.startsWith('127.') || hostname === '::1');
  return isLoopback ? { address: hostname, port } : undefined;
}

function splitAuthority(
  authority: string,
  defaultPort: number,
): { hostname: string; port: number } {
  const match = /^\[?([^\]]*?)\]?(?::(\d+))?$/.exec(authority);
  return { hostname: match?.[1] ?? authority, port: Number(match?.[2] ?? defaultPort) };
}

function isAuthorized(request: IncomingMessage, auth: string | undefined): boolean {
  if (auth === undefined) return true;
  return request.headers['proxy-authorization'] === `Basic ${Buffer.from(auth).toString('base64')}`;
}
