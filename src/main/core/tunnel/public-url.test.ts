/*
 * The public URL over hours, end to end: the real core (capture listener with its tunnel port,
 * store, tunnel service) against a real localtunnel server on 127.0.0.1. Idle gaps are real time,
 * longer than the listener's 20 s header deadline, because that is what used to break it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TunnelStatus } from '../../../shared/api/tunnel';
import { createHooklensCore, type HooklensCore, type HooklensCoreOptions } from '../hooklens-core';
import {
  requestThroughTunnel,
  startLocalTunnelServer,
  tunnelIdFromUrl,
  type LocalTunnelServer,
} from './test-support/local-tunnel-server';
import { untilTunnel } from './test-support/tunnel-state';

let server: LocalTunnelServer;
const cores: HooklensCore[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  server = await startLocalTunnelServer();
});
afterAll(async () => {
  await server.stop();
});
afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.close()));
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hooklens-public-url-'));
  dirs.push(dir);
  return dir;
}

async function startCore(dir: string, extra: Partial<HooklensCoreOptions> = {}): Promise<HooklensCore> {
  const core = await createHooklensCore({
    dataDir: dir,
    mode: 'browser',
    capturePort: 0,
    tunnel: { host: server.host },
    ...extra,
  });
  cores.push(core);
  return core;
}

async function stopCore(core: HooklensCore): Promise<void> {
  cores.splice(cores.indexOf(core), 1);
  await core.close();
}

const onlineAndChecked = (s: TunnelStatus): boolean =>
  s.state === 'online' && s.check?.ok === true && s.check.by === 'probe';
const idle = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function sendTen(url: string, label: string): Promise<number[]> {
  const results = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      requestThroughTunnel(server, url, {
        method: 'POST',
        path: `/${label}/${i}`,
        body: `{"i":${i}}`,
        timeoutMs: 15_000,
      }),
    ),
  );
  return results.map((r) => r.status);
}

async function serverSockets(id: string): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${server.port}/api/tunnels/${id}/status`);
  return res.status === 200 ? ((await res.json()) as { connected_sockets: number }).connected_sockets : 0;
}

describe('public URL through a real localtunnel server', () => {
  it('captures 10 requests with 2xx after 25 s of idle, and again after a reconnect', async () => {
    const core = await startCore(await dataDir());
    const online = await untilTunnel(core, onlineAndChecked);
    expect(online.check!.ms).toBeGreaterThan(0);
    const url = online.url!;
    const id = tunnelIdFromUrl(url);

    await idle(25_000);
    expect(await sendTen(url, 'first')).toEqual(Array(10).fill(200));

    await core.api.reconnectTunnel();
    const back = await untilTunnel(core, (s) => onlineAndChecked(s) && s.url === url);
    expect(back.urlChanged).toBeNull();
    await idle(25_000);
    expect(await sendTen(url, 'second')).toEqual(Array(10).fill(200));

    const urls = core.store.list().map((c) => c.url);
    for (const label of ['first', 'second']) for (let i = 0; i < 10; i++) expect(urls).toContain(`/${label}/${i}`);
    expect(urls).toHaveLength(20);
    expect(core.store.list().every((c) => c.via === 'tunnel')).toBe(true);
    // The probes were answered by the tunnel port, never stored.
    expect(urls.some((u) => u.includes('hooklens-probe'))).toBe(false);
    // localtunnel's pool is still full: the server sees all 10 sockets.
    await expect.poll(() => serverSockets(id), { timeout: 5_000 }).toBe(10);
  }, 90_000);

  it('answers "Test public URL" on demand, and captures a probe path with a wrong nonce', async () => {
    const core = await startCore(await dataDir());
    const online = await untilTunnel(core, onlineAndChecked);
    const first = online.check!.at;
    await idle(5);
    const tested = await core.api.testTunnel();
    expect(tested.check!.ok).toBe(true);
    expect(tested.check!.at > first).toBe(true);

    const res = await requestThroughTunnel(server, online.url!, { path: '/.hooklens-probe/guessed?c=abcdefghij' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body.toString())).toMatchObject({ ok: true });
    expect(core.store.list().map((c) => c.url)).toEqual(['/.hooklens-probe/guessed?c=abcdefghij']);

    await core.api.setTunnelEnabled(false);
    await expect(core.api.testTunnel()).rejects.toMatchObject({ code: 'invalid_argument' });
  });

  it('asks for the same subdomain after a restart with the same data directory', async () => {
    const dir = await dataDir();
    const first = await startCore(dir);
    const url = (await untilTunnel(first, onlineAndChecked)).url!;
    await stopCore(first);

    const second = await startCore(dir);
    const again = await untilTunnel(second, onlineAndChecked);
    expect(again.url).toBe(url);
    expect(again.urlChanged).toBeNull();
  });

  it('shows the URL change after a restart when someone else took the subdomain', async () => {
    const dir = await dataDir();
    const first = await startCore(dir);
    const url = (await untilTunnel(first, onlineAndChecked)).url!;
    const id = tunnelIdFromUrl(url);
    await stopCore(first);
    await expect.poll(() => serverSockets(id), { timeout: 5_000 }).toBe(0);
    // Wait for the server to forget the name, then let another client take it.
    await expect
      .poll(async () => (await fetch(`http://127.0.0.1:${server.port}/api/tunnels/${id}/status`)).status, {
        timeout: 5_000,
      })
      .toBe(404);
    const holder = await startCore(await dataDir(), { tunnel: { host: server.host, subdomain: id } });
    expect((await untilTunnel(holder, (s) => s.state === 'online')).url).toBe(url);

    const restarted = await startCore(dir);
    const online = await untilTunnel(restarted, (s) => s.state === 'online');
    expect(online.url).not.toBe(url);
    expect(online.urlChanged).toEqual({ previous: url });
  });
});

describe('a tunnel server that stops forwarding', () => {
  it('is reported Unreachable within two probe intervals, then reconnects once it is back', async () => {
    const own = await startLocalTunnelServer();
    try {
      const intervalMs = 1_500;
      const core = await startCore(await dataDir(), {
        tunnel: { host: own.host },
        tunnelSelfCheck: { intervalMs, timeoutMs: 500, retryMs: intervalMs },
      });
      await untilTunnel(core, onlineAndChecked);

      own.freeze();
      const frozenAt = Date.now();
      const unreachable = await untilTunnel(core, (s) => s.state === 'online' && s.check?.ok === false, 10_000);
      const noticedMs = Date.now() - frozenAt;
      expect(noticedMs).toBeLessThanOrEqual(2 * intervalMs);
      expect(unreachable.check!.reason).toMatch(/no answer within/);

      const reconnecting = await untilTunnel(core, (s) => s.state === 'reconnecting', 10_000);
      expect(reconnecting.reason).toMatch(/Public URL unreachable/);

      own.thaw();
      await untilTunnel(core, onlineAndChecked, 40_000);
    } finally {
      await own.stop();
    }
  }, 60_000);
});
