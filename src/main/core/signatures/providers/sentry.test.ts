import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bodySignatureDelivery, documentedRecipeCases } from '../test-support/body-signature-delivery';
import { sentry } from './sentry';

// Sentry publishes no verifier package. Reference per
// https://docs.sentry.io/integrations/integration-platform/webhooks/ ("Verifying the Signature"):
// hex HMAC-SHA256 with the integration's Client Secret over the JSON body, in Sentry-Hook-Signature.
const reference = (body: string, secret: string): string =>
  createHmac('sha256', secret).update(body, 'utf8').digest('hex');

const SECRET = 'b0e8a6f2c4d14b5e9f7a3c2d1e0f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f';
const BODY = JSON.stringify({
  action: 'created',
  installation: { uuid: 'a8e5d37a-696c-4c54-adb5-b3f28d64c7de' },
  data: { issue: { id: '1170820242', title: 'TypeError: undefined is not a function', level: 'error' } },
  actor: { type: 'application', id: 'sentry', name: 'Sentry' },
});
const HEADER = 'Sentry-Hook-Signature';
const delivery = bodySignatureDelivery(HEADER, [
  ['Content-Type', 'application/json'],
  ['Sentry-Hook-Resource', 'issue'],
  ['Sentry-Hook-Timestamp', '1700000000'],
]);
const { request, headersFor } = delivery;

describe('sentry', () => {
  documentedRecipeCases(delivery, {
    provider: sentry,
    id: 'sentry',
    signatureHeader: HEADER,
    secret: SECRET,
    body: BODY,
    reference,
  });

  it('reports a tampered body', () => {
    const sig = reference(BODY, SECRET);
    const r = sentry.verify(request(BODY.replace('"error"', '"fatal"'), headersFor(sig)), { secret: SECRET });
    expect(r).toMatchObject({ valid: false, failure: 'signature_mismatch', received: sig });
  });

  it('reports a wrong secret and names the Client Secret', () => {
    const r = sentry.verify(request(BODY, headersFor(reference(BODY, SECRET))), { secret: 'sntrys_token_not_secret' });
    expect(r).toMatchObject({ valid: false, failure: 'signature_mismatch' });
    expect(r.hints?.join(' ')).toMatch(/Client Secret/);
  });

  it('spots a compact body that a relay re-encoded with Python separators', () => {
    const sig = reference(BODY, SECRET);
    const python = BODY.replace(/","/g, '", "').replace(/":/g, '": ').replace(/},"/g, '}, "');
    expect(JSON.parse(python)).toEqual(JSON.parse(BODY));
    const r = sentry.verify(request(python, headersFor(sig)), { secret: SECRET });
    expect(r).toMatchObject({ valid: false, failure: 'body_reserialized' });
    expect(r.reason).toMatch(/matches the body re-encoded as compact JSON/);
  });

  it('reports the missing header', () => {
    const r = sentry.verify(request(BODY, [['Sentry-Hook-Resource', 'issue']]), { secret: SECRET });
    expect(r).toMatchObject({ valid: false, failure: 'missing_header' });
    expect(r.reason).toMatch(/Sentry-Hook-Signature header is missing/);
  });

  it('reports a malformed header', () => {
    const r = sentry.verify(request(BODY, headersFor(reference(BODY, SECRET).slice(0, 63))), { secret: SECRET });
    expect(r).toMatchObject({ valid: false, failure: 'malformed_header' });
    expect(r.reason).toMatch(/63 hex characters; HMAC-SHA256 gives 64/);
  });
});
