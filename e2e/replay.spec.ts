/*
 * Edit & replay in the real UI: a captured JSON POST is edited in the body editor and sent to a
 * local echo server started by the test, which records what arrived.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendWebhook } from './support/app';
import { captureRow, expect, openApp, test } from './support/fixtures';

interface Received {
  method: string;
  url: string;
  body: string;
}

async function startEcho(): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ method: req.method ?? '', url: req.url ?? '', body });
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ echoed: JSON.parse(body) }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}

test('edits a captured JSON body, sends it to a local server and shows the echo', async ({ page, hooklens }) => {
  const echo = await startEcho();
  try {
    await openApp(page, hooklens);
    const original = '{"id":"evt_1","type":"order.paid","amount":100}';
    expect((await sendWebhook(hooklens.captureUrl, '/hooks/order?x=1', { headers: { 'Content-Type': 'application/json' }, body: original })).status).toBe(200);
    await captureRow(page, 'POST', '/hooks/order').getByRole('button').click();

    const detail = page.getByRole('region', { name: 'Capture detail' });
    await detail.getByRole('tab', { name: 'Replay' }).click();
    const target = detail.getByLabel('Target');
    await expect(target).toHaveValue('http://localhost:3000');
    await target.fill(echo.url);
    await target.press('Enter');

    await detail.getByRole('button', { name: 'Edit & replay' }).click();
    const editor = detail.getByRole('form', { name: 'Edit request' });
    await expect(editor.getByLabel('URL')).toHaveValue(`${echo.url}/hooks/order?x=1`);
    await expect(editor.getByLabel('Method')).toHaveValue('POST');
    await expect(editor.getByText('Valid JSON')).toBeVisible();

    const edited = '{"id":"evt_1","type":"order.paid","amount":250}';
    const body = editor.getByRole('textbox', { name: 'Request body' });
    await body.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.insertText(edited);
    await editor.getByRole('button', { name: 'Send' }).click();

    const response = detail.getByRole('region', { name: 'Response' });
    await expect(response.getByLabel('Response status')).toHaveText(/^200 OK/);
    await expect(response.getByRole('textbox', { name: 'Response body' })).toContainText('"amount": 250');
    expect(echo.received).toEqual([{ method: 'POST', url: '/hooks/order?x=1', body: edited }]);

    // The send is in the history, and the capture itself is unchanged.
    await expect(detail.getByRole('list', { name: 'Replay history' }).getByRole('listitem')).toHaveCount(1);
    await detail.getByRole('tab', { name: 'Body' }).click();
    await expect(detail.getByTestId('code-viewer')).toContainText('"amount": 100');
  } finally {
    await echo.close();
  }
});
