/*
 * A clock many components read at once: one interval per tick length, started by the first reader
 * and stopped by the last, read through useSyncExternalStore (so a list of rows runs one timer).
 */
import { useSyncExternalStore } from 'react';

export function createSharedClock(tickMs: number): () => number {
  let now = Date.now();
  const listeners = new Set<() => void>();
  let timer: ReturnType<typeof setInterval> | undefined;

  const subscribe = (listener: () => void): (() => void) => {
    listeners.add(listener);
    timer ??= setInterval(() => {
      now = Date.now();
      listeners.forEach((l) => l());
    }, tickMs);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && timer) {
        clearInterval(timer);
        timer = undefined;
      }
    };
  };
  const read = (): number => now;
  return () => useSyncExternalStore(subscribe, read);
}
