/*
 * A 25 MB webhook (GitHub's maximum) is accepted at the default body limit, and its body opens:
 * Raw at once, Pretty once the worker has formatted it, one byte more is refused.
 */
import { sendWebhook } from './support/app';
import { expect, openApp, openButton, test } from './support/fixtures';

const LIMIT = 25 * 1024 * 1024;

/** Minified JSON of exactly `size` bytes: one long line, the hard case for a text view. */
function jsonOfSize(size: number): string {
  const head = '{"action":"opened","items":[';
  const item = '{"id":1234567,"name":"hooklens"},';
  const tail = ']}';
  const count = Math.floor((size - head.length - tail.length - 30) / item.length);
  const body = head + item.repeat(count).slice(0, -1) + '],"pad":"';
  return body + 'x'.repeat(size - body.length - 2) + '"}';
}

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
