import { sendWebhook } from './support/app';
import { captureRow, expect, openApp, openButton, test } from './support/fixtures';
import { docScreenshot } from './support/screenshots';

test('captures real webhooks live and shows them in a Postman-like pane', async ({ page, hooklens }) => {
  await openApp(page, hooklens);
  await expect(page.getByRole('heading', { name: 'Waiting for the first webhook' })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Capture URL' })).toHaveText(hooklens.captureUrl);

  const first = await sendWebhook(hooklens.captureUrl, '/stripe/hook?attempt=1&attempt=2&note=a%20b', {
    headers: { 'Content-Type': 'application/json', 'X-Trace': 'abc', 'Stripe-Signature': 't=1,v1=00' },
    body: '{"id":"evt_1","type":"invoice.paid","data":{"object":{"amount":1000}}}',
  });
  expect(first.status).toBe(200);
  await expect(captureRow(page, 'POST', '/stripe/hook')).toBeVisible();

  const second = await sendWebhook(hooklens.captureUrl, '/github/push', {
    method: 'PUT',
    headers: { 'Content-Type': 'application/octet-stream' },
    body: new Uint8Array([0xff, 0x00, 0x41, 0x42]),
  });
  expect(second.status).toBe(200);
  await expect(captureRow(page, 'PUT', '/github/push')).toBeVisible();
  await expect(page.getByText('2 requests')).toBeVisible();

  // Newest first.
  const rows = page.getByRole('listitem');
  await expect(rows.first()).toContainText('/github/push');

  await openButton(page, 'POST', '/stripe/hook').click();
  const detail = page.getByRole('region', { name: 'Capture detail' });
  await expect(detail.getByLabel('Request URL', { exact: true })).toContainText(
    '/stripe/hook?attempt=1&attempt=2&note=a%20b',
  );

  await detail.getByRole('tab', { name: 'Body' }).click();
  await expect(detail.getByRole('radio', { name: 'Pretty' })).toBeChecked();
  await expect(detail.getByTestId('code-viewer')).toContainText('"type": "invoice.paid"');

  await detail.getByRole('tab', { name: /Headers/ }).click();
  const headers = detail.getByRole('table', { name: 'Request headers' });
  await expect(headers.getByRole('row', { name: /X-Trace abc/ })).toBeVisible();
  await expect(headers.getByRole('row', { name: /Stripe-Signature t=1,v1=00/ })).toBeVisible();

  await detail.getByRole('tab', { name: 'Query' }).click();
  const query = detail.getByRole('table', { name: 'Query parameters' });
  await expect(query.getByRole('row')).toHaveCount(4);
  await expect(query.getByRole('row', { name: 'note a b' })).toBeVisible();

  await detail.getByRole('button', { name: 'Copy request URL' }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(new URL('/stripe/hook?attempt=1&attempt=2&note=a%20b', hooklens.captureUrl).toString());

  await page.getByRole('button', { name: 'Copy local URL' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(hooklens.captureUrl);

  await detail.getByRole('tab', { name: 'Body' }).click();
  await docScreenshot(page, 'capture');

  // The binary body opens on hex.
  await openButton(page, 'PUT', '/github/push').click();
  await detail.getByRole('tab', { name: 'Body' }).click();
  await expect(detail.getByLabel('Body as hex')).toContainText('ff 00 41 42');

  // Delete one; reload keeps the rest.
  await detail.getByRole('button', { name: 'Delete' }).click();
  await expect(captureRow(page, 'PUT', '/github/push')).toHaveCount(0);
  // Done for real once the undo toast has gone.
  await expect(page.getByRole('status', { name: 'Undo delete' })).not.toContainText('Deleted');
  await page.reload();
  await expect(page.locator('.app[data-ready="true"]')).toBeVisible();
  await expect(captureRow(page, 'POST', '/stripe/hook')).toBeVisible();
  await expect(page.getByText('1 request', { exact: true })).toBeVisible();

  // Clear all asks first.
  await page.getByRole('button', { name: 'Clear all' }).click();
  await page.getByRole('button', { name: 'Delete all 1' }).click();
  await expect(page.getByRole('heading', { name: 'Waiting for the first webhook' })).toBeVisible();
});

test('captures survive a restart of hooklens', async ({ page, hooklens }) => {
  await sendWebhook(hooklens.captureUrl, '/persisted', { headers: { 'Content-Type': 'text/plain' }, body: 'kept' });
  await hooklens.stop();
  const { launchHooklens } = await import('./support/app');
  const again = await launchHooklens({ dataDir: hooklens.dataDir });
  try {
    await openApp(page, again);
    await expect(captureRow(page, 'POST', '/persisted')).toBeVisible();
  } finally {
    await again.stop();
  }
});
