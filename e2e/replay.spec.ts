/*
 * Edit & replay in the real UI: a captured JSON POST is edited in the body editor and sent to a
 * local echo server started by the test, which records what arrived.
 */
import Stripe from 'stripe';
import { sendWebhook } from './support/app';
import { callApi } from './support/control-api';
import { startEcho } from './support/echo';
import { expect, openApp, openButton, test } from './support/fixtures';
import { docScreenshot } from './support/screenshots';
import { startStripeTarget } from './support/stripe-target';

test('edits a captured JSON body, sends it to a local server and shows the echo', async ({ page, hooklens }) => {
  const echo = await startEcho();
  try {
    await openApp(page, hooklens);
    const original = '{"id":"evt_1","type":"order.paid","amount":100}';
    expect(
      (
        await sendWebhook(hooklens.captureUrl, '/hooks/order?x=1', {
          headers: { 'Content-Type': 'application/json' },
          body: original,
        })
      ).status,
    ).toBe(200);
    await openButton(page, 'POST', '/hooks/order').click();

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
    await docScreenshot(page, 'replay');
    expect(echo.received).toEqual([{ method: 'POST', url: '/hooks/order?x=1', body: edited }]);

    // The send is in the history, and the capture itself is unchanged.
    await expect(detail.getByRole('list', { name: 'Replay history' }).getByRole('listitem')).toHaveCount(1);
    await detail.getByRole('tab', { name: 'Body' }).click();
    await expect(detail.getByTestId('code-viewer')).toContainText('"amount": 100');
  } finally {
    await echo.close();
  }
});

test('auto-forwards new captures, showing retries until the target comes up', async ({ page, hooklens }) => {
  // Reserve a port, then free it: the target is down when the first capture arrives.
  const probe = await startEcho();
  await probe.close();
  const port = Number(new URL(probe.url).port);
  let echo: Awaited<ReturnType<typeof startEcho>> | undefined;
  try {
    await openApp(page, hooklens);
    const tools = page.getByRole('group', { name: 'Auto-forward' });
    await tools.getByLabel('Auto-forward target').fill(probe.url);
    await tools.getByRole('checkbox', { name: 'Auto-forward to' }).check();
    await expect(tools.getByRole('checkbox', { name: 'Auto-forward to' })).toBeChecked();

    const body = '{"id":"evt_2","type":"order.created"}';
    await sendWebhook(hooklens.captureUrl, '/hooks/forwarded', {
      headers: { 'Content-Type': 'application/json' },
      body,
    });
    const attempts = tools.getByRole('list', { name: 'Auto-forward attempts' });
    await expect(attempts).toContainText(`Retrying (1/5) nothing is listening on 127.0.0.1:${port}`);

    echo = await startEcho(port);
    await expect(attempts.getByText(/Delivered \([2-5]\/5\) 200/)).toBeVisible();
    expect(echo.received).toEqual([{ method: 'POST', url: '/hooks/forwarded', body }]);

    // Each line names its capture, as a link that opens it.
    await page.screenshot({ path: test.info().outputPath('forward-log.png') });
    await attempts.getByRole('listitem').first().getByRole('button', { name: 'POST /hooks/forwarded' }).click();
    await expect(
      page.getByRole('region', { name: 'Capture detail' }).getByLabel('Request URL', { exact: true }),
    ).toContainText('/hooks/forwarded');
    // Turned off, the log goes, and does not come back with a reload.
    await tools.getByRole('checkbox', { name: 'Auto-forward to' }).uncheck();
    await expect(attempts).toHaveCount(0);
    await page.reload();
    await expect(page.locator('.app[data-ready="true"]')).toBeVisible();
    await expect(tools.getByRole('checkbox', { name: 'Auto-forward to' })).not.toBeChecked();
    await expect(attempts).toHaveCount(0);
  } finally {
    await echo?.close();
  }
});

test('re-signs an edited Stripe webhook so the Stripe SDK at the target accepts it', async ({ page, hooklens }) => {
  const secret = 'whsec_e2e_replay_3kQm9';
  const stripe = new Stripe('sk_test_unused');
  const target = await startStripeTarget(secret);
  const targetUrl = target.url;
  try {
    await callApi(hooklens, 'setSignatureSecret', 'default', 'stripe', secret);
    await openApp(page, hooklens);
    const body = '{"id":"evt_3","object":"event","type":"charge.succeeded","data":{"object":{"amount":100}}}';
    const signature = stripe.webhooks.generateTestHeaderString({ payload: body, secret });
    await sendWebhook(hooklens.captureUrl, '/stripe', {
      headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature },
      body,
    });
    await openButton(page, 'POST', '/stripe').click();

    const detail = page.getByRole('region', { name: 'Capture detail' });
    await detail.getByRole('tab', { name: 'Replay' }).click();
    await detail.getByLabel('Target').fill(targetUrl);
    await detail.getByLabel('Target').press('Enter');
    await detail.getByRole('button', { name: 'Edit & replay' }).click();
    const editor = detail.getByRole('form', { name: 'Edit request' });
    await expect(editor.getByLabel('URL')).toHaveValue(`${targetUrl}/stripe`);

    await editor.getByRole('textbox', { name: 'Request body' }).click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.insertText(body.replace('"amount":100', '"amount":777'));
    const warning = editor.getByText('The body was edited: the original Stripe signature will no longer match.');
    await expect(warning).toBeVisible();

    const resign = editor.getByRole('checkbox', { name: /Re-sign \(Stripe\)/ });
    await resign.check();
    await expect(warning).toBeHidden();
    await editor.getByRole('button', { name: 'Send' }).click();

    const response = detail.getByRole('region', { name: 'Response' });
    await expect(response.getByLabel('Response status')).toHaveText(/^200 OK/);
    await expect(response).toContainText('re-signed (stripe)');
    expect(target.verdicts).toEqual(['ok 777']);
  } finally {
    await target.close();
  }
});
