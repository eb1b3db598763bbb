/*
 * "12 s ago" that stays true: every mounted instance reads one shared clock ticking every 5 s,
 * so a 10k-row list does not run 10k timers (only the visible rows are mounted anyway).
 */
import { useSyncExternalStore } from 'react';
import { relativeTime } from '../../lib/format';

const TICK_MS = 5_000;
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  timer ??= setInterval(() => {
    now = Date.now();
    listeners.forEach((l) => l());
  }, TICK_MS);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

export function RelativeTime({ iso }: { iso: string }): React.JSX.Element {
  const t = useSyncExternalStore(subscribe, () => now);
  return <>{relativeTime(iso, t)}</>;
}
