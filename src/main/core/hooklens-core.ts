/*
 * Composes the core: settings, store, capture listener and the feature services, and exposes them
 * as one `HooklensApi` plus an event bus. The Electron shell and browser mode both host exactly
 * this object; neither adds behaviour of its own.
 */
import { mkdir } from 'node:fs/promises';
import type { HooklensApi } from '../../shared/api';
import type { AppStatus, StoreNotice } from '../../shared/api/status';
import { summarize, type CaptureRecord } from '../../shared/capture';
import { HooklensError } from '../../shared/errors';
import type { TunnelSettings } from '../../shared/settings';
import { createCapturesHandlers } from './capture/handlers';
import { startCaptureListener, type CaptureListener } from './capture/listener';
import { createEndpointsService } from './endpoints';
import { createHealthService, type HealthService } from './health';
import { createReplayService } from './replay';
import { createSignaturesHandlers, openSecretStore } from './signatures';
import type { SecretEncryptor } from './signatures/secret-store';
import { createTunnelService } from './tunnel';
import { createCoreEvents, type CoreEvents } from './events';
import { openSettingsStore, type SettingsStore } from './settings/settings-store';
import { openCaptureStore } from './store';
import type { CaptureStore } from './store/types';
import { APP_VERSION } from './version';

export interface HooklensCoreOptions {
  dataDir: string;
  mode: AppStatus['mode'];
  /** Overrides the capture port from settings (0 = any free port). */
  capturePort?: number;
  captureHost?: string;
  /** Command-line overrides of the persisted tunnel settings (not saved). */
  tunnel?: Partial<TunnelSettings>;
  /** Encrypts stored secrets where the platform offers it (Electron safeStorage). */
  encryptor?: SecretEncryptor;
  log?: (line: string) => void;
}

export interface HooklensCore {
  api: HooklensApi;
  events: CoreEvents;
  status(): AppStatus;
  store: CaptureStore;
  settings: SettingsStore;
  listener: CaptureListener;
  health: HealthService;
  close(): Promise<void>;
}

export async function createHooklensCore(options: HooklensCoreOptions): Promise<HooklensCore> {
  const log = options.log ?? (() => undefined);
  await mkdir(options.dataDir, { recursive: true });
  const events = createCoreEvents();
  const settings = await openSettingsStore(options.dataDir);
  const store = await openCaptureStore({ dataDir: options.dataDir, maxCaptures: settings.section('capture').maxCaptures });
  const notices: StoreNotice[] = [...store.notices];
  if (settings.setAsidePath)
    notices.push({
      kind: 'set-aside',
      message: 'The settings file could not be read; defaults are in use.',
      movedTo: settings.setAsidePath,
    });

  const endpoints = await createEndpointsService({
    dataDir: options.dataDir,
    store,
    events,
    settings,
    capture: () => ({ port: listener.port, host: listener.host }),
    log,
  });
  if (endpoints.setAsidePath)
    notices.push({ kind: 'set-aside', message: 'The endpoints file could not be read; endpoints were reset.', movedTo: endpoints.setAsidePath });
  const secrets = await openSecretStore({ dataDir: options.dataDir, encryptor: options.encryptor });
  for (const message of secrets.notices) notices.push({ kind: 'secrets', message: `Signing secrets: ${message}.` });
  const health = createHealthService({ store, secrets: (e, p) => secrets.get(e, p), settings, events, log });
  // Assigned once the replay service exists; captures arriving before that are not forwarded.
  let onCapturedHook: (record: CaptureRecord) => void = () => undefined;

  const captureSettings = settings.section('capture');
  const listener: CaptureListener = await startCaptureListener({
    store: health.captureStore(store),
    port: options.capturePort ?? captureSettings.port,
    host: options.captureHost,
    tunnelPort: 0,
    limits: { bodyLimitBytes: captureSettings.bodyLimitBytes },
    route: endpoints.route,
    onError: (err) => log(`Capture listener: ${err instanceof Error ? err.message : String(err)}`),
    onCaptured: (record) => {
      events.emit('capture:added', summarize(record));
      endpoints.onCapture(record);
      health.onCaptured(record);
      onCapturedHook(record);
    },
    onRefused: (refusal, via) => health.onRefused(refusal, via),
    onStoreError: (err) => {
      const message = `A capture could not be written (answered 503 so the sender retries): ${
        err instanceof Error ? err.message : String(err)
      }`;
      log(message);
      if (!notices.some((n) => n.kind === 'write-failed')) {
        notices.push({ kind: 'write-failed', message });
        events.emit('status:changed', status());
      }
    },
  });
  store.onEvicted = (ids) => events.emit('capture:removed', { ids });
  if (listener.fellBack) log(`Capture port ${listener.requestedPort} is in use; listening on ${listener.port} instead.`);

  const tunnel = createTunnelService({
    settings,
    targetPort: listener.tunnelPort!,
    events,
    overrides: options.tunnel,
    log,
  });
  // A deleted endpoint's signing secrets go with it: nothing should outlive what the user removed.
  let forgetting: Promise<unknown> = Promise.resolve();
  events.on('endpoints:changed', (list) => {
    const live = new Set(list.map((e) => e.id));
    for (const entry of secrets.status())
      if (!live.has(entry.endpointId))
        forgetting = forgetting
          .then(() => secrets.set(entry.endpointId, entry.providerId, ''))
          .catch((err: unknown) => log(`Could not forget a secret: ${String(err)}`));
  });
  const signatures = await createSignaturesHandlers({ store, dataDir: options.dataDir, encryptor: options.encryptor, events, secrets });
  const replay = await createReplayService({
    store,
    dataDir: options.dataDir,
    settings,
    events,
    version: APP_VERSION,
    getSecret: async (endpointId, providerId) => secrets.get(endpointId, providerId),
    forwardTargetFor: endpoints.forwardTargetFor,
  });
  onCapturedHook = (record) => replay.onCapture(record);

  const captureHostForUrl = listener.host === '0.0.0.0' || listener.host === '::' ? '127.0.0.1' : listener.host;
  function status(): AppStatus {
    return {
      mode: options.mode,
      version: APP_VERSION,
      captureUrl: `http://${captureHostForUrl}:${listener.port}/`,
      capturePort: listener.port,
      capturePortFallback: listener.fellBack ? { requested: listener.requestedPort } : null,
      dataDir: options.dataDir,
      storeNotices: [...notices],
      tunnel: tunnel.status(),
    };
  }

  const api: HooklensApi = {
    ...createCapturesHandlers({ store, events }),
    ...tunnel.handlers,
    ...signatures,
    ...replay.handlers,
    ...endpoints.handlers,
    ...health.handlers,
    async getStatus() {
      return status();
    },
    async dismissStoreNotice(index) {
      if (!Number.isInteger(index) || index < 0 || index >= notices.length)
        throw new HooklensError('invalid_argument', 'No such notice.');
      notices.splice(index, 1);
      events.emit('status:changed', status());
    },
  };

  await tunnel.start();

  return {
    api,
    events,
    status,
    store,
    settings,
    listener,
    health,
    async close() {
      await tunnel.close();
      await listener.close();
      await replay.close();
      await endpoints.close();
      await forgetting;
      await health.close();
      await store.close();
    },
  };
}
