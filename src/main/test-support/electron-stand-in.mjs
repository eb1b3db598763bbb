// The `electron` module the built shell sees in tests. Each loaded shell gets its own instance of
// this module, bound to the recorder the harness (shell-harness.ts) installed just before.
const recorder = globalThis[Symbol.for('hooklens.electronStandIn')];
if (!recorder) throw new Error('electron stand-in loaded without a recorder (load the shell through shell-harness.ts)');

export const app = recorder.app;
export const ipcMain = recorder.ipcMain;
export const shell = recorder.shell;
export const safeStorage = recorder.safeStorage;
export const Notification = recorder.Notification;
export const dialog = recorder.dialog;
export const BrowserWindow = new Proxy(function BrowserWindow() {}, {
  construct: (_target, args) => recorder.createWindow(...args),
  get: (_target, name) => recorder.BrowserWindowStatics[name],
});
export default { app, ipcMain, shell, safeStorage, dialog, BrowserWindow, Notification };
