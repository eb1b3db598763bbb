import { createHmac } from 'node:crypto';
import Razorpay from 'razorpay';
import { describe, expect, it } from 'vitest';
import type { SignedRequest } from '../types';
import { razorpay } from './razorpay';

const SECRET = 'my-razorpay-webhook-secret';
const BODY = JSON.stringify({
  entity: 'event',
  account_id: 'acc_BFQ7uQEaa7j2z7',
  event: 'payment.captured',
  contains: ['payment'],
  payload: { payment: { entity: { id: 'pay_DESlfW9H8K9uqM', amount: 100, currency: 'INR', status: 'captured' } } },
  created_at: 1567674606,
});

function request(body: string, headers: [string, string][]): SignedRequest {
  return { method: 'POST', headers, body: Buffer.from(body) };
}

// razorpay's SDK only verifies; the vector follows the documented recipe, HMAC-SHA256 (hex) of the
// raw body with the webhook secret
// (https://razorpay.com/docs/payments/payment-gateway/s2s-integration/test-s2s/best-practices/security),
// and must pass the SDK before it is used against ours.
function vector(body: string, secret: string): string {
  const sig = createHmac('sha256', secret).update(body).digest('hex');
  expect(Razorpay.validateWebhookSignature(body, sig, secret)).toBe(true);
  return sig;
}

describe('razorpay', () => {
  it('accepts a signature that razorpay validateWebhookSignature accepts', () => {
    const sig = vector(BODY, SECRET);
    const r = razorpay.verify(request(BODY, [['X-Razorpay-Signature', sig]]), { secret: SECRET });
    expect(r).toMatchObject({ provider: 'razorpay', valid: true, expected: sig, received: sig });
  });

  it('signs so that razorpay validateWebhookSignature accepts', () => {
    const [[name, value]] = razorpay.sign!({ secret: SECRET, body: Buffer.from(BODY) });
    expect(name).toBe('X-Razorpay-Signature');
    expect(Razorpay.validateWebhookSignature(BODY, value, SECRET)).toBe(true);
    expect(Razorpay.validateWebhookSignature(BODY, value, 'other')).toBe(false);
  });

  it('reports a tampered body', () => {
    const sig = vector(BODY, SECRET);
    const tampered = BODY.replace('"amount":100', '"amount":1');
    expect(Razorpay.validateWebhookSignature(tampered, sig, SECRET)).toBe(false);
    const r = razorpay.verify(request(tampered, [['X-Razorpay-Signature', sig]]), { secret: SECRET });
    expect(r).toMatchObject({ valid: false, failure: 'signature_mismatch', received: sig });
    expect(r.expected).toMatch(/^[0-9a-f]{64}$/);
    expect(r.expected).not.toBe(sig);
  });

  it('reports a wrong secret and points away from the API key secret', () => {
    const sig = vector(BODY, SECRET);
    const r = razorpay.verify(request(BODY, [['X-Razorpay-Signature', sig]]), { secret: 'rzp_test_key_secret' });
    expect(r).toMatchObject({ valid: false, failure: 'signature_mismatch' });
    expect(r.hints?.join(' ')).toMatch(/not with the API key secret/);
  });

  it('reports the missing header', () => {
    const r = razorpay.verify(request(BODY, [['X-Razorpay-Event-Id', 'evt_1']]), { secret: SECRET });
    expect(r).toMatchObject({ valid: false, failure: 'missing_header' });
    expect(r.reason).toMatch(/X-Razorpay-Signature header is missing/);
  });

  it('reports a malformed header', () => {
    const r = razorpay.verify(request(BODY, [['X-Razorpay-Signature', 'not-a-signature']]), { secret: SECRET });
    expect(r).toMatchObject({ valid: false, failure: 'malformed_header' });
    expect(r.reason).toMatch(/non-hex characters/);
  });

  it('refuses an empty secret with a pointer to where it lives', () => {
    const sig = vector(BODY, SECRET);
    const r = razorpay.verify(request(BODY, [['X-Razorpay-Signature', sig]]), { secret: '' });
    expect(r).toMatchObject({ valid: false, failure: 'secret_format' });
    expect(r.reason).toMatch(/no secret given/);
  });
});
