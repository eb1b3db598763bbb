import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ENDPOINT_ID } from '../../../shared/capture';
import { createHooklensCore, type HooklensCore } from '../hooklens-core';

const stripeSdk = new Stripe('sk_test_hooklens');

let dir: string;
let core: HooklensCore;
let server: Server | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hooklens-test-events-'));
  core = await createHooklensCore({ dataDir: dir, mode: 'browser', capturePort: 0, tunnel: { enabled: false } });
});
afterEach(async () => {
  await core.close();
  if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
  server = undefined;
  await rm(dir, { recursive: true, force: true });
});

/** A Stripe test event sent to Hooklens's own capture listener. */
const stripeToCapture = (event: string) => ({
  provider: 'stripe',
  event,
  endpointId: DEFAULT_ENDPOINT_ID,
  target: 'capture' as const,
});

async function waitForCaptures(n: number): Promise<string[]> {
  // The send resolves after the listener answered, and it answers once the capture is stored.
  const list = (await core.api.listCaptures()).items;
  expect(list).toHaveLength(n);
  return list.map((c) => c.id);
}

describe('test events from the app', () => {
  it('sends to Hooklens itself: a generated secret is stored and the capture checks valid', async () => {
    const input = stripeToCapture('customer.subscription.created');
    const preview = await core.api.previewTestEvent(input);
    expect(preview.secret).toBe('generate');
    expect(preview.url).toBe(`${core.status().captureUrl}webhooks/stripe`);
    expect(JSON.parse(preview.body)).toMatchObject({ type: 'customer.subscription.created' });

    const sent = await core.api.sendTestEvent(input);
    expect(sent.generatedSecret).toMatch(/^whsec_/);
    expect(sent.entry).toMatchObject({
      source: 'test-event',
      captureId: null,
      outcome: { kind: 'response', response: { status: 200 } },
    });
    const [id] = await waitForCaptures(1);
    const check = await core.api.checkSignature(id!);
    expect(check).toMatchObject({ providerId: 'stripe', secretSource: 'stored', result: { valid: true } });
    expect(await core.api.getSignatureSecretStatus(DEFAULT_ENDPOINT_ID)).toEqual([
      expect.objectContaining({ providerId: 'stripe' }),
    ]);
    expect((await core.api.listReplays(null))[0]).toMatchObject({ source: 'test-event', status: 200 });

    // The second send uses the stored secret, and a related event can name the first one's object.
    const again = await core.api.sendTestEvent({
      ...input,
      event: 'customer.subscription.deleted',
      objectId: sent.objectId,
    });
    expect(again.generatedSecret).toBeUndefined();
    expect(again.objectId).toBe(sent.objectId);
    const ids = await waitForCaptures(2);
    for (const captureId of ids) expect((await core.api.checkSignature(captureId)).result?.valid).toBe(true);
  });

  it('signs URL-signed providers for the endpoint URL they reach, and takes an edited body', async () => {
    const endpoint = await core.api.createEndpoint({ name: 'Twilio', slug: 'twilio' });
    const sent = await core.api.sendTestEvent({
      provider: 'twilio',
      event: 'message.received',
      endpointId: endpoint.id,
      target: 'capture',
      path: '/sms?acct=1',
    });
    expect(sent.entry.request.url).toBe(`${core.status().captureUrl}e/twilio/sms?acct=1`);
    const edited = 'Body=edited&From=%2B15558675310&MessageSid=SM1&SmsStatus=received';
    await core.api.sendTestEvent({
      provider: 'twilio',
      event: 'message.received',
      endpointId: endpoint.id,
      target: 'capture',
      path: '/sms',
      body: edited,
    });
    const captures = (await core.api.listCaptures()).items;
    expect(captures).toHaveLength(2);
    for (const c of captures)
      expect((await core.api.checkSignature(c.id)).result).toMatchObject({ provider: 'twilio', valid: true });
    const bodies = await Promise.all(captures.map(async (c) => (await core.api.getCapture(c.id)).body.text));
    expect(bodies).toContain(edited);
  });

  it("sends to the replay target, where the provider's SDK accepts it", async () => {
    const secret = 'whsec_replay_target_secret_01';
    await core.api.setSignatureSecret(DEFAULT_ENDPOINT_ID, 'stripe', secret);
    let verdict: string | undefined;
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        try {
          verdict = stripeSdk.webhooks.constructEvent(
            Buffer.concat(chunks),
            String(req.headers['stripe-signature']),
            secret,
          ).type;
          res.end('accepted');
        } catch (err) {
          res.statusCode = 400;
          res.end(String(err));
        }
      });
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    await core.api.updateReplaySettings({ targetBase: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
    const sent = await core.api.sendTestEvent({
      provider: 'stripe',
      event: 'checkout.session.completed',
      endpointId: DEFAULT_ENDPOINT_ID,
      target: 'replay',
      path: '/stripe/webhook',
    });
    expect(sent.entry.outcome).toMatchObject({
      kind: 'response',
      response: { status: 200, body: { text: 'accepted' } },
    });
    expect(sent.generatedSecret).toBeUndefined();
    expect(verdict).toBe('checkout.session.completed');
    expect((await core.api.listCaptures()).items).toHaveLength(0);
  });

  it('rejects bad input with clear errors', async () => {
    const base = stripeToCapture('invoice.paid');
    await expect(core.api.sendTestEvent({ ...base, target: 'elsewhere' as never })).rejects.toMatchObject({
      code: 'invalid_argument',
    });
    await expect(core.api.sendTestEvent({ ...base, path: 'no-slash' })).rejects.toMatchObject({
      code: 'invalid_argument',
    });
    await expect(core.api.sendTestEvent({ ...base, provider: 'nope' })).rejects.toMatchObject({
      code: 'unknown_provider',
    });
    await expect(core.api.sendTestEvent({ ...base, endpointId: 'missing' })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect((await core.api.listTestEventProviders()).length).toBe(13);
  });
});
