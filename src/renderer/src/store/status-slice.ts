import type { StateCreator } from 'zustand';
import type { AppStatus } from '../../../shared/api/status';
import type { TunnelStatus } from '../../../shared/api/tunnel';
import { api } from '../api/client';
import type { AppState } from '../app-store';

export interface StatusSlice {
  status: AppStatus | null;
  /** False while the browser-mode event stream is down. */
  connected: boolean;
  loadStatus(): Promise<void>;
  statusChanged(status: AppStatus): void;
  tunnelChanged(tunnel: TunnelStatus): void;
  setConnected(connected: boolean): void;
  dismissNotice(index: number): Promise<void>;
}

export const createStatusSlice: StateCreator<AppState, [], [], StatusSlice> = (set) => ({
  status: null,
  connected: true,
  async loadStatus() {
    set({ status: await api.getStatus() });
  },
  statusChanged(status) {
    set({ status });
  },
  tunnelChanged(tunnel) {
    set((s) => (s.status ? { status: { ...s.status, tunnel } } : s));
  },
  setConnected(connected) {
    set({ connected });
  },
  async dismissNotice(index) {
    await api.dismissStoreNotice(index);
    set({ status: await api.getStatus() });
  },
});
