/*
 * Custom answers, as the sender saw them: saving says what the endpoint now answers; the capture's
 * Overview shows the configured delay the sender waited; the 500s of "fail the next N" are marked
 * as simulated in the row and in Overview.
 */
import { sendWebhook } from './support/app';
import { captureRow, expect, openApp, openButton, test } from './support/fixtures';

const DELAY_MS = 600;

test('a delayed custom answer and a simulated failure are shown for what they were', async ({ page, hooklens }) => {
  await openApp(page, hooklens);
  await page.getByRole('button', { name: 'Endpoints…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Endpoints' });
  await dialog.getByLabel('New endpoint').fill('slow');
  await dialog.getByRole('button', { name: 'Create' }).click();
  const editor = dialog.getByRole('region', { name: 'Endpoint slow' });
  await editor.getByRole('radio', { name: /Custom/ }).check();
  await editor.getByLabel('Status code').fill('202');
  await editor.getByLabel('Delay (ms)').fill(String(DELAY_MS));
  await editor.getByRole('button', { name: 'Save response' }).click();
  // The confirmation sits beside the button, and says what was saved.
  await expect(
    editor.getByRole('status').filter({ hasText: `Saved: this endpoint answers 202 after ${DELAY_MS} ms.` }),
  ).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('response-saved.png') });
  await editor.getByLabel('Fail the next').fill('1');
  await editor.getByRole('button', { name: 'Arm' }).click();
  await expect(editor.getByText('1 left')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  expect((await sendWebhook(hooklens.captureUrl, '/e/slow/first', { body: 'a' })).status).toBe(500);
  const started = performance.now();
  expect((await sendWebhook(hooklens.captureUrl, '/e/slow/second', { body: 'b' })).status).toBe(202);
  expect(performance.now() - started).toBeGreaterThanOrEqual(DELAY_MS - 10);

  const failedRow = captureRow(page, 'POST', '/e/slow/first');
  await expect(failedRow).toContainText('simulated');
  await expect(captureRow(page, 'POST', '/e/slow/second')).not.toContainText('simulated');

  const detail = page.getByRole('region', { name: 'Capture detail' });
  await openButton(page, 'POST', '/e/slow/first').click();
  await detail.getByRole('tab', { name: 'Overview' }).click();
  await expect(
    detail.getByText(/^500, a simulated failure \(“fail the next N” on the endpoint\) \(stored in [\d.]+ ms\)$/),
  ).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('simulated.png') });

  await openButton(page, 'POST', '/e/slow/second').click();
  await detail.getByRole('tab', { name: 'Overview' }).click();
  await expect(
    detail.getByText(new RegExp(`^202, sent after the configured ${DELAY_MS} ms delay \\(stored in [\\d.]+ ms\\)$`)),
  ).toBeVisible();
});
