/*
 * 5,000 stored captures: the list shows a window of them, scrolls to the last, searches, and
 * compares two captures that sit on different pages. The data dir is filled through the store's
 * own write path before the app starts (5,000 HTTP posts would dominate the test's time).
 */
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { launchHooklens, type RunningHooklens } from './support/app';
import { expect, openApp, test } from './support/fixtures';

const STORED = 5_000;
const NEEDLE = 1234;
const SEED = path.resolve(import.meta.dirname, '../src/main/core/store/test-support/seed-data-dir.ts');

async function seededDataDir(): Promise<string> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hooklens-e2e-many-'));
  await promisify(execFile)(process.execPath, ['--import', 'tsx', SEED, dataDir, String(STORED), String(NEEDLE)]);
  return dataDir;
}

let app: RunningHooklens | undefined;
test.afterEach(async () => app?.stop({ removeData: true }));

test('5,000 stored: a window of rows, scroll to the last, search, compare across pages', async ({ page }) => {
  app = await launchHooklens({ dataDir: await seededDataDir() });
  await openApp(page, app);
  const list = page.getByRole('list', { name: 'Captured requests' });
  await expect(page.getByText(`${STORED.toLocaleString('en-US')} requests`)).toBeVisible();
  const newest = page.getByRole('checkbox', { name: `Select POST /bulk/${STORED - 1}` });
  await expect(newest).toBeVisible();
  // Virtualised and paged: only the rows on screen and a margin are in the page.
  expect(await list.getByRole('listitem').count()).toBeLessThan(100);
  await newest.check();

  // To the bottom: the last page is fetched on demand.
  await list.hover();
  await page.mouse.wheel(0, STORED * 60);
  const oldest = page.getByRole('checkbox', { name: 'Select POST /bulk/0' });
  await expect(oldest).toBeVisible();
  await oldest.check();
  await page.getByRole('button', { name: 'POST /bulk/0,' }).focus();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('button', { name: 'POST /bulk/1,' })).toBeFocused();

  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const view = page.getByRole('region', { name: 'Compare captures' });
  await expect(view.getByRole('list', { name: 'Body changes' }).getByRole('listitem').first()).toContainText(
    `n: 0 → ${STORED - 1}`,
  );
  await view.getByRole('button', { name: 'Close' }).first().click();

  await page
    .getByRole('searchbox', { name: 'Search captures' })
    .or(page.getByLabel('Search captures'))
    .first()
    .fill('needle');
  await expect(page.getByText(`1 of ${STORED.toLocaleString('en-US')} shown`)).toBeVisible();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('checkbox', { name: `Select POST /bulk/${NEEDLE}` })).toBeVisible();
  await page.screenshot({ path: path.join(test.info().outputDir, 'many-captures.png') });
});
