/* The app settings the settings dialog edits (ports, retention, theme, notifications, pane width). */
import type { StateCreator } from 'zustand';
import type { HooklensClient } from '../../../shared/api';
import type { WorkbenchSettingsPatch, WorkbenchSettingsView } from '../../../shared/api/endpoints';
import type { AppState } from './app-state';
import { createOptimisticSaver } from './optimistic-save';

export interface SettingsSlice {
  workbenchSettings: WorkbenchSettingsView | null;
  loadWorkbenchSettings(): Promise<void>;
  workbenchSettingsChanged(view: WorkbenchSettingsView): void;
  /** Saves and applies; rejects with the core's error (field errors included). */
  updateWorkbenchSettings(patch: WorkbenchSettingsPatch): Promise<void>;
}

export const createSettingsSlice =
  (api: HooklensClient): StateCreator<AppState, [], [], SettingsSlice> =>
  (set, get) => {
    const saver = createOptimisticSaver<WorkbenchSettingsView, WorkbenchSettingsPatch>({
      read: () => get().workbenchSettings,
      write: (workbenchSettings) => set({ workbenchSettings }),
      // UI choices apply at once so the theme switch and the pane width feel instant; ports and the
      // retention cap wait for the core to accept them.
      apply: (view, patch) => (patch.ui ? { ...view, ui: { ...view.ui, ...patch.ui } } : view),
      send: (patch) => api.updateWorkbenchSettings(patch),
    });
    return {
      workbenchSettings: null,
      async loadWorkbenchSettings() {
        saver.received(await api.getWorkbenchSettings());
      },
      workbenchSettingsChanged(view) {
        saver.received(view);
      },
      updateWorkbenchSettings: (patch) => saver.save(patch),
    };
  };
