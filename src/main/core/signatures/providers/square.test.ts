import { describe, expect, it } from 'vitest';
import { SquareWebhooks } from '../test-support/square-sdk';
import type { SignedRequest } from '../types';
import { square } from './square';

// The vector Square's own SDKs test WebhooksHelper with (square-nodejs-sdk, square-python-sdk,
// square-go-sdk: "test signature validation pass"); the SDK has no signer, so this stands in for
// SDK output and the SDK itself is checked against it below.
const DOC = {
  body: '{"merchant_id":"MLEFBHHSJGVHD","type":"webhooks.test_notification","event_id":"ac3ac95b-f97d-458c-a6e6-18981597e05f","created_at":"2022-07-13T20:30:59.037339943Z","data":{"type":"webhooks","id":"bc368e64-01aa-407e-b46e-3231809b1129"}}',
  signature: 'GF4YkrJgGBDZ9NIYbNXBnMzqb2HoL4RW/S6vkZ9/2N4=',
  key: 'Ibxx_5AKakO-3qeNVR61Dw',
  url: 'https://webhook.site/679a4f3a-dcfa-49ee-bac5-9d0edad886b9',
};

function request(headers: [string, string][], body = DOC.body, url: string | null = DOC.url): SignedRequest {
  return {
    method: 'POST',
    url: url ?? undefined,
    headers: [['Content-Type', 'application/json'], ...headers],
    body: Buffer.from(body),
  };
}

const docHeader: [string, string] = ['x-square-hmacsha256-signature', DOC.signature];

describe('square provider', () => {
  it('accepts the vector the Square SDK is tested with', async () => {
    expect(
      await SquareWebhooks.verifySignature({
        requestBody: DOC.body,
        signatureHeader: DOC.signature,
        signatureKey: DOC.key,
        notificationUrl: DOC.url,
      }),
    ).toBe(true);
    expect(square.verify(request([docHeader]), { secret: DOC.key })).toMatchObject({ provider: 'square', valid: true });
  });

  it('signs requests the Square SDK verifies', async () => {
    const body = '{"type":"payment.updated","data":{"id":"p1"}}';
    const url = 'https://hooks.example.com/square';
    const [[name, sig]] = square.sign!({ secret: 'sig-key', body: Buffer.from(body), url });
    expect(name).toBe('x-square-hmacsha256-signature');
    expect(
      await SquareWebhooks.verifySignature({
        requestBody: body,
        signatureHeader: sig,
        signatureKey: 'sig-key',
        notificationUrl: url,
      }),
    ).toBe(true);
    expect(
      await SquareWebhooks.verifySignature({
        requestBody: body,
        signatureHeader: sig,
        signatureKey: 'other',
        notificationUrl: url,
      }),
    ).toBe(false);
  });

  it('rejects a tampered body and the wrong key', () => {
    expect(square.verify(request([docHeader], DOC.body.replace('MLEF', 'XLEF')), { secret: DOC.key })).toMatchObject({
      valid: false,
      failure: 'signature_mismatch',
    });
    expect(square.verify(request([docHeader]), { secret: 'wrong' })).toMatchObject({
      valid: false,
      failure: 'signature_mismatch',
    });
  });

  it('names a URL mismatch (trailing slash, scheme)', () => {
    const slash = square.verify(request([docHeader], DOC.body, `${DOC.url}/`), { secret: DOC.key });
    expect(slash).toMatchObject({ valid: false, failure: 'url_mismatch' });
    expect(slash.reason).toContain('without the trailing slash');
    const http = square.verify(request([docHeader], DOC.body, DOC.url.replace('https', 'http')), { secret: DOC.key });
    expect(http).toMatchObject({ failure: 'url_mismatch' });
    expect(square.verify(request([docHeader], DOC.body, null), { secret: DOC.key })).toMatchObject({
      failure: 'url_mismatch',
    });
  });

  it('reports missing and malformed headers', () => {
    expect(square.verify(request([]), { secret: DOC.key })).toMatchObject({ valid: false, failure: 'missing_header' });
    expect(square.verify(request([['x-square-hmacsha256-signature', '%%%']]), { secret: DOC.key })).toMatchObject({
      failure: 'malformed_header',
    });
  });
});
