import type { StateCreator } from 'zustand';
import type { CaptureRecord, CaptureSummary } from '../../../shared/capture';
import { api } from '../api/client';
import type { AppState } from '../app-store';

export interface DetailState {
  id: string;
  record: CaptureRecord | null;
  error: string | null;
}

export interface CapturesSlice {
  captures: CaptureSummary[];
  capturesLoaded: boolean;
  selectedId: string | null;
  detail: DetailState | null;
  /** Ids ticked in the list, in the order they were ticked (for Compare). */
  checked: string[];
  loadCaptures(): Promise<void>;
  captureAdded(summary: CaptureSummary): void;
  captureUpdated(summary: CaptureSummary): void;
  capturesRemoved(ids: string[]): void;
  capturesCleared(): void;
  selectCapture(id: string | null): Promise<void>;
  toggleChecked(id: string): void;
  deleteCapture(id: string): Promise<void>;
  clearCaptures(): Promise<void>;
}

export const createCapturesSlice: StateCreator<AppState, [], [], CapturesSlice> = (set, get) => ({
  captures: [],
  capturesLoaded: false,
  selectedId: null,
  detail: null,
  checked: [],

  async loadCaptures() {
    const captures = await api.listCaptures();
    set({ captures, capturesLoaded: true });
  },
  captureAdded(summary) {
    set((s) => (s.captures.some((c) => c.id === summary.id) ? s : { captures: [summary, ...s.captures] }));
  },
  captureUpdated(summary) {
    set((s) => ({ captures: s.captures.map((c) => (c.id === summary.id ? summary : c)) }));
  },
  capturesRemoved(ids) {
    const gone = new Set(ids);
    set((s) => ({
      captures: s.captures.filter((c) => !gone.has(c.id)),
      checked: s.checked.filter((id) => !gone.has(id)),
      ...(s.selectedId && gone.has(s.selectedId) ? { selectedId: null, detail: null } : {}),
    }));
  },
  capturesCleared() {
    set({ captures: [], checked: [], selectedId: null, detail: null });
  },
  async selectCapture(id) {
    set({ selectedId: id, detail: id ? { id, record: null, error: null } : null, view: { kind: 'captures' } });
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
  async deleteCapture(id) {
    await api.deleteCapture(id);
    get().capturesRemoved([id]);
  },
  async clearCaptures() {
    await api.clearCaptures();
    get().capturesCleared();
  },
});
