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
  // The work is a worker's: Cancel must end it, not only hide it. A worker left running would close
  // only with its result, seconds later; a terminated one closes at the end of its current phase
  // (Chromium forces it after 2 s), so a prompt close is what shows the work was stopped.
  const workers = { started: 0, closed: 0 };
  page.on('worker', (w) => {
    if (!w.url().includes('diff-worker')) return;
    workers.started++;
    w.on('close', () => workers.closed++);
  });
  const PROMPTLY = { timeout: 3_000 };
  await page.getByRole('button', { name: 'Compare', exact: true }).click();

  const view = page.getByRole('region', { name: 'Compare captures' });
  const bar = view.getByRole('progressbar', { name: 'Comparing…' });
  await expect(bar).toBeVisible();
  await expect(view.getByRole('group', { name: 'Diff progress' })).toContainText(/: \d+ %/);
  await page.screenshot({ path: test.info().outputPath('diff-progress.png') });
  expect(workers).toEqual({ started: 1, closed: 0 });
  await view.getByRole('button', { name: 'Cancel diff' }).click();

  await expect.poll(() => workers.closed, PROMPTLY).toBe(1);
  await expect(view.getByRole('status').filter({ hasText: 'Diff cancelled.' })).toBeVisible();
  await expect(bar).toBeHidden();
  await expect(view.getByRole('list', { name: 'Body changes' })).toBeHidden();
  await page.screenshot({ path: test.info().outputPath('diff-cancelled.png') });

  await view.getByRole('button', { name: 'Run the diff again' }).click();
  await expect(view.getByRole('group', { name: 'Diff progress' })).toContainText(/: \d+ %/);
  // Another pair (the sides swapped) cancels the run in flight.
  await view.getByRole('button', { name: 'Swap sides' }).click();
  await expect.poll(() => workers.closed, PROMPTLY).toBe(2);
  await expect(bar).toBeVisible();
  const changes = view.getByRole('list', { name: 'Body changes' }).getByRole('listitem');
  await expect(changes).toHaveCount(1, { timeout: 60_000 });
  await expect(changes.first()).toContainText('pad');
  await expect(bar).toBeHidden();
  await expect(view.getByText('Diff cancelled.')).toBeHidden();
});
