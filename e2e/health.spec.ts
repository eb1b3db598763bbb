/*
 * Webhook health in the real UI: Stripe events signed by Stripe's SDK (one with the wrong secret)
 * get their verdicts on the rows, the health view counts the invalid one, the alert leads to the
 * capture; a GitHub delivery sent twice (a redelivery keeps X-GitHub-Delivery) is a duplicate.
 * With HOOKLENS_SCREENSHOTS=1 the health view is also saved as the README's health picture.
 */
import { sign as octokitSign } from '@octokit/webhooks-methods';
import type { Page } from '@playwright/test';
import Stripe from 'stripe';
import { sendWebhook } from './support/app';
import { captureRow, expect, openApp, openButton, test } from './support/fixtures';
import { docScreenshot } from './support/screenshots';

const stripeSdk = new Stripe('sk_test_hooklens_e2e_health');
const SECRET = 'whsec_e2e_health_0123456789abcdef';

async function sendStripe(captureUrl: string, route: string, id: string, secret: string): Promise<void> {
  const body = JSON.stringify({ id, object: 'event', type: 'invoice.paid', data: { object: { id: 'in_1' } } });
  const header = stripeSdk.webhooks.generateTestHeaderString({
    payload: body,
    secret,
    timestamp: Math.floor(Date.now() / 1000),
  });
  const sent = await sendWebhook(captureUrl, route, {
    headers: { 'Content-Type': 'application/json', 'Stripe-Signature': header },
    body,
  });
  expect(sent.status).toBe(200);
}

async function saveStripeSecret(page: Page, route: string): Promise<void> {
  await openButton(page, 'POST', route).click();
  const detail = page.getByRole('region', { name: 'Capture detail' });
  await detail.getByRole('tab', { name: 'Signature' }).click();
  const panel = detail.getByRole('region', { name: 'Signature check' });
  await panel.getByLabel('Signing secret').fill(SECRET);
  await panel.getByRole('button', { name: 'Save secret & check' }).click();
}

test('Stripe verdicts on the rows, the invalid one counted and alerted, the alert leads to it', async ({
  page,
  hooklens,
}) => {
  await openApp(page, hooklens);
  await sendStripe(hooklens.captureUrl, '/hooks/first', 'evt_first', SECRET);
  await expect(
    captureRow(page, 'POST', '/hooks/first').getByRole('img', { name: 'Signature not checked: no secret stored' }),
  ).toBeVisible();

  // Storing the secret re-judges the capture already there.
  await saveStripeSecret(page, '/hooks/first');
  await expect(captureRow(page, 'POST', '/hooks/first').getByRole('img', { name: 'Signature valid' })).toBeVisible();

  await sendStripe(hooklens.captureUrl, '/hooks/second', 'evt_second', SECRET);
  await sendStripe(hooklens.captureUrl, '/hooks/forged', 'evt_forged', 'whsec_forger_00000000000000000000');
  await expect(captureRow(page, 'POST', '/hooks/second').getByRole('img', { name: 'Signature valid' })).toBeVisible();
  await expect(captureRow(page, 'POST', '/hooks/forged').getByRole('img', { name: 'Signature invalid' })).toBeVisible();
  await expect(openButton(page, 'POST', '/hooks/forged')).toHaveAccessibleName(/invoice\.paid, signature invalid/);

  // The alert: an invalid signature right after valid ones.
  const alerts = page.getByRole('region', { name: 'Health alerts' });
  await expect(alerts.getByRole('alert')).toContainText('Signatures started failing');

  // The health view counts it.
  await page.getByRole('button', { name: 'Health', exact: true }).click();
  const view = page.getByRole('region', { name: 'Webhook health' });
  const tile = (name: string) => view.getByRole('group', { name, exact: true }).getByRole('definition');
  await expect(view.getByRole('heading', { name: 'Health: All endpoints' })).toBeVisible();
  await expect(tile('Invalid signatures')).toHaveText('1');
  await expect(tile('Valid signatures')).toHaveText('2');
  await expect(tile('Deliveries')).toHaveText('3');
  await expect(tile('No secret')).toHaveText('0');
  await expect(view.getByRole('img', { name: /Signatures chart/ })).toBeVisible();
  await expect(view.getByRole('region', { name: 'Recent alerts' })).toContainText('Signatures started failing');

  await page.screenshot({ path: test.info().outputPath('health-light.png') });
  await docScreenshot(page, 'health');
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(view.getByRole('img', { name: /Signatures chart/ })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('health-dark.png') });

  // The table view has the same numbers, per minute.
  await view.getByRole('checkbox', { name: 'Table view' }).check();
  const table = view.getByRole('table', { name: 'Health per minute' });
  await expect(table.getByRole('columnheader', { name: 'Signatures: Invalid' })).toBeVisible();
  await expect(table.getByRole('row').nth(1)).toContainText('3');

  // The alert leads to the capture.
  await alerts.getByRole('button', { name: 'Show capture' }).click();
  const detail = page.getByRole('region', { name: 'Capture detail' });
  await detail.getByRole('tab', { name: 'Overview' }).click();
  await expect(detail).toContainText('evt_forged');
  await expect(detail).toContainText('Signature invalid');
  await expect(alerts).toHaveCount(0);
});

test('a redelivered GitHub delivery is flagged as a duplicate of the first and can be filtered', async ({
  page,
  hooklens,
}) => {
  await openApp(page, hooklens);
  const body = JSON.stringify({ action: 'opened', issue: { number: 7 } });
  const headers = {
    'Content-Type': 'application/json',
    'X-GitHub-Event': 'issues',
    'X-GitHub-Delivery': '72d3162e-cc78-11e3-81ab-4c9367dc0958',
    'X-Hub-Signature-256': await octokitSign('gh-secret', body),
  };
  expect((await sendWebhook(hooklens.captureUrl, '/gh/original', { headers, body })).status).toBe(200);
  expect((await sendWebhook(hooklens.captureUrl, '/gh/redelivery', { headers, body })).status).toBe(200);
  expect(
    (
      await sendWebhook(hooklens.captureUrl, '/gh/other', {
        headers: { ...headers, 'X-GitHub-Delivery': 'another-guid' },
        body,
      })
    ).status,
  ).toBe(200);

  await expect(openButton(page, 'POST', '/gh/redelivery')).toHaveAccessibleName(/issues\.opened, .*duplicate/);
  await expect(captureRow(page, 'POST', '/gh/redelivery').getByText('dup ×2')).toBeVisible();
  await expect(openButton(page, 'POST', '/gh/original')).not.toHaveAccessibleName(/duplicate/);

  await page.getByLabel('Duplicates only').check();
  await expect(page.getByRole('list', { name: 'Captured requests' }).getByRole('listitem')).toHaveCount(1);
  await openButton(page, 'POST', '/gh/redelivery').click();
  const detail = page.getByRole('region', { name: 'Capture detail' });
  await detail.getByRole('tab', { name: 'Overview' }).click();
  await expect(detail).toContainText('received 2 times');
  await page.getByLabel('Duplicates only').uncheck();
  await detail.getByRole('button', { name: 'the first delivery of this event' }).click();
  await expect(openButton(page, 'POST', '/gh/original')).toHaveAttribute('aria-current', 'true');

  await page.getByLabel('Event type filter').selectOption('issues.opened');
  await expect(page.getByRole('list', { name: 'Captured requests' }).getByRole('listitem')).toHaveCount(3);
});
