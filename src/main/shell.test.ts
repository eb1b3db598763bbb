import { createHmac } from 'node:crypto';
/*
 * The built Electron shell (out/main/index.js), run without the Electron binary: `electron` is a
 * stand-in that records what the shell asks for (test-support/shell-harness.ts). Real core, real
 * capture port, real files.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API_METHOD_NAMES, IPC_EVENT_CHANNEL, ipcChannel, type AppStatus } from '../shared/api';
import type { CapturePage } from '../shared/api/captures';
import type { ApiOutcome } from '../shared/api/transport';
import { bodyBuffer } from './core/body-buffer';
import { openCaptureStore } from './core/store';
import { loadShell, OUT_DIR, STAND_IN_CIPHER_MARK, type LoadedShell } from './test-support/shell-harness';

const RENDERER_INDEX = path.join(OUT_DIR, 'renderer', 'index.html');
const APP_PAGE = pathToFileURL(RENDERER_INDEX).href;

let dir: string;
let shell: LoadedShell | null = null;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hooklens-shell-'));
});

afterEach(async () => {
  if (shell && shell.quitCalls === 0) await shell.quit();
  shell = null;
  await rm(dir, { recursive: true, force: true });
});

async function call<T>(
  s: LoadedShell,
  method: string,
  args: unknown[] = [],
  sender: string | null = APP_PAGE,
): Promise<T> {
  const outcome = (await s.invoke(`hooklens:${method}`, args, sender)) as ApiOutcome;
  if (!outcome.ok) throw new Error(`${method}: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.value as T;
}

describe('desktop shell (built, with a stand-in electron)', () => {
  it('opens one hardened window on the built page and preload', async () => {
    shell = await loadShell(dir);
    expect(shell.windows).toHaveLength(1);
    const [win] = shell.windows;
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(win.options.webPreferences).not.toHaveProperty('nodeIntegrationInSubFrames', true);
    expect(win.options.webPreferences).not.toHaveProperty('webviewTag', true);
    const preload = win.options.webPreferences!.preload as string;
    expect(path.resolve(preload)).toBe(path.join(OUT_DIR, 'preload', 'index.cjs'));
    expect(existsSync(preload)).toBe(true);
    expect(win.loadedUrl).toBeNull();
    expect(path.resolve(win.loadedFile!)).toBe(RENDERER_INDEX);
    expect(existsSync(win.loadedFile!)).toBe(true);
    // Shown once ready, not before (no white flash).
    expect(win.shown).toBe(false);
    for (const fn of win.windowListeners.get('ready-to-show') ?? []) fn();
    expect(win.shown).toBe(true);
  });

  it('registers exactly one IPC handler per API method, on its fixed channel', async () => {
    shell = await loadShell(dir);
    expect([...shell.registrations.keys()].sort()).toEqual(API_METHOD_NAMES.map(ipcChannel).sort());
    expect([...shell.registrations.values()].every((n) => n === 1)).toBe(true);
    const status = await call<AppStatus>(shell, 'getStatus');
    expect(status).toMatchObject({ mode: 'electron', dataDir: dir });
  });

  it('refuses calls from any frame that is not the app page', async () => {
    shell = await loadShell(dir);
    for (const sender of [
      'https://evil.example/',
      'file:///etc/passwd',
      `${APP_PAGE}#x`.replace('index.html#x', 'other.html'),
      '',
      null,
    ]) {
      const outcome = (await shell.invoke('hooklens:listCaptures', [], sender)) as ApiOutcome;
      expect(outcome, String(sender)).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
    }
    expect(await shell.invoke('hooklens:listCaptures', [], APP_PAGE)).toEqual({
      ok: true,
      value: { total: 0, offset: 0, items: [] },
    });
    // Errors keep their code (and field) across IPC.
    const bad = (await shell.invoke('hooklens:updateAppSettings', [{ capturePort: 70000 }], APP_PAGE)) as ApiOutcome;
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_argument', field: 'capturePort' } });
  });

  it('blocks navigation, webviews and window.open (https links go to the system browser)', async () => {
    shell = await loadShell(dir);
    const [win] = shell.windows;
    expect(shell.emitWebContents(win, 'will-navigate', 'https://evil.example/')).toBe(true);
    expect(win.windowOpenHandler!({ url: 'https://docs.stripe.com/webhooks' })).toEqual({ action: 'deny' });
    expect(win.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(win.windowOpenHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(win.windowOpenHandler!({ url: 'http://plain.example/' })).toEqual({ action: 'deny' });
    expect(shell.opened).toEqual(['https://docs.stripe.com/webhooks']);
    const contents = { listeners: new Map<string, ((e: { preventDefault(): void }) => void)[]>() };
    const webContents = {
      on: (name: string, fn: (e: { preventDefault(): void }) => void) =>
        contents.listeners.set(name, [...(contents.listeners.get(name) ?? []), fn]),
    };
    shell.emitApp('web-contents-created', webContents);
    let prevented = false;
    for (const fn of contents.listeners.get('will-attach-webview') ?? [])
      fn({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });

  it('relays core events to the window and keeps secrets through safeStorage', async () => {
    shell = await loadShell(dir);
    const [win] = shell.windows;
    const status = await call<AppStatus>(shell, 'getStatus');
    const res = await fetch(new URL('/hooks/shell?x=1', status.captureUrl), {
      method: 'POST',
      body: '{"via":"shell"}',
    });
    expect(res.status).toBe(200);
    await expect
      .poll(() => win.sent.find(([channel, name]) => channel === IPC_EVENT_CHANNEL && name === 'capture:added'))
      .toMatchObject([IPC_EVENT_CHANNEL, 'capture:added', { method: 'POST', url: '/hooks/shell?x=1' }]);

    const secret = 'whsec_shell_plain_0123456789';
    await call(shell, 'setSignatureSecret', ['default', 'stripe', secret]);
    expect(shell.safeStorage.encrypted).toBeGreaterThan(0);
    const onDisk = await readFile(path.join(dir, 'secrets.json'), 'utf8');
    expect(onDisk).not.toContain(secret);
    // Stored as safeStorage's ciphertext (base64 of the stand-in's marked bytes; the mark is 21 bytes, a whole number of base64 groups).
    expect(onDisk).toContain(Buffer.from(STAND_IN_CIPHER_MARK).toString('base64'));
  });

  it('shows health alerts as desktop notifications; a click brings the window forward and opens the capture', async () => {
    const loaded = await loadShell(dir);
    shell = loaded;
    const [win] = loaded.windows;
    const status = await call<AppStatus>(loaded, 'getStatus');
    const secret = 'whsec_shell_health_0123456789';
    await call(loaded, 'setSignatureSecret', ['default', 'stripe', secret]);
    const send = async (signWith: string): Promise<string> => {
      const body = '{"id":"evt_shell","object":"event","type":"invoice.paid"}';
      const t = Math.floor(Date.now() / 1000);
      const sig = createHmac('sha256', signWith).update(`${t}.${body}`).digest('hex');
      const res = await fetch(new URL('/hooks/shell-health', status.captureUrl), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Stripe-Signature': `t=${t},v1=${sig}` },
        body,
      });
      return ((await res.json()) as { id: string }).id;
    };
    await send(secret);
    const forged = await send('whsec_not_it_000000000000000');
    await expect.poll(() => loaded.notifications.length).toBe(1);
    expect(loaded.notifications[0].body).toContain('Signatures started failing');
    loaded.notifications[0].click();
    await expect
      .poll(() => win.sent.find(([channel, name]) => channel === IPC_EVENT_CHANNEL && name === 'health:alert-opened'))
      .toMatchObject([IPC_EVENT_CHANNEL, 'health:alert-opened', { captureId: forged }]);
  });

  it('closes the core on quit, with what it captured on disk', async () => {
    shell = await loadShell(dir);
    const status = await call<AppStatus>(shell, 'getStatus');
    const body = Buffer.from([0x7b, 0xff, 0x00, 0x7d]);
    expect((await fetch(new URL('/hooks/quit', status.captureUrl), { method: 'POST', body })).status).toBe(200);
    const {
      items: [summary],
    } = await call<CapturePage>(shell, 'listCaptures');

    await shell.quit();
    // The first quit was held off ('will-quit' prevented) until the core had closed; then it quit again.
    expect(shell.quitCalls).toBe(2);
    // The store closed: its index names the capture, the lock is released, and the port is free.
    const index = JSON.parse(await readFile(path.join(dir, 'captures.json'), 'utf8'));
    expect(JSON.stringify(index)).toContain(summary.id);
    await expect(fetch(status.captureUrl, { method: 'POST', body: 'late' })).rejects.toThrow();
    const store = await openCaptureStore({ dataDir: dir });
    try {
      const stored = await store.get(summary.id);
      expect(bodyBuffer(stored!.body).equals(body)).toBe(true);
    } finally {
      await store.close();
    }
    expect((await readdir(dir)).filter((f) => f.includes('corrupt'))).toEqual([]);
  });

  it('says why in an error box and exits when the core cannot start', async () => {
    // The data directory would sit below a regular file: no directory can be made there.
    const blocker = path.join(dir, 'not-a-directory');
    await writeFile(blocker, 'x');
    const failed = await loadShell(path.join(blocker, 'data'), { startFails: true });

    expect(failed.exitCodes).toEqual([1]);
    expect(failed.windows).toEqual([]);
    expect(failed.handlers.size).toBe(0);
    expect(failed.errorBoxes).toHaveLength(1);
    const [title, content] = failed.errorBoxes[0];
    expect(title).toBe('Hooklens cannot start');
    // The message names the place and what to do about it.
    expect(content).toContain(blocker);
    expect(content).toContain('HOOKLENS_DATA_DIR');
  });
});
