/*
 * The capture list (summaries, newest first) and the actions on captures. What is open or ticked
 * belongs to the selection slice; removals here tell it what went away.
 *
 * Deleting is undoable: the rows leave the list at once and the core is asked only when the undo
 * window has passed (or the next delete, or the window closing, commits it sooner). Until then the
 * summaries are held here, so Undo puts them back without a round trip.
 */
import type { StateCreator } from 'zustand';
import type { HooklensClient } from '../../../shared/api';
import type { CaptureSummary } from '../../../shared/capture';
import type { AppState } from './app-state';
import { selectionUpdated, selectionWithout } from './selection-slice';
import { visibleCaptures, withRestored } from './visible-captures';

/** How long a delete can be undone before it is sent to the core. */
export const UNDO_DELETE_MS = 5000;

export interface PendingDelete {
  summaries: CaptureSummary[];
  /** What the toast says, e.g. "Deleted POST /hook" or "Deleted 400 captures". */
  label: string;
  /** The capture that was open, reopened by Undo. */
  selectedId: string | null;
}

export interface CapturesSlice {
  captures: CaptureSummary[];
  capturesLoaded: boolean;
  /** The latest capture announced by the core, for side effects such as desktop notifications. */
  lastArrival: CaptureSummary | null;
  /** Why the latest pin, delete or clear from the list failed. */
  captureActionError: string | null;
  /** A delete still in its undo window. */
  pendingDelete: PendingDelete | null;
  dismissCaptureActionError(): void;
  loadCaptures(): Promise<void>;
  captureAdded(summary: CaptureSummary): void;
  captureUpdated(summary: CaptureSummary): void;
  capturesRemoved(ids: string[]): void;
  capturesCleared(): void;
  /** Removes from the list at once, opens the next row if it was open, and deletes after the undo window. */
  deleteCapture(id: string): Promise<void>;
  deleteCaptures(ids: string[]): Promise<void>;
  undoDelete(): void;
  /** Sends the pending delete now (the undo window closes early). */
  commitDelete(): Promise<void>;
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

/** The visible row to open once `gone` leave: the next one below the open row, else the one above. */
function nextAfter(s: AppState, gone: ReadonlySet<string>): string | null {
  const list = visibleCaptures(s);
  const at = list.findIndex((c) => c.id === s.selectedId);
  if (at === -1) return null;
  for (let i = at + 1; i < list.length; i++) if (!gone.has(list[i].id)) return list[i].id;
  for (let i = at - 1; i >= 0; i--) if (!gone.has(list[i].id)) return list[i].id;
  return null;
}

export const createCapturesSlice =
  (api: HooklensClient): StateCreator<AppState, [], [], CapturesSlice> =>
  (set, get) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stopTimer = (): void => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    };

    return {
      captures: [],
      capturesLoaded: false,
      lastArrival: null,
      captureActionError: null,
      pendingDelete: null,
      dismissCaptureActionError() {
        set({ captureActionError: null });
      },

      async loadCaptures() {
        const captures = await api.listCaptures();
        const pending = get().pendingDelete;
        // A reload during the undo window must not show the rows again.
        const hidden = new Set(pending?.summaries.map((c) => c.id));
        set({ captures: hidden.size ? captures.filter((c) => !hidden.has(c.id)) : captures, capturesLoaded: true });
      },
      captureAdded(summary) {
        set((s) =>
          s.captures.some((c) => c.id === summary.id) ? s : { captures: [summary, ...s.captures], lastArrival: summary },
        );
      },
      captureUpdated(summary) {
        set((s) => ({
          captures: s.captures.map((c) => (c.id === summary.id ? summary : c)),
          ...selectionUpdated(s, summary),
          ...(s.pendingDelete
            ? { pendingDelete: { ...s.pendingDelete, summaries: s.pendingDelete.summaries.map((c) => (c.id === summary.id ? summary : c)) } }
            : {}),
        }));
      },
      capturesRemoved(ids) {
        const gone = new Set(ids);
        set((s) => {
          // Removed elsewhere (another window, retention): nothing left for Undo to bring back.
          const left = s.pendingDelete?.summaries.filter((c) => !gone.has(c.id));
          const pendingDelete = s.pendingDelete && left?.length ? { ...s.pendingDelete, summaries: left } : null;
          if (!pendingDelete) stopTimer();
          return { captures: s.captures.filter((c) => !gone.has(c.id)), pendingDelete, ...selectionWithout(s, gone) };
        });
      },
      capturesCleared() {
        stopTimer();
        set((s) => ({ captures: [], pendingDelete: null, ...selectionWithout(s, null) }));
      },
      async deleteCapture(id) {
        await get().deleteCaptures([id]);
      },
      async deleteCaptures(ids) {
        // One undo at a time: an earlier delete is sent now rather than forgotten.
        const earlier = get().commitDelete();
        const gone = new Set(ids);
        const s = get();
        const summaries = s.captures.filter((c) => gone.has(c.id));
        if (summaries.length === 0) return earlier;
        const wasOpen = s.selectedId && gone.has(s.selectedId) ? s.selectedId : null;
        const next = wasOpen ? nextAfter(s, gone) : null;
        const label = summaries.length === 1 ? `Deleted ${summaries[0].method} ${summaries[0].url}` : `Deleted ${summaries.length.toLocaleString('en-US')} captures`;
        set({
          captures: s.captures.filter((c) => !gone.has(c.id)),
          pendingDelete: { summaries, label, selectedId: wasOpen },
          captureActionError: null,
          ...selectionWithout(s, gone),
        });
        if (next) void get().selectCapture(next);
        timer = setTimeout(() => void get().commitDelete(), UNDO_DELETE_MS);
        await earlier;
      },
      undoDelete() {
        const pending = get().pendingDelete;
        if (!pending) return;
        stopTimer();
        set((s) => ({ captures: withRestored(s.captures, pending.summaries), pendingDelete: null }));
        if (pending.selectedId) void get().selectCapture(pending.selectedId);
      },
      async commitDelete() {
        const pending = get().pendingDelete;
        if (!pending) return;
        stopTimer();
        set({ pendingDelete: null });
        try {
          await api.deleteCaptures(pending.summaries.map((c) => c.id));
        } catch (err) {
          set((s) => ({
            captures: withRestored(s.captures, pending.summaries),
            captureActionError: `Could not delete: ${(err as Error).message}`,
          }));
        }
      },
      async clearCaptures() {
        stopTimer();
        set({ pendingDelete: null });
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
    };
  };
