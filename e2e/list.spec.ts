/*
 * Everyday list work: deleting is undoable (button, Delete key, Ctrl+Z) and keeps the keyboard on
 * the list; "Clear all" under a filter offers the rows shown; a filter that hides everything says so
 * and resets; the search box leads into its results; counts have thousands separators.
 */
import { sendWebhook } from './support/app';
import { captureRow, expect, openApp, openButton, test } from './support/fixtures';

test('delete is undoable, opens the next row and is done for real once the toast has gone', async ({
  page,
  hooklens,
}) => {
  for (const p of ['/one', '/two', '/three']) await sendWebhook(hooklens.captureUrl, p, { body: p });
  await openApp(page, hooklens);
  const detail = page.getByRole('region', { name: 'Capture detail' });
  const detailUrl = detail.getByLabel('Request URL', { exact: true });
  const toast = page.getByRole('status', { name: 'Undo delete' });

  await openButton(page, 'POST', '/two').click();
  await detail.getByRole('button', { name: 'Delete' }).click();
  await expect(captureRow(page, 'POST', '/two')).toHaveCount(0);
  await expect(toast).toContainText('Deleted POST /two');
  await expect(detailUrl).toContainText('/one');
  await expect(openButton(page, 'POST', '/one')).toBeFocused();
  await expect(page.getByText('2 requests', { exact: true })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('undo-toast.png') });

  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(openButton(page, 'POST', '/two')).toBeFocused();
  await expect(detailUrl).toContainText('/two');
  await expect(toast).not.toContainText('Deleted');

  // The keyboard way: Delete, then Ctrl+Z; the row comes back where it was.
  await page.keyboard.press('Delete');
  await expect(captureRow(page, 'POST', '/two')).toHaveCount(0);
  await expect(openButton(page, 'POST', '/one')).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(openButton(page, 'POST', '/two')).toBeFocused();
  await expect(page.getByRole('listitem').nth(1)).toContainText('/two');

  // Left alone, the toast goes and the delete reaches the core: a reload does not bring it back.
  await page.keyboard.press('Delete');
  await expect(toast).toContainText('Deleted POST /two');
  await expect(toast).not.toContainText('Deleted');
  await page.reload();
  await expect(page.locator('.app[data-ready="true"]')).toBeVisible();
  await expect(page.getByText('2 requests', { exact: true })).toBeVisible();
  await expect(captureRow(page, 'POST', '/two')).toHaveCount(0);
});

test('clear under a filter offers the rows shown; no match says so and resets; the search box leads into the list', async ({
  page,
  hooklens,
}) => {
  const TOTAL = 1001;
  for (let i = 0; i < TOTAL - 1; i += 50) {
    await Promise.all(
      Array.from({ length: 50 }, (_, k) => sendWebhook(hooklens.captureUrl, `/bulk-${i + k}`, { body: 'x' })),
    );
  }
  await sendWebhook(hooklens.captureUrl, '/special', { body: 'special' });
  await openApp(page, hooklens);
  await expect(page.getByText('1,001 requests', { exact: true })).toBeVisible();

  const search = page.getByLabel('Search captures');
  await search.fill('bulk');
  await expect(page.getByText('1,000 of 1,001 shown')).toBeVisible();
  await page.getByRole('button', { name: 'Clear all' }).click();
  const confirm = page.getByRole('group', { name: 'Confirm clearing' });
  await expect(confirm.getByRole('button', { name: 'Delete all 1,001' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('clear-shown.png') });
  await confirm.getByRole('button', { name: 'Delete the 1,000 shown' }).click();

  // Nothing left matches "bulk": the list says so instead of going blank.
  await expect(page.getByText('1 request', { exact: true })).toBeVisible();
  await expect(page.getByText('No captures match')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('no-match.png') });
  await page.getByRole('button', { name: 'Reset filters' }).click();
  await expect(search).toHaveValue('');
  await expect(captureRow(page, 'POST', '/special')).toBeVisible();
  await expect(page.getByText('No captures match')).toHaveCount(0);

  // The delete of the 1,000 reaches the core once its toast has gone.
  await expect(page.getByRole('status', { name: 'Undo delete' })).not.toContainText('Deleted');
  await page.reload();
  await expect(page.locator('.app[data-ready="true"]')).toBeVisible();
  await expect(page.getByText('1 request', { exact: true })).toBeVisible();

  // Enter (or ↓) in the search box opens the first result and puts the focus on it.
  await sendWebhook(hooklens.captureUrl, '/other', { body: 'o' });
  await expect(page.getByText('2 requests', { exact: true })).toBeVisible();
  await page.getByLabel('Search captures').fill('special');
  await page.getByLabel('Search captures').press('Enter');
  await expect(openButton(page, 'POST', '/special')).toBeFocused();
  await expect(
    page.getByRole('region', { name: 'Capture detail' }).getByLabel('Request URL', { exact: true }),
  ).toContainText('/special');
  await page.getByLabel('Search captures').fill('');
  await page.getByLabel('Search captures').press('ArrowDown');
  await expect(openButton(page, 'POST', '/other')).toBeFocused();
});
