/*
 * What the user is told about their data, in the real UI: a write that fails while running shows
 * a banner at once (not only at the next start), a body file cut short shows its capture marked
 * as truncated, UTF-8 header values are shown decoded with their bytes beside them, and an export
 * carries a secret only when asked to.
 */
import { mkdir, readdir, readFile, truncate } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { launchHooklens, sendWebhook } from './support/app';
import { expect, openApp, openButton, test } from './support/fixtures';

test('a write that fails while running shows a banner at once', async ({ page, hooklens }) => {
  await openApp(page, hooklens);
  // A directory where the journal file must be created: the first write fails, as on a read-only disk.
  await mkdir(path.join(hooklens.dataDir, 'captures', 'journal-000001.jsonl'));
  const res = await sendWebhook(hooklens.captureUrl, '/lost', { body: '{}' });
  expect(res.status).toBe(503);
  await expect(page.getByRole('alert').filter({ hasText: 'journal' })).toBeVisible();
  await page.screenshot({ path: 'test-results/reliability-write-failed.png' });
});

test('a capture whose body file was cut short is kept and marked as truncated', async ({ page }) => {
  const first = await launchHooklens();
  const big = 'x'.repeat(100_000);
  expect(
    (await sendWebhook(first.captureUrl, '/big', { headers: { 'Content-Type': 'text/plain' }, body: big })).status,
  ).toBe(200);
  await first.stop();
  const blobs = path.join(first.dataDir, 'captures', 'blobs');
  const [blob] = await readdir(blobs);
  await truncate(path.join(blobs, blob), 4000);
  const app = await launchHooklens({ dataDir: first.dataDir });
  try {
    await openApp(page, app);
    await expect(page.getByRole('alert').filter({ hasText: 'cut short' })).toBeVisible();
    await expect(openButton(page, 'POST', '/big')).toContainText('damaged');
    await openButton(page, 'POST', '/big').click();
    const detail = page.getByRole('region', { name: 'Capture detail' });
    await expect(detail.getByRole('status', { name: 'Capture damaged' })).toContainText(
      'body truncated: 4000 of 100000 bytes',
    );
    await page.screenshot({ path: 'test-results/reliability-truncated.png' });
  } finally {
    await app.stop({ removeData: true });
  }
});

test('UTF-8 header values are shown decoded, with the bytes as received', async ({ page, hooklens }) => {
  await openApp(page, hooklens);
  // fetch refuses non-latin1 header values, so the bytes go over a raw socket.
  const head = Buffer.concat([
    Buffer.from('POST /utf8 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\nX-Name: '),
    Buffer.from('ünï€😀', 'utf8'),
    Buffer.from('\r\nConnection: close\r\n\r\n{}'),
  ]);
  await new Promise<void>((resolve, reject) => {
    const socket = net.connect(hooklens.capturePort, '127.0.0.1', () => socket.write(head));
    socket.on('data', () => undefined);
    socket.on('end', () => resolve());
    socket.on('error', reject);
  });
  await openButton(page, 'POST', '/utf8').click();
  const detail = page.getByRole('region', { name: 'Capture detail' });
  await detail.getByRole('tab', { name: /Headers/ }).click();
  const row = detail.getByRole('table', { name: 'Request headers' }).getByRole('row', { name: /X-Name/ });
  await expect(row).toContainText('ünï€😀');
  await expect(row).toContainText('c3 bc 6e c3 af e2 82 ac f0 9f 98 80');
  await expect(row).not.toContainText('Ã¼');
});

test('a HAR export leaves out a GitLab token unless "Include secrets" is ticked', async ({ page, hooklens }) => {
  const token = 'glpat-e2e-Secret-77aa';
  const call = async (method: string, ...args: unknown[]): Promise<void> => {
    const res = await fetch(`${hooklens.controlOrigin}/api/call/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Hooklens-Token': hooklens.token },
      body: JSON.stringify({ args }),
    });
    expect(res.status).toBe(200);
  };
  await call('setSignatureSecret', 'default', 'gitlab', token);
  await openApp(page, hooklens);
  const headers = { 'Content-Type': 'application/json', 'X-Gitlab-Event': 'Push Hook', 'X-Gitlab-Token': token };
  expect((await sendWebhook(hooklens.captureUrl, '/gitlab', { headers, body: '{"object_kind":"push"}' })).status).toBe(
    200,
  );
  await openButton(page, 'POST', '/gitlab').click();
  const detail = page.getByRole('region', { name: 'Capture detail' });
  await detail.getByRole('tab', { name: 'Replay' }).click();

  const exportHar = async (): Promise<string> => {
    const download = page.waitForEvent('download');
    await detail.getByRole('button', { name: 'Export HAR' }).click();
    const file = await (await download).path();
    return readFile(file, 'utf8');
  };
  const masked = await exportHar();
  expect(masked).not.toContain(token);
  expect(masked).toContain('{{hooklens-secret:default:gitlab}}');
  await detail.getByRole('checkbox', { name: 'Include secrets in exports' }).check();
  expect(await exportHar()).toContain(token);
});
