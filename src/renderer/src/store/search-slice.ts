/*
 * Search filters over the capture list and the ids that match them. Text search runs in the core
 * (bodies live there); a capture that arrives while a search is active is judged from its summary
 * when that is enough, and only otherwise re-searched (one search for a burst).
 */
import type { StateCreator } from 'zustand';
import type { HooklensClient } from '../../../shared/api';
import type { CaptureQuery, StatusClass, TimeRange } from '../../../shared/api/search';
import type { CaptureSummary } from '../../../shared/capture';
import { isActiveQuery } from '../../../shared/search/capture-search';
import type { AppState } from './app-state';
import { EMPTY_HEALTH_FILTERS } from './health-slice';
import { matchFromSummary } from './search-match';

export interface SearchFilters {
  text: string;
  method: string;
  status: StatusClass | '';
  provider: string;
  range: TimeRange;
}

export const EMPTY_FILTERS: SearchFilters = { text: '', method: '', status: '', provider: '', range: 'all' };

/** How long a burst of undecided captures is gathered before one search covers them all. */
export const RESEARCH_DELAY_MS = 60;

export interface SearchSlice {
  filters: SearchFilters;
  /** Ids matching the filters; null when no filter is set. */
  matchIds: ReadonlySet<string> | null;
  searchError: string | null;
  /** Resolves once the list shows the new filters' matches. */
  setFilters(patch: Partial<SearchFilters>): Promise<void>;
  /** Every filter off, the endpoint picker back on all endpoints. */
  resetFilters(): void;
  runSearch(): Promise<void>;
  searchCaptureAdded(summary: CaptureSummary): void;
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

export const createSearchSlice =
  (api: HooklensClient): StateCreator<AppState, [], [], SearchSlice> =>
  (set, get) => {
    let seq = 0;
    // Matches found locally while the latest search was in flight: its answer may predate them.
    let localSinceSearch = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | undefined;

    return {
      filters: EMPTY_FILTERS,
      matchIds: null,
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
      async runSearch() {
        clearTimeout(timer);
        timer = undefined;
        const mine = ++seq;
        localSinceSearch = new Set();
        const query = toQuery(get().filters);
        if (!isActiveQuery(query)) {
          set({ matchIds: null, searchError: null });
          return;
        }
        try {
          const result = await api.searchCaptures(query);
          if (mine === seq) set({ matchIds: new Set([...result.ids, ...localSinceSearch]), searchError: null });
        } catch (err) {
          if (mine === seq) set({ searchError: err instanceof Error ? err.message : String(err) });
        }
      },
      searchCaptureAdded(summary) {
        const { matchIds, filters } = get();
        if (!matchIds) return;
        const verdict = matchFromSummary(toQuery(filters), summary);
        if (verdict === false) return;
        if (verdict === true) {
          localSinceSearch.add(summary.id);
          set({ matchIds: new Set([summary.id, ...matchIds]) });
          return;
        }
        timer ??= setTimeout(() => void get().runSearch(), RESEARCH_DELAY_MS);
      },
    };
  };
