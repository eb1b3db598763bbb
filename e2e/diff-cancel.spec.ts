/*
 * Two 4 MB JSON captures, under the structural-diff limit, so the worker parses and prints both
 * (seconds of work): the compare view shows its progress, Cancel stops it, and it can run again.
 */
import { sendWebhook } from './support/app';
import { jsonOfSize } from './support/bodies';
import { expect, openApp, test } from './support/fixtures';

const SIZE = 4 * 1024 * 1024;

test('a large diff shows its progress, can be cancelled, and runs again to its result', async ({ page, hooklens }) => {
  test.setTimeout(120_000);
  await openApp(page, hooklens);
  for (const pad of ['x', 'y']) {
    const res = await sendWebhook(hooklens.captureUrl, '/github/large', {
      headers: { 'Content-Type': 'application/json' },
      body: jsonOfSize(SIZE, pad),
    });
    expect(res.status).toBe(200);
  }
  const boxes = page.getByRole('checkbox', { name: 'Select POST /github/large' });
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await page.getByRole('button', { name: 'Compare', exact: true }).click();

  // The work is a worker's: Cancel must end it, not only hide it.
  const diffWorkers = (): number => page.workers().filter((w) => w.url().includes('diff-worker')).length;
  const view = page.getByRole('region', { name: 'Compare captures' });
  const bar = view.getByRole('progressbar', { name: 'Comparing…' });
  await expect(bar).toBeVisible();
  await expect(view.getByRole('group', { name: 'Diff progress' })).toContainText(/: \d+ %/);
  await page.screenshot({ path: test.info().outputPath('diff-progress.png') });
  expect(diffWorkers()).toBe(1);
  await view.getByRole('button', { name: 'Cancel diff' }).click();

  await expect(view.getByRole('status').filter({ hasText: 'Diff cancelled.' })).toBeVisible();
  await expect(bar).toBeHidden();
  await expect(view.getByRole('list', { name: 'Body changes' })).toBeHidden();
  await expect.poll(diffWorkers).toBe(0);
  await page.screenshot({ path: test.info().outputPath('diff-cancelled.png') });

  await view.getByRole('button', { name: 'Run the diff again' }).click();
  await expect(bar).toBeVisible();
  // Another pair (the sides swapped) cancels the run in flight: one worker at a time.
  await view.getByRole('button', { name: 'Swap sides' }).click();
  await expect(bar).toBeVisible();
  await expect.poll(diffWorkers).toBe(1);
  const changes = view.getByRole('list', { name: 'Body changes' }).getByRole('listitem');
  await expect(changes).toHaveCount(1, { timeout: 60_000 });
  await expect(changes.first()).toContainText('pad');
  await expect(bar).toBeHidden();
  await expect(view.getByText('Diff cancelled.')).toBeHidden();
});
