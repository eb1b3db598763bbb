/*
 * App status and the data-file notices. The tunnel part of `AppStatus` is owned by the tunnel
 * slice, so it is split off here rather than held twice.
 */
import type { StateCreator } from 'zustand';
import type { HooklensClient } from '../../../shared/api';
import type { AppStatus } from '../../../shared/api/status';
import type { AppState } from './app-state';

export type CoreStatus = Omit<AppStatus, 'tunnel'>;

export interface StatusSlice {
  status: CoreStatus | null;
  /** False while the browser-mode event stream is down. */
  connected: boolean;
  loadStatus(): Promise<void>;
  statusChanged(status: AppStatus): void;
  setConnected(connected: boolean): void;
  /** The core answers with `status:changed`, which removes the notice here. */
  dismissNotice(index: number): Promise<void>;
}

export const createStatusSlice =
  (api: HooklensClient): StateCreator<AppState, [], [], StatusSlice> =>
  (set, get) => ({
    status: null,
    connected: true,
    async loadStatus() {
      get().statusChanged(await api.getStatus());
    },
    statusChanged({ tunnel, ...status }) {
      set({ status });
      get().tunnelChanged(tunnel);
    },
    setConnected(connected) {
      set({ connected });
    },
    async dismissNotice(index) {
      await api.dismissStoreNotice(index);
    },
  });
