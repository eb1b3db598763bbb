/*
 * What a user sees when sending from the Replay tab: the response in view (beside the editor on
 * wide panes, scrolled to and focused otherwise), a spinner and Cancel while a slow target keeps
 * it waiting, and Re-sign next to Send once the request was edited, remembered per endpoint.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import type { Page } from '@playwright/test';
import { sendWebhook, type RunningHooklens } from './support/app';
import { callApi } from './support/control-api';
import { startEcho } from './support/echo';
import { expect, openApp, openButton, test } from './support/fixtures';
import { docScreenshot } from './support/screenshots';
import { startStripeTarget } from './support/stripe-target';

async function openReplay(
  page: Page,
  app: RunningHooklens,
  targetUrl: string,
  pathName: string,
  init: Parameters<typeof sendWebhook>[2],
) {
  await openApp(page, app);
  expect((await sendWebhook(app.captureUrl, pathName, init)).status).toBe(200);
  await openButton(page, 'POST', pathName).click();
  const detail = page.getByRole('region', { name: 'Capture detail' });
  await detail.getByRole('tab', { name: 'Replay' }).click();
  await detail.getByLabel('Target').fill(targetUrl);
  await detail.getByLabel('Target').press('Enter');
  await expect(detail.getByLabel('Target')).toHaveValue(targetUrl);
  return detail;
}

// Many lines of body, so the editor is taller than the window.
const longBody = JSON.stringify(
  { items: Array.from({ length: 60 }, (_, i) => ({ id: i, name: `item ${i}` })) },
  null,
  2,
);

for (const [width, layout] of [
  [1360, 'beside the editor'],
  [900, 'below the editor, scrolled to and focused'],
] as const) {
  test(`after Send the response is visible: ${layout}`, async ({ page, hooklens }) => {
    await page.setViewportSize({ width, height: 800 });
    const echo = await startEcho();
    try {
      const detail = await openReplay(page, hooklens, echo.url, '/hooks/long', {
        headers: { 'Content-Type': 'application/json' },
        body: longBody,
      });
      await detail.getByRole('button', { name: 'Edit & replay' }).click();
      const editor = detail.getByRole('form', { name: 'Edit request' });
      await editor.getByRole('button', { name: 'Send' }).click();
      const response = detail.getByRole('region', { name: 'Response' });
      await expect(response.getByLabel('Response status')).toHaveText(/^200 OK/);
      await expect(response).toBeInViewport();
      await expect(response).toBeFocused();
      const [e, r] = [(await editor.boundingBox())!, (await response.boundingBox())!];
      if (width === 1360) expect(r.x).toBeGreaterThan(e.x + e.width / 2);
      else expect(r.y).toBeGreaterThan(e.y + e.height - 1);
      await docScreenshot(page, `replay-response-${width}`);
    } finally {
      await echo.close();
    }
  });
}

test('a slow target shows a spinner and can be cancelled', async ({ page, hooklens }) => {
  const held: http.ServerResponse[] = [];
  const slow = http.createServer((_req, res) => void held.push(res));
  await new Promise<void>((r) => slow.listen(0, '127.0.0.1', () => r()));
  try {
    const url = `http://127.0.0.1:${(slow.address() as AddressInfo).port}`;
    const detail = await openReplay(page, hooklens, url, '/hooks/slow', {
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    await detail.getByRole('button', { name: 'Replay', exact: true }).click();
    const response = detail.getByRole('region', { name: 'Response' });
    await expect(response).toHaveAttribute('aria-busy', 'true');
    await expect(response.getByRole('status')).toContainText('Waiting for the target');
    await expect(response).toBeInViewport();
    await expect(detail.getByRole('button', { name: 'Replay', exact: true })).toBeDisabled();
    await expect.poll(() => held.length).toBe(1);
    await docScreenshot(page, 'replay-waiting');
    await response.getByRole('button', { name: 'Cancel' }).click();
    await expect(response.getByRole('alert')).toHaveText(
      'Could not get a response: cancelled before the target answered',
    );
    await expect(detail.getByRole('button', { name: 'Replay', exact: true })).toBeEnabled();
    await expect(detail.getByRole('list', { name: 'Replay history' }).getByRole('listitem')).toHaveCount(1);
  } finally {
    await new Promise<void>((r) => (slow.closeAllConnections(), slow.close(() => r())));
  }
});

test('Re-sign is offered next to Send once the request is edited, and remembered for the endpoint', async ({
  page,
  hooklens,
}) => {
  const secret = 'whsec_e2e_resign_next_to_send';
  const stripe = new Stripe('sk_test_unused');
  const target = await startStripeTarget(secret);
  try {
    await callApi(hooklens, 'setSignatureSecret', 'default', 'stripe', secret);
    const body = '{"id":"evt_9","object":"event","type":"charge.succeeded","data":{"object":{"amount":5}}}';
    const signature = stripe.webhooks.generateTestHeaderString({ payload: body, secret });
    const detail = await openReplay(page, hooklens, target.url, '/stripe/resign', {
      headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature, 'X-Note': 'one' },
      body,
    });
    await detail.getByRole('button', { name: 'Edit & replay' }).click();
    const editor = detail.getByRole('form', { name: 'Edit request' });
    const resign = editor.getByRole('checkbox', { name: 'Re-sign (Stripe)' });
    await expect(resign).toHaveCount(0);

    // A header edit is enough to offer it, beside Send.
    await editor.getByLabel('Header X-Note value').fill('two');
    await expect(resign).toBeVisible();
    await expect(resign).not.toBeChecked();
    const send = editor.getByRole('button', { name: 'Send' });
    const [box, sendBox] = [(await resign.boundingBox())!, (await send.boundingBox())!];
    expect(Math.abs(box.y + box.height / 2 - (sendBox.y + sendBox.height / 2))).toBeLessThan(8);
    expect(sendBox.x - box.x).toBeLessThan(200);
    await resign.check();
    await docScreenshot(page, 'replay-resign-next-to-send');
    await send.click();
    await expect(detail.getByRole('region', { name: 'Response' })).toContainText('re-signed (stripe)');
    expect(target.verdicts).toEqual(['ok 5']);

    // Remembered for this endpoint, across a reload.
    await page.reload();
    await expect(page.locator('.app[data-ready="true"]')).toBeVisible();
    await openButton(page, 'POST', '/stripe/resign').click();
    await detail.getByRole('tab', { name: 'Replay' }).click();
    await detail.getByRole('button', { name: 'Edit & replay' }).click();
    await editor.getByRole('textbox', { name: 'Request body' }).click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.insertText(body.replace('"amount":5', '"amount":6'));
    await expect(resign).toBeChecked();
    await send.click();
    await expect.poll(() => target.verdicts).toEqual(['ok 5', 'ok 6']);
  } finally {
    await target.close();
  }
});
