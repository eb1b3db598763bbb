/*
 * Search filters over the capture list. Matching runs in the core (bodies live there) and comes back
 * one window at a time, like the unfiltered list: the captures slice fetches the view's rows through
 * `searchCaptures` while a filter is set. A capture that arrives meanwhile is judged from its summary
 * when that is enough (./search-match), and otherwise the view is fetched again.
 */
import type { StateCreator } from 'zustand';
import type { CaptureQuery, StatusClass, TimeRange } from '../../../shared/api/search';
import { isActiveQuery } from '../../../shared/search/capture-search';
import type { AppState } from './app-state';
import { EMPTY_HEALTH_FILTERS } from './health-slice';

export interface SearchFilters {
  text: string;
  method: string;
  status: StatusClass | '';
  provider: string;
  range: TimeRange;
}

export const EMPTY_FILTERS: SearchFilters = { text: '', method: '', status: '', provider: '', range: 'all' };

export interface SearchSlice {
  filters: SearchFilters;
  searchError: string | null;
  /** Resolves once the list shows the new filters' matches. */
  setFilters(patch: Partial<SearchFilters>): Promise<void>;
  /** Every filter off, the endpoint picker back on all endpoints. */
  resetFilters(): void;
  /** Fetches the view's rows for the current filters. */
  runSearch(): Promise<void>;
  /** Resolves once the latest search started has shown its rows (at once when none is running). */
  searchSettled(): Promise<void>;
}

export function toQuery(f: SearchFilters): CaptureQuery {
  return {
    text: f.text,
    method: f.method || undefined,
    status: f.status || undefined,
    provider: f.provider || undefined,
    range: f.range,
  };
}

/** True while a filter narrows the list. */
export function searchActive(s: Pick<SearchSlice, 'filters'>): boolean {
  return isActiveQuery(toQuery(s.filters));
}

export const createSearchSlice = (): StateCreator<AppState, [], [], SearchSlice> => (set, get) => {
  let seq = 0;
  let latest: Promise<void> = Promise.resolve();
  return {
    filters: EMPTY_FILTERS,
    searchError: null,

    setFilters(patch) {
      set((s) => ({ filters: { ...s.filters, ...patch } }));
      return get().runSearch();
    },
    resetFilters() {
      get().setActiveEndpoint(null);
      get().setHealthFilters(EMPTY_HEALTH_FILTERS);
      void get().setFilters(EMPTY_FILTERS);
    },
    runSearch() {
      const mine = ++seq;
      latest = (async () => {
        try {
          await get().loadCaptures();
          if (mine === seq) set({ searchError: null });
        } catch (err) {
          if (mine === seq) set({ searchError: err instanceof Error ? err.message : String(err) });
        }
      })();
      return latest;
    },
    searchSettled() {
      return latest;
    },
  };
};
