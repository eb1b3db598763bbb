/*
 * The end-to-end check behind "Online": a GET to our own public URL that has to come back through
 * the tunnel server, the tunnel socket and the loopback capture port. The capture listener answers
 * one reserved path itself on that port (never stored as a capture); the path holds a nonce made
 * at launch, so nobody else can make Hooklens answer instead of capture, and each probe sends a
 * fresh challenge that the answer must echo, so a cached or foreign answer never counts.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';

const PROBE_PREFIX = '/.hooklens-probe/';
const MAX_ANSWER_BYTES = 4 * 1024;

export interface TunnelProbeRoute {
  /** Path (no query) the tunnel port answers itself, e.g. /.hooklens-probe/<nonce> */
  readonly path: string;
  /** The body the tunnel port answers to a probe with challenge `challenge`. */
  answer(challenge: string): string;
}

export function createTunnelProbeRoute(nonce = randomBytes(18).toString('base64url')): TunnelProbeRoute {
  return {
    path: `${PROBE_PREFIX}${nonce}`,
    answer: (challenge) => `hooklens-probe ${challenge}`,
  };
}

/** The challenge of a probe request to `route`, or null when `url` is anything else (then it is captured). */
export function probeChallenge(route: TunnelProbeRoute, url: string): string | null {
  const q = url.indexOf('?');
  if ((q < 0 ? url : url.slice(0, q)) !== route.path) return null;
  const challenge = new URLSearchParams(q < 0 ? '' : url.slice(q + 1)).get('c');
  return challenge && /^[A-Za-z0-9_-]{8,64}$/.test(challenge) ? challenge : null;
}

export interface ProbeTarget {
  url: URL;
  /** Host header, when the connection goes elsewhere than the URL's own host. */
  hostHeader: string | null;
}

function isLoopbackName(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}

/**
 * Where the probe connects. Normally the public URL itself. A server on this machine started with
 * `--domain localhost` hands out `http://<id>.localhost` without its port (names under .localhost
 * are loopback by definition, RFC 6761); such a probe goes to that server's port with the Host
 * header it routes on.
 */
export function probeTarget(publicUrl: string, tunnelHost: string): ProbeTarget {
  const url = new URL(publicUrl);
  const server = new URL(tunnelHost);
  if (url.hostname.endsWith('.localhost') && url.port === '' && isLoopbackName(server.hostname) && server.port !== '') {
    const direct = new URL(url.href);
    direct.hostname = server.hostname;
    direct.port = server.port;
    direct.protocol = server.protocol;
    return { url: direct, hostHeader: `${url.hostname}:${server.port}` };
  }
  return { url, hostHeader: null };
}

export type ProbeResult = { ok: true; ms: number } | { ok: false; reason: string };

export interface ProbeRequest {
  publicUrl: string;
  tunnelHost: string;
  route: TunnelProbeRoute;
  timeoutMs: number;
  signal?: AbortSignal;
}

function failureReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'the tunnel server refused the connection';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the public URL’s name does not resolve';
    case 'ECONNRESET':
      return 'the connection was reset';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}

export function probePublicUrl(req: ProbeRequest): Promise<ProbeResult> {
  const challenge = randomBytes(12).toString('base64url');
  const target = probeTarget(req.publicUrl, req.tunnelHost);
  const url = new URL(`${req.route.path}?c=${challenge}`, target.url);
  const expected = req.route.answer(challenge);
  const started = performance.now();
  return new Promise<ProbeResult>((resolve) => {
    let settled = false;
    const finish = (result: ProbeResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', onAbort);
      r.destroy();
      resolve(result);
    };
    const client = url.protocol === 'https:' ? https : http;
    const r = client.get(
      url,
      {
        agent: false,
        headers: {
          ...(target.hostHeader ? { host: target.hostHeader } : {}),
          // localtunnel.me shows browsers a reminder page instead of forwarding; this header skips it.
          'bypass-tunnel-reminder': '1',
          'user-agent': 'Hooklens-probe',
          'cache-control': 'no-store',
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size <= MAX_ANSWER_BYTES) chunks.push(c);
        });
        res.on('error', (err) => finish({ ok: false, reason: failureReason(err) }));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode === 200 && body === expected) {
            finish({ ok: true, ms: Math.max(1, Math.round(performance.now() - started)) });
          } else if (res.statusCode === 200) {
            finish({ ok: false, reason: 'the answer did not come from this Hooklens' });
          } else {
            finish({ ok: false, reason: `the tunnel server answered HTTP ${res.statusCode}` });
          }
        });
      },
    );
    r.on('error', (err) => finish({ ok: false, reason: failureReason(err) }));
    const timer = setTimeout(
      () => finish({ ok: false, reason: `no answer within ${Math.round(req.timeoutMs / 100) / 10} s` }),
      req.timeoutMs,
    );
    const onAbort = (): void => finish({ ok: false, reason: 'cancelled' });
    req.signal?.addEventListener('abort', onAbort, { once: true });
  });
}
