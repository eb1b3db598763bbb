/*
 * The top bar at a common laptop width: one line with the public URL shown, a copy button named for
 * each URL, a tunnel settings popover that closes on Esc and outside presses; the editor gutter in
 * the dark theme; the bell's name and tooltip agree, and say when the browser blocks notifications.
 */
import type { Page } from '@playwright/test';
import { sendWebhook } from './support/app';
import { expect, openApp, openButton, test } from './support/fixtures';
import { useTunnelledApp } from './support/tunnelled-app';

test.use({ viewport: { width: 1280, height: 800 } });

async function switchTheme(page: Page, to: 'dark' | 'light'): Promise<void> {
  await page.getByRole('button', { name: `Switch to ${to} theme` }).click();
  await expect(page.getByRole('button', { name: `Switch to ${to === 'dark' ? 'light' : 'dark'} theme` })).toBeVisible();
}

test.describe('with the public URL online', () => {
  test.describe.configure({ timeout: 90_000 });
  const tunnelled = useTunnelledApp();

  test('one line at 1280 px, copy buttons named for their URL, settings popover closes on Esc and outside', async ({
    page,
  }) => {
    await openApp(page, tunnelled.app);
    const bar = page.getByRole('group', { name: 'Public URL' });
    await expect(bar.getByRole('status', { name: 'Tunnel state' })).toHaveText(/^Online · checked/);
    const header = page.getByRole('banner');

    // Every control of the bar sits on the first line.
    const brand = (await page.getByRole('heading', { name: 'Hooklens' }).boundingBox())!;
    const settings = (await header.getByRole('button', { name: 'Settings', exact: true }).boundingBox())!;
    const copyPublic = header.getByRole('button', { name: 'Copy public URL' });
    const copyLocal = header.getByRole('button', { name: 'Copy local URL' });
    // Each copies its own URL, and says which in its tooltip.
    await expect(copyPublic).toHaveAttribute('title', 'Copy public URL');
    await expect(copyLocal).toHaveAttribute('title', 'Copy local URL');
    await copyPublic.click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      await bar.getByRole('status', { name: 'Public URL' }).textContent(),
    );
    await copyLocal.click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(tunnelled.app.captureUrl);
    for (const box of [settings, (await copyPublic.boundingBox())!, (await copyLocal.boundingBox())!]) {
      expect(Math.abs(box.y + box.height / 2 - (brand.y + brand.height / 2))).toBeLessThan(6);
    }
    expect((await header.boundingBox())!.height).toBeLessThan(56);
    // …and nothing runs into the next group.
    const lastOfBar = (await bar.getByRole('button', { name: 'Tunnel settings' }).boundingBox())!;
    const actionsBox = (await header.getByRole('group', { name: 'Workbench' }).boundingBox())!;
    expect(lastOfBar.x + lastOfBar.width).toBeLessThanOrEqual(actionsBox.x);
    await page.screenshot({ path: test.info().outputPath('top-bar-light.png') });
    await switchTheme(page, 'dark');
    await page.screenshot({ path: test.info().outputPath('top-bar-dark.png') });

    const toggle = bar.getByRole('button', { name: 'Tunnel settings' });
    const form = page.getByRole('form', { name: 'Tunnel settings' });
    await toggle.click();
    await expect(form).toBeVisible();
    await form.getByLabel('Subdomain').focus();
    await page.keyboard.press('Escape');
    await expect(form).toBeHidden();
    await expect(toggle).toBeFocused();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');

    await toggle.click();
    await expect(form).toBeVisible();
    await page.getByRole('navigation', { name: 'Captures' }).click({ position: { x: 20, y: 300 } });
    await expect(form).toBeHidden();
    // The opener still toggles.
    await toggle.click();
    await expect(form).toBeVisible();
    await toggle.click();
    await expect(form).toBeHidden();
  });
});

test('dark theme reaches the editor gutter; the bell says what it does and warns when the browser blocks it', async ({
  page,
  hooklens,
}) => {
  await sendWebhook(hooklens.captureUrl, '/gutter', {
    headers: { 'Content-Type': 'application/json' },
    body: '{"a":1,"b":[1,2]}',
  });
  await openApp(page, hooklens);
  await openButton(page, 'POST', '/gutter').click();
  const detail = page.getByRole('region', { name: 'Capture detail' });
  await detail.getByRole('tab', { name: 'Body' }).click();
  const viewer = detail.getByTestId('code-viewer');
  await expect(viewer).toContainText('"a"');
  const gutter = viewer.locator('.cm-gutters');
  const bodyBackground = (): Promise<string> => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  await switchTheme(page, 'dark');
  await expect(gutter).toHaveCSS('background-color', await bodyBackground());
  expect(await bodyBackground()).toBe('rgb(21, 24, 29)');
  await page.screenshot({ path: test.info().outputPath('gutter-dark.png') });
  await switchTheme(page, 'light');
  await expect(gutter).toHaveCSS('background-color', await bodyBackground());

  // The browser here answers the permission request with "denied".
  const bell = page.getByRole('button', { name: 'Notifications', exact: true });
  await expect(bell).toHaveAttribute('aria-pressed', 'false');
  await expect(bell).toHaveAttribute('title', 'Notifications: off');
  await bell.click();
  await expect(bell).toHaveAttribute('aria-pressed', 'true');
  expect(await page.evaluate(() => Notification.permission)).toBe('denied');
  await expect(page.getByRole('alert').filter({ hasText: 'Blocked by the browser' })).toBeVisible();
  await expect(bell).toHaveAttribute('title', /^Notifications: on, but blocked by the browser/);
  await page.screenshot({ path: test.info().outputPath('bell-blocked.png') });
  await bell.click();
  await expect(bell).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('alert').filter({ hasText: 'Blocked by the browser' })).toHaveCount(0);
});
