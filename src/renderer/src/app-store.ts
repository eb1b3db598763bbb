/*
 * The app's store, bound to the real API adapter (IPC or HTTP). Components read it through narrow
 * selectors and call its actions; only the slices (./store) call the adapter.
 */
import { create } from 'zustand';
import { api, onConnectionChange } from './api/client';
import { createAppState, type AppState } from './store/app-state';
import { connectStore as connect } from './store/event-table';

export type { AppState };

export const useAppStore = create<AppState>()(createAppState(api));

/** Subscribes the store to core events once and loads the initial state. */
export function connectStore(): () => void {
  return connect(api, useAppStore, { onConnectionChange });
}
