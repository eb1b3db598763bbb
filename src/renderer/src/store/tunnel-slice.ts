/* The public URL: tunnel status (kept current by `tunnel:changed`), its settings, and its actions. */
import type { StateCreator } from 'zustand';
import type { HooklensClient } from '../../../shared/api';
import type { TunnelSettingsView, TunnelStatus } from '../../../shared/api/tunnel';
import type { TunnelSettings } from '../../../shared/settings';
import type { AppState } from './app-state';

export interface TunnelSlice {
  tunnel: TunnelStatus | null;
  tunnelSettings: TunnelSettingsView | null;
  tunnelChanged(tunnel: TunnelStatus): void;
  setTunnelEnabled(enabled: boolean): Promise<void>;
  reconnectTunnel(): Promise<void>;
  dismissTunnelUrlChange(): Promise<void>;
  /** Probes the public URL now; the result arrives as the status's `check`. */
  testTunnel(): Promise<void>;
  loadTunnelSettings(): Promise<void>;
  /** Rejects with the core's refusal (bad host or subdomain). */
  updateTunnelSettings(patch: Partial<TunnelSettings>): Promise<void>;
}

export const createTunnelSlice =
  (api: HooklensClient): StateCreator<AppState, [], [], TunnelSlice> =>
  (set, get) => ({
    tunnel: null,
    tunnelSettings: null,
    tunnelChanged(tunnel) {
      set({ tunnel });
    },
    async setTunnelEnabled(enabled) {
      get().tunnelChanged(await api.setTunnelEnabled(enabled));
    },
    async reconnectTunnel() {
      get().tunnelChanged(await api.reconnectTunnel());
    },
    async dismissTunnelUrlChange() {
      get().tunnelChanged(await api.dismissTunnelUrlChange());
    },
    async testTunnel() {
      get().tunnelChanged(await api.testTunnel());
    },
    async loadTunnelSettings() {
      set({ tunnelSettings: await api.getTunnelSettings() });
    },
    async updateTunnelSettings(patch) {
      set({ tunnelSettings: await api.updateTunnelSettings(patch) });
    },
  });
