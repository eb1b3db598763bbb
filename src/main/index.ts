/*
 * The Electron shell: one window, IPC derived from the contract, nothing else. All behaviour is in
 * the core; this file only hosts it in a hardened window.
 */
import { app, BrowserWindow, dialog, ipcMain, safeStorage, shell, type IpcMainInvokeEvent } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_METHOD_NAMES, IPC_EVENT_CHANNEL, ipcChannel } from '../shared/api';
import { dispatchApiCall } from './api-dispatch';
import { createHooklensCore, type HooklensCore } from './core/hooklens-core';
import { notifyHealthAlerts } from './health-notifications';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererIndex = path.join(here, '../renderer/index.html');
const devServerUrl = process.env.ELECTRON_RENDERER_URL;

let core: HooklensCore | null = null;
let mainWindow: BrowserWindow | null = null;

/** Only our own page may call the core: a navigated-away or injected frame gets nothing. */
function trustedSender(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url ?? '';
  if (devServerUrl) return url.startsWith(devServerUrl);
  try {
    return fileURLToPath(url) === rendererIndex;
  } catch {
    return false;
  }
}

function registerIpc(c: HooklensCore): void {
  for (const method of API_METHOD_NAMES) {
    ipcMain.handle(ipcChannel(method), async (event, args: unknown) => {
      if (!trustedSender(event)) return { ok: false, error: { code: 'forbidden', message: 'Untrusted sender.' } };
      return dispatchApiCall(c.api, method, args);
    });
  }
  c.events.onAny((name, payload) => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(IPC_EVENT_CHANNEL, name, payload);
  });
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 500,
    title: 'Hooklens',
    show: false,
    webPreferences: {
      preload: path.join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  // The app is one page: any navigation is either a bug or captured content trying to escape.
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  if (devServerUrl) void win.loadURL(devServerUrl);
  else void win.loadFile(rendererIndex);
  return win;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  void app.whenReady().then(async () => {
    core = await createHooklensCore({
      dataDirHint: 'set HOOKLENS_DATA_DIR to another directory',
      dataDir: process.env.HOOKLENS_DATA_DIR || app.getPath('userData'),
      mode: 'electron',
      capturePort: process.env.HOOKLENS_CAPTURE_PORT ? Number(process.env.HOOKLENS_CAPTURE_PORT) : undefined,
      encryptor: {
        isAvailable: () => safeStorage.isEncryptionAvailable(),
        encrypt: (plain) => safeStorage.encryptString(plain),
        decrypt: (cipher) => safeStorage.decryptString(cipher),
      },
      log: (line) => console.error(line),
    }).catch((err: unknown) => {
      dialog.showErrorBox('Hooklens cannot start', err instanceof Error ? err.message : String(err));
      app.exit(1);
      return null;
    });
    if (!core) return;
    registerIpc(core);
    notifyHealthAlerts(core, () => mainWindow);
    mainWindow = createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', (event) => {
    if (!core) return;
    const c = core;
    core = null;
    event.preventDefault();
    void c.close().finally(() => app.quit());
  });
}
