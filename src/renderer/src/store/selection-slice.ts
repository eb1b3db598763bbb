/* Which capture is open (with its full record) and which are ticked for Compare. */
import type { StateCreator } from 'zustand';
import type { HooklensClient } from '../../../shared/api';
import type { CaptureRecord, CaptureSummary } from '../../../shared/capture';
import type { AppState } from './app-state';
import { indexOfRow } from './capture-rows';
import { withPinned } from './capture-view';

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
  /** Opens the row at `index` of the list (clamped), fetching its page first when it is not fetched; resolves with its id. */
  selectRow(index: number): Promise<string | null>;
  /** Opens the row `delta` rows from the open one (the first or last when none is open); resolves with its id. */
  moveSelection(delta: number): Promise<string | null>;
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
    async selectRow(index) {
      const total = get().rows.length;
      if (total === 0) return null;
      const at = Math.min(total - 1, Math.max(0, index));
      if (!get().rows[at]) await get().showRows(at, at + 1);
      const row = get().rows[at];
      if (!row) return null;
      void get().selectCapture(row.id);
      return row.id;
    },
    moveSelection(delta) {
      const s = get();
      const at = indexOfRow(s.rows, s.selectedId);
      return s.selectRow(at === -1 ? (delta > 0 ? 0 : s.rows.length - 1) : at + delta);
    },
    toggleChecked(id) {
      set((s) => ({ checked: s.checked.includes(id) ? s.checked.filter((c) => c !== id) : [...s.checked, id] }));
    },
  });
