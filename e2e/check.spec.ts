/*
 * Check handler in the real UI: a Stripe-signed capture is checked against two real handlers on
 * this machine. The correct one (Stripe's constructEvent + a seen-ids set) scores all passes; the
 * naive one (no verification, a unique-constraint crash on repeats, slow work for one event type)
 * gets exactly the forged, unsigned, duplicate and too-slow failures, each with its reason. A
 * remote target asks before anything is sent.
 */
import type { Page } from '@playwright/test';
import { sign as octokitSign } from '@octokit/webhooks-methods';
import { Webhook } from 'standardwebhooks';
import Stripe from 'stripe';
import { startCorrectHandler, startNaiveHandler, type TestHandler } from '../src/main/core/check/test-support/handlers';
import { stripeInvoicePaid } from '../src/main/core/check/test-support/stripe-events';
import { sendWebhook, type RunningHooklens } from './support/app';
import { callApi } from './support/control-api';
import { expect, openApp, openButton, test } from './support/fixtures';
import { docScreenshot } from './support/screenshots';

const stripeSdk = new Stripe('sk_test_hooklens_e2e');
const SECRET = 'whsec_e2e_check_0123456789abcdef';

/** Captures a Stripe-signed invoice.paid, points replays at `targetBase` and opens the Check handler tab. */
async function openCheck(page: Page, app: RunningHooklens, targetBase: string) {
  await callApi(app, 'setSignatureSecret', 'default', 'stripe', SECRET);
  await callApi(app, 'updateReplaySettings', { targetBase });
  await openApp(page, app);
  const body = stripeInvoicePaid('evt_e2e_check', 'in_e2e');
  const header = stripeSdk.webhooks.generateTestHeaderString({ payload: body, secret: SECRET });
  const sent = await sendWebhook(app.captureUrl, '/webhook', {
    headers: { 'Content-Type': 'application/json', 'Stripe-Signature': header },
    body,
  });
  expect(sent.status).toBe(200);
  await openButton(page, 'POST', '/webhook').click();
  const detail = page.getByRole('region', { name: 'Capture detail' });
  await detail.getByRole('tab', { name: 'Check handler' }).click();
  return detail.getByRole('region', { name: 'Check handler' });
}

let handler: TestHandler | undefined;
test.afterEach(async () => {
  await handler?.close();
  handler = undefined;
});

test('a correct handler (Stripe SDK + seen ids) scores all passes; probes open to the exact request', async ({
  page,
  hooklens,
}) => {
  handler = await startCorrectHandler('stripe', SECRET);
  const panel = await openCheck(page, hooklens, `http://127.0.0.1:${handler.port}`);
  await expect(panel.getByLabel('Equivalent command')).toHaveText(
    `hooklens check --target http://127.0.0.1:${handler.port}/webhook --provider stripe --secret "$STRIPE_WEBHOOK_SECRET" --event invoice.paid`,
  );
  await expect(panel.getByRole('button', { name: 'Copy as command' })).toBeVisible();

  // Keyboard only: the run starts from the focused button.
  await panel.getByRole('button', { name: 'Check handler' }).focus();
  await page.keyboard.press('Enter');
  const summary = panel.getByRole('status', { name: 'Scorecard summary' });
  await expect(summary).toContainText('10 passed, 0 warned, 0 failed, 1 skipped');
  const scorecard = panel.getByRole('list', { name: 'Scorecard' });
  await expect(scorecard.getByText('FAIL', { exact: true })).toHaveCount(0);

  const forged = scorecard.getByRole('group').filter({ hasText: 'Body changed after signing' });
  await forged.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(forged.getByLabel('Request body')).toContainText('"hooklens_forged":true');
  await expect(forged.getByRole('table', { name: 'Request headers' })).toContainText('Stripe-Signature');
  await expect(forged.getByLabel('Response body excerpt')).toContainText(
    'No signatures found matching the expected signature',
  );
  await docScreenshot(page, 'check');

  // The probe's request is in the replay history: it opens in the Replay tab, ready to edit and re-send.
  await forged.getByRole('button', { name: 'Open in Replay' }).click();
  const detail = page.getByRole('region', { name: 'Capture detail' });
  await expect(detail.getByRole('tab', { name: 'Replay' })).toHaveAttribute('aria-selected', 'true');
  await expect(detail.getByLabel('Response status')).toContainText('400');
  await expect(detail.getByRole('button', { name: 'Edit this request' })).toBeVisible();
  await detail.getByRole('tab', { name: 'Check handler' }).click();

  // Re-run replaces the scorecard; the probes went to the replay history too.
  await panel.getByRole('button', { name: 'Re-run check' }).click();
  await expect(summary).toContainText('10 passed');
  const history = (await callApi(
    hooklens,
    'listReplays',
    ((await callApi(hooklens, 'listCaptures')) as { items: { id: string }[] }).items[0]!.id,
  )) as { source: string }[];
  expect(history.filter((h) => h.source === 'check').length).toBeGreaterThanOrEqual(34);
});

test('correct handlers on @octokit/webhooks-methods and standardwebhooks score all passes too', async ({
  page,
  hooklens,
}) => {
  const cases = [
    {
      provider: 'github' as const,
      secret: 'github-e2e-check-secret',
      path: '/gh',
      body: '{"action":"opened","issue":{"number":1}}',
      headers: async (body: string, secret: string) => ({
        'X-GitHub-Event': 'issues',
        'X-GitHub-Delivery': '72d3162e-cc78-11e3-81ab-4c9367dc0958',
        'X-Hub-Signature-256': await octokitSign(secret, body),
      }),
    },
    {
      provider: 'standard-webhooks' as const,
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      path: '/sw',
      body: '{"type":"user.created","data":{"id":"user_1"}}',
      headers: async (body: string, secret: string) => {
        const id = 'msg_e2e_check_1';
        const now = new Date();
        return {
          'webhook-id': id,
          'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
          'webhook-signature': new Webhook(secret).sign(id, now, body),
        };
      },
    },
  ];
  await openApp(page, hooklens);
  for (const c of cases) {
    const h = await startCorrectHandler(c.provider, c.secret);
    try {
      await callApi(hooklens, 'setSignatureSecret', 'default', c.provider, c.secret);
      await callApi(hooklens, 'updateReplaySettings', { targetBase: `http://127.0.0.1:${h.port}` });
      const headers = { 'Content-Type': 'application/json', ...(await c.headers(c.body, c.secret)) };
      expect((await sendWebhook(hooklens.captureUrl, c.path, { headers, body: c.body })).status).toBe(200);
      await openButton(page, 'POST', c.path).click();
      const detail = page.getByRole('region', { name: 'Capture detail' });
      await detail.getByRole('tab', { name: 'Check handler' }).click();
      const panel = detail.getByRole('region', { name: 'Check handler' });
      await panel.getByRole('button', { name: 'Check handler' }).click();
      await expect(panel.getByRole('status', { name: 'Scorecard summary' })).toContainText(
        '10 passed, 0 warned, 0 failed, 1 skipped',
        { timeout: 20_000 },
      );
    } finally {
      await h.close();
    }
  }
});

test('a naive handler gets exactly the forged, unsigned, duplicate and too-slow failures, with a progress bar meanwhile', async ({
  page,
  hooklens,
}) => {
  // Slower than Stripe's 10 s on the event the reverse-order probe sends first.
  handler = await startNaiveHandler({ slowType: 'customer.subscription.updated', slowMs: 11_000 });
  const panel = await openCheck(page, hooklens, `http://127.0.0.1:${handler.port}`);
  await panel.getByRole('button', { name: 'Check handler' }).click();
  const progress = panel.getByRole('progressbar', { name: 'Check progress' });
  await expect(progress).toBeVisible();
  await expect(panel.getByText(/^\d+ of 10 probes$/)).toBeVisible();
  await docScreenshot(page, 'check-running');

  const summary = panel.getByRole('status', { name: 'Scorecard summary' });
  await expect(summary).toContainText('2 passed, 1 warned, 7 failed, 1 skipped', { timeout: 20_000 });
  const rows = panel.getByRole('list', { name: 'Scorecard' }).locator('summary');
  const fails = (await rows.allTextContents()).filter((t) => t.startsWith('FAIL'));
  expect(fails).toHaveLength(7);
  const expected = [
    /^FAIL Body changed after signing Your handler accepts forged webhooks: the body was changed after signing/,
    /^FAIL Signature header missing Your handler accepts unsigned webhooks: Stripe-Signature was left out/,
    /^FAIL Signed with another secret Your handler accepts forged webhooks: the delivery was signed with a secret that is not yours/,
    /^FAIL Old timestamp \(replay attack\) Your handler accepts replayed webhooks/,
    /^FAIL Duplicate delivery, then 5 copies at once Your handler fails on a repeated delivery: .* got 500 .* deduplicate on the body field id/,
    /^FAIL Retry after a timeout Your handler fails on a repeated delivery: .* got 500/,
    /^FAIL Response times Too slow: 1 of \d+ requests got no answer within Stripe's 10 s timeout|^FAIL Response times Too slow: 1 of \d+ requests got no answer within the 10 s allowed for Stripe/,
  ];
  expected.forEach((re, i) => expect(fails[i]).toMatch(re));
  await docScreenshot(page, 'check-naive');
});

test('a target that is not this machine needs a confirmation, and nothing is sent without it', async ({
  page,
  hooklens,
}) => {
  const panel = await openCheck(page, hooklens, 'http://192.0.2.10:8080');
  await panel.getByRole('button', { name: 'Check handler' }).click();
  const confirm = panel.getByRole('alertdialog');
  await expect(confirm).toContainText('192.0.2.10:8080 is not this machine');
  await expect(confirm.getByRole('button', { name: 'Send probes' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(panel.getByRole('progressbar')).toHaveCount(0);
  const id = ((await callApi(hooklens, 'listCaptures')) as { items: { id: string }[] }).items[0]!.id;
  expect(await callApi(hooklens, 'listReplays', id)).toEqual([]);
});
