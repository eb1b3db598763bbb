/*
 * The capture list (summaries, newest first) and the actions on captures. What is open or ticked
 * belongs to the selection slice; removals here tell it what went away.
 */
import type { StateCreator } from 'zustand';
import type { HooklensClient } from '../../../shared/api';
import type { CaptureSummary } from '../../../shared/capture';
import type { AppState } from './app-state';
import { selectionUpdated, selectionWithout } from './selection-slice';

export interface CapturesSlice {
  captures: CaptureSummary[];
  capturesLoaded: boolean;
  /** The latest capture announced by the core, for side effects such as desktop notifications. */
  lastArrival: CaptureSummary | null;
  /** Why the latest pin, delete or clear from the list failed. */
  captureActionError: string | null;
  dismissCaptureActionError(): void;
  loadCaptures(): Promise<void>;
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

export const createCapturesSlice =
  (api: HooklensClient): StateCreator<AppState, [], [], CapturesSlice> =>
  (set, get) => ({
    captures: [],
    capturesLoaded: false,
    lastArrival: null,
    captureActionError: null,
    dismissCaptureActionError() {
      set({ captureActionError: null });
    },

    async loadCaptures() {
      const captures = await api.listCaptures();
      set({ captures, capturesLoaded: true });
    },
    captureAdded(summary) {
      set((s) =>
        s.captures.some((c) => c.id === summary.id) ? s : { captures: [summary, ...s.captures], lastArrival: summary },
      );
    },
    captureUpdated(summary) {
      set((s) => ({ captures: s.captures.map((c) => (c.id === summary.id ? summary : c)), ...selectionUpdated(s, summary) }));
    },
    capturesRemoved(ids) {
      const gone = new Set(ids);
      set((s) => ({ captures: s.captures.filter((c) => !gone.has(c.id)), ...selectionWithout(s, gone) }));
    },
    capturesCleared() {
      set((s) => ({ captures: [], ...selectionWithout(s, null) }));
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
      const before = get().captures.find((c) => c.id === id);
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
  });
