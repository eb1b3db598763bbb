import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import type { SignedRequest } from '../types';
import { stripe } from './stripe';

const sdk = new Stripe('sk_test_hooklens');
const secret = 'whsec_test_5f0c8a9e2b7d4c1a9e3f6b8d0c2a4e6f';
const body =
  '{"id":"evt_1","object":"event","type":"payment_intent.succeeded","data":{"object":{"id":"pi_1","amount":2000}}}';
const now = 1_760_000_000;

function request(header: string | undefined, payload = body): SignedRequest {
  return {
    method: 'POST',
    headers: [
      ['Content-Type', 'application/json'],
      ...(header === undefined ? [] : [['Stripe-Signature', header] as [string, string]]),
    ],
    body: Buffer.from(payload),
  };
}

function sdkHeader(timestamp = now, key = secret, payload = body): string {
  return sdk.webhooks.generateTestHeaderString({ payload, secret: key, timestamp });
}

describe('stripe provider', () => {
  it('accepts a header made by the Stripe SDK', () => {
    const r = stripe.verify(request(sdkHeader()), { secret, now: now + 10 });
    expect(r).toMatchObject({ provider: 'stripe', valid: true, skewSec: -10 });
  });

  it('signs headers the Stripe SDK accepts', () => {
    const t = Math.floor(Date.now() / 1000);
    const [[name, value]] = stripe.sign!({ secret, body: Buffer.from(body), timestamp: t });
    expect(name).toBe('Stripe-Signature');
    const event = sdk.webhooks.constructEvent(body, value, secret);
    expect(event.id).toBe('evt_1');
    expect(() => sdk.webhooks.constructEvent(body, value, `${secret}x`)).toThrow();
  });

  it('rejects a tampered body, as the SDK does', () => {
    const header = sdkHeader();
    const tampered = body.replace('2000', '2001');
    expect(() => sdk.webhooks.signature!.verifyHeader(tampered, header, secret, 1e9)).toThrow();
    const r = stripe.verify(request(header, tampered), { secret, now });
    expect(r).toMatchObject({ valid: false, failure: 'signature_mismatch' });
    expect(r.reason).toContain('v1 signature does not match');
    expect(r.expected).toMatch(/^[0-9a-f]{64}$/);
  });

  it('rejects the wrong secret', () => {
    const r = stripe.verify(request(sdkHeader(now, 'whsec_other')), { secret, now });
    expect(r).toMatchObject({ valid: false, failure: 'signature_mismatch' });
  });

  it('explains a secret pasted without its whsec_ prefix', () => {
    const r = stripe.verify(request(sdkHeader()), { secret: secret.slice('whsec_'.length), now });
    expect(r).toMatchObject({ valid: false, failure: 'secret_format' });
    expect(r.reason).toContain('whsec_');
  });

  it('reports a stale timestamp with its skew, like the SDK', () => {
    const header = sdkHeader(now - 400);
    expect(() => sdk.webhooks.signature!.verifyHeader(body, header, secret, 300)).toThrow(/tolerance/i);
    const r = stripe.verify(request(header), { secret, now });
    expect(r).toMatchObject({ valid: false, failure: 'timestamp_out_of_tolerance', skewSec: -400 });
    expect(r.reason).toContain('400 s old');
    expect(stripe.verify(request(header), { secret, now, toleranceSec: 500 }).valid).toBe(true);
  });

  it('detects a pretty-printed body as re-serialised', () => {
    const pretty = JSON.stringify(JSON.parse(body), null, 2);
    const r = stripe.verify(request(sdkHeader(), pretty), { secret, now });
    expect(r).toMatchObject({ valid: false, failure: 'body_reserialized' });
    expect(r.reason).toContain('compact JSON');
  });

  // Stripe itself sends pretty-printed JSON: neither a wrong secret nor a one-byte change may point at re-formatting.
  it('suggests no re-formatting for a pretty-printed Stripe body that fails for another reason', () => {
    const pretty = JSON.stringify(JSON.parse(body), null, 2);
    const wrongSecret = stripe.verify(request(sdkHeader(now, secret, pretty), pretty), { secret: 'whsec_other', now });
    const oneByte = stripe.verify(request(sdkHeader(now, secret, pretty), pretty.replace('2000', '2001')), {
      secret,
      now,
    });
    for (const r of [wrongSecret, oneByte]) {
      expect(r).toMatchObject({ valid: false, failure: 'signature_mismatch' });
      expect(`${r.reason} ${(r.hints ?? []).join(' ')}`).not.toMatch(/pretty|re-?format|compact/i);
    }
    // The same pretty body, signed as sent, verifies.
    expect(stripe.verify(request(sdkHeader(now, secret, pretty), pretty), { secret, now }).valid).toBe(true);
  });

  it('accepts any of several v1 signatures (secret roll-over)', () => {
    const other = sdkHeader(now, 'whsec_old').match(/v1=([0-9a-f]+)/)![1];
    const r = stripe.verify(request(`${sdkHeader()},v1=${other}`), { secret, now });
    expect(r.valid).toBe(true);
  });

  it('reports a missing or malformed header', () => {
    expect(stripe.verify(request(undefined), { secret, now })).toMatchObject({
      valid: false,
      failure: 'missing_header',
    });
    expect(stripe.verify(request('v1=abc'), { secret, now })).toMatchObject({ failure: 'malformed_header' });
    expect(stripe.verify(request(`t=${now}`), { secret, now })).toMatchObject({ failure: 'malformed_header' });
    expect(stripe.verify(request('t=soon,v1=abc'), { secret, now })).toMatchObject({ failure: 'malformed_header' });
    expect(stripe.detect(request(undefined))).toBe(false);
    expect(stripe.detect(request(sdkHeader()))).toBe(true);
  });
});
