import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { sendWebhook } from './support/app';
import { captureRow, expect, openApp, openButton, test } from './support/fixtures';

test('an endpoint with a custom 500 answer: the sender gets 500 and the capture records it', async ({
  page,
  hooklens,
}) => {
  await openApp(page, hooklens);
  await page.getByRole('button', { name: 'Endpoints…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Endpoints' });
  await dialog.getByLabel('New endpoint').fill('stripe-dev');
  await dialog.getByRole('button', { name: 'Create' }).click();
  const editor = dialog.getByRole('region', { name: 'Endpoint stripe-dev' });
  await expect(editor.getByLabel('Endpoint URL', { exact: true })).toHaveText(
    new URL('/e/stripe-dev/', hooklens.captureUrl).toString(),
  );

  await editor.getByRole('radio', { name: /Custom/ }).check();
  await editor.getByLabel('Status code').fill('500');
  await editor.getByLabel('Response body').fill('{"error":"boom"}');
  await editor.getByRole('button', { name: 'Save response' }).click();
  await expect(editor.getByRole('status').filter({ hasText: 'Saved: this endpoint answers 500.' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: /stripe-dev.*answers 500/ })).toBeVisible();
  await page.screenshot({ path: path.resolve(import.meta.dirname, '../test-results/workbench-endpoints.png') });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  const res = await sendWebhook(hooklens.captureUrl, '/e/stripe-dev/hook', { body: '{"type":"charge.failed"}' });
  expect(res.status).toBe(500);
  expect(res.json).toEqual({ error: 'boom' });
  const other = await sendWebhook(hooklens.captureUrl, '/elsewhere', { body: '{}' });
  expect(other.status).toBe(200);

  // The list is filtered to the new endpoint, and the 500 is recorded on its capture.
  await expect(page.getByLabel('Endpoint', { exact: true })).toHaveValue(/^ep_/);
  const row = captureRow(page, 'POST', '/e/stripe-dev/hook');
  await expect(row).toContainText('500');
  await expect(captureRow(page, 'POST', '/elsewhere')).toHaveCount(0);
  await page.getByLabel('Endpoint', { exact: true }).selectOption({ label: 'All endpoints' });
  await expect(captureRow(page, 'POST', '/elsewhere')).toBeVisible();
});

test('search narrows mixed captures to the one containing a word, and follows new ones live', async ({
  page,
  hooklens,
}) => {
  await sendWebhook(hooklens.captureUrl, '/orders', {
    headers: { 'Content-Type': 'application/json' },
    body: '{"item":"apple"}',
  });
  await sendWebhook(hooklens.captureUrl, '/invoices', { headers: { 'X-Note': 'Pineapple-Express' }, body: 'plain' });
  await sendWebhook(hooklens.captureUrl, '/refunds', { method: 'PUT', body: '{"reason":"duplicate"}' });
  await openApp(page, hooklens);
  await expect(page.getByRole('listitem')).toHaveCount(3);

  await page.keyboard.press('Control+k');
  const search = page.getByRole('searchbox', { name: 'Search captures' });
  await expect(search).toBeFocused();
  await search.fill('DUPLICATE');
  await expect(page.getByRole('listitem')).toHaveCount(1);
  await expect(captureRow(page, 'PUT', '/refunds')).toBeVisible();
  await expect(page.getByText('1 of 3 shown')).toBeVisible();
  // The Matches tab shows where the word occurs, highlighted.
  await openButton(page, 'PUT', '/refunds').click();
  const detail = page.getByRole('region', { name: 'Capture detail' });
  await detail.getByRole('tab', { name: 'Matches' }).click();
  const matches = detail.getByRole('table', { name: 'Search matches' });
  await expect(matches.locator('mark')).toHaveText(['duplicate']);
  await expect(matches.getByRole('row')).toHaveCount(1);
  await page.screenshot({ path: path.resolve(import.meta.dirname, '../test-results/workbench-search.png') });

  // A header value matches too; a new matching capture shows up while the search is active.
  await search.fill('pineapple');
  await expect(page.getByRole('listitem')).toHaveCount(1);
  await expect(captureRow(page, 'POST', '/invoices')).toBeVisible();
  await sendWebhook(hooklens.captureUrl, '/late', { body: 'a pineapple arrived' });
  await sendWebhook(hooklens.captureUrl, '/late-other', { body: 'no fruit' });
  await expect(captureRow(page, 'POST', '/late')).toBeVisible();
  await expect(page.getByRole('listitem')).toHaveCount(2);

  // Filters combine with the text.
  await search.fill('');
  await page.getByLabel('Method filter').selectOption('PUT');
  await expect(page.getByRole('listitem')).toHaveCount(1);
  await page.getByLabel('Method filter').selectOption('');
  await expect(page.getByRole('listitem')).toHaveCount(5);
});

test('the theme switch changes the page theme and is remembered', async ({ page, hooklens }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openApp(page, hooklens);
  const html = page.locator('html');
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const lightBg = await bg();
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect.poll(bg).not.toBe(lightBg);
  await page.getByRole('button', { name: 'Switch to dark theme' }).waitFor({ state: 'detached' });
  await expect(page.getByRole('button', { name: 'Switch to light theme' })).toBeVisible();
  await page.screenshot({ path: path.resolve(import.meta.dirname, '../test-results/workbench-dark.png') });

  // The list pane is resizable and keeps its width.
  const sidebar = page.getByRole('navigation', { name: 'Captures' });
  const before = (await sidebar.boundingBox())!.width;
  await page.getByRole('separator', { name: 'Resize capture list' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => Math.round((await sidebar.boundingBox())!.width)).toBe(Math.round(before + 32));

  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect.poll(async () => Math.round((await sidebar.boundingBox())!.width)).toBe(Math.round(before + 32));

  // Settings: back to following the OS.
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('radio', { name: 'Follow the system' }).check();
  await expect(html).not.toHaveAttribute('data-theme', /.*/);
  await expect.poll(bg).toBe(lightBg);

  // A port out of range is a field error.
  await settings.getByLabel('Capture port', { exact: true }).fill('70000');
  await settings.getByRole('button', { name: 'Save capture port' }).click();
  await expect(settings.getByRole('alert')).toContainText('from 1 to 65535');
  // A port another listener holds (here the UI's own) is refused too.
  await settings.getByLabel('Capture port', { exact: true }).fill(new URL(hooklens.uiUrl).port);
  await settings.getByRole('button', { name: 'Save capture port' }).click();
  await expect(settings.getByRole('alert')).toContainText('is in use');
  // Retention: validated, then saved to the settings file for the next start.
  await settings.getByLabel('Keep at most', { exact: true }).fill('5');
  await settings.getByRole('button', { name: 'Save keep at most' }).click();
  await expect(settings.getByRole('alert').filter({ hasText: 'keep from 100' })).toBeVisible();
  await settings.getByLabel('Keep at most', { exact: true }).fill('2500');
  await settings.getByRole('button', { name: 'Save keep at most' }).click();
  await expect(settings.getByRole('status').filter({ hasText: 'applies from the next start' })).toBeVisible();
  await expect
    .poll(
      async () => JSON.parse(await readFile(path.join(hooklens.dataDir, 'settings.json'), 'utf8')).capture.maxCaptures,
    )
    .toBe(2500);
  // Alert thresholds: validated by the core, and each Save sends its own field only.
  const perMinute = Number(await settings.getByLabel('Invalid signatures per minute', { exact: true }).inputValue());
  await settings.getByLabel('Forward failures in a row', { exact: true }).fill('0');
  await settings.getByRole('button', { name: 'Save forward failures in a row' }).click();
  await expect(settings.getByRole('alert').filter({ hasText: 'forward failure threshold' })).toBeVisible();
  await settings.getByLabel('Forward failures in a row', { exact: true }).fill('7');
  await settings.getByRole('button', { name: 'Save forward failures in a row' }).click();
  await expect(settings.getByRole('status').filter({ hasText: /^Saved\.$/ })).toBeVisible();
  await expect
    .poll(async () => JSON.parse(await readFile(path.join(hooklens.dataDir, 'settings.json'), 'utf8')).health)
    .toMatchObject({ forwardFailuresInRow: 7, invalidPerMinute: perMinute });
  await expect(settings.getByLabel('Data directory')).toHaveText(hooklens.dataDir);
  await page.screenshot({ path: path.resolve(import.meta.dirname, '../test-results/workbench-settings.png') });
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();
});

test('keyboard: arrows move through the list, Delete removes, ? lists the shortcuts', async ({ page, hooklens }) => {
  for (const p of ['/one', '/two', '/three']) await sendWebhook(hooklens.captureUrl, p, { body: p });
  await openApp(page, hooklens);
  await expect(page.getByRole('listitem')).toHaveCount(3);
  const detailUrl = page.getByRole('region', { name: 'Capture detail' }).getByLabel('Request URL', { exact: true });

  // Newest first: /three, /two, /one. From nothing selected, ↓ opens the first.
  await page.locator('body').click();
  await page.keyboard.press('ArrowDown');
  await expect(detailUrl).toContainText('/three');
  await page.keyboard.press('ArrowDown');
  await expect(detailUrl).toContainText('/two');
  await expect(openButton(page, 'POST', '/two')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(detailUrl).toContainText('/one');
  await page.keyboard.press('ArrowUp');
  await expect(detailUrl).toContainText('/two');
  await page.keyboard.press('Enter');
  await expect(detailUrl).toContainText('/two');

  await page.keyboard.press('Delete');
  await expect(captureRow(page, 'POST', '/two')).toHaveCount(0);
  await expect(detailUrl).toContainText('/one');

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help.getByRole('row', { name: /Delete the open request/ })).toBeVisible();
  await page.screenshot({ path: path.resolve(import.meta.dirname, '../test-results/workbench-shortcuts.png') });
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

test('Ctrl+Enter sends from the replay editor, even with the focus in the body editor', async ({ page, hooklens }) => {
  const received: string[] = [];
  const target = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      received.push(body);
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('ok');
    });
  });
  await new Promise<void>((r) => target.listen(0, '127.0.0.1', () => r()));
  try {
    const original = '{"n":1}';
    await sendWebhook(hooklens.captureUrl, '/send-me', {
      headers: { 'Content-Type': 'application/json' },
      body: original,
    });
    await openApp(page, hooklens);
    await openButton(page, 'POST', '/send-me').click();
    const detail = page.getByRole('region', { name: 'Capture detail' });
    await detail.getByRole('tab', { name: 'Replay' }).click();
    await detail.getByLabel('Target').fill(`http://127.0.0.1:${(target.address() as AddressInfo).port}`);
    await detail.getByLabel('Target').press('Enter');
    await detail.getByRole('button', { name: 'Edit & replay' }).click();
    const editor = detail.getByRole('form', { name: 'Edit request' });
    await editor.getByRole('textbox', { name: 'Request body' }).click();
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect(detail.getByRole('region', { name: 'Response' }).getByLabel('Response status')).toHaveText(/^200 OK/);
    expect(received).toEqual([original]);
  } finally {
    await new Promise((r) => target.close(r));
  }
});
