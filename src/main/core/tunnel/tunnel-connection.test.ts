import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { json, startScriptedTunnelServer, type ScriptedTunnelServer } from './test-support/scripted-tunnel-server';
import { DEFAULT_TIMING, openTunnelConnection, type TunnelConnection } from './tunnel-connection';
import { TunnelAttemptError } from './tunnel-info';

let server: ScriptedTunnelServer;
let conn: TunnelConnection | null = null;
const fast = { ...DEFAULT_TIMING, connectTimeoutMs: 3_000, probeIntervalMs: 100 };

beforeEach(async () => {
  server = await startScriptedTunnelServer();
  conn = null;
});
afterEach(async () => {
  conn?.close();
  await server.close();
});

function details(id: string, port = server.socketPort, sockets = 2): unknown {
  return { id, port, max_conn_count: sockets, url: `http://${id}.example.test` };
}

async function until(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('openTunnelConnection', () => {
  it('opens the socket pool the server offers and closes it on close()', async () => {
    server.reply = (path) => (path === '/pool1' ? json(200, details('pool1', server.socketPort, 3)) : json(404, {}));
    conn = await openTunnelConnection({ host: server.host, subdomain: 'pool1', localPort: 9, timing: fast });
    expect(conn.id).toBe('pool1');
    expect(conn.url).toBe('http://pool1.example.test');
    await until(() => server.sockets.size === 3 && conn!.socketCount() === 3);
    conn.close();
    await until(() => server.sockets.size === 0);
  });

  it('reopens a pool slot the client drops when the local port resets its socket', async () => {
    let resets = 0;
    const local = net.createServer((s) => {
      s.on('error', () => undefined);
      if (resets < 1) {
        resets += 1;
        s.resetAndDestroy();
      }
    });
    await new Promise<void>((r) => local.listen(0, '127.0.0.1', r));
    let accepted = 0;
    server.reply = (path) => (path === '/reset1' ? json(200, details('reset1')) : json(404, {}));
    try {
      conn = await openTunnelConnection({
        host: server.host,
        subdomain: 'reset1',
        localPort: (local.address() as AddressInfo).port,
        timing: { ...fast, probeIntervalMs: 0 },
      });
      const counting = (): void => {
        accepted += 1;
      };
      local.on('connection', counting);
      // The reset slot is back: two sockets to the server again, one of them reopened by us.
      await until(() => conn!.reopenedCount() === 1 && server.sockets.size === 2 && conn!.socketCount() === 2);
      await until(() => accepted >= 1);
      expect(resets).toBe(1);
    } finally {
      local.close();
    }
  });

  it('reports the tunnel lost when the server forgets it', async () => {
    let known = true;
    server.reply = (path) => {
      if (path === '/gone1') return json(200, details('gone1'));
      if (path === '/api/tunnels/gone1/status') return known ? json(200, { connected_sockets: 2 }) : json(404, {});
      return json(404, {});
    };
    conn = await openTunnelConnection({ host: server.host, subdomain: 'gone1', localPort: 9, timing: fast });
    const lost: string[] = [];
    conn.onLost((reason) => lost.push(reason));
    await until(() => server.requests.includes('/api/tunnels/gone1/status'));
    known = false;
    await until(() => lost.length > 0);
    expect(lost).toEqual(['Tunnel server no longer knows this tunnel']);
    await until(() => server.sockets.size === 0);
  });

  it('reports the tunnel lost when the server stops answering status checks', async () => {
    let answering = true;
    server.reply = (path) => {
      if (path === '/mute1') return json(200, details('mute1'));
      return answering ? json(200, { connected_sockets: 2 }) : { status: 503, body: 'down' };
    };
    conn = await openTunnelConnection({ host: server.host, subdomain: 'mute1', localPort: 9, timing: fast });
    const lost: string[] = [];
    conn.onLost((reason) => lost.push(reason));
    await until(() => server.requests.length >= 2);
    answering = false;
    await until(() => lost.length > 0);
    expect(lost[0]).toMatch(/HTTP 503/);
  });

  it('keeps a tunnel whose server has no status API', async () => {
    server.reply = (path) => (path === '/nostat1' ? json(200, details('nostat1')) : json(404, {}));
    conn = await openTunnelConnection({ host: server.host, subdomain: 'nostat1', localPort: 9, timing: fast });
    const lost: string[] = [];
    conn.onLost((reason) => lost.push(reason));
    await until(() => server.requests.filter((p) => p.startsWith('/api/')).length >= 1);
    await new Promise((r) => setTimeout(r, 400));
    expect(lost).toEqual([]);
    expect(conn.socketCount()).toBe(2);
  });

  it('fails the attempt, without throwing elsewhere, when the tunnel port refuses', async () => {
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const deadPort = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
    server.reply = () => json(200, details('refused1', deadPort));
    const err = await openTunnelConnection({
      host: server.host,
      subdomain: 'refused1',
      localPort: 9,
      timing: fast,
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(TunnelAttemptError);
    expect((err as TunnelAttemptError).kind).toBe('transient');
    expect((err as Error).message).toMatch(/closed the tunnel/);
  });

  it('can be cancelled while waiting for the server', async () => {
    server.reply = () => 'hang';
    const abort = new AbortController();
    const pending = openTunnelConnection({
      host: server.host,
      subdomain: 'slow1',
      localPort: 9,
      timing: fast,
      signal: abort.signal,
    });
    setTimeout(() => abort.abort(), 50);
    await expect(pending).rejects.toThrow('Cancelled');
    expect(server.sockets.size).toBe(0);
  });
});
