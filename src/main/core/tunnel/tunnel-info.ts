/*
 * Asks a localtunnel server for a tunnel: GET <host>/<subdomain> (or /?new for a random one) answers
 * `{ id, port, max_conn_count, url, ip? }`, the TCP port our sockets must connect to.
 *
 * The localtunnel client does this with axios, no timeout, and retries every second forever on any
 * failure, a 403 for a refused subdomain included, with no way to stop it. Doing the request here
 * gives a timeout, cancellation and an error that says whether trying again can help.
 */
import http from 'node:http';
import https from 'node:https';

export interface TunnelInfoBody {
  id: string;
  port: number;
  url: string;
  max_conn_count: number;
  ip?: string;
  cached_url?: string;
}

/** `transient`: worth retrying as is (network, 5xx). `refused`: the server said no (4xx, bad answer). */
export type TunnelFailureKind = 'transient' | 'refused';

export class TunnelAttemptError extends Error {
  readonly kind: TunnelFailureKind;
  readonly status: number | null;
  constructor(kind: TunnelFailureKind, message: string, status: number | null = null) {
    super(message);
    this.name = 'TunnelAttemptError';
    this.kind = kind;
    this.status = status;
  }
}

// Many servers in parallel would be a burden on a shared free service and the client opens one TCP
// socket per slot; 10 is what localtunnel.me offers.
const MAX_SOCKETS = 10;
const MAX_BODY_BYTES = 64 * 1024;

export interface TunnelInfoRequest {
  host: string;
  /** null asks the server to choose. */
  subdomain: string | null;
  timeoutMs: number;
  signal?: AbortSignal;
}

export function tunnelInfoUrl(host: string, subdomain: string | null): string {
  return subdomain ? `${host}/${encodeURIComponent(subdomain)}` : `${host}/?new`;
}

export function requestTunnelInfo(req: TunnelInfoRequest): Promise<TunnelInfoBody> {
  return getJson(tunnelInfoUrl(req.host, req.subdomain), req.timeoutMs, req.signal).then(({ status, body, text }) => {
    if (status >= 400) {
      const serverMessage = messageOf(body);
      const detail = serverMessage ? `: ${serverMessage}` : '';
      // 408/429/5xx are the server's trouble or load; anything else in 4xx is about our request.
      const kind: TunnelFailureKind = status >= 500 || status === 408 || status === 429 ? 'transient' : 'refused';
      throw new TunnelAttemptError(kind, `Tunnel server answered HTTP ${status}${detail}`, status);
    }
    const info = parseInfo(body);
    if (!info) {
      const looksHtml = /^\s*</.test(text);
      throw new TunnelAttemptError(
        'refused',
        looksHtml
          ? 'Tunnel server answered with a web page instead of tunnel details (is it a localtunnel server?)'
          : 'Tunnel server gave an answer Hooklens cannot use',
        status,
      );
    }
    return info;
  });
}

/** Reads `/api/tunnels/<id>/status`: the number of our sockets the server sees, null when it does not know the id. */
export function requestTunnelSocketCount(
  host: string,
  id: string,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<number | null> {
  return getJson(`${host}/api/tunnels/${encodeURIComponent(id)}/status`, timeoutMs, signal).then(({ status, body }) => {
    if (status === 404) return null;
    if (status >= 400) throw new TunnelAttemptError('transient', `Tunnel server answered HTTP ${status}`, status);
    const count = body && typeof body === 'object' ? (body as Record<string, unknown>).connected_sockets : undefined;
    if (typeof count !== 'number') throw new TunnelAttemptError('refused', 'Tunnel server status is not understood');
    return count;
  });
}

function messageOf(body: unknown): string | null {
  if (body && typeof body === 'object' && typeof (body as { message?: unknown }).message === 'string') {
    return (body as { message: string }).message.slice(0, 300);
  }
  return null;
}

function parseInfo(body: unknown): TunnelInfoBody | null {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
  const b = body as Record<string, unknown>;
  if (typeof b.id !== 'string' || b.id === '' || b.id.length > 253) return null;
  if (typeof b.port !== 'number' || !Number.isInteger(b.port) || b.port < 1 || b.port > 65535) return null;
  if (typeof b.url !== 'string' || !isHttpUrl(b.url)) return null;
  const maxConn = typeof b.max_conn_count === 'number' && Number.isFinite(b.max_conn_count) ? b.max_conn_count : 1;
  const info: TunnelInfoBody = {
    id: b.id,
    port: b.port,
    url: b.url.replace(/\/+$/, ''),
    max_conn_count: Math.min(MAX_SOCKETS, Math.max(1, Math.floor(maxConn))),
  };
  if (typeof b.ip === 'string' && b.ip !== '') info.ip = b.ip;
  if (typeof b.cached_url === 'string' && isHttpUrl(b.cached_url)) info.cached_url = b.cached_url;
  return info;
}

function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

interface JsonResponse {
  status: number;
  body: unknown;
  text: string;
}

function getJson(url: string, timeoutMs: number, signal?: AbortSignal): Promise<JsonResponse> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new TunnelAttemptError('transient', 'Cancelled'));
      return;
    }
    let settled = false;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      fn();
    };
    const client = url.startsWith('https:') ? https : http;
    const req = client.get(url, { headers: { accept: 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) {
          req.destroy();
          finish(() => reject(new TunnelAttemptError('refused', 'Tunnel server answer is too large')));
          return;
        }
        chunks.push(chunk);
      });
      res.on('error', (err) => finish(() => reject(networkError(err))));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = null;
        try {
          body = JSON.parse(text);
        } catch {
          // Not JSON: the caller decides what that means for the status code it got.
        }
        finish(() => resolve({ status: res.statusCode ?? 0, body, text }));
      });
    });
    req.on('error', (err) => finish(() => reject(networkError(err))));
    const timer = setTimeout(() => {
      req.destroy();
      finish(() =>
        reject(
          new TunnelAttemptError('transient', `Tunnel server did not answer within ${Math.round(timeoutMs / 1000)} s`),
        ),
      );
    }, timeoutMs);
    const onAbort = (): void => {
      req.destroy();
      finish(() => reject(new TunnelAttemptError('transient', 'Cancelled')));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function networkError(err: unknown): TunnelAttemptError {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  const message = err instanceof Error ? err.message : String(err);
  switch (code) {
    case 'ECONNREFUSED':
      return new TunnelAttemptError('transient', 'Tunnel server refused the connection (is it running?)');
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new TunnelAttemptError('transient', 'Tunnel server name could not be resolved (offline?)');
    case 'ECONNRESET':
      return new TunnelAttemptError('transient', 'Connection to the tunnel server was reset');
    case 'ETIMEDOUT':
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      return new TunnelAttemptError('transient', `Tunnel server unreachable (${code})`);
    default:
      return new TunnelAttemptError('transient', `Tunnel server request failed: ${message}`);
  }
}
