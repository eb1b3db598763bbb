/*
 * One zustand store built from typed slices (one per concern); components read it through narrow
 * selectors. Every call to the core goes through `api` (./api/client).
 */
import { create } from 'zustand';
import { api, onConnectionChange } from './api/client';
import { createCapturesSlice, type CapturesSlice } from './store/captures-slice';
import { createStatusSlice, type StatusSlice } from './store/status-slice';
import { createViewSlice, type ViewSlice } from './store/view-slice';
import { createWorkbenchSlice, type WorkbenchSlice } from './store/workbench-slice';

export type AppState = CapturesSlice & StatusSlice & ViewSlice & WorkbenchSlice;

export const useAppStore = create<AppState>()((...a) => ({
  ...createCapturesSlice(...a),
  ...createStatusSlice(...a),
  ...createViewSlice(...a),
  ...createWorkbenchSlice(...a),
}));

/** Subscribes the store to core events once, then loads the initial state. */
export function connectStore(): () => void {
  const s = useAppStore.getState();
  const offs = [
    api.on('capture:added', (c) => useAppStore.getState().captureAdded(c)),
    api.on('capture:updated', (c) => useAppStore.getState().captureUpdated(c)),
    api.on('capture:removed', ({ ids }) => useAppStore.getState().capturesRemoved(ids)),
    api.on('capture:cleared', () => useAppStore.getState().capturesCleared()),
    api.on('status:changed', (st) => useAppStore.getState().statusChanged(st)),
    api.on('tunnel:changed', (t) => useAppStore.getState().tunnelChanged(t)),
    onConnectionChange((connected) => {
      useAppStore.getState().setConnected(connected);
      // After a reconnect, events may have been missed: reload rather than guess.
      if (connected) void Promise.all([useAppStore.getState().loadCaptures(), useAppStore.getState().loadStatus()]);
    }),
  ];
  void s.loadStatus();
  void s.loadCaptures();
  return () => offs.forEach((off) => off());
}
