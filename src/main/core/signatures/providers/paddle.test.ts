import { Environment, Paddle } from '@paddle/paddle-node-sdk';
import { describe, expect, it } from 'vitest';
import type { HeaderPair } from '../../../../shared/capture';
import { nowSeconds } from '../crypto-helpers';
import type { SignedRequest } from '../types';
import { paddle } from './paddle';

const SECRET = 'pdl_ntfset_01j8z3x6k2m4n5p7q9r0s1t2v3_Wq3rT5yU7iO9pA1sD3fG5hJ7kL9zX1cV';
const BODY = Buffer.from(
  JSON.stringify({
    event_id: 'evt_01j8z3x6k2m4n5p7q9r0s1t2v3',
    event_type: 'transaction.completed',
    occurred_at: '2026-11-25T06:00:00.000000Z',
    notification_id: 'ntf_01j8z3x6k2m4n5p7q9r0s1t2v3',
    data: { id: 'txn_01j8z3x6k2m4n5p7q9r0s1t2v3', status: 'completed' },
  }),
);

function request(headers: HeaderPair[], body = BODY): SignedRequest {
  return { method: 'POST', url: '/webhooks/paddle', headers, body };
}

// The SDK only picks its Node crypto when a client is constructed, as an app would do.
const sdk = new Paddle('pdl_sdbx_apikey_01j8z3x6k2m4n5p7q9r0s1t2v3_placeholder', { environment: Environment.sandbox });

async function sdkAccepts(body: Buffer, secret: string, signature: string): Promise<boolean> {
  try {
    return await sdk.webhooks.isSignatureValid(body.toString('utf8'), secret, signature);
  } catch {
    return false;
  }
}

describe('paddle provider', () => {
  it('signs so that the Paddle SDK accepts it, and verifies its own signature', async () => {
    const now = nowSeconds();
    const headers = paddle.sign!({ secret: SECRET, body: BODY, timestamp: now });
    const value = headers[0]![1];
    expect(value).toMatch(/^ts=\d+;h1=[0-9a-f]{64}$/);
    expect(await sdkAccepts(BODY, SECRET, value)).toBe(true);

    const result = paddle.verify(request(headers), { secret: SECRET, now });
    expect(result).toMatchObject({ valid: true, provider: 'paddle', skewSec: 0 });
    expect(paddle.detect(request(headers))).toBe(true);
    expect(paddle.detect(request([['Stripe-Signature', 't=1,v1=00']]))).toBe(false);
  });

  it('accepts any of several h1 values sent during a secret rotation', async () => {
    const now = nowSeconds();
    const good = paddle.sign!({ secret: SECRET, body: BODY, timestamp: now })[0]![1];
    const h1 = good.split('h1=')[1]!;
    const rotated = `ts=${now};h1=${'0'.repeat(64)};h1=${h1}`;
    expect(paddle.verify(request([['Paddle-Signature', rotated]]), { secret: SECRET, now }).valid).toBe(true);
  });

  it('rejects a tampered body, as the SDK does', async () => {
    const now = nowSeconds();
    const headers = paddle.sign!({ secret: SECRET, body: BODY, timestamp: now });
    const tampered = Buffer.from(BODY.toString().replace('completed"', 'refunded"'));
    expect(await sdkAccepts(tampered, SECRET, headers[0]![1])).toBe(false);
    const result = paddle.verify(request(headers, tampered), { secret: SECRET, now });
    expect(result).toMatchObject({ valid: false, failure: 'signature_mismatch' });
    expect(result.reason).toContain('h1 signature does not match');
    expect(result.expected).toMatch(/^[0-9a-f]{64}$/);
    expect(result.received).toBe(headers[0]![1].split('h1=')[1]);
  });

  it('explains a body that was re-encoded as pretty JSON after signing', () => {
    const now = nowSeconds();
    const headers = paddle.sign!({ secret: SECRET, body: BODY, timestamp: now });
    const pretty = Buffer.from(JSON.stringify(JSON.parse(BODY.toString()), null, 2));
    const result = paddle.verify(request(headers, pretty), { secret: SECRET, now });
    expect(result).toMatchObject({ valid: false, failure: 'body_reserialized' });
    expect(result.reason).toContain('compact JSON');
  });

  it('rejects the wrong secret key and flags a secret pasted with surrounding whitespace', async () => {
    const now = nowSeconds();
    const headers = paddle.sign!({ secret: SECRET, body: BODY, timestamp: now });
    const wrong = 'pdl_ntfset_01j8z3x6k2m4n5p7q9r0s1t2v3_otherSecretValue000000000000';
    expect(await sdkAccepts(BODY, wrong, headers[0]![1])).toBe(false);
    expect(paddle.verify(request(headers), { secret: wrong, now })).toMatchObject({
      valid: false,
      failure: 'signature_mismatch',
    });

    const padded = paddle.verify(request(headers), { secret: ` ${SECRET}\n`, now });
    expect(padded).toMatchObject({ valid: false, failure: 'secret_format' });
    expect(padded.reason).toContain('whitespace');
  });

  it('rejects a stale timestamp with the skew, after the signature matched (SDK agrees)', async () => {
    const signedAt = nowSeconds() - 120;
    const headers = paddle.sign!({ secret: SECRET, body: BODY, timestamp: signedAt });
    expect(await sdkAccepts(BODY, SECRET, headers[0]![1])).toBe(false);
    const result = paddle.verify(request(headers), { secret: SECRET, now: signedAt + 120 });
    expect(result).toMatchObject({ valid: false, failure: 'timestamp_out_of_tolerance', skewSec: -120 });
    expect(result.reason).toContain('120 s old, outside the 5 s tolerance');
    expect(paddle.verify(request(headers), { secret: SECRET, now: signedAt + 120, toleranceSec: 300 }).valid).toBe(
      true,
    );
  });

  it('reports a missing header', () => {
    const result = paddle.verify(request([['Content-Type', 'application/json']]), { secret: SECRET });
    expect(result).toMatchObject({ valid: false, failure: 'missing_header' });
    expect(result.reason).toContain('Paddle-Signature');
  });

  it('reports malformed headers precisely', async () => {
    const noH1 = paddle.verify(request([['Paddle-Signature', 'ts=1700000000']]), { secret: SECRET });
    expect(noH1).toMatchObject({ failure: 'malformed_header' });
    expect(noH1.reason).toContain('no h1=');
    const noTs = paddle.verify(request([['Paddle-Signature', 'h1=abcd']]), { secret: SECRET });
    expect(noTs.reason).toContain('no ts=');
    const badTs = paddle.verify(request([['Paddle-Signature', 'ts=soon;h1=abcd']]), { secret: SECRET });
    expect(badTs.reason).toContain('"soon" is not a unix time');
    expect(await sdkAccepts(BODY, SECRET, 'ts=1700000000')).toBe(false);
  });
});
