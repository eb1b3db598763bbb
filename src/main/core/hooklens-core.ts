/*
 * Composes the core: settings, store, capture listener and the feature services, and exposes them
 * as one `HooklensApi` plus an event bus. The Electron shell and browser mode both host exactly
 * this object; neither adds behaviour of its own.
 *
 * Every feature is a `CoreService` (./service.ts) built from its dependencies in order: the
 * services that see captures exist before the listener starts, so the first capture reaches all
 * of them; the listener hands each stored capture to every `onCapture`; closing runs in reverse.
 */
import { mkdir } from 'node:fs/promises';
import type { HooklensApi } from '../../shared/api';
import type { AppStatus, StatusMethods, StoreNotice } from '../../shared/api/status';
import { HooklensError } from '../../shared/errors';
import type { TunnelSettings } from '../../shared/settings';
import { createCapturesService } from './capture/captures-service';
import { startCaptureListener, type CaptureListener } from './capture/listener';
import { createEndpointsService } from './endpoints';
import { createHealthService, type HealthService } from './health';
import { createCoreEvents, type CoreEvents } from './events';
import { createReplayService } from './replay';
import { createSearchService } from './search/search-service';
import type { CoreService } from './service';
import { createAppSettingsService } from './settings/app-settings-service';
import { openSettingsStore, type SettingsStore } from './settings/settings-store';
import { createSignaturesService, openSecretStore } from './signatures';
import type { SecretEncryptor } from './signatures/secret-store';
import { openCaptureStore } from './store';
import type { CaptureStore } from './store/types';
import { createTunnelService } from './tunnel';
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
  const store = await openCaptureStore({
    dataDir: options.dataDir,
    maxCaptures: settings.section('capture').maxCaptures,
    onEvicted: (ids) => events.emit('capture:removed', { ids }),
  });
  const notices: StoreNotice[] = [...store.notices];
  if (settings.setAsidePath)
    notices.push({
      kind: 'set-aside',
      message: 'The settings file could not be read; defaults are in use.',
      movedTo: settings.setAsidePath,
    });

  // Services that see captures: all exist before the listener takes the first one.
  const captures = createCapturesService({ store, events });
  const endpoints = await createEndpointsService({ dataDir: options.dataDir, store, events, log });
  if (endpoints.setAsidePath)
    notices.push({ kind: 'set-aside', message: 'The endpoints file could not be read; endpoints were reset.', movedTo: endpoints.setAsidePath });
  const search = createSearchService({ store, events });
  const secrets = await openSecretStore({ dataDir: options.dataDir, encryptor: options.encryptor });
  for (const message of secrets.notices) notices.push({ kind: 'secrets', message: `Signing secrets: ${message}.` });
  const health = createHealthService({ store, secrets: (e, p) => secrets.get(e, p), settings, events, log });
  const signatures = await createSignaturesService({ store, dataDir: options.dataDir, secrets, events, log });
  const replay = await createReplayService({
    store,
    dataDir: options.dataDir,
    settings,
    events,
    version: APP_VERSION,
    getSecret: async (endpointId, providerId) => secrets.get(endpointId, providerId),
    forwardTargetFor: endpoints.forwardTargetFor,
  });
  const captureServices: CoreService<object>[] = [captures, endpoints, search, signatures, health, replay];

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
      for (const service of captureServices) {
        try {
          service.onCapture?.(record);
        } catch (err) {
          // The capture is stored and answered; one service's failure must not keep it from the others.
          log(`A service failed on a new capture: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
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
  if (listener.fellBack) log(`Capture port ${listener.requestedPort} is in use; listening on ${listener.port} instead.`);

  // Services that need the listener's ports.
  const tunnel = createTunnelService({
    settings,
    targetPort: listener.tunnelPort!,
    events,
    overrides: options.tunnel,
    log,
  });
  const appSettings = createAppSettingsService({
    settings,
    dataDir: options.dataDir,
    events,
    capture: () => ({ port: listener.port, host: listener.host }),
  });

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
  const statusService: CoreService<StatusMethods> = {
    handlers: {
      async getStatus() {
        return status();
      },
      async dismissStoreNotice(index) {
        if (!Number.isInteger(index) || index < 0 || index >= notices.length)
          throw new HooklensError('invalid_argument', 'No such notice.');
        notices.splice(index, 1);
        events.emit('status:changed', status());
      },
    },
    close: async () => undefined,
  };

  const api: HooklensApi = {
    ...captures.handlers,
    ...endpoints.handlers,
    ...search.handlers,
    ...signatures.handlers,
    ...replay.handlers,
    ...health.handlers,
    ...tunnel.handlers,
    ...appSettings.handlers,
    ...statusService.handlers,
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
      // Reverse order of creation: nothing new arrives (tunnel, listener) before the services that
      // write (replay history, endpoints, secrets) settle, and the store closes last.
      await statusService.close();
      await appSettings.close();
      await tunnel.close();
      await listener.close();
      for (const service of [...captureServices].reverse()) await service.close();
      await store.close();
    },
  };
}
