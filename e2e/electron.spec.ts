/*
 * The desktop shell, driven through Playwright's Electron support. Runs wherever the Electron
 * binary is installed and a display exists; elsewhere each test is skipped with the reason.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { electronBinary, electronSkipReason } from './support/electron-availability';

const root = path.resolve(import.meta.dirname, '..');

const binary = electronBinary();
const skipReason = electronSkipReason();
test.skip(skipReason !== null, skipReason ?? '');

test('desktop window is sandboxed, talks through the bridge and shows a live capture', async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hooklens-electron-'));
  const app = await electron.launch({
    executablePath: binary!,
    args: [root],
    env: { ...process.env, HOOKLENS_DATA_DIR: dataDir, HOOKLENS_CAPTURE_PORT: '0' } as Record<string, string>,
  });
  try {
    const win = await app.firstWindow();
    await expect(win.locator('.app[data-ready="true"]')).toBeVisible();
    expect(await win.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(await win.evaluate(() => typeof (window as unknown as { process?: unknown }).process)).toBe('undefined');
    const captureUrl = await win.getByRole('status', { name: 'Capture URL' }).textContent();
    const res = await fetch(new URL('/from-electron-test', captureUrl!), { method: 'POST', body: '{"a":1}' });
    expect(res.status).toBe(200);
    await expect(win.getByRole('checkbox', { name: 'Select POST /from-electron-test' })).toBeVisible();
  } finally {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
