/*
 * Desktop notifications for captures that arrive while the window is in the background. The web
 * Notification API works in both shells (Electron maps it to native notifications). Bursts are
 * coalesced: one notification per burst, saying how many arrived.
 */
import { useEffect } from 'react';
import type { CaptureSummary } from '../../../../shared/capture';
import { useAppStore } from '../../app-store';
import { pathOf } from '../../lib/query-params';

const COALESCE_MS = 1_500;

export function notificationsSupported(): boolean {
  return typeof window !== 'undefined' && 'Notification' in window;
}

/** Saves the choice; turning it on asks the browser for permission (this must follow a click). */
export async function setNotificationsEnabled(enabled: boolean): Promise<void> {
  if (enabled && notificationsSupported() && Notification.permission === 'default') {
    await Notification.requestPermission().catch(() => 'denied');
  }
  await useAppStore.getState().updateAppSettings({ ui: { notifications: enabled } });
}

export function useCaptureNotifications(): void {
  useEffect(() => {
    let pending: CaptureSummary[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = (): void => {
      timer = undefined;
      const batch = pending;
      pending = [];
      if (batch.length === 0 || document.hasFocus()) return;
      const first = batch[0];
      const endpoint = useAppStore.getState().endpoints.find((e) => e.id === first.endpointId);
      const title = batch.length === 1 ? `${first.method} ${pathOf(first.url)}` : `${batch.length} new requests`;
      const n = new Notification(title, {
        body:
          batch.length === 1
            ? `${endpoint?.name ?? 'Default'} · answered ${first.status}`
            : `Latest: ${first.method} ${pathOf(first.url)}`,
        tag: 'hooklens-capture',
      });
      n.onclick = () => {
        window.focus();
        void useAppStore.getState().selectCapture(first.id);
      };
    };
    // New captures reach the store through the event table; this only reacts to the arrival.
    const off = useAppStore.subscribe((state, prev) => {
      const c = state.lastArrival;
      if (!c || c === prev.lastArrival) return;
      const ui = useAppStore.getState().appSettings?.ui;
      if (!ui?.notifications || !notificationsSupported() || Notification.permission !== 'granted') return;
      if (document.hasFocus()) return;
      pending.unshift(c);
      timer ??= setTimeout(flush, COALESCE_MS);
    });
    return () => {
      off();
      clearTimeout(timer);
    };
  }, []);
}
