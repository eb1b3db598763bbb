import { sendWebhook } from './support/app';
import { expect, openApp, test } from './support/fixtures';
import { docScreenshot } from './support/screenshots';

// Two deliveries of the same event type that differ in exactly two fields and one header. Values
// keep their length so Content-Length does not differ too.
const first = {
  id: 'evt_1',
  object: 'event',
  created: 1700000000,
  type: 'invoice.paid',
  data: {
    object: {
      id: 'in_1',
      amount_paid: 1000,
      currency: 'usd',
      customer: 'cus_1',
      lines: { data: [{ id: 'il_1', amount: 1000 }] },
    },
  },
};
const second = { ...first, created: 1700000042, data: { object: { ...first.data.object, amount_paid: 2000 } } };

test('compares two captures side by side and filters noise', async ({ page, hooklens }) => {
  await openApp(page, hooklens);
  for (const [payload, attempt] of [
    [first, '1'],
    [second, '2'],
  ] as const) {
    const res = await sendWebhook(hooklens.captureUrl, '/stripe/invoice', {
      headers: { 'Content-Type': 'application/json', 'X-Attempt': attempt },
      body: JSON.stringify(payload),
    });
    expect(res.status).toBe(200);
  }
  const boxes = page.getByRole('checkbox', { name: 'Select POST /stripe/invoice' });
  await expect(boxes).toHaveCount(2);
  // Newest first: tick the older one first so it is the left side.
  await boxes.nth(1).check();
  await boxes.nth(0).check();
  const worker = page.waitForEvent('worker');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  // The diff runs off the UI thread.
  expect((await worker).url()).toContain('diff-worker');

  const view = page.getByRole('region', { name: 'Compare captures' });
  const changes = view.getByRole('list', { name: 'Body changes' }).getByRole('listitem');
  await expect(changes).toHaveCount(2);
  await expect(changes.nth(0)).toContainText('created: 1700000000 → 1700000042');
  await expect(changes.nth(1)).toContainText('data.object.amount_paid: 1000 → 2000');

  const headerRows = view.getByRole('table', { name: 'Header changes' }).getByRole('row');
  await expect(headerRows).toHaveCount(2); // heading row + X-Attempt
  await expect(headerRows.nth(1)).toContainText('X-Attempt');
  await expect(headerRows.nth(1)).toContainText('Changed');

  // Highlighted in the side-by-side text: exactly the two changed lines on each side.
  const merge = view.getByTestId('merge-view');
  const right = merge.getByLabel('Right body text');
  const left = merge.getByLabel('Left body text');
  await expect(right.locator('.cm-changedLine')).toHaveCount(2);
  await expect(left.locator('.cm-changedLine')).toHaveCount(2);
  await expect(right.locator('.cm-changedLine', { hasText: '"amount_paid": 2000' })).toBeVisible();
  await expect(left.locator('.cm-changedLine', { hasText: '"created": 1700000000' })).toBeVisible();

  // Clicking a change marks its line on both sides.
  await changes
    .nth(1)
    .getByRole('button', { name: /^data\.object\.amount_paid:/ })
    .click();
  await expect(right.locator('.cm-diff-focus')).toContainText('"amount_paid": 2000');
  await expect(left.locator('.cm-diff-focus')).toContainText('"amount_paid": 1000');
  await docScreenshot(page, 'compare');

  // Ignoring timestamps hides the `created` change, and is remembered.
  await view.getByRole('checkbox', { name: 'Ignore timestamps' }).check();
  await expect(changes).toHaveCount(1);
  await expect(changes.nth(0)).toContainText('data.object.amount_paid: 1000 → 2000');
  await expect(view.getByText('1 hidden by noise rules')).toBeVisible();

  await view.getByRole('button', { name: 'Copy diff as text' }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('data.object.amount_paid: 1000 → 2000');
  expect(copied).toContain('X-Attempt: 1 → 2');
  expect(copied).not.toContain('created:');

  await view.getByRole('button', { name: 'Swap sides' }).click();
  await expect(changes.nth(0)).toContainText('data.object.amount_paid: 2000 → 1000');

  await view.getByRole('button', { name: 'Close' }).click();
  await expect(view).toHaveCount(0);
  await boxes.nth(1).uncheck();
  await boxes.nth(0).uncheck();
  await boxes.nth(1).check();
  await boxes.nth(0).check();
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(view.getByRole('checkbox', { name: 'Ignore timestamps' })).toBeChecked();
  await expect(changes).toHaveCount(1);
});
