/*
 * A 25 MB webhook (GitHub's maximum) is accepted at the default body limit, and its body opens:
 * Raw at once, Pretty once the worker has formatted it, one byte more is refused.
 */
import { sendWebhook } from './support/app';
import { jsonOfSize } from './support/bodies';
import { expect, openApp, openButton, test } from './support/fixtures';

const LIMIT = 25 * 1024 * 1024;

test('a 25 MB capture is accepted and its body opens, raw and pretty', async ({ page, hooklens }) => {
  test.setTimeout(90_000);
  await openApp(page, hooklens);
  const body = jsonOfSize(LIMIT);
  expect(body.length).toBe(LIMIT);
  const res = await sendWebhook(hooklens.captureUrl, '/github/push', {
    headers: { 'Content-Type': 'application/json' },
    body,
  });
  expect(res.status).toBe(200);
  const over = await sendWebhook(hooklens.captureUrl, '/github/too-big', {
    headers: { 'Content-Type': 'application/json' },
    body: body + ' ',
  });
  expect(over.status).toBe(413);

  await openButton(page, 'POST', '/github/push').click();
  await page.getByRole('tab', { name: 'Body' }).click();
  await expect(page.getByText('25.0 MB').or(page.getByText('25 MB')).first()).toBeVisible({ timeout: 30_000 });
  await page.getByRole('radio', { name: 'Raw' }).check();
  await expect(page.getByLabel('Body, raw')).toContainText('{"action":"opened","items":[{"id":1234567');
  await page.getByRole('radio', { name: 'Pretty' }).check();
  const pretty = page.getByLabel('Body, pretty JSON');
  await expect(pretty).toContainText('"action": "opened"', { timeout: 30_000 });
  await page.screenshot({ path: test.info().outputPath('large-body.png') });
});

test('two 25 MB captures compare without a stall: structural and side-by-side views say they were skipped', async ({
  page,
  hooklens,
}) => {
  test.setTimeout(120_000);
  await openApp(page, hooklens);
  const body = jsonOfSize(LIMIT);
  for (const text of [body, body.slice(0, -3) + 'y"}']) {
    const res = await sendWebhook(hooklens.captureUrl, '/github/big', {
      headers: { 'Content-Type': 'application/json' },
      body: text,
    });
    expect(res.status).toBe(200);
  }
  const boxes = page.getByRole('checkbox', { name: 'Select POST /github/big' });
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const view = page.getByRole('region', { name: 'Compare captures' });
  await expect(view.getByText('Structural diff skipped above 5 MB; text diff shown.')).toBeVisible({ timeout: 60_000 });
  await expect(view.getByRole('note', { name: 'Side-by-side view skipped' })).toBeVisible();
  // The page still answers: the list can be scrolled and another capture opened.
  await openButton(page, 'POST', '/github/big').first().click();
  await expect(page.getByRole('tab', { name: 'Body' })).toBeVisible();
});
