/*
 * App status and the data-file notices. The tunnel part of `AppStatus` is owned by the tunnel
 * slice, so it is split off here rather than held twice.
 */
import type { StateCreator } from 'zustand';
import type { HooklensClient } from '../../../shared/api';
import type { AppStatus } from '../../../shared/api/status';
import type { AppState } from './app-state';

export type CoreStatus = Omit<AppStatus, 'tunnel'>;

/** Browser mode's link to `hooklens serve`: `denied` when its access key is missing, wrong or rotated. */
export type ConnectionState = 'connected' | 'disconnected' | 'denied';

export interface StatusSlice {
  status: CoreStatus | null;
  connection: ConnectionState;
  /** The address with the new key, after this tab rotated it (to copy into other tabs or scripts). */
  rotatedUiUrl: string | null;
  loadStatus(): Promise<void>;
  statusChanged(status: AppStatus): void;
  setConnection(state: ConnectionState): void;
  /** Browser mode: replaces the access key; this tab keeps working, other tabs are refused. */
  rotateUiToken(): Promise<void>;
  /** The core answers with `status:changed`, which removes the notice here. */
  dismissNotice(index: number): Promise<void>;
}

export const createStatusSlice =
  (api: HooklensClient): StateCreator<AppState, [], [], StatusSlice> =>
  (set, get) => ({
    status: null,
    connection: 'connected',
    rotatedUiUrl: null,
    async loadStatus() {
      get().statusChanged(await api.getStatus());
    },
    statusChanged({ tunnel, ...status }) {
      set({ status });
      get().tunnelChanged(tunnel);
    },
    setConnection(connection) {
      set({ connection });
    },
    async rotateUiToken() {
      const { uiUrl } = await api.rotateUiToken();
      set({ rotatedUiUrl: uiUrl });
    },
    async dismissNotice(index) {
      await api.dismissStoreNotice(index);
    },
  });
