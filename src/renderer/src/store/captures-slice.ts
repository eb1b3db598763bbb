/*
 * The capture list and the actions on captures. The list is the current view (active endpoint and
 * search) held as rows fetched on demand (./capture-rows): the list component says which rows are
 * on screen, and only their pages are asked for. New captures go on top at once when their summary
 * settles whether they belong to the view; otherwise the rows on screen are fetched again (one fetch
 * for a burst). What is open or ticked belongs to the selection slice; removals here tell it what went away.
 */
import type { StateCreator } from 'zustand';
import type { HooklensClient } from '../../../shared/api';
import type { CapturePage } from '../../../shared/api/captures';
import type { CaptureSummary } from '../../../shared/capture';
import { isHealthFilterActive, passesHealthFilters } from '../../../shared/health-filters';
import { isActiveQuery } from '../../../shared/search/capture-search';
import type { AppState } from './app-state';
import { missingPages, PAGE_ROWS, withNewest, withoutRows, withPage, type Rows } from './capture-rows';
import { matchFromSummary } from './search-match';
import { toQuery } from './search-slice';
import { selectionUpdated, selectionWithout } from './selection-slice';

/** How long a burst of captures the view cannot judge alone is gathered before one refetch covers them. */
export const REFRESH_DELAY_MS = 60;

export interface CapturesSlice {
  /** The view's rows, newest first; `undefined` where a row is not fetched yet. */
  rows: Rows;
  /** Every stored capture, whatever the view shows. */
  captureTotal: number;
  capturesLoaded: boolean;
  /** The latest capture announced by the core, for side effects such as desktop notifications. */
  lastArrival: CaptureSummary | null;
  /** Why the latest pin, delete or clear from the list failed. */
  captureActionError: string | null;
  dismissCaptureActionError(): void;
  /** Fetches the view again from the top (and the stored total); keeps the rows on screen fetched. */
  loadCaptures(): Promise<void>;
  /** Rows [start, end) are on screen: fetches the pages among them not fetched yet. */
  showRows(start: number, end: number): Promise<void>;
  captureAdded(summary: CaptureSummary): void;
  captureUpdated(summary: CaptureSummary): void;
  capturesRemoved(ids: string[]): void;
  capturesCleared(): void;
  deleteCapture(id: string): Promise<void>;
  clearCaptures(): Promise<void>;
  setPinned(id: string, pinned: boolean): Promise<void>;
}

/** The summary with the flag set or removed (an unpinned record carries no `pinned` key). */
export function withPinned<T extends { pinned?: boolean }>(item: T, pinned: boolean): T {
  const next = { ...item };
  if (pinned) next.pinned = true;
  else delete next.pinned;
  return next;
}

/** Whether a capture belongs to the view: true or false when its summary settles it, null when only the core can tell. */
export function inView(s: AppState, summary: CaptureSummary): boolean | null {
  if (s.activeEndpointId && summary.endpointId !== s.activeEndpointId) return false;
  if (!passesHealthFilters(summary, s.healthFilters)) return false;
  const query = toQuery(s.filters);
  return isActiveQuery(query) ? matchFromSummary(query, summary) : true;
}

export const createCapturesSlice =
  (api: HooklensClient): StateCreator<AppState, [], [], CapturesSlice> =>
  (set, get) => {
    // A new view (endpoint, search, a refetch) makes answers asked for under the old one stale.
    let generation = 0;
    // Captures put on top since the start: an answer asked for at `shift` lands that much lower.
    let shift = 0;
    const inFlight = new Set<string>();
    let onScreen: [number, number] = [0, PAGE_ROWS];
    let refreshTimer: ReturnType<typeof setTimeout> | undefined;
    // A delete is applied from its answer and again from its event: the second must not count twice.
    let removedIds = new Set<string>();

    const fetchWindow = (offset: number, limit: number): Promise<CapturePage> => {
      const s = get();
      const endpointId = s.activeEndpointId ?? undefined;
      const query = toQuery(s.filters);
      const health = isHealthFilterActive(s.healthFilters) ? s.healthFilters : undefined;
      return isActiveQuery(query)
        ? api.searchCaptures({ ...query, endpointId }, { offset, limit, health })
        : api.listCaptures({ endpointId, offset, limit, health });
    };

    const fetchPage = async (page: number): Promise<void> => {
      const key = `${generation}:${page}`;
      if (inFlight.has(key)) return;
      inFlight.add(key);
      const mine = generation;
      const shiftAt = shift;
      try {
        const answer = await fetchWindow(page * PAGE_ROWS, PAGE_ROWS);
        if (mine === generation) set((s) => ({ rows: withPage(s.rows, answer, shift - shiftAt) }));
      } finally {
        inFlight.delete(key);
      }
    };

    const refreshSoon = (): void => {
      refreshTimer ??= setTimeout(() => {
        refreshTimer = undefined;
        void get().loadCaptures().catch(() => undefined);
      }, REFRESH_DELAY_MS);
    };

    return {
      rows: [],
      captureTotal: 0,
      capturesLoaded: false,
      lastArrival: null,
      captureActionError: null,
      dismissCaptureActionError() {
        set({ captureActionError: null });
      },

      async loadCaptures() {
        clearTimeout(refreshTimer);
        refreshTimer = undefined;
        generation += 1;
        const mine = generation;
        const shiftAt = shift;
        const [start, end] = onScreen;
        const pages = new Set([0, Math.floor(start / PAGE_ROWS), Math.floor(Math.max(start, end - 1) / PAGE_ROWS)]);
        const [all, ...answers] = await Promise.all([
          api.listCaptures({ limit: 0 }),
          ...[...pages].map((page) => fetchWindow(page * PAGE_ROWS, PAGE_ROWS)),
        ]);
        if (mine !== generation) return;
        // The view starts over: rows off screen are fetched again when scrolled to.
        let rows: Rows = [];
        for (const answer of answers) rows = withPage(rows, answer, shift - shiftAt);
        set({ rows, captureTotal: all.total + (shift - shiftAt), capturesLoaded: true });
      },
      async showRows(start, end) {
        onScreen = [start, end];
        await Promise.all(missingPages(get().rows, start, end).map(fetchPage));
      },
      captureAdded(summary) {
        const s = get();
        set({ captureTotal: s.captureTotal + 1, lastArrival: summary });
        const verdict = inView(s, summary);
        if (verdict === null) return refreshSoon();
        if (!verdict) return;
        const rows = withNewest(s.rows, summary);
        if (!rows) return;
        shift += 1;
        set({ rows });
      },
      captureUpdated(summary) {
        set((s) => ({
          rows: s.rows.map((c) => (c?.id === summary.id ? summary : c)),
          ...selectionUpdated(s, summary),
        }));
      },
      capturesRemoved(ids) {
        const fresh = ids.filter((id) => !removedIds.has(id));
        if (fresh.length === 0) return;
        if (removedIds.size > 10_000) removedIds = new Set();
        fresh.forEach((id) => removedIds.add(id));
        const gone = new Set(fresh);
        const { rows, removed } = withoutRows(get().rows, gone);
        set((s) => ({ rows, captureTotal: Math.max(0, s.captureTotal - fresh.length), ...selectionWithout(s, gone) }));
        // The others may sit among the rows not fetched (or outside the view): only the core knows.
        if (removed < fresh.length) refreshSoon();
      },
      capturesCleared() {
        generation += 1;
        set((s) => ({ rows: [], captureTotal: 0, ...selectionWithout(s, null) }));
      },
      async deleteCapture(id) {
        await api.deleteCapture(id);
        get().capturesRemoved([id]);
      },
      async clearCaptures() {
        await api.clearCaptures();
        get().capturesCleared();
      },
      async setPinned(id, pinned) {
        const before = get().rows.find((c) => c?.id === id);
        // Shown at once; `capture:updated` confirms, a refusal puts the row back as it was.
        if (before) get().captureUpdated(withPinned(before, pinned));
        set({ captureActionError: null });
        try {
          await api.setPinned(id, pinned);
        } catch (err) {
          if (before) get().captureUpdated(before);
          set({ captureActionError: `Could not ${pinned ? 'pin' : 'unpin'} the capture: ${(err as Error).message}` });
          throw err;
        }
      },
    };
  };
