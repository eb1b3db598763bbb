/*
 * Types for the parts of the localtunnel client that Hooklens builds on. @types/localtunnel only
 * describes the top-level function; the Tunnel class is reached directly so the tunnel details can be
 * requested with a timeout (see tunnel-info.ts) and the socket pool watched (see tunnel-connection.ts).
 */
declare module 'localtunnel/lib/Tunnel.js' {
  import { EventEmitter } from 'node:events';
  import type { Socket } from 'node:net';

  namespace Tunnel {
    interface Options {
      host: string;
      port: number;
      subdomain?: string;
    }
    /** What TunnelCluster reads; `local_host` is left unset on purpose (see tunnel-connection.ts). */
    interface Info {
      name: string;
      url: string;
      cached_url?: string;
      max_conn: number;
      remote_host: string;
      remote_ip?: string;
      remote_port: number;
      local_port: number;
    }
    interface Cluster extends EventEmitter {
      open(): void;
      on(event: 'open', listener: (remote: Socket) => void): this;
      on(event: 'error', listener: (err: Error) => void): this;
      on(event: 'dead' | 'request', listener: (...args: unknown[]) => void): this;
    }
  }

  class Tunnel extends EventEmitter {
    constructor(opts: Tunnel.Options);
    opts: Tunnel.Options;
    closed: boolean;
    url?: string;
    clientId?: string;
    tunnelCluster?: Tunnel.Cluster;
    _init(cb: (err: Error | null, info?: Tunnel.Info) => void): void;
    _establish(info: Tunnel.Info): void;
    open(cb: (err?: Error | null) => void): void;
    close(): void;
  }

  export = Tunnel;
}
