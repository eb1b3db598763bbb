/*
 * The app's store, bound to the real API adapter (IPC or HTTP). Components read it through narrow
 * selectors and call its actions; only the slices (./store) call the adapter.
 */
import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { api, onConnectionChange } from './api/client';
import { createAppState, type AppState } from './store/app-state';
import { connectStore as connect } from './store/event-table';

export type { AppState };

export const useAppStore = create<AppState>()(createAppState(api));

/**
 * Several fields of the store under their own names, re-rendering only when one of them changes
 * (compared shallowly). A derived value still takes its own `useAppStore(selector)`.
 */
export function useAppFields<K extends keyof AppState>(...keys: K[]): Pick<AppState, K> {
  return useAppStore(
    useShallow((s) => {
      const picked = {} as Pick<AppState, K>;
      for (const k of keys) picked[k] = s[k];
      return picked;
    }),
  );
}

/** Subscribes the store to core events once and loads the initial state. */
export function connectStore(): () => void {
  return connect(api, useAppStore, { onConnectionChange });
}
