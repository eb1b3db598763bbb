/*
 * Runs the built Electron shell (out/main/index.js) without the Electron binary: `electron`
 * resolves to a stand-in (electron-stand-in.mjs, through a module resolve hook) that records what
 * the shell asks of app, BrowserWindow, ipcMain, shell and safeStorage, and lets a test play
 * Electron's part: call an IPC handler as a given frame, fire window events, quit.
 *
 * The shell is loaded with Node's own loader (not a test runner's transform), once per call, as a
 * fresh module instance, so each test gets its own core and data directory.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { register } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const OUT_DIR = path.resolve(import.meta.dirname, '../../../out');
export const SHELL_ENTRY = path.join(OUT_DIR, 'main', 'index.js');

type Listener = (...args: unknown[]) => unknown;
export type IpcHandler = (event: unknown, ...args: unknown[]) => Promise<unknown>;

export interface RecordedWindow {
  options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>;
  loadedFile: string | null;
  loadedUrl: string | null;
  /** Everything sent to the page with webContents.send, in order. */
  sent: unknown[][];
  /** Called for each webContents.send (the IPC e2e forwards them to a real page). */
  onSend: ((channel: string, ...args: unknown[]) => void) | null;
  webContentsListeners: Map<string, Listener[]>;
  windowListeners: Map<string, Listener[]>;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null;
  shown: boolean;
}

export interface RecordedNotification {
  title: string;
  body: string;
  click(): void;
}

export interface LoadedShell {
  dataDir: string;
  /** ipcMain.handle registrations, channel → handler, and how often each channel was registered. */
  handlers: Map<string, IpcHandler>;
  registrations: Map<string, number>;
  windows: RecordedWindow[];
  appListeners: Map<string, Listener[]>;
  opened: string[];
  /** dialog.showErrorBox calls (title, content): how the shell reports a core that cannot start. */
  errorBoxes: Array<[string, string]>;
  safeStorage: { encrypted: number; decrypted: number };
  /** Desktop notifications shown, with a way to click one. */
  notifications: RecordedNotification[];
  quitCalls: number;
  /** app.exit calls, with their exit codes. */
  exitCodes: number[];
  /** Calls a recorded handler the way Electron would for a frame at `senderUrl`. */
  invoke(channel: string, args: unknown[], senderUrl: string | null): Promise<unknown>;
  /** Fires an app or webContents event with an event object; resolves to whether it was prevented. */
  emitApp(name: string, ...args: unknown[]): boolean;
  emitWebContents(win: RecordedWindow, name: string, ...args: unknown[]): boolean;
  /** What Electron does on quit: 'will-quit', which the shell may hold off until it has closed the core. */
  quit(): Promise<void>;
}

const KEY = Symbol.for('hooklens.electronStandIn');
let hooksRegistered = false;
let loads = 0;

// out/main is external to the test runner (vitest.config.ts), so this is Node's own import.
const nativeImport = (url: string): Promise<unknown> => import(/* @vite-ignore */ url);

function registerHooks(): void {
  if (hooksRegistered) return;
  register(new URL('./electron-resolve-hooks.mjs', import.meta.url), {
    data: {
      standInUrl: new URL('./electron-stand-in.mjs', import.meta.url).href,
      shellDirUrl: pathToFileURL(path.join(OUT_DIR, 'main') + path.sep).href,
    },
  });
  hooksRegistered = true;
}

function preventable(): { defaultPrevented: boolean; preventDefault(): void } {
  const e = {
    defaultPrevented: false,
    preventDefault() {
      e.defaultPrevented = true;
    },
  };
  return e;
}

const addListener = (map: Map<string, Listener[]>, name: string, fn: Listener): void => {
  map.set(name, [...(map.get(name) ?? []), fn]);
};

/** XOR with a marker: reversible, and never the plain text on disk. */
export const STAND_IN_CIPHER_MARK = 'standin-safe-storage:';
function standInEncrypt(plain: string): Buffer {
  return Buffer.concat([Buffer.from(STAND_IN_CIPHER_MARK), Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)]);
}
function standInDecrypt(cipher: Buffer): string {
  const mark = Buffer.from(STAND_IN_CIPHER_MARK);
  if (!cipher.subarray(0, mark.length).equals(mark)) throw new Error('not a stand-in ciphertext');
  return Buffer.from(cipher.subarray(mark.length).map((b) => b ^ 0x5a)).toString('utf8');
}

/**
 * Loads the built shell with a fresh data directory (tunnel off: no network). Resolves once the
 * shell has created its window, i.e. the core is up and the IPC handlers are registered, or, with
 * `startFails`, once the shell has exited (the data directory is then used as given, unprepared).
 */
export async function loadShell(dataDir: string, opts: { startFails?: boolean } = {}): Promise<LoadedShell> {
  if (!existsSync(SHELL_ENTRY))
    throw new Error(`${SHELL_ENTRY} is missing: run \`npx electron-vite build\` first (npm test does)`);
  registerHooks();
  if (!opts.startFails) {
    await mkdir(dataDir, { recursive: true });
    await writeFile(path.join(dataDir, 'settings.json'), JSON.stringify({ tunnel: { enabled: false } }));
  }

  let readyResolve!: () => void;
  let readyReject!: (err: unknown) => void;
  const ready = new Promise<void>((res, rej) => {
    readyResolve = res;
    readyReject = rej;
  });
  let quitResolve: (() => void) | null = null;

  const shell: LoadedShell = {
    dataDir,
    handlers: new Map(),
    registrations: new Map(),
    windows: [],
    appListeners: new Map(),
    opened: [],
    errorBoxes: [],
    safeStorage: { encrypted: 0, decrypted: 0 },
    notifications: [],
    quitCalls: 0,
    exitCodes: [],
    async invoke(channel, args, senderUrl) {
      const handler = shell.handlers.get(channel);
      if (!handler) throw new Error(`no handler for ${channel}`);
      return handler({ senderFrame: senderUrl === null ? null : { url: senderUrl } }, args);
    },
    emitApp(name, ...args) {
      const e = preventable();
      for (const fn of shell.appListeners.get(name) ?? []) fn(e, ...args);
      return e.defaultPrevented;
    },
    emitWebContents(win, name, ...args) {
      const e = preventable();
      for (const fn of win.webContentsListeners.get(name) ?? []) fn(e, ...args);
      return e.defaultPrevented;
    },
    quit() {
      return new Promise<void>((res) => {
        quitResolve = res;
        app.quit();
      });
    },
  };

  const app = {
    requestSingleInstanceLock: () => true,
    exit(code = 0) {
      shell.exitCodes.push(code);
      if (opts.startFails) readyResolve();
      else readyReject(new Error(`the shell exited with code ${code} while starting`));
    },
    quit() {
      shell.quitCalls += 1;
      // Electron: a prevented 'will-quit' cancels this quit; the shell quits again when it is done.
      if (!shell.emitApp('will-quit')) {
        const done = quitResolve;
        quitResolve = null;
        done?.();
      }
    },
    on(name: string, fn: Listener) {
      addListener(shell.appListeners, name, fn);
      return app;
    },
    // The shell's start-up runs in this promise's callback; a failure there fails `ready`.
    whenReady: () => ({
      then(onReady: () => unknown, onError?: (err: unknown) => unknown) {
        const run = Promise.resolve().then(onReady, onError);
        run.catch(readyReject);
        return run;
      },
    }),
    getPath: (name: string) => {
      if (name !== 'userData') throw new Error(`the stand-in app has no path "${name}"`);
      return dataDir;
    },
  };

  const recorder = {
    app,
    ipcMain: {
      handle(channel: string, fn: IpcHandler) {
        shell.registrations.set(channel, (shell.registrations.get(channel) ?? 0) + 1);
        shell.handlers.set(channel, fn);
      },
    },
    shell: {
      openExternal: async (url: string) => {
        shell.opened.push(url);
      },
    },
    dialog: {
      showErrorBox: (title: string, content: string) => {
        shell.errorBoxes.push([title, content]);
      },
    },
    safeStorage: {
      isEncryptionAvailable: () => true,
      encryptString: (plain: string) => {
        shell.safeStorage.encrypted += 1;
        return standInEncrypt(plain);
      },
      decryptString: (cipher: Buffer) => {
        shell.safeStorage.decrypted += 1;
        return standInDecrypt(cipher);
      },
    },
    Notification: class {
      static isSupported(): boolean {
        return true;
      }
      private readonly clicks: (() => void)[] = [];
      constructor(private readonly options: { title: string; body: string }) {}
      on(name: string, fn: () => void): void {
        if (name === 'click') this.clicks.push(fn);
      }
      show(): void {
        shell.notifications.push({ ...this.options, click: () => this.clicks.forEach((fn) => fn()) });
      }
    },
    BrowserWindowStatics: { getAllWindows: () => shell.windows },
    createWindow(options: RecordedWindow['options']) {
      const win: RecordedWindow = {
        options,
        loadedFile: null,
        loadedUrl: null,
        sent: [],
        onSend: null,
        webContentsListeners: new Map(),
        windowListeners: new Map(),
        windowOpenHandler: null,
        shown: false,
      };
      shell.windows.push(win);
      const loaded = () => {
        // createWindow has wired the window by the time it loads the page.
        queueMicrotask(opts.startFails ? () => readyReject(new Error('the shell started')) : readyResolve);
        return Promise.resolve();
      };
      return {
        webContents: {
          on: (name: string, fn: Listener) => addListener(win.webContentsListeners, name, fn),
          setWindowOpenHandler: (fn: RecordedWindow['windowOpenHandler']) => (win.windowOpenHandler = fn),
          send: (channel: string, ...args: unknown[]) => {
            win.sent.push([channel, ...args]);
            win.onSend?.(channel, ...args);
          },
        },
        once: (name: string, fn: Listener) => addListener(win.windowListeners, name, fn),
        show: () => (win.shown = true),
        isDestroyed: () => false,
        isMinimized: () => false,
        restore: () => undefined,
        focus: () => undefined,
        loadFile: (file: string) => {
          win.loadedFile = file;
          return loaded();
        },
        loadURL: (url: string) => {
          win.loadedUrl = url;
          return loaded();
        },
      };
    },
  };

  const saved = {
    HOOKLENS_DATA_DIR: process.env.HOOKLENS_DATA_DIR,
    HOOKLENS_CAPTURE_PORT: process.env.HOOKLENS_CAPTURE_PORT,
    ELECTRON_RENDERER_URL: process.env.ELECTRON_RENDERER_URL,
  };
  (globalThis as Record<symbol, unknown>)[KEY] = recorder;
  delete process.env.HOOKLENS_DATA_DIR; // the shell must take app.getPath('userData')
  delete process.env.ELECTRON_RENDERER_URL; // the built page, not a dev server
  process.env.HOOKLENS_CAPTURE_PORT = '0';
  try {
    loads += 1;
    await nativeImport(`${pathToFileURL(SHELL_ENTRY).href}?load=${loads}`);
    await ready;
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  return shell;
}
