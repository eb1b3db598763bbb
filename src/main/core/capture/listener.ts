/*
 * The capture listener: any method, any path, every byte kept. A request is answered 2xx only after
 * the store reports its record durable, so a provider that saw 2xx never needs to retry; when the
 * write fails we answer 503 so it does.
 *
 * Two servers share one handler: the public one on the configured port, and a loopback-only one
 * that only the tunnel client points at, which is how captures know they came `via: 'tunnel'`.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_ENDPOINT_ID, type CaptureRecord, type CaptureVia } from '../../../shared/capture';
import { DEFAULT_CAPTURE_PORT } from '../../../shared/settings';
import type { CaptureStore } from '../store/types';
import { newCaptureId } from './capture-id';
import { encodeBody, headerPairs } from './raw-request';

export interface ListenerLimits {
  bodyLimitBytes: number;
  /** Total size of the request line and headers; above it Node answers 431. */
  maxHeaderBytes: number;
  /** Slow clients: time allowed to send all headers, and the whole request. */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  maxConnections: number;
}

export const DEFAULT_LIMITS: ListenerLimits = {
  bodyLimitBytes: 10 * 1024 * 1024,
  maxHeaderBytes: 64 * 1024,
  headersTimeoutMs: 20_000,
  requestTimeoutMs: 120_000,
  maxConnections: 1024,
};

/** What the listener answers a capture with; endpoints can customise it. */
export interface CaptureReply {
  status: number;
  headers: [string, string][];
  body: string;
  delayMs?: number;
}

export interface RouteDecision {
  endpointId: string;
  /** Custom answer; without it the listener answers `200 {"ok":true,"id":…}`. */
  reply?: (id: string) => CaptureReply;
}

export interface CaptureListenerOptions {
  store: CaptureStore;
  /** Preferred port (0 = any free one). Defaults to DEFAULT_CAPTURE_PORT. */
  port?: number;
  host?: string;
  /** When the preferred port is taken, use a free one instead of failing. Default true. */
  fallbackToFreePort?: boolean;
  /** Open the loopback tunnel-only listener on this port (0 = any); null to skip. */
  tunnelPort?: number | null;
  limits?: Partial<ListenerLimits>;
  route?: (method: string, url: string) => RouteDecision;
  onCaptured?: (record: CaptureRecord) => void;
  onStoreError?: (err: unknown) => void;
}

export interface CaptureListener {
  readonly host: string;
  readonly port: number;
  readonly requestedPort: number;
  /** True when the preferred port was taken and another was used. */
  readonly fellBack: boolean;
  readonly tunnelPort: number | null;
  setLimits(limits: Partial<ListenerLimits>): void;
  close(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, payload: unknown, extra: Record<string, string> = {}): void {
  const body = JSON.stringify(payload);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    ...extra,
  });
  res.end(body);
}

function bodyTooLarge(res: ServerResponse, req: IncomingMessage, limit: number): void {
  sendJson(
    res,
    413,
    { ok: false, error: 'payload_too_large', message: `Body larger than the ${limit}-byte limit; not captured.` },
    // The rest of the body is not read: closing tells the client not to reuse this connection.
    { Connection: 'close' },
  );
  res.on('finish', () => req.destroy());
}

function listen(server: http.Server, port: number, host: string): Promise<number> {
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

function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

export async function startCaptureListener(options: CaptureListenerOptions): Promise<CaptureListener> {
  const host = options.host ?? '127.0.0.1';
  const requestedPort = options.port ?? DEFAULT_CAPTURE_PORT;
  let limits: ListenerLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const route = options.route ?? ((): RouteDecision => ({ endpointId: DEFAULT_ENDPOINT_ID }));

  const handle = (via: CaptureVia) => (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    const limit = limits.bodyLimitBytes;
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) return bodyTooLarge(res, req, limit);

    const chunks: Buffer[] = [];
    let size = 0;
    let rejected = false;
    req.on('data', (chunk: Buffer) => {
      if (rejected) return;
      size += chunk.length;
      if (size > limit) {
        rejected = true;
        chunks.length = 0;
        req.pause();
        bodyTooLarge(res, req, limit);
        return;
      }
      chunks.push(chunk);
    });
    // An aborted upload is not a capture: nothing was acknowledged, the provider will retry.
    req.on('error', () => undefined);
    req.on('end', () => {
      if (rejected) return;
      void finish(Buffer.concat(chunks, size));
    });

    const finish = async (bytes: Buffer): Promise<void> => {
      const id = newCaptureId();
      const method = req.method ?? 'GET';
      const url = req.url ?? '/';
      const decision = route(method, url);
      const reply: CaptureReply = decision.reply?.(id) ?? {
        status: 200,
        headers: [['Content-Type', 'application/json; charset=utf-8']],
        body: JSON.stringify({ ok: true, id }),
      };
      const record: CaptureRecord = {
        id,
        endpointId: decision.endpointId,
        receivedAt: new Date().toISOString(),
        method,
        url,
        httpVersion: req.httpVersion,
        headers: headerPairs(req.rawHeaders),
        body: encodeBody(bytes),
        remoteAddress: req.socket.remoteAddress ?? '',
        via,
        response: { status: reply.status, ms: Math.round((performance.now() - started) * 100) / 100 },
      };
      try {
        await options.store.add(record);
      } catch (err) {
        options.onStoreError?.(err);
        if (!res.headersSent)
          sendJson(res, 503, { ok: false, error: 'store_failed', message: 'Capture could not be saved; retry later.' });
        return;
      }
      options.onCaptured?.(record);
      const send = (): void => {
        if (res.destroyed) return;
        const body = Buffer.from(reply.body, 'utf8');
        res.writeHead(reply.status, [...reply.headers.flat(), 'Content-Length', String(body.length)]);
        res.end(body);
      };
      if (reply.delayMs && reply.delayMs > 0) setTimeout(send, reply.delayMs);
      else send();
    };
  };

  const configure = (server: http.Server): http.Server => {
    server.headersTimeout = limits.headersTimeoutMs;
    server.requestTimeout = limits.requestTimeoutMs;
    server.maxConnections = limits.maxConnections;
    // 0 = no count limit: Node's default (2000) silently drops later headers; size is bounded instead.
    server.maxHeadersCount = 0;
    return server;
  };
  const serverOptions = { maxHeaderSize: limits.maxHeaderBytes, keepAliveTimeout: 5_000 };
  const main = configure(http.createServer(serverOptions, handle('local')));

  let port: number;
  let fellBack = false;
  try {
    port = await listen(main, requestedPort, host);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EADDRINUSE' || options.fallbackToFreePort === false) throw err;
    port = await listen(main, 0, host);
    fellBack = true;
  }

  let tunnel: http.Server | null = null;
  let tunnelPort: number | null = null;
  if (options.tunnelPort !== undefined && options.tunnelPort !== null) {
    tunnel = configure(http.createServer(serverOptions, handle('tunnel')));
    tunnelPort = await listen(tunnel, options.tunnelPort, '127.0.0.1');
  }

  return {
    host,
    port,
    requestedPort,
    fellBack,
    tunnelPort,
    setLimits(next) {
      limits = { ...limits, ...next };
      for (const s of [main, tunnel]) if (s) configure(s);
    },
    async close() {
      await Promise.all([closeServer(main), tunnel ? closeServer(tunnel) : Promise.resolve()]);
    },
  };
}
