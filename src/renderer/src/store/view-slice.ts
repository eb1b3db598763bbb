/*
 * What the main pane shows (the open capture, a comparison of two, or the import view) and which
 * workbench dialog is open. A comparison needs both full records; they are fetched here (the older one
 * on the left), the diff runs in the view.
 */
import type { StateCreator } from 'zustand';
import type { HooklensClient } from '../../../shared/api';
import type { CaptureRecord } from '../../../shared/capture';
import type { AppState } from './app-state';

export type ImportSource = 'har' | 'curl';

export type MainView =
  | { kind: 'captures' }
  | { kind: 'compare'; leftId: string; rightId: string }
  | { kind: 'import'; source: ImportSource }
  | { kind: 'health' };

export type WorkbenchDialog = 'settings' | 'endpoints' | 'shortcuts' | 'test-event';

export type ComparePair =
  | { status: 'loading'; leftId: string; rightId: string }
  | { status: 'error'; leftId: string; rightId: string; message: string }
  | { status: 'ready'; leftId: string; rightId: string; left: CaptureRecord; right: CaptureRecord };

export interface ViewSlice {
  view: MainView;
  comparePair: ComparePair | null;
  dialog: WorkbenchDialog | null;
  openCompare(leftId: string, rightId: string): Promise<void>;
  openImport(source: ImportSource): void;
  /** The health view; which scope it shows is the health slice's. */
  openHealthView(): void;
  /** Back to the open capture (or the list's placeholder). */
  closeView(): void;
  openDialog(dialog: WorkbenchDialog): void;
  closeDialog(): void;
}

/** Ids are time-sortable, so they settle captures received within the same millisecond. */
function isOlder(a: CaptureRecord, b: CaptureRecord): boolean {
  const ta = Date.parse(a.receivedAt);
  const tb = Date.parse(b.receivedAt);
  return ta !== tb ? ta < tb : a.id < b.id;
}

export const createViewSlice =
  (api: HooklensClient): StateCreator<AppState, [], [], ViewSlice> =>
  (set, get) => ({
    view: { kind: 'captures' },
    comparePair: null,
    dialog: null,

    async openCompare(leftId, rightId) {
      set({ view: { kind: 'compare', leftId, rightId }, comparePair: { status: 'loading', leftId, rightId } });
      const current = (): boolean => {
        const p = get().comparePair;
        return p?.leftId === leftId && p.rightId === rightId;
      };
      try {
        const [first, second] = await Promise.all([api.getCapture(leftId), api.getCapture(rightId)]);
        // The older capture goes left whatever order the boxes were ticked in, so changes read
        // old → new and the time between is positive.
        const [left, right] = isOlder(second, first) ? [second, first] : [first, second];
        if (current()) set({ comparePair: { status: 'ready', leftId, rightId, left, right } });
      } catch (err) {
        if (current()) set({ comparePair: { status: 'error', leftId, rightId, message: (err as Error).message } });
      }
    },
    openImport(source) {
      set({ view: { kind: 'import', source }, comparePair: null });
    },
    openHealthView() {
      set({ view: { kind: 'health' }, comparePair: null });
    },
    closeView() {
      if (get().view.kind === 'captures') return;
      set({ view: { kind: 'captures' }, comparePair: null });
    },
    openDialog(dialog) {
      set({ dialog });
    },
    closeDialog() {
      set({ dialog: null });
    },
  });
