/*
 * Named endpoints and which one the list shows. The core announces every change with
 * `endpoints:changed`; the answers of create/update/delete are applied at once as well, so a view
 * that acts on its own change (open the endpoint just created) need not wait for the event.
 */
import type { StateCreator } from 'zustand';
import type { HooklensClient } from '../../../shared/api';
import type { Endpoint, EndpointPatch, NewEndpoint } from '../../../shared/api/endpoints';
import type { AppState } from './app-state';

export interface EndpointsSlice {
  endpoints: Endpoint[];
  /** Null shows the captures of every endpoint. */
  activeEndpointId: string | null;
  loadEndpoints(): Promise<void>;
  endpointsChanged(endpoints: Endpoint[]): void;
  /** Switches the list to one endpoint (null: all) and fetches its rows. */
  setActiveEndpoint(id: string | null): void;
  /** How many captures an endpoint holds (asked of the core: the list holds only what is on screen). */
  countCaptures(endpointId: string): Promise<number>;
  createEndpoint(input: NewEndpoint): Promise<Endpoint>;
  /** Rejects with the core's (field) error. */
  updateEndpoint(id: string, patch: EndpointPatch): Promise<Endpoint>;
  deleteEndpoint(id: string): Promise<{ removedCaptures: number }>;
}

export const createEndpointsSlice =
  (api: HooklensClient): StateCreator<AppState, [], [], EndpointsSlice> =>
  (set, get) => ({
    endpoints: [],
    activeEndpointId: null,

    async loadEndpoints() {
      get().endpointsChanged(await api.listEndpoints());
    },
    endpointsChanged(endpoints) {
      const before = get().activeEndpointId;
      const active = before && endpoints.some((e) => e.id === before) ? before : null;
      set({ endpoints, activeEndpointId: active });
      if (active !== before) void get().runSearch();
    },
    setActiveEndpoint(id) {
      set({ activeEndpointId: id });
      void get().runSearch();
    },
    async countCaptures(endpointId) {
      return (await api.listCaptures({ endpointId, limit: 0 })).total;
    },
    async createEndpoint(input) {
      const created = await api.createEndpoint(input);
      set((s) => (s.endpoints.some((e) => e.id === created.id) ? s : { endpoints: [...s.endpoints, created] }));
      return created;
    },
    async updateEndpoint(id, patch) {
      const updated = await api.updateEndpoint(id, patch);
      set((s) => ({ endpoints: s.endpoints.map((e) => (e.id === updated.id ? updated : e)) }));
      return updated;
    },
    async deleteEndpoint(id) {
      const result = await api.deleteEndpoint(id);
      get().endpointsChanged(get().endpoints.filter((e) => e.id !== id));
      return result;
    },
  });
