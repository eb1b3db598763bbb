/*
 * The only bridge between the sandboxed renderer and the main process. It exposes one object,
 * `window.hooklens`, whose methods are derived from the contract's method list: one fixed channel
 * per method, no generic invoke, no raw ipcRenderer.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_METHOD_NAMES, IPC_EVENT_CHANNEL, ipcChannel, type ApiEventName, type HooklensEvents } from '../shared/api';
import type { ApiOutcome } from '../shared/api/transport';

type EventListener = (payload: unknown) => void;
const listeners = new Map<ApiEventName, Set<EventListener>>();

ipcRenderer.on(IPC_EVENT_CHANNEL, (_event, name: ApiEventName, payload: unknown) => {
  for (const l of listeners.get(name) ?? []) l(payload);
});

const bridge: Record<string, unknown> = {};
for (const method of API_METHOD_NAMES) {
  // Outcomes travel as data: Electron would otherwise flatten thrown errors into message strings.
  bridge[method] = (...args: unknown[]) => ipcRenderer.invoke(ipcChannel(method), args) as Promise<ApiOutcome>;
}
bridge.on = <E extends ApiEventName>(event: E, listener: (payload: HooklensEvents[E]) => void) => {
  const set = listeners.get(event) ?? new Set<EventListener>();
  set.add(listener as EventListener);
  listeners.set(event, set);
  return () => set.delete(listener as EventListener);
};

contextBridge.exposeInMainWorld('hooklens', bridge);
