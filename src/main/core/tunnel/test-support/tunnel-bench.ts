/*
 * Tunnel figures for `npm run bench`, with the service's default timings against a local
 * localtunnel server on 127.0.0.1:
 * - tunnel_start_to_online_ms: start() until `online` (tunnel details + first socket).
 * - tunnel_loss_detect_ms: server killed until the state says `reconnecting`.
 * - tunnel_reconnect_after_return_ms: restarted server answering until `online` again. Bounded by
 *   where the backoff schedule happens to be when the server returns (1 s, 2 s, 4 s… ±20 %).
 * Medians over several runs; --quick does fewer.
 */
import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TunnelStatus } from '../../../../shared/api/tunnel';
import { createCoreEvents } from '../../events';
import { openSettingsStore } from '../../settings/settings-store';
import { createTunnelService } from '../tunnel-service';
import { startLocalTunnelServer } from './local-tunnel-server';

export interface TunnelBenchFigures {
  [key: string]: number | string;
  tunnel_start_to_online_ms: number;
  tunnel_loss_detect_ms: number;
  tunnel_reconnect_after_return_ms: number;
  tunnel_runs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
}

export async function measureTunnel(runs: number): Promise<TunnelBenchFigures> {
  const server = await startLocalTunnelServer();
  const target = http.createServer((_req, res) => res.end('ok'));
  await new Promise<void>((r) => target.listen(0, '127.0.0.1', r));
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hooklens-tunnel-bench-'));
  const startToOnline: number[] = [];
  const lossDetect: number[] = [];
  const reconnect: number[] = [];
  try {
    const settings = await openSettingsStore(dir);
    for (let i = 0; i < runs; i++) {
      const events = createCoreEvents();
      const service = createTunnelService({
        settings,
        targetPort: (target.address() as AddressInfo).port,
        events,
        overrides: { host: server.host, subdomain: `bench-run-${i}` },
      });
      const until = (pred: (s: TunnelStatus) => boolean): Promise<void> =>
        new Promise((resolve, reject) => {
          if (pred(service.status())) return resolve();
          const timer = setTimeout(
            () => reject(new Error(`tunnel bench timed out in ${service.status().state}`)),
            60_000,
          );
          const off = events.on('tunnel:changed', (s) => {
            if (pred(s)) {
              clearTimeout(timer);
              off();
              resolve();
            }
          });
        });
      try {
        let t = performance.now();
        await service.start();
        await until((s) => s.state === 'online');
        startToOnline.push(performance.now() - t);

        t = performance.now();
        await server.kill();
        await until((s) => s.state === 'reconnecting');
        lossDetect.push(performance.now() - t);
        await until((s) => s.attempt >= 1);

        await server.restart();
        t = performance.now();
        await until((s) => s.state === 'online');
        reconnect.push(performance.now() - t);
      } finally {
        await service.close();
      }
    }
  } finally {
    await server.stop();
    await new Promise((r) => target.close(r));
    await rm(dir, { recursive: true, force: true });
  }
  return {
    tunnel_start_to_online_ms: Math.round(median(startToOnline)),
    tunnel_loss_detect_ms: Math.round(median(lossDetect)),
    tunnel_reconnect_after_return_ms: Math.round(median(reconnect)),
    tunnel_runs: runs,
  };
}

/** Shaped as a bench section: `{ name, run() }`. */
export const tunnelBenchSection = {
  name: 'tunnel',
  run: () => measureTunnel(process.argv.includes('--quick') ? 2 : 5),
};
