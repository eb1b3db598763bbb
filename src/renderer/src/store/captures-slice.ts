/*
 * The capture list and the actions on captures. The list is the current view (active endpoint and
 * search) held as rows fetched on demand (./capture-rows): the list component says which rows are
 * on screen, and only their pages are asked for. New captures go on top at once when their summary
 * settles whether they belong to the view; otherwise the rows on screen are fetched again (one fetch
 * for a burst). What is open or ticked belongs to the selection slice; removals here tell it what went away.
 *
 * Deleting is undoable: the rows leave the list at once and the core is asked only when the undo
 * window has passed (or the next delete, or the window closing, commits it sooner). Until then the
 * summaries are held here and pages fetched meanwhile are cut without them; Undo fetches the view again.
 */
import type { StateCreator } from 'zustand';
import type { HooklensClient } from '../../../shared/api';
import { MAX_PAGE_ROWS, type CaptureFacets, type CapturePage } from '../../../shared/api/captures';
import type { CaptureSummary } from '../../../shared/capture';
import { isHealthFilterActive } from '../../../shared/health-filters';
import { isActiveQuery } from '../../../shared/search/capture-search';
import type { AppState } from './app-state';
import {
  indexOfRow,
  missingPages,
  PAGE_ROWS,
  withNewest,
  withoutRows,
  withPage,
  withRestoredRows,
  type Rows,
} from './capture-rows';
import { inView, withoutPending, withPinned, type PendingDelete } from './capture-view';
import { toQuery } from './search-slice';
import { selectionUpdated, selectionWithout } from './selection-slice';

/** How long a delete can be undone before it is sent to the core. */
export const UNDO_DELETE_MS = 5000;

/** How long a burst of captures the view cannot judge alone is gathered before one refetch covers them. */
export const REFRESH_DELAY_MS = 60;

/** How long health updates and removals are gathered before the facets are counted again. */
export const FACETS_DELAY_MS = 250;

export const NO_FACETS: CaptureFacets = { eventTypes: [], duplicates: 0, duplicateGroups: {} };

export interface CapturesSlice {
  /** The view's rows, newest first; `undefined` where a row is not fetched yet. */
  rows: Rows;
  /** Every stored capture, whatever the view shows. */
  captureTotal: number;
  /** Event types and duplicate counts over every stored capture of the active endpoint, from the core. */
  facets: CaptureFacets;
  capturesLoaded: boolean;
  /** The latest capture announced by the core, for side effects such as desktop notifications. */
  lastArrival: CaptureSummary | null;
  /** Why the latest pin, delete or clear from the list failed. */
  captureActionError: string | null;
  /** A delete still in its undo window. */
  pendingDelete: PendingDelete | null;
  dismissCaptureActionError(): void;
  /** Fetches the view again from the top (and the stored total); keeps the rows on screen fetched. */
  loadCaptures(): Promise<void>;
  /** Counts the facets again (the active endpoint's). */
  loadFacets(): Promise<void>;
  /** Rows [start, end) are on screen: fetches the pages among them not fetched yet. */
  showRows(start: number, end: number): Promise<void>;
  captureAdded(summary: CaptureSummary): void;
  captureUpdated(summary: CaptureSummary): void;
  capturesRemoved(ids: string[]): void;
  capturesCleared(): void;
  /** Removes from the list at once, opens the next row if it was open, and deletes after the undo window. */
  deleteCapture(id: string): Promise<void>;
  deleteCaptures(ids: string[]): Promise<void>;
  /** Deletes every capture of the view (undoable), fetched in windows since most rows are not on screen. */
  deleteShown(): Promise<void>;
  undoDelete(): void;
  /** Sends the pending delete now (the undo window closes early). */
  commitDelete(): Promise<void>;
  clearCaptures(): Promise<void>;
  setPinned(id: string, pinned: boolean): Promise<void>;
}

/** Runs `run` once, `ms` after the first call of a burst (a background load: its rejection is ignored). */
function coalesced(ms: number, run: () => Promise<unknown>): { soon(): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    soon() {
      timer ??= setTimeout(() => {
        timer = undefined;
        void run().catch(() => undefined);
      }, ms);
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
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
    let facetsSeq = 0;
    // The endpoint the facets were counted for; a view change within it (search, health) keeps them.
    let facetsScope: string | null | undefined;
    // A delete is applied from its answer and again from its event: the second must not count twice.
    let removedIds = new Set<string>();
    /*
     * A capture's event can reach the window after a load whose total already counts it (events and
     * answers travel apart). Ids sort by arrival, so the newest id a load saw tells the captures it
     * counted from those it did not; `announced` holds the ids of events while a load is out.
     */
    let countedThrough = '';
    let announced: string[] | null = null;
    let undoTimer: ReturnType<typeof setTimeout> | undefined;
    const stopUndoTimer = (): void => {
      if (undoTimer !== undefined) clearTimeout(undoTimer);
      undoTimer = undefined;
    };

    const fetchWindow = async (offset: number, limit: number): Promise<CapturePage> => {
      const s = get();
      const endpointId = s.activeEndpointId ?? undefined;
      const query = toQuery(s.filters);
      const health = isHealthFilterActive(s.healthFilters) ? s.healthFilters : undefined;
      const answer = await (isActiveQuery(query)
        ? api.searchCaptures({ ...query, endpointId }, { offset, limit, health })
        : api.listCaptures({ endpointId, offset, limit, health }));
      // Rows deleted in the undo window are still stored: the page must not show them again.
      return withoutPending(get(), answer, get().pendingDelete);
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

    const refresh = coalesced(REFRESH_DELAY_MS, () => get().loadCaptures());
    const refreshSoon = refresh.soon;
    const facetsSoon = coalesced(FACETS_DELAY_MS, () => get().loadFacets()).soon;

    /** Takes the captures out of the list at once and holds them for Undo; the core is asked after the window. */
    const deleteSummaries = async (summaries: CaptureSummary[]): Promise<void> => {
      // One undo at a time: an earlier delete is sent now rather than forgotten.
      const earlier = get().commitDelete();
      if (summaries.length === 0) return earlier;
      const gone = new Set(summaries.map((c) => c.id));
      const s = get();
      const wasOpen = s.selectedId && gone.has(s.selectedId) ? s.selectedId : null;
      const openAt = wasOpen ? indexOfRow(s.rows, wasOpen) : -1;
      const { rows } = withoutRows(s.rows, gone);
      // The row that was open is gone: the next one takes its place (the last: the one before).
      const nextAt =
        openAt === -1 ? -1 : Math.min(openAt - withoutRows(s.rows.slice(0, openAt), gone).removed, rows.length - 1);
      // Counted as gone now; the core's removal event for them must not count them again.
      summaries.forEach((c) => removedIds.add(c.id));
      const label =
        summaries.length === 1
          ? `Deleted ${summaries[0].method} ${summaries[0].url}`
          : `Deleted ${summaries.length.toLocaleString('en-US')} captures`;
      set({
        rows,
        captureTotal: Math.max(0, s.captureTotal - summaries.length),
        pendingDelete: { summaries, label, selectedId: wasOpen },
        captureActionError: null,
        ...selectionWithout(s, gone),
      });
      if (nextAt >= 0 && rows.length > 0) void get().selectRow(nextAt);
      undoTimer = setTimeout(() => void get().commitDelete(), UNDO_DELETE_MS);
      await earlier;
    };

    /**
     * The pending captures back in the list: put among the fetched rows at once (so Undo needs no
     * round trip), then the view is fetched again so they land exactly where the core orders them.
     */
    const restore = (pending: PendingDelete): Promise<void> => {
      pending.summaries.forEach((c) => removedIds.delete(c.id));
      set((s) => ({
        rows: withRestoredRows(
          s.rows,
          pending.summaries.filter((c) => inView(s, c) !== false),
        ),
        captureTotal: s.captureTotal + pending.summaries.length,
      }));
      facetsSoon();
      return get()
        .loadCaptures()
        .catch(() => undefined);
    };

    return {
      rows: [],
      captureTotal: 0,
      facets: NO_FACETS,
      capturesLoaded: false,
      lastArrival: null,
      captureActionError: null,
      pendingDelete: null,
      dismissCaptureActionError() {
        set({ captureActionError: null });
      },

      async loadCaptures() {
        refresh.cancel();
        generation += 1;
        const mine = generation;
        const shiftAt = shift;
        const [start, end] = onScreen;
        const pages = new Set([0, Math.floor(start / PAGE_ROWS), Math.floor(Math.max(start, end - 1) / PAGE_ROWS)]);
        const s = get();
        // An unfiltered view's total is the stored total: the pages carry it, no call of its own.
        const narrowed =
          s.activeEndpointId !== null || isActiveQuery(toQuery(s.filters)) || isHealthFilterActive(s.healthFilters);
        const seen: string[] = [];
        announced = seen;
        let answered: [CapturePage | null, ...CapturePage[]];
        try {
          answered = await Promise.all([
            narrowed ? api.listCaptures({ limit: 1 }) : null,
            ...[...pages].map((page) => fetchWindow(page * PAGE_ROWS, PAGE_ROWS)),
          ]);
        } finally {
          if (announced === seen) announced = null;
        }
        const [all, ...answers] = answered;
        if (mine !== generation) return;
        // The view starts over: rows off screen are fetched again when scrolled to.
        let rows: Rows = [];
        for (const answer of answers) rows = withPage(rows, answer, shift - shiftAt);
        const pending = get().pendingDelete?.summaries.length ?? 0;
        // Unfiltered, the pages were cut without the pending delete's rows already.
        const stored = all ? Math.max(0, all.total - pending) : answers[0].total;
        // The newest capture stored when the total was taken (page 0 of an unfiltered view is the newest).
        const newest = (all ?? answers[0]).items[0]?.id ?? '';
        if (newest > countedThrough) countedThrough = newest;
        const later = seen.filter((id) => id > newest).length;
        set({ rows, captureTotal: stored + later, capturesLoaded: true });
        // Counted once the rows are in, so the first page does not wait behind a walk of every capture.
        if (facetsScope !== get().activeEndpointId)
          void get()
            .loadFacets()
            .catch(() => undefined);
      },
      async loadFacets() {
        const mine = ++facetsSeq;
        const endpointId = get().activeEndpointId;
        facetsScope = endpointId;
        const facets = await api.captureFacets(endpointId ? { endpointId } : {});
        if (mine === facetsSeq) set({ facets });
      },
      async showRows(start, end) {
        onScreen = [start, end];
        await Promise.all(missingPages(get().rows, start, end).map(fetchPage));
      },
      captureAdded(summary) {
        const s = get();
        announced?.push(summary.id);
        set({ captureTotal: summary.id > countedThrough ? s.captureTotal + 1 : s.captureTotal, lastArrival: summary });
        if (summary.health) facetsSoon();
        const verdict = inView(s, summary);
        if (verdict === null) return refreshSoon();
        if (!verdict) return;
        const rows = withNewest(s.rows, summary);
        if (!rows) return;
        shift += 1;
        set({ rows });
      },
      captureUpdated(summary) {
        facetsSoon();
        set((s) => ({
          rows: s.rows.map((c) => (c?.id === summary.id ? summary : c)),
          ...selectionUpdated(s, summary),
          ...(s.pendingDelete
            ? {
                pendingDelete: {
                  ...s.pendingDelete,
                  summaries: s.pendingDelete.summaries.map((c) => (c.id === summary.id ? summary : c)),
                },
              }
            : {}),
        }));
      },
      capturesRemoved(ids) {
        facetsSoon();
        const gone = new Set(ids);
        const pending = get().pendingDelete;
        if (pending?.summaries.some((c) => gone.has(c.id))) {
          // Removed elsewhere (another window, retention): nothing left for Undo to bring back.
          const left = pending.summaries.filter((c) => !gone.has(c.id));
          if (left.length === 0) stopUndoTimer();
          set({ pendingDelete: left.length ? { ...pending, summaries: left } : null });
        }
        const fresh = ids.filter((id) => !removedIds.has(id));
        if (fresh.length === 0) return;
        if (removedIds.size > 10_000) removedIds = new Set();
        fresh.forEach((id) => removedIds.add(id));
        const freshGone = new Set(fresh);
        const { rows, removed } = withoutRows(get().rows, freshGone);
        set((s) => ({
          rows,
          captureTotal: Math.max(0, s.captureTotal - fresh.length),
          ...selectionWithout(s, freshGone),
        }));
        // The others may sit among the rows not fetched (or outside the view): only the core knows.
        if (removed < fresh.length) refreshSoon();
      },
      capturesCleared() {
        generation += 1;
        stopUndoTimer();
        set((s) => ({
          rows: [],
          captureTotal: 0,
          facets: NO_FACETS,
          pendingDelete: null,
          ...selectionWithout(s, null),
        }));
      },
      async deleteCapture(id) {
        await get().deleteCaptures([id]);
      },
      async deleteCaptures(ids) {
        const wanted = new Set(ids);
        const pending = new Set(get().pendingDelete?.summaries.map((c) => c.id));
        await deleteSummaries(
          get().rows.filter((c): c is CaptureSummary => !!c && wanted.has(c.id) && !pending.has(c.id)),
        );
      },
      async deleteShown() {
        const total = get().rows.length;
        const byId = new Map<string, CaptureSummary>();
        for (let offset = 0; offset < total; offset += MAX_PAGE_ROWS) {
          const page = await fetchWindow(offset, MAX_PAGE_ROWS);
          page.items.forEach((c) => byId.set(c.id, c));
          if (page.items.length === 0) break;
        }
        await deleteSummaries([...byId.values()]);
      },
      undoDelete() {
        const pending = get().pendingDelete;
        if (!pending) return;
        stopUndoTimer();
        set({ pendingDelete: null });
        void restore(pending);
        if (pending.selectedId) void get().selectCapture(pending.selectedId);
      },
      async commitDelete() {
        const pending = get().pendingDelete;
        if (!pending) return;
        stopUndoTimer();
        set({ pendingDelete: null });
        try {
          await api.deleteCaptures(pending.summaries.map((c) => c.id));
        } catch (err) {
          set({ captureActionError: `Could not delete: ${(err as Error).message}` });
          await restore(pending);
        }
      },
      async clearCaptures() {
        stopUndoTimer();
        set({ pendingDelete: null });
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
