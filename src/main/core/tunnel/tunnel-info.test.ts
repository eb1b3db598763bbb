import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { json, startScriptedTunnelServer, type ScriptedTunnelServer } from './test-support/scripted-tunnel-server';
import { requestTunnelInfo, requestTunnelSocketCount, TunnelAttemptError } from './tunnel-info';

let server: ScriptedTunnelServer;

beforeEach(async () => {
  server = await startScriptedTunnelServer();
});
afterEach(async () => {
  await server.close();
});

async function failure(p: Promise<unknown>): Promise<TunnelAttemptError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof TunnelAttemptError) return err;
    throw err;
  }
  throw new Error('expected a failure');
}

describe('requestTunnelInfo', () => {
  it('asks for the subdomain by path and keeps what the client needs', async () => {
    server.reply = () =>
      json(200, { id: 'hooks1', port: 4321, max_conn_count: 500, url: 'https://hooks1.loca.lt/', ip: '10.1.2.3' });
    const info = await requestTunnelInfo({ host: server.host, subdomain: 'hooks1', timeoutMs: 2_000 });
    expect(server.requests).toEqual(['/hooks1']);
    // A server asking for 500 sockets gets 10: the pool size is ours to bound.
    expect(info).toEqual({
      id: 'hooks1',
      port: 4321,
      max_conn_count: 10,
      url: 'https://hooks1.loca.lt',
      ip: '10.1.2.3',
    });
  });

  it('asks for a random name with ?new', async () => {
    server.reply = () => json(200, { id: 'brave-fox-1', port: 1234, url: 'https://brave-fox-1.loca.lt' });
    const info = await requestTunnelInfo({ host: server.host, subdomain: null, timeoutMs: 2_000 });
    expect(server.requests).toEqual(['/?new']);
    expect(info.max_conn_count).toBe(1);
  });

  it('reports a refused subdomain with the server message and does not call it transient', async () => {
    server.reply = () => json(403, { message: 'Invalid subdomain. Subdomains must be lowercase.' });
    const err = await failure(requestTunnelInfo({ host: server.host, subdomain: 'x-y-z-w', timeoutMs: 2_000 }));
    expect(err.kind).toBe('refused');
    expect(err.status).toBe(403);
    expect(err.message).toContain('Invalid subdomain. Subdomains must be lowercase.');
  });

  it('treats 5xx and 429 as transient', async () => {
    server.reply = () => ({ status: 502, body: 'bad gateway' });
    expect((await failure(requestTunnelInfo({ host: server.host, subdomain: 'abcd', timeoutMs: 2_000 }))).kind).toBe(
      'transient',
    );
    server.reply = () => json(429, { message: 'slow down' });
    expect((await failure(requestTunnelInfo({ host: server.host, subdomain: 'abcd', timeoutMs: 2_000 }))).kind).toBe(
      'transient',
    );
  });

  it('refuses a web page or a malformed answer', async () => {
    server.reply = () => ({ status: 200, body: '<!doctype html><title>Landing</title>' });
    const page = await failure(requestTunnelInfo({ host: server.host, subdomain: null, timeoutMs: 2_000 }));
    expect(page.kind).toBe('refused');
    expect(page.status).toBe(200);
    expect(page.message).toMatch(/web page/);
    for (const body of [
      { id: 'a', port: 0, url: 'https://a.b' },
      { id: 'a', port: 80, url: 'javascript:alert(1)' },
      ['x'],
      { port: 80 },
    ]) {
      server.reply = () => json(200, body);
      expect((await failure(requestTunnelInfo({ host: server.host, subdomain: 'abcd', timeoutMs: 2_000 }))).kind).toBe(
        'refused',
      );
    }
  });

  it('gives up on a server that never answers', async () => {
    server.reply = () => 'hang';
    const started = Date.now();
    const err = await failure(requestTunnelInfo({ host: server.host, subdomain: 'abcd', timeoutMs: 300 }));
    expect(err.kind).toBe('transient');
    expect(err.message).toMatch(/did not answer/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('stops when cancelled', async () => {
    server.reply = () => 'hang';
    const abort = new AbortController();
    const pending = requestTunnelInfo({
      host: server.host,
      subdomain: 'abcd',
      timeoutMs: 10_000,
      signal: abort.signal,
    });
    setTimeout(() => abort.abort(), 50);
    expect((await failure(pending)).message).toBe('Cancelled');
  });

  it('calls a refused connection transient', async () => {
    const closed = net.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const err = await failure(
      requestTunnelInfo({ host: `http://127.0.0.1:${port}`, subdomain: 'abcd', timeoutMs: 2_000 }),
    );
    expect(err.kind).toBe('transient');
    expect(err.message).toMatch(/refused the connection/);
  });
});

describe('requestTunnelSocketCount', () => {
  it('reads the count and says null for an unknown tunnel', async () => {
    server.reply = (path) =>
      path === '/api/tunnels/known1/status' ? json(200, { connected_sockets: 3 }) : json(404, {});
    expect(await requestTunnelSocketCount(server.host, 'known1', 2_000)).toBe(3);
    expect(await requestTunnelSocketCount(server.host, 'other1', 2_000)).toBeNull();
  });
});
