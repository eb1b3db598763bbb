/*
 * Browser mode: the same core behind a small HTTP API and server-sent events, for machines without
 * a display or the Electron binary, for the e2e suite, and for remote boxes (over an SSH tunnel).
 *
 * Guarded three ways, because any web page the user visits can send requests to 127.0.0.1:
 * bound to loopback only; a random access key (token) on every control request, kept per data
 * directory (ui-access.ts) so an open tab survives a restart, and rotatable; and a Host check
 * (only 127.0.0.1/localhost/[::1] on our port), which defeats DNS rebinding.
 *
 * The static UI itself is served without the key: a tab with a missing or dead key must still load
 * the page that tells the user how to get the current address.
 */
import { timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { HooklensApi } from '../shared/api';
import { RENDERER_CSP_HEADER } from '../shared/csp';
import { dispatchApiCall, httpStatusFor } from './api-dispatch';
import type { HooklensCore } from './core/hooklens-core';
import { newUiToken, uiUrl } from './ui-access';

export interface ControlServerOptions {
  core: HooklensCore;
  rendererDir: string;
  port?: number;
  token?: string;
  /** Saves the key (and the port it is served on) once listening and after every rotation. */
  saveToken?: (token: string, port: number) => Promise<void>;
}

export interface ControlServer {
  port: number;
  /** The current access key (changes when rotated). */
  readonly token: string;
  readonly uiUrl: string;
  close(): Promise<void>;
}

const MAX_CALL_BYTES = 32 * 1024 * 1024;
const SSE_HEARTBEAT_MS = 15_000;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export const UI_CSP = RENDERER_CSP_HEADER;

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function send(res: ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8'): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    ...SECURITY_HEADERS,
  });
  res.end(body);
}

export const WRONG_TOKEN_MESSAGE =
  'This address has no valid access key (Hooklens restarted with a new one, or it was rotated). Open the address ' +
  '`hooklens serve` printed ("Hooklens UI: …"), or run `hooklens serve --print-url`.';

function forbidden(res: ServerResponse, message: string): void {
  send(res, 403, JSON.stringify({ ok: false, error: { code: 'forbidden', message } }));
}

function allowedHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(host.toLowerCase());
}

function tokenMatches(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

class BodyTooLarge extends Error {
  constructor() {
    super(`The call body is larger than the ${MAX_CALL_BYTES / (1024 * 1024)} MB limit of the control API.`);
  }
}

/**
 * Past the limit the rest of the body is read and dropped rather than the socket destroyed: a
 * reset could reach the client before the 413 that says why.
 */
function readJsonBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length']) > MAX_CALL_BYTES) {
      req.resume();
      return reject(new BodyTooLarge());
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_CALL_BYTES) {
        chunks.length = 0;
        reject(new BodyTooLarge());
      } else chunks.push(c);
    });
    req.on('end', () => {
      if (size > MAX_CALL_BYTES) return;
      try {
        resolve(size === 0 ? {} : JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(new Error('Body is not valid JSON.'));
      }
    });
    req.on('error', reject);
  });
}

/**
 * Routing uses the path exactly as sent: WHATWG URL parsing would resolve `/api/call/x/../y` to
 * `/api/call/y`. A dot segment (plain or percent-encoded) has no meaning here, so it is refused.
 */
function rawPath(target: string): string {
  const q = target.indexOf('?');
  return q === -1 ? target : target.slice(0, q);
}

function hasDotSegment(pathname: string): boolean {
  return pathname.split('/').some((seg) => /^(\.|%2e){1,2}$/i.test(seg));
}

async function serveStatic(res: ServerResponse, rendererDir: string, pathname: string): Promise<void> {
  const root = path.resolve(rendererDir);
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    return send(res, 400, 'Bad path', 'text/plain; charset=utf-8');
  }
  const file = path.resolve(root, '.' + (rel === '/' ? '/index.html' : rel));
  if (file !== root && !file.startsWith(root + path.sep))
    return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
  let info;
  try {
    info = await stat(file);
  } catch {
    info = null;
  }
  if (!info?.isFile()) {
    // Client-side routes fall back to the app; missing assets are a plain 404.
    if (path.extname(file)) return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
    return serveStatic(res, rendererDir, '/');
  }
  const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': info.size,
    'Cache-Control': type.startsWith('text/html') ? 'no-store' : 'max-age=3600',
    'Content-Security-Policy': UI_CSP,
    ...SECURITY_HEADERS,
  });
  createReadStream(file).pipe(res);
}

export async function startControlServer(options: ControlServerOptions): Promise<ControlServer> {
  const { core, rendererDir } = options;
  let token = options.token ?? newUiToken();
  const sseClients = new Set<ServerResponse>();
  let port = 0;

  const api: HooklensApi = {
    ...core.api,
    async rotateUiToken() {
      const next = newUiToken();
      await options.saveToken?.(next, port);
      token = next;
      // Event streams opened with the old key end; the tab that asked reconnects with the new one.
      for (const client of sseClients) client.end();
      sseClients.clear();
      return { uiUrl: uiUrl(port, token) };
    },
  };

  const server = http.createServer((req, res) => {
    void (async () => {
      if (!allowedHost(req.headers.host, port)) return forbidden(res, 'Unexpected Host header.');
      const pathname = rawPath(req.url ?? '/');
      if (!pathname.startsWith('/') || hasDotSegment(pathname))
        return send(
          res,
          400,
          JSON.stringify({
            ok: false,
            error: { code: 'invalid_argument', message: 'Paths with "." or ".." segments are refused.' },
          }),
        );
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

      if (pathname.startsWith('/api/')) {
        const given = req.headers['x-hooklens-token'];
        if (!tokenMatches(typeof given === 'string' ? given : url.searchParams.get('token'), token))
          return forbidden(res, WRONG_TOKEN_MESSAGE);

        if (pathname === '/api/events' && req.method === 'GET') return openEventStream(req, res);

        const call = /^\/api\/call\/([A-Za-z]+)$/.exec(pathname);
        if (call && req.method === 'POST') {
          let body: unknown;
          try {
            body = await readJsonBody(req);
          } catch (err) {
            const status = err instanceof BodyTooLarge ? 413 : 400;
            return send(
              res,
              status,
              JSON.stringify({ ok: false, error: { code: 'invalid_argument', message: (err as Error).message } }),
            );
          }
          const args = (body as { args?: unknown }).args ?? [];
          const outcome = await dispatchApiCall(api, call[1], args);
          return send(res, outcome.ok ? 200 : httpStatusFor(outcome.error), JSON.stringify(outcome));
        }
        return send(
          res,
          404,
          JSON.stringify({ ok: false, error: { code: 'unknown_method', message: 'No such route.' } }),
        );
      }

      if (req.method !== 'GET' && req.method !== 'HEAD')
        return send(res, 405, 'Method not allowed', 'text/plain; charset=utf-8');
      await serveStatic(res, rendererDir, pathname);
    })().catch((err: unknown) => {
      if (!res.headersSent)
        send(res, 500, JSON.stringify({ ok: false, error: { code: 'internal', message: String(err) } }));
      else res.destroy();
    });
  });

  function openEventStream(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      ...SECURITY_HEADERS,
    });
    res.write('retry: 1000\n\n');
    sseClients.add(res);
    const heartbeat = setInterval(() => res.write(': ping\n\n'), SSE_HEARTBEAT_MS);
    req.on('close', () => {
      clearInterval(heartbeat);
      sseClients.delete(res);
    });
  }

  const unsubscribe = core.events.onAny((event, payload) => {
    const frame = `event: hooklens\ndata: ${JSON.stringify([event, payload])}\n\n`;
    for (const client of sseClients) client.write(frame);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  try {
    await options.saveToken?.(token, port);
  } catch (err) {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    throw err;
  }

  return {
    port,
    get token() {
      return token;
    },
    get uiUrl() {
      return uiUrl(port, token);
    },
    async close() {
      unsubscribe();
      for (const client of sseClients) client.end();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
