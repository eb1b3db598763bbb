/* The app settings the settings dialog edits (ports, retention, theme, notifications, pane width). */
import type { StateCreator } from 'zustand';
import type { HooklensClient } from '../../../shared/api';
import type { AppSettingsPatch, AppSettingsView } from '../../../shared/api/app-settings';
import type { AppState } from './app-state';
import { createOptimisticSaver } from './optimistic-save';

export interface SettingsSlice {
  appSettings: AppSettingsView | null;
  loadAppSettings(): Promise<void>;
  appSettingsChanged(view: AppSettingsView): void;
  /** Saves and applies; rejects with the core's error (field errors included). */
  updateAppSettings(patch: AppSettingsPatch): Promise<void>;
}

export const createSettingsSlice =
  (api: HooklensClient): StateCreator<AppState, [], [], SettingsSlice> =>
  (set, get) => {
    const saver = createOptimisticSaver<AppSettingsView, AppSettingsPatch>({
      read: () => get().appSettings,
      write: (appSettings) => set({ appSettings }),
      // UI choices apply at once so the theme switch and the pane width feel instant; ports and the
      // retention cap wait for the core to accept them.
      apply: (view, patch) => (patch.ui ? { ...view, ui: { ...view.ui, ...patch.ui } } : view),
      send: (patch) => api.updateAppSettings(patch),
    });
    return {
      appSettings: null,
      async loadAppSettings() {
        saver.received(await api.getAppSettings());
      },
      appSettingsChanged(view) {
        saver.received(view);
      },
      updateAppSettings: (patch) => saver.save(patch),
    };
  };
