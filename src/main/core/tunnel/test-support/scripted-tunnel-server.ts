/*
 * A minimal stand-in for a localtunnel server whose answers a test decides: an HTTP server for the
 * tunnel-details and status requests, and a TCP server that accepts the client's tunnel sockets.
 * Used where the real server cannot be made to misbehave on cue (forgetting a tunnel, answering
 * with a page, never answering).
 */
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export type ScriptedReply = { status: number; body: string; contentType?: string } | 'hang';

export interface ScriptedTunnelServer {
  readonly host: string;
  /** Port of the TCP server that accepts tunnel sockets. */
  readonly socketPort: number;
  /** Paths requested so far (path + query). */
  readonly requests: string[];
  /** Tunnel sockets accepted and still open. */
  readonly sockets: Set<net.Socket>;
  reply: (path: string) => ScriptedReply;
  close(): Promise<void>;
}

export function json(status: number, body: unknown): ScriptedReply {
  return { status, body: JSON.stringify(body), contentType: 'application/json' };
}

export async function startScriptedTunnelServer(): Promise<ScriptedTunnelServer> {
  const sockets = new Set<net.Socket>();
  const hanging = new Set<http.ServerResponse>();
  const tcp = net.createServer((s) => {
    sockets.add(s);
    s.on('error', () => undefined);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => tcp.listen(0, '127.0.0.1', r));

  const state: ScriptedTunnelServer = {
    host: '',
    socketPort: (tcp.address() as AddressInfo).port,
    requests: [],
    sockets,
    reply: () => json(404, { message: 'no script' }),
    async close() {
      for (const res of hanging) res.destroy();
      for (const s of sockets) s.destroy();
      web.closeAllConnections();
      await Promise.all([new Promise((r) => web.close(r)), new Promise((r) => tcp.close(r))]);
    },
  };
  const web = http.createServer((req, res) => {
    const path = req.url ?? '/';
    state.requests.push(path);
    const reply = state.reply(path);
    if (reply === 'hang') {
      hanging.add(res);
      return;
    }
    res.writeHead(reply.status, { 'content-type': reply.contentType ?? 'text/html' });
    res.end(reply.body);
  });
  await new Promise<void>((r) => web.listen(0, '127.0.0.1', r));
  (state as { host: string }).host = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
  return state;
}
