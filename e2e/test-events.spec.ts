/*
 * "Send test event" in the real UI: a Stripe event goes to a local server that verifies it with
 * Stripe's SDK (refused until the server knows the generated secret, then accepted), then to
 * Hooklens's own capture URL, where the capture it makes checks valid with the stored secret.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { expect, openApp, openButton, test } from './support/fixtures';
import { docScreenshot } from './support/screenshots';

const stripeSdk = new Stripe('sk_test_hooklens_e2e');

async function stripeServer(): Promise<{ url: string; setSecret(s: string): void; close(): Promise<void> }> {
  let secret = '';
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        const event = stripeSdk.webhooks.constructEvent(
          Buffer.concat(chunks),
          String(req.headers['stripe-signature']),
          secret || 'whsec_not_configured',
        );
        res.end(`accepted ${event.type}`);
      } catch (err) {
        res.statusCode = 400;
        res.end(`rejected: ${(err as Error).message}`);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    setSecret: (s) => (secret = s),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

test('a catalog event is accepted by a server using the Stripe SDK, and captured by Hooklens with a valid signature', async ({
  page,
  hooklens,
}) => {
  const server = await stripeServer();
  try {
    await openApp(page, hooklens);
    await page.getByRole('button', { name: 'Send test event…' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Send test event' });
    await dialog.getByLabel('Provider', { exact: true }).selectOption('stripe');
    await dialog.getByLabel('Event', { exact: true }).selectOption('checkout.session.completed');
    await expect(dialog.getByRole('textbox', { name: 'Test event body' })).toContainText(
      '"checkout.session.completed"',
    );
    await dialog.getByLabel('Replay target').fill(server.url);
    await dialog.getByLabel('Replay target').press('Enter');
    await expect(dialog.getByLabel('Request URL')).toHaveText(`POST ${server.url}/webhooks/stripe`);
    await expect(dialog.getByLabel('Signing secret')).toContainText('sending generates one');

    // First send: the server does not know the secret yet and refuses it, as a real handler would.
    await dialog.getByRole('button', { name: 'Send', exact: true }).click();
    const result = dialog.getByRole('region', { name: 'Test event result' });
    await expect(result.getByLabel('Response status')).toHaveText(/^400/);
    const secret = (await result.getByLabel('Generated secret').locator('code').textContent())!;
    expect(secret).toMatch(/^whsec_/);
    server.setSecret(secret);

    // Second send: signed with the now stored secret, accepted by the SDK.
    await expect(dialog.getByLabel('Signing secret')).toContainText('secret stored for this endpoint');
    await dialog.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(result.getByLabel('Response status')).toHaveText(/^200/);
    await expect(result).toContainText('accepted checkout.session.completed');
    await expect(result.getByLabel('Generated secret')).toHaveCount(0);
    await docScreenshot(page, 'test-event');

    // To Hooklens itself: a capture appears, and its signature checks valid with the stored secret.
    await dialog.getByRole('radio', { name: 'Hooklens capture URL' }).check();
    await expect(dialog.getByLabel('Request URL')).toHaveText(`POST ${hooklens.captureUrl}webhooks/stripe`);
    await dialog.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(result.getByLabel('Response status')).toHaveText(/^200/);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await openButton(page, 'POST', '/webhooks/stripe').click();
    const detail = page.getByRole('region', { name: 'Capture detail' });
    await detail.getByRole('tab', { name: 'Signature' }).click();
    const verdict = detail
      .getByRole('region', { name: 'Signature check' })
      .getByRole('status', { name: 'Signature verdict' });
    await expect(verdict).toContainText('Valid signature');
  } finally {
    await server.close();
  }
});

test('the T shortcut opens it, and the endpoint bar and the empty state have it too', async ({ page, hooklens }) => {
  await openApp(page, hooklens);
  await page.locator('body').press('t');
  const dialog = page.getByRole('dialog', { name: 'Send test event' });
  await expect(dialog.getByLabel('Provider', { exact: true })).toBeVisible();
  await dialog.getByLabel('Provider', { exact: true }).selectOption('github');
  await expect(dialog.getByLabel('Event', { exact: true })).toHaveValue('ping');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
  await page.locator('.wb-endpoint-bar').getByRole('button', { name: 'Send test event…' }).click();
  const again = page.getByRole('dialog', { name: 'Send test event' });
  await expect(again.getByLabel('Provider', { exact: true })).toHaveValue('github');
  await again.getByRole('button', { name: 'Close' }).click();
  await page.locator('.empty-state').getByRole('button', { name: 'Send test event…' }).click();
  await expect(page.getByRole('dialog', { name: 'Send test event' })).toBeVisible();
});
