/* Which capture is open (with its full record) and which are ticked for Compare. */
import type { StateCreator } from 'zustand';
import type { HooklensClient } from '../../../shared/api';
import type { CaptureRecord, CaptureSummary } from '../../../shared/capture';
import type { AppState } from './app-state';
import { withPinned } from './captures-slice';

export interface DetailState {
  id: string;
  record: CaptureRecord | null;
  error: string | null;
}

export interface SelectionSlice {
  selectedId: string | null;
  detail: DetailState | null;
  /** Ids ticked in the list, in the order they were ticked (for Compare). */
  checked: string[];
  selectCapture(id: string | null): Promise<void>;
  toggleChecked(id: string): void;
}

/** The selection without removed captures (null: all of them), to apply in the same update. */
export function selectionWithout(s: SelectionSlice, ids: ReadonlySet<string> | null): Partial<SelectionSlice> {
  const gone = (id: string): boolean => ids === null || ids.has(id);
  return {
    checked: s.checked.filter((id) => !gone(id)),
    ...(s.selectedId && gone(s.selectedId) ? { selectedId: null, detail: null } : {}),
  };
}

/** The open record in step with a changed summary (pinning, health), to apply in the same update. */
export function selectionUpdated(s: SelectionSlice, summary: CaptureSummary): Partial<SelectionSlice> {
  const record = s.detail?.record;
  if (!s.detail || !record || record.id !== summary.id) return {};
  // Health changes too when a secret is stored or removed (its verdict is recomputed).
  const next = withPinned(record, Boolean(summary.pinned));
  if (summary.health) next.health = summary.health;
  else delete next.health;
  return { detail: { ...s.detail, record: next } };
}

export const createSelectionSlice =
  (api: HooklensClient): StateCreator<AppState, [], [], SelectionSlice> =>
  (set, get) => ({
    selectedId: null,
    detail: null,
    checked: [],

    async selectCapture(id) {
      set({ selectedId: id, detail: id ? { id, record: null, error: null } : null });
      get().closeView();
      if (!id) return;
      try {
        const record = await api.getCapture(id);
        if (get().selectedId === id) set({ detail: { id, record, error: null } });
      } catch (err) {
        if (get().selectedId === id) set({ detail: { id, record: null, error: (err as Error).message } });
      }
    },
    toggleChecked(id) {
      set((s) => ({ checked: s.checked.includes(id) ? s.checked.filter((c) => c !== id) : [...s.checked, id] }));
    },
  });
