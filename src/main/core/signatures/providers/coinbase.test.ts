import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { SignedRequest } from '../types';
import { coinbase } from './coinbase';

// The official Node library (coinbase-commerce-node) has no type declarations.
interface CoinbaseWebhook {
  computeSignature(payload: string, secret: string): string;
  verifySigHeader(payload: string, sigHeader: string, secret: string): boolean;
}
const { Webhook } = createRequire(import.meta.url)('coinbase-commerce-node') as { Webhook: CoinbaseWebhook };

const SECRET = '0d3f4c5a-6b7e-4f80-9a1b-2c3d4e5f6a7b';
const BODY = JSON.stringify({
  attempt_number: 1,
  event: {
    id: '24934862-d980-46cb-9402-43c81b0cdba6',
    type: 'charge:confirmed',
    data: { code: '66BEOV2A', name: 'Café ☕' },
  },
});

function request(body: string | Buffer, headers: [string, string][]): SignedRequest {
  return { method: 'POST', headers, body: Buffer.isBuffer(body) ? body : Buffer.from(body) };
}

describe('coinbase', () => {
  it('accepts a signature made by coinbase-commerce-node', () => {
    const sig = Webhook.computeSignature(BODY, SECRET);
    const r = coinbase.verify(request(BODY, [['X-CC-Webhook-Signature', sig]]), { secret: SECRET });
    expect(r).toMatchObject({ provider: 'coinbase', valid: true, expected: sig, received: sig });
    expect(r.reason).toMatch(/HMAC-SHA256 of the raw body/);
  });

  it('signs so that coinbase-commerce-node verifies', () => {
    const [[name, value]] = coinbase.sign!({ secret: SECRET, body: Buffer.from(BODY) });
    expect(name).toBe('X-CC-Webhook-Signature');
    expect(Webhook.verifySigHeader(BODY, value, SECRET)).toBe(true);
    expect(() => Webhook.verifySigHeader(`${BODY} `, value, SECRET)).toThrow();
  });

  it('detects by its header only', () => {
    expect(coinbase.detect(request(BODY, [['x-cc-webhook-signature', 'ab']]))).toBe(true);
    expect(coinbase.detect(request(BODY, [['X-Signature', 'ab']]))).toBe(false);
  });

  it('reports a tampered body as a mismatch with both signatures', () => {
    const sig = Webhook.computeSignature(BODY, SECRET);
    const tampered = BODY.replace('charge:confirmed', 'charge:resolved');
    const r = coinbase.verify(request(tampered, [['X-CC-Webhook-Signature', sig]]), { secret: SECRET });
    expect(r).toMatchObject({ valid: false, failure: 'signature_mismatch', received: sig });
    expect(r.expected).toBe(Webhook.computeSignature(tampered, SECRET));
    expect(r.reason).toMatch(/wrong secret, or the body changed/);
  });

  it('reports a wrong secret and says where the right one lives', () => {
    const sig = Webhook.computeSignature(BODY, SECRET);
    const r = coinbase.verify(request(BODY, [['X-CC-Webhook-Signature', sig]]), { secret: 'api-key-not-the-secret' });
    expect(r).toMatchObject({ valid: false, failure: 'signature_mismatch' });
    expect(r.hints?.join(' ')).toMatch(/Webhook subscriptions/);
  });

  it('names a secret pasted with a trailing newline', () => {
    const sig = Webhook.computeSignature(BODY, SECRET);
    const r = coinbase.verify(request(BODY, [['X-CC-Webhook-Signature', sig]]), { secret: `${SECRET}\n` });
    expect(r).toMatchObject({ valid: false, failure: 'secret_format' });
    expect(r.reason).toMatch(/whitespace/);
  });

  it('spots a body that was pretty-printed after signing', () => {
    const sig = Webhook.computeSignature(BODY, SECRET);
    const pretty = JSON.stringify(JSON.parse(BODY), null, 2);
    const r = coinbase.verify(request(pretty, [['X-CC-Webhook-Signature', sig]]), { secret: SECRET });
    expect(r).toMatchObject({ valid: false, failure: 'body_reserialized' });
    expect(r.reason).toMatch(/compact JSON/);
  });

  it('reports the missing header', () => {
    const r = coinbase.verify(request(BODY, [['Content-Type', 'application/json']]), { secret: SECRET });
    expect(r).toMatchObject({ valid: false, failure: 'missing_header' });
    expect(r.reason).toMatch(/X-CC-Webhook-Signature header is missing/);
  });

  it('reports a malformed header before computing anything', () => {
    const sig = Webhook.computeSignature(BODY, SECRET);
    const prefixed = coinbase.verify(request(BODY, [['X-CC-Webhook-Signature', `sha256=${sig}`]]), { secret: SECRET });
    expect(prefixed).toMatchObject({ valid: false, failure: 'malformed_header' });
    expect(prefixed.reason).toMatch(/starts with "sha256="/);
    const short = coinbase.verify(request(BODY, [['X-CC-Webhook-Signature', sig.slice(0, 40)]]), { secret: SECRET });
    expect(short.reason).toMatch(/40 hex characters \(a SHA-1 length\); HMAC-SHA256 gives 64/);
  });
});
