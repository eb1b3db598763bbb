/*
 * The capture listener: any method, any path, every byte kept. A request is answered 2xx only after
 * the store reports its record durable, so a provider that saw 2xx never needs to retry; when the
 * write fails we answer 503 so it does.
 *
 * Two servers share one handler: the public one on the configured port, and a loopback-only one
 * that only the tunnel client points at, which is how captures know they came `via: 'tunnel'`.
 *
 * Everything that reaches it is untrusted. Each limit below ends in a short JSON answer with a
 * clear status (400 malformed, 408 too slow, 413 body, 431 headers, 503 too many connections) and
 * a closed connection, never in a capture and never in a stuck or crashed server; the answers
 * and the gentle close live in listener-guard.ts. The per-request path adds only a few property
 * checks to what node:http does anyway, so throughput stays close to a bare server.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type net from 'node:net';
import type { AddressInfo } from 'node:net';
import { DEFAULT_ENDPOINT_ID, type CaptureVia } from '../../../shared/capture';
import { DEFAULT_CAPTURE_PORT } from '../../../shared/settings';
import { tooLarge } from './capture-reply';
import { IncomingCapture, type CaptureContext } from './capture-request';
import { firstRawHeader } from './raw-request';
import { createFirstByteGate, type FirstByteGate } from './first-byte-gate';
import {
  connectionsCheckingInterval,
  createListenerGuard,
  hardConnectionCap,
  type ListenerGuard,
  type Refusal,
} from './listener-guard';
import {
  DEFAULT_LIMITS,
  type CaptureListener,
  type CaptureListenerOptions,
  type ListenerLimits,
  type RouteDecision,
} from './listener-options';

export * from './listener-options';

function listen(server: net.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error): void => {
      server.off('listening', onListening);
      reject(err);
    };
    const onListening = (): void => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

function closeServer(server: http.Server, guard: ListenerGuard, gate: FirstByteGate | null = null): Promise<void> {
  if (gate) {
    const closing = gate.close();
    server.closeAllConnections();
    guard.destroyLingering();
    return closing;
  }
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
    guard.destroyLingering();
  });
}

export async function startCaptureListener(options: CaptureListenerOptions): Promise<CaptureListener> {
  const host = options.host ?? '127.0.0.1';
  const requestedPort = options.port ?? DEFAULT_CAPTURE_PORT;
  let limits: ListenerLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const defaultRoute: RouteDecision = { endpointId: DEFAULT_ENDPOINT_ID };
  const route = options.route ?? ((): RouteDecision => defaultRoute);
  const report = (err: unknown): void => {
    try {
      options.onError?.(err);
    } catch {
      // A failing reporter must not take the listener down with it.
    }
  };

  /** Checks that need only the headers: answered before any body byte is read. */
  const admit = (req: IncomingMessage): Refusal | null => {
    // Node keeps at most maxHeaderCount + 1 lines (see configure), so more than the limit means too many.
    if (limits.maxHeaderCount > 0 && req.rawHeaders.length > 2 * limits.maxHeaderCount)
      return {
        status: 431,
        error: 'headers_too_large',
        message: `More than ${limits.maxHeaderCount} header lines; not captured.`,
      };
    // Read from rawHeaders: `req.headers` is built on first use, a cost per request nothing else needs.
    if (
      req.httpVersionMajor === 1 &&
      req.httpVersionMinor === 1 &&
      firstRawHeader(req.rawHeaders, 'host') === undefined
    )
      return { status: 400, error: 'bad_request', message: 'An HTTP/1.1 request needs a Host header; not captured.' };
    if (Number(firstRawHeader(req.rawHeaders, 'content-length')) > limits.bodyLimitBytes)
      return tooLarge(limits.bodyLimitBytes);
    return null;
  };

  const configure = (server: http.Server): http.Server => {
    server.headersTimeout = limits.headersTimeoutMs;
    server.requestTimeout = limits.requestTimeoutMs;
    server.maxConnections = hardConnectionCap(limits.maxConnections);
    // Node stops storing header lines past this count, silently; one more than the limit lets
    // `admit` tell "too many" from "exactly the limit". The byte size is bounded separately.
    server.maxHeadersCount = limits.maxHeaderCount > 0 ? limits.maxHeaderCount + 1 : 0;
    // Read by node:http for each new connection (set from the constructor option, same field).
    (server as { maxHeaderSize?: number }).maxHeaderSize = limits.maxHeaderBytes;
    return server;
  };

  const createServer = (via: CaptureVia): { server: http.Server; guard: ListenerGuard } => {
    const guard = createListenerGuard(
      () => limits,
      (refusal) => options.onRefused?.(refusal, via),
    );
    const ctx: CaptureContext = { via, guard, options, bodyLimit: () => limits.bodyLimitBytes, route, report };
    const server = http.createServer({
      maxHeaderSize: limits.maxHeaderBytes,
      // The tunnel port keeps idle connections open: see first-byte-gate.ts.
      keepAliveTimeout: via === 'tunnel' ? 0 : 5_000,
      connectionsCheckingInterval: connectionsCheckingInterval(limits),
      // Checked in `admit`, so the 400 says why (Node's own has no body).
      requireHostHeader: false,
    });
    // A client may shut down its sending side right after a complete request (SHUT_WR, common
    // with HTTP/1.0 tools): the request is stored, so it is still answered before the close.
    // Without this Node aborts the request and ends the socket at the client's FIN.
    (server as { httpAllowHalfOpen?: boolean }).httpAllowHalfOpen = true;
    const onRequest = (req: IncomingMessage, res: ServerResponse, expectsContinue: boolean): void => {
      if (guard.isRefusing(req.socket)) {
        req.resume();
        return;
      }
      const refusal = admit(req);
      if (refusal) return guard.refuse(req.socket, refusal, req);
      guard.track(req, res);
      const selfAnswer = via === 'tunnel' ? options.tunnelSelfAnswer?.(req.url ?? '/') : null;
      if (selfAnswer != null) {
        req.resume();
        res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
        res.end(selfAnswer);
        return;
      }
      // Only now: a client waiting for 100 Continue never sends a body we would refuse.
      if (expectsContinue) res.writeContinue();
      IncomingCapture.receive(ctx, req, res);
    };
    server.on('request', (req: IncomingMessage, res: ServerResponse) => onRequest(req, res, false));
    server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => onRequest(req, res, true));
    server.on('checkExpectation', (req: IncomingMessage) =>
      guard.refuse(
        req.socket,
        {
          status: 417,
          error: 'expectation_failed',
          message: 'Only "Expect: 100-continue" is supported; not captured.',
        },
        req,
      ),
    );
    // Without a listener Node drops CONNECT silently; a webhook sender deserves a reason.
    server.on('connect', (_req: IncomingMessage, socket) =>
      guard.refuse(socket, {
        status: 405,
        error: 'method_not_allowed',
        message: 'CONNECT is not supported; not captured.',
      }),
    );
    server.on('clientError', guard.onClientError);
    server.on('connection', guard.onConnection);
    return { server: configure(server), guard };
  };

  const startServer = async (via: CaptureVia, port: number, bindHost: string, fallback: boolean) => {
    const { server, guard } = createServer(via);
    // Tunnel sockets sit idle until the tunnel server hands them a request: see first-byte-gate.ts.
    const gate = via === 'tunnel' ? createFirstByteGate(server) : null;
    const front = gate?.server ?? server;
    if (gate) gate.server.maxConnections = server.maxConnections;
    let bound: number;
    let fellBack = false;
    try {
      bound = await listen(front, port, bindHost);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (!fallback || code !== 'EADDRINUSE') throw err;
      bound = await listen(front, 0, bindHost);
      fellBack = true;
    }
    // Once listening, an error is a failed accept (EMFILE…): the server keeps listening, so report it.
    front.on('error', report);
    return { server, guard, gate, port: bound, fellBack };
  };

  const main = await startServer('local', requestedPort, host, options.fallbackToFreePort !== false);
  let tunnel: Awaited<ReturnType<typeof startServer>> | null = null;
  if (options.tunnelPort !== undefined && options.tunnelPort !== null) {
    try {
      tunnel = await startServer('tunnel', options.tunnelPort, '127.0.0.1', false);
    } catch (err) {
      await closeServer(main.server, main.guard);
      throw err;
    }
  }

  return {
    host,
    port: main.port,
    requestedPort,
    fellBack: main.fellBack,
    tunnelPort: tunnel?.port ?? null,
    setLimits(next) {
      limits = { ...limits, ...next };
      configure(main.server);
      if (tunnel) {
        configure(tunnel.server);
        if (tunnel.gate) tunnel.gate.server.maxConnections = tunnel.server.maxConnections;
      }
    },
    async close() {
      await Promise.all([
        closeServer(main.server, main.guard),
        tunnel ? closeServer(tunnel.server, tunnel.guard, tunnel.gate) : Promise.resolve(),
      ]);
    },
  };
}
