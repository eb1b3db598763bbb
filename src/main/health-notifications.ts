/*
 * Health alerts as desktop notifications in the Electron shell. Clicking one brings the window
 * forward and tells the renderer which capture to show (`health:alert-opened`); browser mode has
 * no shell, and the renderer shows the same alert as an in-app toast instead.
 */
import { Notification, type BrowserWindow } from 'electron';
import type { HooklensCore } from './core/hooklens-core';

export function notifyHealthAlerts(core: HooklensCore, getWindow: () => BrowserWindow | null): () => void {
  return core.events.on('health:alert', (alert) => {
    if (!Notification.isSupported()) return;
    const note = new Notification({ title: 'Hooklens: webhook health', body: alert.message });
    note.on('click', () => {
      const win = getWindow();
      if (win && !win.isDestroyed()) {
        if (win.isMinimized()) win.restore();
        win.show();
        win.focus();
      }
      core.events.emit('health:alert-opened', alert);
    });
    note.show();
  });
}
