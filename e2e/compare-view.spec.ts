import { sendWebhook } from './support/app';
import { expect, openApp, test } from './support/fixtures';
import { docScreenshot } from './support/screenshots';

// A long delivery: the side-by-side text starts below the fold and has unchanged stretches.
function invoice(created: number, amount: number, lastAmount: number): object {
  const lines = Array.from({ length: 40 }, (_, i) => ({ id: `il_${i}`, amount: i === 39 ? lastAmount : 100 + i }));
  return {
    id: 'evt_1',
    created,
    type: 'invoice.paid',
    data: { object: { id: 'in_1', amount_paid: amount, lines: { data: lines } } },
  };
}

test('older capture left, labelled noise rules, noise not highlighted, next change scrolls into view', async ({
  page,
  hooklens,
}) => {
  await page.setViewportSize({ width: 1360, height: 760 });
  await openApp(page, hooklens);
  for (const body of [invoice(1700000000, 1000, 500), invoice(1700000042, 2000, 900)]) {
    const res = await sendWebhook(hooklens.captureUrl, '/stripe/invoice', {
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(200);
  }
  const boxes = page.getByRole('checkbox', { name: 'Select POST /stripe/invoice' });
  await expect(boxes).toHaveCount(2);
  // Ticked in list order (newest first): the older still goes left.
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await page.getByRole('button', { name: 'Compare', exact: true }).click();

  const view = page.getByRole('region', { name: 'Compare captures' });
  const changes = view.getByRole('list', { name: 'Body changes' }).getByRole('listitem');
  await expect(changes).toHaveCount(3);
  await expect(changes.nth(0)).toContainText('created: 1700000000 → 1700000042');
  await expect(view.getByRole('row', { name: /Time between/ })).toContainText('+');
  await expect(view.getByRole('row', { name: /Time between/ })).not.toContainText('-');

  // The rule inputs have visible labels and their own Add buttons.
  await view.getByLabel('Ignore header').fill('X-Request-Id');
  await view.getByRole('button', { name: 'Add ignored header' }).click();
  await expect(view.getByRole('list', { name: 'Ignored paths and headers' })).toContainText('X-Request-Id');
  await view.getByLabel('Ignore JSON path').fill('created');
  await view.getByRole('button', { name: 'Add ignored path' }).click();
  await expect(changes).toHaveCount(2);

  // The hidden `created` change is no longer highlighted in the side-by-side text.
  const merge = view.getByTestId('merge-view');
  const left = merge.getByLabel('Left body text');
  const right = merge.getByLabel('Right body text');
  const highlighted = (side: typeof left) => side.locator('.cm-changedLine:not(.cm-noise-line)');
  // (CodeMirror renders only the lines near the window, so lines are checked by text.)
  await expect(highlighted(right).filter({ hasText: '"amount_paid": 2000' })).toHaveCount(1);
  await expect(highlighted(left).filter({ hasText: '"amount_paid": 1000' })).toHaveCount(1);
  await expect(right.locator('.cm-changedLine.cm-noise-line', { hasText: '"created"' })).toHaveCount(1);
  await expect(highlighted(right).filter({ hasText: '"created"' })).toHaveCount(0);
  await expect(highlighted(left).filter({ hasText: '"created"' })).toHaveCount(0);
  const createdLine = right.locator('.cm-line', { hasText: '"created": 1700000042' });
  await expect(createdLine).toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');

  // The marker of collapsed stretches uses a glyph the fonts have.
  const collapsed = merge.locator('.cm-collapsedLines').first();
  await expect(collapsed).toContainText('unchanged lines');
  expect(await collapsed.evaluate((el) => getComputedStyle(el, '::before').content)).toBe('"↕"');

  // Next change skips the hidden chunk and brings each change into the window.
  await expect(merge).not.toBeInViewport();
  const next = view.getByRole('button', { name: 'Next change' });
  await next.click();
  await expect(right.locator('.cm-diff-focus')).toContainText('"amount_paid": 2000');
  await expect(right.locator('.cm-diff-focus')).toBeInViewport();
  await next.click();
  await expect(right.locator('.cm-diff-focus')).toContainText('"amount": 900');
  await expect(right.locator('.cm-diff-focus')).toBeInViewport();
  await expect(left.locator('.cm-diff-focus')).toContainText('"amount": 500');
  await docScreenshot(page, 'compare-next-change');
  await next.click();
  await expect(right.locator('.cm-diff-focus')).toContainText('"amount_paid": 2000');
});
