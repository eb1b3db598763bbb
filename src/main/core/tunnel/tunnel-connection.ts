/*
 * One tunnel session with a localtunnel server: ask for a tunnel (tunnel-info.ts), then let the
 * localtunnel client's TunnelCluster keep its pool of sockets to the server, each piped to the
 * loopback capture port.
 *
 * What the client does not do, and this module adds, from the client's known failure paths:
 * - Its cluster emits 'error' when a socket to the server is refused (server restarted, tunnel
 *   expired). With no listener that error crashes the process; here it ends the session.
 * - A socket to the server that fails with anything but ECONNREFUSED is dropped silently, so after a
 *   network change the pool can empty without any event; here an empty pool ends the session.
 * - A half-open pool (laptop sleep, NAT timeout) looks alive; a periodic look at the server's
 *   `/api/tunnels/<id>/status` catches the server forgetting us or becoming unreachable.
 * - When the tunnel server closes a socket, the client opens a new one ('dead'), so the pool stays
 *   full. But when the local side of a socket fails with anything but ECONNREFUSED (a reset from
 *   the capture port), the client ends the server socket without 'dead' and that slot is gone for
 *   the session; after a few of those the public URL stalls. Such a slot is reopened here, a second
 *   later (as the client itself retries a refused local port), so a port that keeps resetting
 *   cannot make it spin.
 * - `local_host` is never set: it makes the client rewrite the Host header and pass body chunks
 *   through `toString()`, which corrupts bytes that are not UTF-8. The client then dials
 *   `localhost`, which Node resolves to both loopback families.
 */
import type { Socket } from 'node:net';
import Tunnel from 'localtunnel/lib/Tunnel.js';
import { requestTunnelInfo, requestTunnelSocketCount, TunnelAttemptError, type TunnelInfoBody } from './tunnel-info';

export interface TunnelTiming {
  /** Limit for the tunnel server to answer and for the first socket to connect. */
  connectTimeoutMs: number;
  /** How long the pool may stay empty before the session counts as lost (servers free a name after ~1 s). */
  emptyPoolGraceMs: number;
  /** Interval of the server-side status check; 0 turns it off. */
  probeIntervalMs: number;
  /** Consecutive failed status checks that count as lost. */
  probeFailuresAllowed: number;
}

export const DEFAULT_TIMING: TunnelTiming = {
  connectTimeoutMs: 10_000,
  emptyPoolGraceMs: 1_500,
  probeIntervalMs: 20_000,
  probeFailuresAllowed: 2,
};

const SLOT_REOPEN_DELAY_MS = 1_000;

export interface OpenTunnelOptions {
  host: string;
  /** null asks the server to choose one. */
  subdomain: string | null;
  localPort: number;
  timing: TunnelTiming;
  signal?: AbortSignal;
}

export interface TunnelConnection {
  readonly id: string;
  readonly url: string;
  /** Called once, when the session is lost; the connection is already closed then. */
  onLost(listener: (reason: string) => void): void;
  /** Sockets to the server that are connected right now. */
  socketCount(): number;
  /** Pool slots the client dropped and this module reopened. */
  reopenedCount(): number;
  close(): void;
}

class HooklensTunnel extends Tunnel {
  constructor(
    opts: Tunnel.Options,
    private readonly info: Tunnel.Info,
  ) {
    super(opts);
  }

  // The details were fetched already (with a timeout); hand them to the client's own flow.
  override _init(cb: (err: Error | null, info?: Tunnel.Info) => void): void {
    cb(null, this.info);
  }
}

function clusterInfo(host: string, body: TunnelInfoBody, localPort: number): Tunnel.Info {
  // URL.hostname keeps the brackets of an IPv6 literal; net.connect wants the bare address.
  const hostname = new URL(host).hostname.replace(/^\[(.*)\]$/, '$1');
  const info: Tunnel.Info = {
    name: body.id,
    url: body.url,
    max_conn: body.max_conn_count,
    remote_host: hostname,
    remote_port: body.port,
    local_port: localPort,
  };
  if (body.ip) info.remote_ip = body.ip;
  if (body.cached_url) info.cached_url = body.cached_url;
  return info;
}

function clusterErrorReason(err: Error): string {
  return /connection refused/i.test(err.message)
    ? 'Tunnel server closed the tunnel (server restarted or tunnel expired)'
    : `Tunnel connection failed: ${err.message}`;
}

export async function openTunnelConnection(opts: OpenTunnelOptions): Promise<TunnelConnection> {
  const { host, localPort, timing, signal } = opts;
  const body = await requestTunnelInfo({ host, subdomain: opts.subdomain, timeoutMs: timing.connectTimeoutMs, signal });
  if (signal?.aborted) throw new TunnelAttemptError('transient', 'Cancelled');

  const info = clusterInfo(host, body, localPort);
  const tunnel = new HooklensTunnel({ host, port: localPort, subdomain: opts.subdomain ?? undefined }, info);
  const sockets = new Set<Socket>();
  let closed = false;
  let lostListener: ((reason: string) => void) | null = null;
  let emptyTimer: NodeJS.Timeout | null = null;
  const reopenTimers = new Set<NodeJS.Timeout>();
  let reopened = 0;
  let probeTimer: NodeJS.Timeout | null = null;
  const probeAbort = new AbortController();
  let firstOpen: { resolve: () => void; reject: (err: Error) => void } | null = null;

  const close = (): void => {
    if (closed) return;
    closed = true;
    if (emptyTimer) clearTimeout(emptyTimer);
    if (probeTimer) clearTimeout(probeTimer);
    for (const t of reopenTimers) clearTimeout(t);
    reopenTimers.clear();
    probeAbort.abort();
    tunnel.close();
    // The client only destroys sockets it saw open; make sure none outlives the session.
    for (const s of sockets) s.destroy();
    sockets.clear();
  };

  const lose = (reason: string): void => {
    if (closed) return;
    if (firstOpen) {
      const pending = firstOpen;
      firstOpen = null;
      close();
      pending.reject(new TunnelAttemptError('transient', reason));
      return;
    }
    close();
    const listener = lostListener;
    lostListener = null;
    listener?.(reason);
  };

  // Registered before the first socket exists and never removed: a stale cluster can still emit
  // after close, and an 'error' with no listener would take the whole process down.
  tunnel.on('error', (err: Error) => lose(clusterErrorReason(err)));

  const watchCluster = (): void => {
    const cluster = tunnel.tunnelCluster;
    if (!cluster) return;
    // The client emits 'dead' from inside the 'close' of the socket it replaces, right after the
    // listener below (registered first); a close left unmatched once that event is over lost its slot.
    let unmatchedCloses = 0;
    cluster.on('dead', () => {
      unmatchedCloses -= 1;
    });
    const reopenLostSlots = (): void => {
      if (closed || unmatchedCloses <= 0) return;
      unmatchedCloses -= 1;
      const timer = setTimeout(() => {
        reopenTimers.delete(timer);
        if (closed) return;
        reopened += 1;
        cluster.open();
      }, SLOT_REOPEN_DELAY_MS);
      timer.unref();
      reopenTimers.add(timer);
    };
    cluster.on('open', (remote: Socket) => {
      if (closed) return;
      sockets.add(remote);
      if (emptyTimer) {
        clearTimeout(emptyTimer);
        emptyTimer = null;
      }
      remote.once('close', () => {
        unmatchedCloses += 1;
        setImmediate(reopenLostSlots);
        sockets.delete(remote);
        if (sockets.size === 0 && !closed && !emptyTimer) {
          emptyTimer = setTimeout(() => {
            emptyTimer = null;
            if (sockets.size === 0) lose('All tunnel connections to the server closed');
          }, timing.emptyPoolGraceMs);
        }
      });
      if (firstOpen) {
        const pending = firstOpen;
        firstOpen = null;
        pending.resolve();
      }
    });
  };

  const onAbort = (): void => lose('Cancelled');
  signal?.addEventListener('abort', onAbort, { once: true });

  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => lose(`Tunnel server did not accept a connection within ${Math.round(timing.connectTimeoutMs / 1000)} s`),
        timing.connectTimeoutMs,
      );
      const clear = (): void => clearTimeout(timer);
      firstOpen = {
        resolve: () => {
          clear();
          resolve();
        },
        reject: (err) => {
          clear();
          reject(err);
        },
      };
      tunnel.open((err) => {
        if (err) lose(err.message);
      });
      watchCluster();
    });
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }

  let probeOk = false;
  let probeFailures = 0;
  const probe = (): void => {
    probeTimer = null;
    if (closed) return;
    requestTunnelSocketCount(host, body.id, timing.connectTimeoutMs, probeAbort.signal).then(
      (count) => {
        if (closed) return;
        if (count === null && !probeOk) {
          // The very first check already fails to find us: this server has no status API. Rely on the
          // socket pool alone rather than reconnecting forever.
          return;
        }
        if (count === null) return lose('Tunnel server no longer knows this tunnel');
        if (count === 0) {
          probeFailures += 1;
          if (probeFailures >= timing.probeFailuresAllowed)
            return lose('Tunnel server sees no connection from Hooklens');
        } else {
          probeOk = true;
          probeFailures = 0;
        }
        schedule();
      },
      (err: unknown) => {
        if (closed) return;
        probeFailures += 1;
        if (probeFailures >= timing.probeFailuresAllowed) {
          return lose(err instanceof Error ? err.message : 'Tunnel server unreachable');
        }
        schedule();
      },
    );
  };
  const schedule = (): void => {
    if (closed || timing.probeIntervalMs <= 0) return;
    probeTimer = setTimeout(probe, timing.probeIntervalMs);
    probeTimer.unref();
  };
  schedule();

  return {
    id: body.id,
    url: body.url,
    onLost(listener) {
      lostListener = listener;
    },
    socketCount: () => sockets.size,
    reopenedCount: () => reopened,
    close,
  };
}
