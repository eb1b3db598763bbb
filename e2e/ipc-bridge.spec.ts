/*
 * The IPC path end to end, without the Electron binary: the built shell runs in this test process
 * with a stand-in electron (src/main/test-support/shell-harness.ts); Chromium opens the built page
 * from out/renderer as a file, like the Electron window does; the built preload runs before the
 * page with a stand-in contextBridge / ipcRenderer whose `invoke` reaches the handlers the shell
 * registered (as the calling frame) and whose `on` receives what the shell sends the window.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import type { AppStatus } from '../src/shared/api';
import type { ApiOutcome } from '../src/shared/api/transport';
import { loadShell, OUT_DIR, type LoadedShell } from '../src/main/test-support/shell-harness';
import { sendWebhook } from './support/app';
import { captureRow, expect, openButton, test } from './support/fixtures';
import { docScreenshot } from './support/screenshots';

const PAGE_URL = pathToFileURL(path.join(OUT_DIR, 'renderer', 'index.html')).href;
const PRELOAD = path.join(OUT_DIR, 'preload', 'index.cjs');

// A file:// page may load its own module scripts only with this switch (Electron serves file:// as a
// privileged scheme; Chromium treats each file as its own origin otherwise).
const chromium = process.env.HOOKLENS_CHROMIUM ?? '/usr/bin/chromium';
test.use({
  launchOptions: {
    ...(existsSync(chromium) ? { executablePath: chromium } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--allow-file-access-from-files', '--disable-background-networking'],
  },
});

/** What a sandboxed preload gets from `require('electron')`, wired to the test process. */
function preloadScript(): string {
  const code = readFileSync(PRELOAD, 'utf8');
  return `(() => {
    const listeners = new Map();
    window.__hooklensIpcEmit = (channel, args) => {
      for (const l of listeners.get(channel) ?? []) l({ sender: null }, ...args);
    };
    const electron = {
      contextBridge: { exposeInMainWorld: (key, value) => Object.defineProperty(window, key, { value: Object.freeze(value) }) },
      ipcRenderer: {
        invoke: (channel, args) => window.__hooklensIpcInvoke(channel, args),
        on: (channel, listener) => listeners.set(channel, [...(listeners.get(channel) ?? []), listener]),
      },
    };
    const require = (id) => {
      if (id === 'electron') return electron;
      throw new Error('a sandboxed preload cannot require ' + id);
    };
    const module = { exports: {} };
    (function (exports, require, module) {\n${code}\n})(module.exports, require, module);
  })();`;
}

async function wireBridge(page: Page, shell: LoadedShell): Promise<string[]> {
  const calls: string[] = [];
  await page.exposeBinding('__hooklensIpcInvoke', async (source, channel: string, args: unknown[]) => {
    calls.push(channel);
    // Electron's event.senderFrame is the frame that called: here, the one Playwright reports.
    return shell.invoke(channel, args, source.frame.url());
  });
  await page.addInitScript({ content: preloadScript() });
  let queue = Promise.resolve();
  shell.windows[0].onSend = (channel, ...args) => {
    queue = queue
      .then(() =>
        page.evaluate(
          ([c, a]) =>
            (window as unknown as { __hooklensIpcEmit?: (c: string, a: unknown[]) => void }).__hooklensIpcEmit?.(c, a),
          [channel, args] as const,
        ),
      )
      .catch(() => undefined);
  };
  return calls;
}

let dir: string;
let shell: LoadedShell | null = null;

test.beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hooklens-ipc-e2e-'));
});

test.afterEach(async () => {
  if (shell) await shell.quit();
  shell = null;
  await rm(dir, { recursive: true, force: true });
});

test('the built renderer talks to the built shell over the preload bridge: a live capture end to end', async ({
  page,
}) => {
  shell = await loadShell(dir);
  const calls = await wireBridge(page, shell);
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));

  await page.goto(PAGE_URL);
  await expect(page.locator('.app[data-ready="true"]')).toBeVisible();
  expect(
    await page.evaluate(() => Object.keys((window as unknown as { hooklens: object }).hooklens).length),
  ).toBeGreaterThan(10);
  // The page loaded its state through the IPC handlers, not over HTTP.
  expect(calls).toContain('hooklens:getStatus');
  expect(calls).toContain('hooklens:listCaptures');

  const status = (await shell.invoke('hooklens:getStatus', [], PAGE_URL)) as ApiOutcome;
  const { captureUrl } = (status as { value: AppStatus }).value;
  await expect(page.getByRole('status', { name: 'Capture URL' })).toHaveText(captureUrl);

  const sent = await sendWebhook(captureUrl, '/ipc/hook?via=bridge', {
    headers: { 'Content-Type': 'application/json', 'X-Trace': 'ipc-1' },
    body: '{"id":"evt_ipc","type":"invoice.paid"}',
  });
  expect(sent.status).toBe(200);
  await expect(captureRow(page, 'POST', '/ipc/hook')).toBeVisible();
  // Pushed by the shell to its window (webContents.send), then through the preload's listener.
  expect(shell.windows[0].sent.some(([, name]) => name === 'capture:added')).toBe(true);
  await openButton(page, 'POST', '/ipc/hook').click();
  const detail = page.getByRole('region', { name: 'Capture detail' });
  await expect(detail.getByLabel('Request URL', { exact: true })).toContainText('/ipc/hook?via=bridge');
  await detail.getByRole('tab', { name: 'Body' }).click();
  await expect(detail.getByTestId('code-viewer')).toContainText('"type": "invoice.paid"');
  expect(calls).toContain('hooklens:getCapture');
  await docScreenshot(page, 'ipc-bridge');
  expect(errors).toEqual([]);
});

test('a frame that is not the app page gets nothing through the bridge', async ({ page }) => {
  shell = await loadShell(dir);
  await wireBridge(page, shell);
  await page.goto(PAGE_URL);
  await expect(page.locator('.app[data-ready="true"]')).toBeVisible();
  // The same bridge, called from another document (the shell checks the calling frame's URL).
  await page.goto('data:text/html,<p>not the app</p>');
  expect(page.url()).not.toBe(PAGE_URL);
  const outcome = await page.evaluate(() =>
    (window as unknown as { __hooklensIpcInvoke(c: string, a: unknown[]): Promise<unknown> }).__hooklensIpcInvoke(
      'hooklens:listCaptures',
      [],
    ),
  );
  expect(outcome).toMatchObject({ ok: false, error: { code: 'forbidden' } });
});
