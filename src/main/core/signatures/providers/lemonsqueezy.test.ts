import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bodySignatureDelivery, documentedRecipeCases } from '../test-support/body-signature-delivery';
import { lemonsqueezy } from './lemonsqueezy';

// Lemon Squeezy publishes no SDK helper for webhooks (@lemonsqueezy/lemonsqueezy.js covers the
// REST API only). Reference per https://docs.lemonsqueezy.com/help/webhooks/signing-requests:
// "an HMAC hex digest" of the payload with the signing secret, in X-Signature.
const reference = (body: string, secret: string): string => createHmac('sha256', secret).update(body).digest('hex');

const SECRET = 'ls-signing-secret-42';
const BODY = JSON.stringify({
  meta: { event_name: 'order_created', custom_data: { user_id: 7 } },
  data: { type: 'orders', id: '1', attributes: { store_id: 1, total: 1199, currency: 'USD', user_name: 'Zoë' } },
});
const HEADER = 'X-Signature';
const delivery = bodySignatureDelivery(HEADER, [
  ['Content-Type', 'application/json'],
  ['X-Event-Name', 'order_created'],
]);
const { request, headersFor } = delivery;

describe('lemonsqueezy', () => {
  documentedRecipeCases(delivery, {
    provider: lemonsqueezy,
    id: 'lemonsqueezy',
    signatureHeader: HEADER,
    secret: SECRET,
    body: BODY,
    reference,
  });

  it('detects only with X-Event-Name beside the generic X-Signature', () => {
    expect(lemonsqueezy.detect(request(BODY, headersFor('ab')))).toBe(true);
    expect(lemonsqueezy.detect(request(BODY, [['X-Signature', 'ab']]))).toBe(false);
  });

  it('reports a tampered body', () => {
    const sig = reference(BODY, SECRET);
    const r = lemonsqueezy.verify(request(BODY.replace('1199', '1'), headersFor(sig)), { secret: SECRET });
    expect(r).toMatchObject({ valid: false, failure: 'signature_mismatch', received: sig });
    expect(r.expected).toBe(reference(BODY.replace('1199', '1'), SECRET));
  });

  it('reports a wrong secret with where the right one lives', () => {
    const r = lemonsqueezy.verify(request(BODY, headersFor(reference(BODY, SECRET))), { secret: 'another-secret' });
    expect(r).toMatchObject({ valid: false, failure: 'signature_mismatch' });
    expect(r.hints?.join(' ')).toMatch(/Settings → Webhooks/);
  });

  it('spots a body with its non-ASCII characters escaped after signing', () => {
    const sig = reference(BODY, SECRET);
    const escaped = BODY.replace('ë', '\\u00eb');
    const r = lemonsqueezy.verify(request(escaped, headersFor(sig)), { secret: SECRET });
    expect(r).toMatchObject({ valid: false, failure: 'body_reserialized' });
  });

  it('reports the missing header', () => {
    const r = lemonsqueezy.verify(request(BODY, [['X-Event-Name', 'order_created']]), { secret: SECRET });
    expect(r).toMatchObject({ valid: false, failure: 'missing_header' });
    expect(r.reason).toMatch(/X-Signature header is missing/);
  });

  it('reports a malformed header', () => {
    const r = lemonsqueezy.verify(request(BODY, headersFor('   ')), { secret: SECRET });
    expect(r).toMatchObject({ valid: false, failure: 'malformed_header', reason: 'X-Signature header is empty' });
    const b64 = createHmac('sha256', SECRET).update(BODY).digest('base64');
    const r2 = lemonsqueezy.verify(request(BODY, headersFor(b64)), { secret: SECRET });
    expect(r2).toMatchObject({ valid: false, failure: 'malformed_header' });
  });
});
