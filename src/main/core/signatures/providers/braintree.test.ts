import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { schemeCases } from '../test-support/scheme-cases';
import { braintree, braintreeSignature } from './braintree';

// Judged by the braintree SDK: sampleNotification signs, webhookNotification.parse verifies. It has no type declarations.
interface Gateway {
  webhookTesting: { sampleNotification(kind: string, id: string): { bt_signature: string; bt_payload: string } };
  webhookNotification: { parse(signature: string, payload: string): Promise<{ kind: string }> };
}
const braintreeSdk = createRequire(import.meta.url)('braintree') as {
  BraintreeGateway: new (config: Record<string, unknown>) => Gateway;
  Environment: { Sandbox: unknown };
  WebhookNotification: { Kind: { SubscriptionWentPastDue: string } };
};
const gateway = (privateKey: string) =>
  new braintreeSdk.BraintreeGateway({
    environment: braintreeSdk.Environment.Sandbox,
    merchantId: 'integration_merchant_id',
    publicKey: 'integration_public_key',
    privateKey,
  });
const PRIVATE = 'integration_private_key';
const sample = gateway(PRIVATE).webhookTesting.sampleNotification(
  braintreeSdk.WebhookNotification.Kind.SubscriptionWentPastDue,
  'subscription_id',
);
const form = (s: { bt_signature: string; bt_payload: string }) => new URLSearchParams(s).toString();

describe('braintree', () => {
  schemeCases({
    provider: braintree,
    secret: PRIVATE,
    wrongSecret: 'another_private_key',
    body: form(sample),
    delivery: [
      ['Content-Type', 'application/x-www-form-urlencoded'],
      ['User-Agent', 'Braintree/1.0'],
    ],
    // The payload is base64: change one character of it.
    tamper: (body) => body.replace(/bt_payload=(.)/, (_m, c: string) => `bt_payload=${c === 'P' ? 'Q' : 'P'}`),
    reference: () => [],
  });

  it('computes the signature the SDK accepts', async () => {
    const payload = sample.bt_payload;
    const ours = `integration_public_key|${braintreeSignature(PRIVATE, payload)}`;
    const parsed = await gateway(PRIVATE).webhookNotification.parse(ours, payload);
    expect(parsed.kind).toBe('subscription_went_past_due');
    await expect(gateway('another_private_key').webhookNotification.parse(ours, payload)).rejects.toThrow(/signature/);
  });
});
