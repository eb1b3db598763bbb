/*
 * Signature checks in the real UI: a Stripe-signed and a GitHub-signed webhook (signed by the
 * providers' own SDKs) are captured, the secret is pasted once, the verdict is valid; a wrong secret
 * turns it invalid with the reason.
 */
import { sign as octokitSign } from '@octokit/webhooks-methods';
import type { Page } from '@playwright/test';
import Stripe from 'stripe';
import { sendWebhook } from './support/app';
import { expect, openApp, openButton, test } from './support/fixtures';
import { docScreenshot } from './support/screenshots';

const stripeSdk = new Stripe('sk_test_hooklens_e2e');

async function openSignatureTab(page: Page, path: string) {
  await openButton(page, 'POST', path).click();
  const detail = page.getByRole('region', { name: 'Capture detail' });
  await detail.getByRole('tab', { name: 'Signature' }).click();
  return detail.getByRole('region', { name: 'Signature check' });
}

async function saveSecret(panel: ReturnType<Page['getByRole']>, secret: string): Promise<void> {
  await panel.getByLabel('Signing secret').fill(secret);
  await panel.getByRole('button', { name: 'Save secret & check' }).click();
}

test('a Stripe-signed webhook verifies once the secret is pasted, and not with a wrong one', async ({
  page,
  hooklens,
}) => {
  await openApp(page, hooklens);
  const secret = 'whsec_e2e_stripe_0123456789abcdef';
  const body = '{"id":"evt_e2e","object":"event","type":"checkout.session.completed"}';
  const header = stripeSdk.webhooks.generateTestHeaderString({
    payload: body,
    secret,
    timestamp: Math.floor(Date.now() / 1000),
  });
  const sent = await sendWebhook(hooklens.captureUrl, '/hooks/stripe', {
    headers: { 'Content-Type': 'application/json', 'Stripe-Signature': header },
    body,
  });
  expect(sent.status).toBe(200);

  const panel = await openSignatureTab(page, '/hooks/stripe');
  await expect(panel.getByLabel('Detected provider')).toHaveText('Detected: Stripe');
  await saveSecret(panel, secret);
  const verdict = panel.getByRole('status', { name: 'Signature verdict' });
  await expect(verdict).toContainText('Valid signature');
  await expect(verdict).toContainText('v1 signature matches');
  await docScreenshot(page, 'signature');
  // The secret field is cleared and only a masked form is shown afterwards.
  await expect(panel.getByLabel('Signing secret')).toHaveValue('');
  await expect(panel.getByLabel('Stored secret')).toContainText('whsec_••••••••cdef');
  await expect(page.getByText(secret)).toHaveCount(0);

  await saveSecret(panel, 'whsec_e2e_wrong_secret_value');
  await expect(verdict).toContainText('Invalid signature: Signature mismatch');
  await expect(verdict).toContainText('v1 signature does not match');
  await expect(verdict.getByLabel('Expected signature')).toBeVisible();
  await expect(verdict.getByLabel('Received signature')).toHaveText(header.split('v1=')[1]);

  // The same secret without its whsec_ prefix is named as a secret-form problem.
  await saveSecret(panel, secret.slice('whsec_'.length));
  await expect(verdict).toContainText('Secret in the wrong form');
});

test('a GitHub-signed webhook verifies with the pasted secret', async ({ page, hooklens }) => {
  await openApp(page, hooklens);
  const secret = 'e2e-github-webhook-secret';
  const body = '{"action":"opened","issue":{"number":42,"title":"Signature check"}}';
  const sent = await sendWebhook(hooklens.captureUrl, '/hooks/github', {
    headers: {
      'Content-Type': 'application/json',
      'X-GitHub-Event': 'issues',
      'X-Hub-Signature-256': await octokitSign(secret, body),
    },
    body,
  });
  expect(sent.status).toBe(200);

  const panel = await openSignatureTab(page, '/hooks/github');
  await expect(panel.getByLabel('Detected provider')).toContainText('GitHub');
  await saveSecret(panel, secret);
  const verdict = panel.getByRole('status', { name: 'Signature verdict' });
  await expect(verdict).toContainText('Valid signature');

  await saveSecret(panel, `${secret}-edited`);
  await expect(verdict).toContainText('Invalid signature');
  await expect(verdict).toContainText('X-Hub-Signature-256 does not match');
});

test("a mismatch says whether the same secret validates the endpoint's other captures", async ({ page, hooklens }) => {
  await openApp(page, hooklens);
  const secret = 'whsec_e2e_siblings_0123456789abcdef';
  // Stripe sends pretty-printed JSON: that alone must not be called a re-formatting.
  const event = (n: number) =>
    JSON.stringify({ id: `evt_${n}`, object: 'event', data: { object: { amount: 1000 + n } } }, null, 2);
  const stripeHeaders = (body: string) => ({
    'Content-Type': 'application/json',
    'Stripe-Signature': stripeSdk.webhooks.generateTestHeaderString({
      payload: body,
      secret,
      timestamp: Math.floor(Date.now() / 1000),
    }),
  });
  for (const n of [1, 2])
    expect(
      (
        await sendWebhook(hooklens.captureUrl, `/hooks/sibling-${n}`, {
          headers: stripeHeaders(event(n)),
          body: event(n),
        })
      ).status,
    ).toBe(200);
  // Signed over one body, delivered with one byte changed.
  const changed = await sendWebhook(hooklens.captureUrl, '/hooks/changed', {
    headers: stripeHeaders(event(3)),
    body: event(3).replace('1003', '1004'),
  });
  expect(changed.status).toBe(200);

  const panel = await openSignatureTab(page, '/hooks/changed');
  await saveSecret(panel, secret);
  const verdict = panel.getByRole('status', { name: 'Signature verdict' });
  const hints = verdict.getByRole('list', { name: 'Hints' });
  await expect(verdict).toContainText('Invalid signature: Signature mismatch');
  await expect(hints).toContainText(/this secret validated \d+ other captures of this endpoint/);
  await expect(hints).toContainText('the body of this one (or a signed header) was probably changed after signing');
  await expect(verdict).not.toContainText(/pretty-printed|re-formatted/);
  await page.screenshot({ path: test.info().outputPath('sibling-evidence.png') });

  await saveSecret(panel, 'whsec_e2e_not_the_secret_at_all');
  await expect(hints).toContainText('no capture of this endpoint validates with this secret');
  await expect(hints).toContainText('probably the wrong secret');
});
