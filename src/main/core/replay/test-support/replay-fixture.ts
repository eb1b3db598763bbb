/*
 * The replay service with real parts, shared by its test files: the capture listener and store in
 * a fresh data dir, settings, the event bus, and a local echo server as the replay target.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Stripe from 'stripe';
import { afterEach, beforeEach } from 'vitest';
import type { CaptureRecord } from '../../../../shared/capture';
import { startCaptureListener, type CaptureListener } from '../../capture/listener';
import { createCoreEvents, type CoreEvents } from '../../events';
import { openSettingsStore, type SettingsStore } from '../../settings/settings-store';
import { openCaptureStore } from '../../store';
import type { CaptureStore } from '../../store/types';
import { createReplayService, type ReplayService } from '../replay-service';
import { startEchoServer, type EchoServer } from './echo-server';

export const STRIPE_SECRET = 'whsec_test_5Ui1JpQ0bCkR0Xh3rWq8';
export const stripe = new Stripe('sk_test_unused');

export interface ServiceOptions {
  perCapture?: number;
  secret?: string | undefined;
  /** Further stored secrets of the default endpoint, by provider id. */
  secrets?: Record<string, string>;
  forwardTargetFor?: (endpointId: string) => string | null;
}

export interface ReplayFixture {
  dataDir: string;
  store: CaptureStore;
  settings: SettingsStore;
  events: CoreEvents;
  listener: CaptureListener;
  echo: EchoServer;
  /** The service under test; a test may replace it (the listener always feeds the current one). */
  service: ReplayService;
  /** Clean-ups a test registers for what it started itself. */
  extra: (() => Promise<void>)[];
  makeService(options?: ServiceOptions): Promise<ReplayService>;
  /** Sends a webhook to the real capture listener and returns the stored record. */
  capture(body: string | Buffer, headers: Record<string, string>, pathAndQuery?: string): Promise<CaptureRecord>;
}

/** Registers beforeEach/afterEach that build and tear down the fixture; read it inside tests. */
export function useReplayFixture(): ReplayFixture {
  const fx = { extra: [] as (() => Promise<void>)[] } as ReplayFixture;

  fx.makeService = (options = {}) => {
    const secret = 'secret' in options ? options.secret : STRIPE_SECRET;
    return createReplayService({
      store: fx.store,
      dataDir: fx.dataDir,
      settings: fx.settings,
      events: fx.events,
      getSecret: async (endpointId, providerId) =>
        endpointId !== 'default' ? undefined : providerId === 'stripe' ? secret : options.secrets?.[providerId],
      history: { perCapture: options.perCapture },
      forwardTargetFor: options.forwardTargetFor,
    });
  };

  fx.capture = async (body, headers, pathAndQuery = '/webhooks/stripe?acct=42') => {
    const res = await fetch(`http://127.0.0.1:${fx.listener.port}${pathAndQuery}`, { method: 'POST', headers, body });
    const { id } = (await res.json()) as { id: string };
    const record = await fx.store.get(id);
    if (!record) throw new Error('capture was not stored');
    return record;
  };

  beforeEach(async () => {
    fx.dataDir = await mkdtemp(path.join(os.tmpdir(), 'hooklens-replay-'));
    fx.store = await openCaptureStore({ dataDir: fx.dataDir });
    fx.settings = await openSettingsStore(fx.dataDir);
    fx.events = createCoreEvents();
    fx.echo = await startEchoServer();
    await fx.settings.update('replay', { targetBase: fx.echo.url });
    fx.service = await fx.makeService();
    fx.listener = await startCaptureListener({
      store: fx.store,
      port: 0,
      tunnelPort: null,
      onCaptured: (r) => fx.service.onCapture(r),
    });
  });

  afterEach(async () => {
    while (fx.extra.length) await fx.extra.pop()!();
    await fx.listener.close();
    await fx.service.close();
    await fx.echo.close();
    await fx.store.close();
    await rm(fx.dataDir, { recursive: true, force: true });
  });

  return fx;
}
