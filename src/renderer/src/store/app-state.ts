/*
 * The renderer's one store, composed from typed slices (one per concern). Each slice is built
 * around the API client it is given; slices are the only callers of it. `../app-store` binds the
 * store to the real adapter; tests bind it to a core of their own.
 */
import { createStore, type StateCreator, type StoreApi } from 'zustand/vanilla';
import type { HooklensClient } from '../../../shared/api';
import { createCapturesSlice, type CapturesSlice } from './captures-slice';
import { createCheckSlice, type CheckSlice } from './check-slice';
import { createEndpointsSlice, type EndpointsSlice } from './endpoints-slice';
import { createHealthSlice, type HealthSlice } from './health-slice';
import { createReplaySlice, type ReplaySlice } from './replay-slice';
import { createSearchSlice, type SearchSlice } from './search-slice';
import { createSelectionSlice, type SelectionSlice } from './selection-slice';
import { createSettingsSlice, type SettingsSlice } from './settings-slice';
import { createSignaturesSlice, type SignaturesSlice } from './signatures-slice';
import { createStatusSlice, type StatusSlice } from './status-slice';
import { createTestEventsSlice, type TestEventsSlice } from './test-events-slice';
import { createTunnelSlice, type TunnelSlice } from './tunnel-slice';
import { createViewSlice, type ViewSlice } from './view-slice';

export interface LoadSlice {
  /** Loads everything the app shows from the start (again after a reconnect: events may be lost). */
  loadAll(): Promise<void>;
}

export type AppState = CapturesSlice &
  SelectionSlice &
  ViewSlice &
  StatusSlice &
  TunnelSlice &
  EndpointsSlice &
  SearchSlice &
  SettingsSlice &
  ReplaySlice &
  SignaturesSlice &
  CheckSlice &
  HealthSlice &
  TestEventsSlice &
  LoadSlice;

export function createAppState(api: HooklensClient): StateCreator<AppState> {
  return (...a) => ({
    ...createCapturesSlice(api)(...a),
    ...createSelectionSlice(api)(...a),
    ...createViewSlice(api)(...a),
    ...createStatusSlice(api)(...a),
    ...createTunnelSlice(api)(...a),
    ...createEndpointsSlice(api)(...a),
    ...createSearchSlice()(...a),
    ...createSettingsSlice(api)(...a),
    ...createReplaySlice(api)(...a),
    ...createSignaturesSlice(api)(...a),
    ...createCheckSlice(api)(...a),
    ...createHealthSlice(api)(...a),
    ...createTestEventsSlice(api)(...a),
    async loadAll() {
      const s = a[1]();
      const replayed = Object.keys(s.replayHistory).map((key) => s.loadReplayHistory(key || null, true));
      const secrets = Object.keys(s.secrets).map((endpointId) => s.loadSecretStatus(endpointId, true));
      // One failed load must not keep the others from showing.
      // The list first: its requests go out ahead of the others.
      await Promise.allSettled([
        s.runSearch(),
        s.loadStatus(),
        s.loadEndpoints(),
        s.loadAppSettings(),
        s.loadReplaySettings(),
        s.loadForwardAttempts(),
        s.loadProviders(),
        s.loadHealthSettings(),
        ...(s.health ? [s.loadHealth(s.health.endpointId)] : []),
        ...replayed,
        ...secrets,
      ]);
    },
  });
}

export function createAppStore(api: HooklensClient): StoreApi<AppState> {
  return createStore<AppState>()(createAppState(api));
}
