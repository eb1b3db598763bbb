import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { HeaderPair } from '../../../../shared/capture';
import type { SignedRequest } from '../types';
import { typeform } from './typeform';

// Typeform publishes no verification SDK. The reference value is built here, independently of the
// provider, from the documented rule: "sha256=" + base64(HMAC-SHA256(secret, raw body)).
// https://www.typeform.com/developers/webhooks/secure-your-webhooks/
const SECRET = 'tf-webhook-secret-Xy7';
const BODY = Buffer.from(
  JSON.stringify({
    event_id: '01JDQ8S2ZK7W3V5X9Y1A2B3C4D',
    event_type: 'form_response',
    form_response: {
      form_id: 'lT4Z3j',
      token: 'a3a12ec67a1365927098a606107fac15',
      answers: [{ type: 'text', text: 'Zoë', field: { id: 'x1', type: 'short_text' } }],
    },
  }),
);

function documented(secret: string, body: Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('base64')}`;
}

function request(headers: HeaderPair[], body = BODY): SignedRequest {
  return { method: 'POST', url: '/typeform', headers, body };
}

describe('typeform provider', () => {
  it('accepts the documented construction and signs the same value', () => {
    const sig = documented(SECRET, BODY);
    expect(typeform.verify(request([['Typeform-Signature', sig]]), { secret: SECRET })).toMatchObject({
      valid: true,
      received: sig,
    });
    expect(typeform.sign!({ secret: SECRET, body: BODY })).toEqual([['Typeform-Signature', sig]]);
    expect(typeform.detect(request([['Typeform-Signature', sig]]))).toBe(true);
  });

  it('rejects a tampered body and names non-ASCII escaping when that is the cause', () => {
    const sig = documented(SECRET, BODY);
    const tampered = Buffer.from(BODY.toString().replace('Zoë', 'Zoe'));
    expect(typeform.verify(request([['Typeform-Signature', sig]], tampered), { secret: SECRET })).toMatchObject({
      failure: 'signature_mismatch',
    });
    const escaped = Buffer.from(BODY.toString().replace('Zoë', 'Zo\\u00eb'));
    const result = typeform.verify(request([['Typeform-Signature', sig]], escaped), { secret: SECRET });
    expect(result).toMatchObject({ failure: 'body_reserialized' });
  });

  it('rejects the wrong secret', () => {
    const result = typeform.verify(request([['Typeform-Signature', documented(SECRET, BODY)]]), {
      secret: 'not-the-secret',
    });
    expect(result).toMatchObject({ failure: 'signature_mismatch' });
    expect(result.hints?.join(' ')).toContain('Connect › Webhooks');
  });

  it('reports a missing header', () => {
    expect(typeform.verify(request([]), { secret: SECRET })).toMatchObject({ failure: 'missing_header' });
  });

  it('reports a hex digest where Typeform sends base64', () => {
    const hex = `sha256=${createHmac('sha256', SECRET).update(BODY).digest('hex')}`;
    const result = typeform.verify(request([['Typeform-Signature', hex]]), { secret: SECRET });
    expect(result).toMatchObject({ failure: 'malformed_header' });
    expect(result.reason).toContain('decodes to 48 bytes');
    const noPrefix = typeform.verify(
      request([['Typeform-Signature', createHmac('sha256', SECRET).update(BODY).digest('base64')]]),
      { secret: SECRET },
    );
    expect(noPrefix.reason).toContain('should start with "sha256="');
  });
});
