/*
 * Workbench state: endpoints, the active endpoint, search filters and their matches, the settings
 * the dialog edits, and which workbench dialog is open. Text search runs in the core (bodies live
 * there); this slice keeps the set of matching ids and re-runs the query as captures arrive.
 */
import type { StateCreator } from 'zustand';
import type { AppSettingsPatch, AppSettingsView } from '../../../shared/api/app-settings';
import type { Endpoint } from '../../../shared/api/endpoints';
import type { StatusClass, TimeRange } from '../../../shared/api/search';
import { isActiveQuery } from '../../../shared/search/capture-search';
import { api, onConnectionChange } from '../api/client';
import type { AppState } from '../app-store';

export interface SearchFilters {
  text: string;
  method: string;
  status: StatusClass | '';
  provider: string;
  range: TimeRange;
}

export type WorkbenchDialog = 'settings' | 'endpoints' | 'shortcuts';

export const EMPTY_FILTERS: SearchFilters = { text: '', method: '', status: '', provider: '', range: 'all' };

export interface WorkbenchSlice {
  endpoints: Endpoint[];
  /** Null shows the captures of every endpoint. */
  activeEndpointId: string | null;
  filters: SearchFilters;
  /** Ids matching the filters; null when no filter is set. */
  matchIds: Set<string> | null;
  searchError: string | null;
  workbenchSettings: AppSettingsView | null;
  dialog: WorkbenchDialog | null;
  loadEndpoints(): Promise<void>;
  endpointsChanged(endpoints: Endpoint[]): void;
  setActiveEndpoint(id: string | null): void;
  setFilters(patch: Partial<SearchFilters>): void;
  runSearch(): Promise<void>;
  loadWorkbenchSettings(): Promise<void>;
  workbenchSettingsChanged(view: AppSettingsView): void;
  /** Saves and applies; rejects with the core's error (field errors included). */
  updateWorkbenchSettings(patch: AppSettingsPatch): Promise<void>;
  openDialog(dialog: WorkbenchDialog): void;
  closeDialog(): void;
}

let searchSeq = 0;
let settingsSeq = 0;

function toQuery(f: SearchFilters) {
  return {
    text: f.text,
    method: f.method || undefined,
    status: f.status || undefined,
    provider: f.provider || undefined,
    range: f.range,
  };
}

export const createWorkbenchSlice: StateCreator<AppState, [], [], WorkbenchSlice> = (set, get) => ({
  endpoints: [],
  activeEndpointId: null,
  filters: EMPTY_FILTERS,
  matchIds: null,
  searchError: null,
  workbenchSettings: null,
  dialog: null,

  async loadEndpoints() {
    set({ endpoints: await api.listEndpoints() });
  },
  endpointsChanged(endpoints) {
    set((s) => ({
      endpoints,
      activeEndpointId: s.activeEndpointId && endpoints.some((e) => e.id === s.activeEndpointId) ? s.activeEndpointId : null,
    }));
  },
  setActiveEndpoint(id) {
    set({ activeEndpointId: id });
  },
  setFilters(patch) {
    set((s) => ({ filters: { ...s.filters, ...patch } }));
    void get().runSearch();
  },
  async runSearch() {
    const seq = ++searchSeq;
    const query = toQuery(get().filters);
    if (!isActiveQuery(query)) {
      set({ matchIds: null, searchError: null });
      return;
    }
    try {
      const result = await api.searchCaptures(query);
      if (seq === searchSeq) set({ matchIds: new Set(result.ids), searchError: null });
    } catch (err) {
      if (seq === searchSeq) set({ searchError: err instanceof Error ? err.message : String(err) });
    }
  },
  async loadWorkbenchSettings() {
    set({ workbenchSettings: await api.getAppSettings() });
  },
  workbenchSettingsChanged(view) {
    set({ workbenchSettings: view });
  },
  async updateWorkbenchSettings(patch) {
    // Applied at once so the theme switch and the pane width feel instant; the saved view follows.
    set((s) =>
      s.workbenchSettings && patch.ui ? { workbenchSettings: { ...s.workbenchSettings, ui: { ...s.workbenchSettings.ui, ...patch.ui } } } : s,
    );
    const seq = ++settingsSeq;
    try {
      const view = await api.updateAppSettings(patch);
      // Answers can overtake each other (a drag saves often): only the latest call's view counts.
      if (seq === settingsSeq) set({ workbenchSettings: view });
    } catch (err) {
      if (seq === settingsSeq) void get().loadWorkbenchSettings();
      throw err;
    }
  },
  openDialog(dialog) {
    set({ dialog });
  },
  closeDialog() {
    set({ dialog: null });
  },
});

/** Subscribes the workbench state to core events and loads it; returns the unsubscribe. */
export function connectWorkbench(store: { getState(): AppState }): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const researchSoon = (): void => {
    if (!store.getState().matchIds) return;
    clearTimeout(timer);
    timer = setTimeout(() => void store.getState().runSearch(), 60);
  };
  const offs = [
    api.on('endpoints:changed', (list) => store.getState().endpointsChanged(list)),
    api.on('app-settings:changed', (v) => store.getState().workbenchSettingsChanged(v)),
    api.on('capture:added', researchSoon),
    // Events may have been missed while disconnected: reload rather than guess.
    onConnectionChange((connected) => {
      if (!connected) return;
      void store.getState().loadEndpoints();
      void store.getState().loadWorkbenchSettings();
      void store.getState().runSearch();
    }),
  ];
  void store.getState().loadEndpoints();
  void store.getState().loadWorkbenchSettings();
  return () => {
    clearTimeout(timer);
    offs.forEach((off) => off());
  };
}
