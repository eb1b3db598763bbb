/*
 * The public URL left alone for a while, as it is between two webhooks in real use: the real core
 * (capture listener, store, tunnel service with its self-check) behind a local localtunnel server,
 * idle gaps of 25 to 60 s (past the listener's 20 s header deadline), then a burst of requests
 * through the public URL after each gap. About 3 minutes (--quick: one gap).
 * - tunnel_soak_sent / tunnel_soak_captured: requests sent, and those answered 2xx and stored.
 * - tunnel_dead_noticed_ms: the tunnel server frozen (SIGSTOP: it accepts, forwards nothing) until
 *   the badge says Unreachable, with the default 30 s probe interval.
 * - tunnel_dead_reconnecting_ms: the same until the state is Reconnecting (second failed probe).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createHooklensCore, type HooklensCore } from '../../src/main/core/hooklens-core';
import {
  requestThroughTunnel,
  startLocalTunnelServer,
} from '../../src/main/core/tunnel/test-support/local-tunnel-server';
import { untilTunnel } from '../../src/main/core/tunnel/test-support/tunnel-state';
import { QUICK, type BenchSection } from '../section';

const GAPS_S = QUICK ? [25] : [25, 40, 60];
const BURST = 10;

async function run(): Promise<Record<string, number>> {
  const server = await startLocalTunnelServer();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hooklens-tunnel-soak-'));
  let core: HooklensCore | null = null;
  try {
    core = await createHooklensCore({ dataDir: dir, mode: 'browser', capturePort: 0, tunnel: { host: server.host } });
    const c = core;
    const url = (await untilTunnel(c, (s) => s.state === 'online' && s.check?.ok === true, 30_000)).url!;
    let sent = 0;
    const acked = new Set<string>();
    for (const [g, gap] of GAPS_S.entries()) {
      await new Promise((r) => setTimeout(r, gap * 1000));
      const results = await Promise.all(
        Array.from({ length: BURST }, (_, i) => {
          const p = `/soak/${g}/${i}`;
          sent += 1;
          return requestThroughTunnel(server, url, {
            method: 'POST',
            path: p,
            body: `{"gap":${gap},"i":${i}}`,
            timeoutMs: 20_000,
          }).then(
            (res) => (res.status >= 200 && res.status < 300 ? p : null),
            () => null,
          );
        }),
      );
      for (const p of results) if (p) acked.add(p);
    }
    const stored = new Set(c.store.list().map((r) => r.url));
    const captured = [...acked].filter((p) => stored.has(p)).length;

    server.freeze();
    const frozenAt = performance.now();
    await untilTunnel(c, (s) => s.state === 'online' && s.check?.ok === false, 90_000);
    const noticed = performance.now() - frozenAt;
    await untilTunnel(c, (s) => s.state === 'reconnecting', 90_000);
    const reconnecting = performance.now() - frozenAt;
    server.thaw();

    return {
      tunnel_soak_sent: sent,
      tunnel_soak_captured: captured,
      tunnel_soak_idle_gaps_s: GAPS_S.reduce((a, b) => a + b, 0),
      tunnel_dead_noticed_ms: Math.round(noticed),
      tunnel_dead_reconnecting_ms: Math.round(reconnecting),
    };
  } finally {
    await core?.close();
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

export const section: BenchSection = { name: 'tunnel-soak', run };
