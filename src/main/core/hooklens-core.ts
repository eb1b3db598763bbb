/*
 * Composes the core: settings, store, capture listener and the feature services, and exposes them
 * as one `HooklensApi` plus an event bus. The Electron shell and browser mode both host exactly
 * this object; neither adds behaviour of its own.
 *
 * Every feature is a `CoreService` (./service.ts) built from its dependencies in order: the
 * services that see captures exist before the listener starts, so the first capture reaches all
 * of them; the listener hands each stored capture to every `onCapture`; closing runs in reverse.
 */
import type { HooklensApi } from '../../shared/api';
import type { AppStatus, StatusMethods } from '../../shared/api/status';
import { HooklensError } from '../../shared/errors';
import type { TunnelSettings } from '../../shared/settings';
import { createTestEventsService } from './catalog';
import { createCapturesService } from './capture/captures-service';
import { createCheckService } from './check';
import { startCaptureListener, type CaptureListener } from './capture/listener';
import { createEndpointsService } from './endpoints';
import { createHealthService, type HealthService } from './health';
import { ensurePrivateDir } from './durable-file';
import { createCoreEvents, type CoreEvents } from './events';
import { createNoticeBoard } from './notice-board';
import { createReplayService } from './replay';
import { createSearchService } from './search/search-service';
import type { CoreService } from './service';
import { createAppSettingsService } from './settings/app-settings-service';
import { openSettingsStore, type SettingsStore } from './settings/settings-store';
import { createSignaturesService, openSecretStore } from './signatures';
import type { SecretEncryptor } from './signatures/secret-store';
import { explainStartFailure } from './start-failure';
import { openCaptureStore } from './store';
import type { CaptureStore } from './store/types';
import {
  createPublicUrlChecker,
  createTunnelProbeRoute,
  createTunnelService,
  DEFAULT_SELF_CHECK,
  openTunnelMemory,
  probeChallenge,
  type SelfCheckTiming,
} from './tunnel';
import { APP_VERSION } from './version';

export interface HooklensCoreOptions {
  dataDir: string;
  mode: AppStatus['mode'];
  /** Overrides the capture port from settings (0 = any free port). */
  capturePort?: number;
  captureHost?: string;
  /** Command-line overrides of the persisted tunnel settings (not saved). */
  tunnel?: Partial<TunnelSettings>;
  /** Self-check of the public URL (defaults: every 30 s, 10 s to answer); tests shorten it. */
  tunnelSelfCheck?: Partial<SelfCheckTiming>;
  /**
   * `hooklens listen --forward-to`: every capture is auto-forwarded to this URL (endpoint targets
   * ignored), or to nowhere when null; nothing is saved. Absent: the saved settings decide.
   */
  forwardTo?: string | null;
  /** Encrypts stored secrets where the platform offers it (Electron safeStorage). */
  encryptor?: SecretEncryptor;
  log?: (line: string) => void;
  /** How the user picks another data directory, for start errors ("pass --data-dir"). */
  dataDirHint?: string;
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

/** Starts the core; a failure on the data directory says which path and what to do. */
export async function createHooklensCore(options: HooklensCoreOptions): Promise<HooklensCore> {
  return startCore(options).catch((err: unknown) => {
    throw explainStartFailure(err, options.dataDirHint ?? 'choose another data directory');
  });
}

async function startCore(options: HooklensCoreOptions): Promise<HooklensCore> {
  const log = options.log ?? (() => undefined);
  await ensurePrivateDir(options.dataDir);
  const events = createCoreEvents();
  // One board for every data file's notices; each change is sent as status:changed (wired below).
  const notices = createNoticeBoard();
  const settings = await openSettingsStore(options.dataDir, notices);
  const store = await openCaptureStore({
    dataDir: options.dataDir,
    maxCaptures: settings.section('capture').maxCaptures,
    onEvicted: (ids) => events.emit('capture:removed', { ids }),
    notices,
  });

  // Services that see captures: all exist before the listener takes the first one.
  const captures = createCapturesService({ store, events });
  const endpoints = await createEndpointsService({ dataDir: options.dataDir, store, events, log, notices });
  const search = createSearchService({ store, events });
  const secrets = await openSecretStore({ dataDir: options.dataDir, encryptor: options.encryptor, board: notices });
  const health = createHealthService({ store, secrets: (e, p) => secrets.get(e, p), settings, events, log });
  const signatures = await createSignaturesService({
    store,
    dataDir: options.dataDir,
    secrets,
    events,
    log,
    // Read at check time, once the listener and tunnel below exist.
    origins: () => ({ local: status().captureUrl, public: tunnel.status().url ?? undefined }),
  });
  const replay = await createReplayService({
    store,
    dataDir: options.dataDir,
    settings,
    events,
    version: APP_VERSION,
    getSecret: async (endpointId, providerId) => secrets.get(endpointId, providerId),
    forwardTargetFor: options.forwardTo === undefined ? endpoints.forwardTargetFor : () => null,
    ...(options.forwardTo === undefined
      ? {}
      : {
          overrides:
            options.forwardTo === null
              ? { forwardEnabled: false }
              : { forwardEnabled: true, forwardTarget: options.forwardTo },
        }),
    notices,
  });
  const check = createCheckService({
    store,
    events,
    replay,
    getSecret: async (endpointId, providerId) => secrets.get(endpointId, providerId),
  });
  // Per launch and never written anywhere: only this process can make the tunnel port answer a probe.
  const probeRoute = createTunnelProbeRoute();
  const publicUrlCheck = createPublicUrlChecker(probeRoute, { ...DEFAULT_SELF_CHECK, ...options.tunnelSelfCheck });
  const captureServices: CoreService<object>[] = [
    captures,
    endpoints,
    search,
    signatures,
    health,
    replay,
    check,
    publicUrlCheck,
  ];

  const captureSettings = settings.section('capture');
  const listener: CaptureListener = await startCaptureListener({
    store: health.captureStore(store),
    port: options.capturePort ?? captureSettings.port,
    host: options.captureHost,
    tunnelPort: 0,
    limits: { bodyLimitBytes: captureSettings.bodyLimitBytes },
    route: endpoints.route,
    tunnelSelfAnswer: (url) => {
      const challenge = probeChallenge(probeRoute, url);
      return challenge === null ? null : probeRoute.answer(challenge);
    },
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
    // The store puts the failure on the notice board itself.
    onStoreError: (err) =>
      log(
        `A capture could not be written (answered 503 so the sender retries): ${err instanceof Error ? err.message : String(err)}`,
      ),
  });
  if (listener.fellBack)
    log(`Capture port ${listener.requestedPort} is in use; listening on ${listener.port} instead.`);

  // Services that need the listener's ports.
  const tunnelMemory = await openTunnelMemory(options.dataDir);
  if (tunnelMemory.setAsidePath)
    notices.add({
      kind: 'set-aside',
      message: 'The saved public URL could not be read; the tunnel may get a new one.',
      movedTo: tunnelMemory.setAsidePath,
    });
  const tunnel = createTunnelService({
    settings,
    targetPort: listener.tunnelPort!,
    events,
    overrides: options.tunnel,
    log,
    checker: publicUrlCheck,
    memory: tunnelMemory,
  });
  const appSettings = createAppSettingsService({
    settings,
    dataDir: options.dataDir,
    events,
    capture: () => ({ port: listener.port, host: listener.host }),
  });

  const testEvents = createTestEventsService({
    listEndpoints: () => endpoints.handlers.listEndpoints(),
    captureUrl: () => status().captureUrl,
    replayTargetBase: async () => (await replay.handlers.getReplaySettings()).targetBase,
    getSecret: (endpointId, providerId) => secrets.get(endpointId, providerId),
    storeSecret: (endpointId, providerId, secret) =>
      signatures.handlers.setSignatureSecret(endpointId, providerId, secret),
    sendReplay: (input) => replay.handlers.sendReplay(input),
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
      storeNotices: notices.list(),
      tunnel: tunnel.status(),
    };
  }
  const statusService: CoreService<StatusMethods> = {
    handlers: {
      async getStatus() {
        return status();
      },
      async dismissStoreNotice(index) {
        if (!notices.dismiss(index)) throw new HooklensError('invalid_argument', 'No such notice.');
      },
      async rotateUiToken() {
        // Browser mode's control server answers this itself (serve.ts); the desktop app has no key.
        throw new HooklensError('invalid_argument', 'Only browser mode (hooklens serve) has an access key to rotate.');
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
    ...check.handlers,
    ...health.handlers,
    ...tunnel.handlers,
    ...appSettings.handlers,
    ...testEvents.handlers,
    ...statusService.handlers,
  };
  notices.onChange(() => events.emit('status:changed', status()));

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
      await testEvents.close();
      await appSettings.close();
      await tunnel.close();
      await listener.close();
      for (const service of [...captureServices].reverse()) await service.close();
      await store.close();
    },
  };
}
