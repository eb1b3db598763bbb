import type { StateCreator } from 'zustand';
import type { AppState } from '../app-store';

export type MainView = { kind: 'captures' } | { kind: 'compare'; leftId: string; rightId: string };

export interface ViewSlice {
  view: MainView;
  openCompare(leftId: string, rightId: string): void;
  closeCompare(): void;
}

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set) => ({
  view: { kind: 'captures' },
  openCompare(leftId, rightId) {
    set({ view: { kind: 'compare', leftId, rightId } });
  },
  closeCompare() {
    set({ view: { kind: 'captures' } });
  },
});
