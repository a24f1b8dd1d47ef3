/**
 * A loopback server farm for the benchmark: H hosts on distinct addresses 127.0.0.2 …
 * 127.0.0.(H+1), all on one port, each answering after a fixed latency with an answer the URL
 * path names (/ok/1, /404/2, /moved/3, /found/4, /flaky/5, /slow/6, /big/7, and /hang/8, which is
 * never answered). It counts what
 * every host saw — requests, requests in flight, open connections — so that a checker's
 * politeness is measured at the server, not taken from its own settings.
 *
 *   node bench/farm.mjs [--hosts 50] [--port 0] [--latency 50] [--seconds 600]   (a farm to poke at)
 */
import { Buffer } from 'node:buffer';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { clearTimeout, setTimeout } from 'node:timers';
import process from 'node:process';
import { URL, pathToFileURL } from 'node:url';

/** What each kind of path answers, and whether a checker should call it alive. */
export const ANSWER_KINDS = /** @type {const} */ ([
  'ok',
  '404',
  'moved',
  'found',
  'flaky',
  'slow',
  'big',
  'hang',
]);

const DEFAULT_OPTIONS = {
  hosts: 50,
  port: 0,
  latencyMs: 50,
  jitterMs: 10,
  slowMs: 1000,
  bigBodyBytes: 200 * 1024,
  seed: 1,
};

/** The address of host `index` (0-based): 127.0.0.2 for the first, so 127.0.0.1 stays free. */
export function hostAddress(index) {
  if (!Number.isInteger(index) || index < 0 || index > 252) {
    throw new RangeError(`host index ${index} is outside 0…252 (127.0.0.2 … 127.0.0.254)`);
  }
  return `127.0.0.${index + 2}`;
}

/** FNV-1a over a string, mixed with the seed: a stable 32-bit hash for per-path jitter. */
function hash32(seed, text) {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * The latency a path is answered with: `latencyMs` ± `jitterMs`, fixed per (seed, path) so a
 * retry and every tool see the same delay for the same URL.
 */
export function latencyFor(path, { latencyMs, jitterMs, seed }) {
  const unit = hash32(seed, path) / 0xffffffff;
  return Math.max(0, Math.round(latencyMs + (unit * 2 - 1) * jitterMs));
}

/** Splits `/kind/id` into its kind, or undefined for paths the farm does not serve. */
export function parsePath(pathname) {
  const match = /^\/([a-z0-9]+)\/([A-Za-z0-9_-]+)$/.exec(pathname);
  if (match === null) return undefined;
  const kind = match[1];
  return ANSWER_KINDS.includes(kind) ? { kind, id: match[2] } : undefined;
}

/** The farm's ordinary page: a title, an h1 and one paragraph (about 300 bytes). */
export function smallPage(title) {
  // Plain prose, and no numbers in the title ("Page 404" reads as a soft 404): nothing a
  // soft-404, parked-domain or login-wall detector should react to.
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>` +
    `<body><main><h1>${title}</h1><p>A short lesson on attention, tokenisers and fine-tuning, ` +
    `served by the curate benchmark farm.</p></main></body></html>`
  );
}

/** The farm's long page: `smallPage`'s head and h1, then paragraphs up to `bytes` characters. */
export function bigPage(title, bytes) {
  const head = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1>`;
  const tail = '</main></body></html>';
  const paragraph =
    '<p>Transformers read a sequence of tokens and mix them with attention; each layer adds a residual update. </p>\n';
  const count = Math.max(0, Math.ceil((bytes - head.length - tail.length) / paragraph.length));
  return head + paragraph.repeat(count) + tail;
}

function emptyHostStats() {
  return {
    requests: 0,
    inFlight: 0,
    maxInFlight: 0,
    openConnections: 0,
    maxOpenConnections: 0,
    connectionsOpened: 0,
  };
}

/**
 * Starts the farm. Resolves once every host listens; `close()` stops it. Options: hosts,
 * port (0 picks a free one), latencyMs, jitterMs, slowMs, bigBodyBytes, seed.
 */
export async function startFarm(options = {}) {
  const settings = { ...DEFAULT_OPTIONS, ...options };
  const addresses = Array.from({ length: settings.hosts }, (_, index) => hostAddress(index));
  const byHost = new Map(addresses.map((address) => [address, emptyHostStats()]));
  const byMethod = new Map();
  const byKind = new Map();
  /** Flaky paths already answered once with a 500 (per host and path). */
  const flakySeen = new Set();
  let unexpected = 0;
  // The network phase of a run, on the runner's clock (performance.now(), shared with
  // measureCommand because the farm serves from the runner's process): when the first request
  // arrived and when the last answer was done. `epoch` grows on every reset(), so an answer to a
  // request from before the reset cannot move the new run's last answer.
  let epoch = 0;
  let firstRequestAt;
  let lastAnswerAt;
  const okBody = Buffer.from(smallPage('A bench lesson'));
  const slowBody = Buffer.from(smallPage('A slow bench lesson'));
  const bigBody = Buffer.from(bigPage('A long bench lesson', settings.bigBodyBytes));
  const notFoundBody = Buffer.from(
    '<!doctype html><html><head><title>Not Found</title></head><body><h1>Not Found</h1></body></html>',
  );

  const answer = (request, response) => {
    const url = new URL(request.url ?? '/', 'http://farm.invalid');
    const parsed = parsePath(url.pathname);
    const address = request.socket.localAddress ?? '';
    if (parsed === undefined) {
      unexpected += 1;
      response.writeHead(404, { 'content-type': 'text/html' }).end(notFoundBody);
      return;
    }
    byKind.set(parsed.kind, (byKind.get(parsed.kind) ?? 0) + 1);
    const send = (status, headers, body) => {
      response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
      response.end(body);
    };
    switch (parsed.kind) {
      case 'ok':
        return send(200, {}, okBody);
      case 'big':
        return send(200, {}, bigBody);
      case '404':
        return send(404, {}, notFoundBody);
      case 'moved':
        return send(301, { location: `/ok/moved-${parsed.id}` }, '');
      case 'found':
        return send(302, { location: `/ok/found-${parsed.id}` }, '');
      case 'flaky': {
        const key = `${address}${url.pathname}`;
        if (flakySeen.has(key)) return send(200, {}, okBody);
        flakySeen.add(key);
        return send(500, {}, '<!doctype html><title>Server error</title>');
      }
      case 'slow':
        return send(200, {}, slowBody);
      case 'hang':
        // Accepted and never answered: the connection stays open until the client gives up.
        return undefined;
      default:
        throw new Error(`unhandled kind ${parsed.kind}`);
    }
  };

  const handler = (request, response) => {
    const requestEpoch = epoch;
    firstRequestAt ??= performance.now();
    const address = request.socket.localAddress ?? '';
    const stats = byHost.get(address) ?? emptyHostStats();
    stats.requests += 1;
    stats.inFlight += 1;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    byMethod.set(request.method, (byMethod.get(request.method) ?? 0) + 1);
    // 'finish' is the answer handed to the socket; 'close' also covers a client that went away
    // first. Whichever comes first ends the request; 'close' follows 'finish' and must not move
    // the time later.
    let isDone = false;
    const done = () => {
      if (isDone) return;
      isDone = true;
      if (requestEpoch === epoch) lastAnswerAt = Math.max(lastAnswerAt ?? 0, performance.now());
    };
    response.once('finish', done);
    response.once('close', () => {
      stats.inFlight -= 1;
      done();
    });
    request.resume();
    const pathname = (request.url ?? '/').split('?')[0] ?? '/';
    if (pathname.startsWith('/hang/')) {
      answer(request, response);
      return;
    }
    const delayMs = pathname.startsWith('/slow/')
      ? settings.slowMs
      : latencyFor(pathname, settings);
    const timer = setTimeout(() => {
      if (!response.destroyed) answer(request, response);
    }, delayMs);
    response.once('close', () => clearTimeout(timer));
  };

  const onConnection = (socket) => {
    const stats = byHost.get(socket.localAddress ?? '');
    if (stats === undefined) return;
    stats.connectionsOpened += 1;
    stats.openConnections += 1;
    stats.maxOpenConnections = Math.max(stats.maxOpenConnections, stats.openConnections);
    socket.once('close', () => {
      stats.openConnections -= 1;
    });
  };

  const servers = await listenAll(addresses, settings.port, handler, onConnection);
  const port = /** @type {import('node:net').AddressInfo} */ (servers[0].address()).port;

  return {
    port,
    addresses,
    origins: addresses.map((address) => `http://${address}:${port}`),
    settings,
    stats() {
      const hosts = Object.fromEntries([...byHost].map(([address, s]) => [address, { ...s }]));
      const values = [...byHost.values()];
      return {
        requests: values.reduce((sum, s) => sum + s.requests, 0),
        unexpected,
        byMethod: Object.fromEntries(byMethod),
        byKind: Object.fromEntries(byKind),
        maxInFlightPerHost: Math.max(0, ...values.map((s) => s.maxInFlight)),
        maxOpenConnectionsPerHost: Math.max(0, ...values.map((s) => s.maxOpenConnections)),
        connectionsOpened: values.reduce((sum, s) => sum + s.connectionsOpened, 0),
        inFlight: values.reduce((sum, s) => sum + s.inFlight, 0),
        firstRequestAt,
        lastAnswerAt,
        hosts,
      };
    },
    /**
     * Forgets every counter, every flaky path and the first and last request times, so the next
     * tool starts from the same state.
     */
    reset() {
      for (const stats of byHost.values()) {
        // Sockets and requests still open stay counted, or their 'close' would drive counts below 0.
        const { openConnections, inFlight } = stats;
        Object.assign(stats, emptyHostStats(), {
          inFlight,
          maxInFlight: inFlight,
          openConnections,
          maxOpenConnections: openConnections,
        });
      }
      byMethod.clear();
      byKind.clear();
      flakySeen.clear();
      unexpected = 0;
      epoch += 1;
      firstRequestAt = undefined;
      lastAnswerAt = undefined;
    },
    /** Drops idle keep-alive sockets left by the last client, so connection counts start at 0. */
    closeIdleConnections() {
      for (const server of servers) server.closeIdleConnections();
    },
    async close() {
      await Promise.all(
        servers.map(
          (server) =>
            new Promise((resolve) => {
              server.close(() => resolve(undefined));
              server.closeAllConnections();
            }),
        ),
      );
    },
  };
}

async function listenAll(addresses, requestedPort, handler, onConnection) {
  // Port 0 lets the OS choose for the first host; the others must get the same number, which
  // another process may hold on their address, so try a few times before giving up.
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const servers = [];
    try {
      let port = requestedPort;
      for (const address of addresses) {
        const server = http.createServer({ keepAliveTimeout: 5000 }, handler);
        server.on('connection', onConnection);
        await new Promise((resolve, reject) => {
          server.once('error', reject);
          server.listen(port, address, () => {
            server.off('error', reject);
            resolve(undefined);
          });
        });
        servers.push(server);
        port = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
      }
      return servers;
    } catch (error) {
      await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
      if (
        requestedPort !== 0 ||
        /** @type {NodeJS.ErrnoException} */ (error).code !== 'EADDRINUSE'
      ) {
        throw error;
      }
    }
  }
  throw new Error('could not find one free port on every farm address');
}

async function main(argv) {
  const value = (flag, fallback) => {
    const index = argv.indexOf(flag);
    return index === -1 ? fallback : argv[index + 1];
  };
  const farm = await startFarm({
    hosts: Number(value('--hosts', '50')),
    port: Number(value('--port', '0')),
    latencyMs: Number(value('--latency', '50')),
  });
  const seconds = Number(value('--seconds', '600'));
  process.stdout.write(
    `farm: ${farm.addresses.length} hosts on port ${farm.port} (${farm.origins[0]} …); stops in ${seconds} s or on Ctrl-C\n`,
  );
  const stop = async () => {
    process.stdout.write(`${JSON.stringify({ ...farm.stats(), hosts: undefined })}\n`);
    await farm.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  setTimeout(() => void stop(), seconds * 1000);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main(process.argv.slice(2));
}
