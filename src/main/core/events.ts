/*
 * The core's typed event bus. Every event here is relayed unchanged to the renderer: over IPC in
 * the Electron shell, over server-sent events in browser mode.
 */
import type { ApiEventName, HooklensEvents } from '../../shared/api';

type Listener = <E extends ApiEventName>(event: E, payload: HooklensEvents[E]) => void;

export interface CoreEvents {
  emit<E extends ApiEventName>(event: E, payload: HooklensEvents[E]): void;
  /** Receives every event; returns an unsubscribe function. */
  onAny(listener: Listener): () => void;
  on<E extends ApiEventName>(event: E, listener: (payload: HooklensEvents[E]) => void): () => void;
}

export function createCoreEvents(): CoreEvents {
  const listeners = new Set<Listener>();
  return {
    emit(event, payload) {
      for (const l of [...listeners]) {
        try {
          l(event, payload);
        } catch {
          // One broken subscriber (a closed SSE socket, a destroyed window) must not stop the rest.
        }
      }
    },
    onAny(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    on(event, listener) {
      const wrapped: Listener = (e, p) => {
        if ((e as string) === event) listener(p as unknown as HooklensEvents[typeof event]);
      };
      listeners.add(wrapped);
      return () => listeners.delete(wrapped);
    },
  };
}
