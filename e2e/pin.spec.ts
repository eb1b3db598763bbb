/*
 * The retention promise, shown true: a capture pinned from the UI (row toggle, detail header and
 * the P shortcut all reach it) is still there after the retention cap has removed the oldest
 * unpinned captures, while an older unpinned one is gone.
 */
import { launchHooklens, sendWebhook } from './support/app';
import { captureRow, expect, openApp, openButton, test } from './support/fixtures';

const CAP = 100;

test('a capture pinned in the UI outlives the retention cap', async ({ page, hooklens }) => {
  await openApp(page, hooklens);
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(settings.getByText('Pinned captures are always kept.')).toBeVisible();
  await settings.getByRole('textbox', { name: 'Keep at most' }).fill(String(CAP));
  await settings.getByRole('button', { name: 'Save keep at most' }).click();
  await expect(settings.getByText('Saved; applies from the next start.')).toBeVisible();

  // The cap applies from the next start: restart on the same data directory.
  await hooklens.stop();
  const app = await launchHooklens({ dataDir: hooklens.dataDir });
  try {
    await openApp(page, app);
    await sendWebhook(app.captureUrl, '/keep-me', { body: 'pinned' });
    await sendWebhook(app.captureUrl, '/oldest-unpinned', { body: 'evicted' });
    const pin = captureRow(page, 'POST', '/keep-me').getByRole('button', { name: 'Pin POST /keep-me' });
    await expect(pin).toHaveAttribute('aria-pressed', 'false');

    // Row toggle pins; the detail header shows it and unpins; the P shortcut pins again.
    await pin.click();
    await expect(pin).toHaveAttribute('aria-pressed', 'true');
    await openButton(page, 'POST', '/keep-me').click();
    const headerPin = page
      .getByRole('region', { name: 'Capture detail' })
      .getByRole('button', { name: 'Pin this capture' });
    await expect(headerPin).toHaveAttribute('aria-pressed', 'true');
    await headerPin.click();
    await expect(pin).toHaveAttribute('aria-pressed', 'false');
    await openButton(page, 'POST', '/keep-me').focus();
    await page.keyboard.press('p');
    await expect(headerPin).toHaveAttribute('aria-pressed', 'true');
    await expect(pin).toHaveAttribute('aria-pressed', 'true');

    // One past the cap with the two above: the oldest unpinned captures go, the pinned one stays.
    for (let i = 0; i < CAP; i += 10) {
      await Promise.all(
        Array.from({ length: 10 }, (_, k) => sendWebhook(app.captureUrl, `/fill-${i + k}`, { body: String(i + k) })),
      );
    }
    await expect(page.getByText(`${CAP} requests`)).toBeVisible();
    const search = page.getByLabel('Search captures');
    await search.fill('oldest-unpinned');
    await expect(page.getByText(`0 of ${CAP} shown`)).toBeVisible();
    await search.fill('keep-me');
    await expect(page.getByText(`1 of ${CAP} shown`)).toBeVisible();
    await expect(pin).toHaveAttribute('aria-pressed', 'true');
    await page.screenshot({ path: test.info().outputPath('pinned.png') });

    // Kept on disk too, not only in this window.
    await page.reload();
    await expect(page.locator('.app[data-ready="true"]')).toBeVisible();
    await expect(page.getByText(`${CAP} requests`)).toBeVisible();
    await page.getByLabel('Search captures').fill('keep-me');
    await expect(
      captureRow(page, 'POST', '/keep-me').getByRole('button', { name: 'Pin POST /keep-me' }),
    ).toHaveAttribute('aria-pressed', 'true');
  } finally {
    await app.stop();
  }
});
