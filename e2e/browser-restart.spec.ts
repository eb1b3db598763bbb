/*
 * Browser mode across restarts: the access key is kept per data directory, so a tab left open comes
 * back by itself; a tab holding a dead key gets a page that says how to get the current address.
 */
import { execFile } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import type { AddressInfo } from 'node:net';
import { launchHooklens, sendWebhook, type RunningHooklens } from './support/app';
import { captureRow, expect, openApp, test } from './support/fixtures';

let app: RunningHooklens | null = null;

test.afterEach(async () => {
  await app?.stop({ removeData: true });
  app = null;
});

const CLI = path.resolve(import.meta.dirname, '../out/main/cli.js');

/** `hooklens serve --print-url`, run as a user would. */
async function printedUrl(dataDir: string): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [CLI, 'serve', '--print-url', '--data-dir', dataDir]);
  return stdout.trim();
}

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const { port } = probe.address() as AddressInfo;
  await new Promise((r) => probe.close(r));
  return port;
}

test('a tab open across a restart of hooklens serve reconnects by itself and shows the captures', async ({ page }) => {
  const uiPort = await freePort();
  app = await launchHooklens({ args: ['--port', String(uiPort)] });
  await openApp(page, app);
  expect((await sendWebhook(app.captureUrl, '/before-restart', { body: '{}' })).status).toBe(200);
  await expect(captureRow(page, 'POST', '/before-restart')).toBeVisible();

  const dataDir = app.dataDir;
  await app.stop();
  await expect(page.getByText('Disconnected from Hooklens, retrying…')).toBeVisible();

  const firstUrl = app.uiUrl;
  app = await launchHooklens({ dataDir, args: ['--port', String(uiPort)] });
  // Same address, same key: that is what lets the open tab back in.
  expect(app.uiUrl).toBe(firstUrl);
  expect(await printedUrl(dataDir)).toBe(`Hooklens UI: ${firstUrl}`);
  // The same tab, never reloaded: the stream comes back with the key kept in the data directory.
  await expect(page.getByText('Disconnected from Hooklens, retrying…')).toBeHidden({ timeout: 15_000 });
  expect((await sendWebhook(app.captureUrl, '/after-restart', { body: '{}' })).status).toBe(200);
  await expect(captureRow(page, 'POST', '/after-restart')).toBeVisible();
  await expect(captureRow(page, 'POST', '/before-restart')).toBeVisible();
});

test('a tab with a wrong or rotated key shows how to get the current address, never an empty app', async ({
  page,
  context,
}) => {
  app = await launchHooklens();
  await page.goto(`${app.controlOrigin}/?token=${'x'.repeat(32)}`);
  const denied = page.getByRole('main', { name: 'This tab can no longer reach Hooklens' });
  await expect(denied).toBeVisible();
  await expect(denied).toContainText('hooklens serve --print-url');
  await expect(denied).toContainText('Hooklens UI:');
  await page.screenshot({ path: 'test-results/access-denied.png' });

  // Two tabs on the right key; one rotates it from Settings.
  const stale = await context.newPage();
  await openApp(stale, app);
  await openApp(page, app);
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByRole('button', { name: 'Rotate access key' }).click();
  const fresh = page.getByRole('status', { name: 'New UI address' });
  await expect(fresh).toContainText(`${app.controlOrigin}/?token=`);
  const newUrl = (await fresh.textContent()) ?? '';
  expect(newUrl).not.toContain(app.token);
  await page.screenshot({ path: 'test-results/access-key-rotated.png' });

  // The tab that rotated keeps working; the other one is told what happened.
  await expect(stale.getByRole('main', { name: 'This tab can no longer reach Hooklens' })).toBeVisible();
  await page.keyboard.press('Escape');
  expect((await sendWebhook(app.captureUrl, '/after-rotation', { body: '{}' })).status).toBe(200);
  await expect(captureRow(page, 'POST', '/after-rotation')).toBeVisible();

  // The new address opens the app in the refused tab too.
  await stale.goto(newUrl);
  await expect(stale.locator('.app[data-ready="true"]')).toBeVisible();
});
