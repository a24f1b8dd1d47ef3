/**
 * A fake internet on a real socket. msw cannot see requests made with the `undici` package
 * (mswjs/msw#2165), so handlers written with msw's `http.get(...)` are served by a local
 * node:http(s) server through `getResponse`, and clients connect to it like to any host.
 *
 * ```ts
 * await using server = await startWebServer([
 *   http.get('https://www.example.test/moved', () => new Response(null, { status: 301, headers: { location: '/ok' } })),
 *   http.get('*\/ok', () => HttpResponse.html('<title>ok</title>')),
 * ], { tls: 'valid' });
 * // TransportSettings: { connectTo: server.connectTo('www.example.test'), extraCaPem: testCaPem, isPrivateAllowed: true, ... }
 * ```
 */
import { once } from 'node:events';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { getResponse, type RequestHandler } from 'msw';
import type { ConnectTarget } from '../../src/fetch/dispatchers.js';
import { testCertificates, type TestCertificate } from './tls.js';

/** A request as the server saw it. */
export type RecordedRequest = {
  method: string;
  /** Absolute URL built from the scheme, the Host header and the path. */
  url: string;
  /** Lower-cased names; repeated headers joined with `, `. */
  headers: Readonly<Record<string, string>>;
};

/**
 * A node handler consulted before msw, for what msw cannot express (resetting the socket
 * mid-response, dripping a body, never answering). Return true when it took the request.
 */
export type RawHandler = (request: IncomingMessage, response: ServerResponse) => boolean;

export type WebServerOptions = {
  /** Serve HTTPS with the test CA's `valid` certificate or the `wrong-host` one. */
  tls?: TestCertificate;
  /** Interface to listen on. @default '127.0.0.1' */
  host?: string;
  raw?: RawHandler;
};

export type WebServer = AsyncDisposable & {
  /** `http(s)://127.0.0.1:port/`. */
  url: URL;
  /** `http(s)://127.0.0.1:port`. */
  origin: string;
  port: number;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  /** A `TransportSettings.connectTo` map sending these host names (any port) to this server. */
  connectTo: (...hostnames: string[]) => Map<string, ConnectTarget>;
  /** Closes the server and every open connection, including hung ones. */
  close: () => Promise<void>;
};

/** Starts a server that answers through msw handlers, 501 for anything unhandled. */
export async function startWebServer(
  handlers: readonly RequestHandler[],
  options: WebServerOptions = {},
): Promise<WebServer> {
  const scheme = options.tls === undefined ? 'http' : 'https';
  const requests: RecordedRequest[] = [];
  const listener = (request: IncomingMessage, response: ServerResponse): void => {
    const url = absoluteUrl(request, scheme);
    requests.push({ method: request.method ?? 'GET', url, headers: flatHeaders(request) });
    if (options.raw?.(request, response) === true) {
      return;
    }
    answerWithMsw(handlers, request, response, url).catch((error: unknown) => {
      fail(response, 500, `Handler failed: ${String(error)}`);
    });
  };
  const server: Server =
    options.tls === undefined
      ? createHttpServer(listener)
      : createHttpsServer(testCertificates[options.tls], listener);
  server.listen(0, options.host ?? '127.0.0.1');
  await once(server, 'listening');
  const { port, address } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  const origin = `${scheme}://${host}:${port}`;
  const close = async (): Promise<void> => {
    server.closeAllConnections();
    await new Promise<void>((resolve) =>
      server.close(() => {
        resolve();
      }),
    );
  };
  return {
    url: new URL(`${origin}/`),
    origin,
    port,
    requests,
    connectTo: (...hostnames) =>
      new Map(hostnames.map((hostname) => [hostname, { address, port }])),
    close,
    [Symbol.asyncDispose]: close,
  };
}

async function answerWithMsw(
  handlers: readonly RequestHandler[],
  request: IncomingMessage,
  response: ServerResponse,
  url: string,
): Promise<void> {
  const answer = await getResponse([...handlers], await toFetchRequest(request, url));
  if (answer === undefined) {
    fail(response, 501, `No handler for ${request.method ?? 'GET'} ${url}`);
    return;
  }
  if (answer.type === 'error') {
    // HttpResponse.error(): a network error, so drop the connection.
    request.socket.destroy();
    return;
  }
  const headers: Record<string, string | string[]> = {};
  answer.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const cookies = answer.headers.getSetCookie();
  if (cookies.length > 0) {
    headers['set-cookie'] = cookies;
  }
  response.writeHead(answer.status, answer.statusText, headers);
  if (answer.body === null) {
    response.end();
    return;
  }
  // The client may hang up early (capped bodies); that is not the server's failure.
  await pipeline(Readable.fromWeb(answer.body), response).catch(() => {
    response.destroy();
  });
}

async function toFetchRequest(request: IncomingMessage, url: string): Promise<Request> {
  const method = request.method ?? 'GET';
  const headers = new Headers();
  for (const [name, value] of Object.entries(flatHeaders(request))) {
    headers.set(name, value);
  }
  if (method === 'GET' || method === 'HEAD') {
    return new Request(url, { method, headers });
  }
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) {
    chunks.push(chunk);
  }
  return new Request(url, { method, headers, body: Buffer.concat(chunks) });
}

/** The URL as the client meant it: absolute-form as is, else scheme + Host + path. */
function absoluteUrl(request: IncomingMessage, scheme: string): string {
  const target = request.url ?? '/';
  if (/^https?:\/\//i.test(target)) {
    return target;
  }
  const host = request.headers.host ?? request.socket.localAddress ?? '127.0.0.1';
  return `${scheme}://${host}${target}`;
}

function flatHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) {
      headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
  }
  return headers;
}

function fail(response: ServerResponse, status: number, message: string): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(message);
}
