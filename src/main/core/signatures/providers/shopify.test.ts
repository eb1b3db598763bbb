import { getHmac } from '@shopify/shopify-api/test-helpers';
import { describe, expect, it } from 'vitest';
import { shopifyValidates } from '../test-support/shopify-sdk';
import type { SignedRequest } from '../types';
import { shopify } from './shopify';

const secret = 'shpss_hooklens_0123456789abcdef';
const body = '{"id":820982911946154500,"email":"jon@example.com","total_price":"403.00"}';

function request(hmac: string | undefined, payload = body): SignedRequest {
  return {
    method: 'POST',
    headers: [
      ['X-Shopify-Topic', 'orders/create'],
      ...(hmac === undefined ? [] : [['X-Shopify-Hmac-Sha256', hmac] as [string, string]]),
    ],
    body: Buffer.from(payload),
  };
}

/** Runs the Shopify library's own webhook validation on a real HTTP request. */
async function validateWithSdk(headers: Record<string, string>, payload: string): Promise<boolean> {
  return (await shopifyValidates({ secret, path: '/webhooks', headers, body: payload })).valid;
}

const shopifyHeaders = {
  'Content-Type': 'application/json',
  'X-Shopify-Topic': 'orders/create',
  'X-Shopify-Shop-Domain': 'hooklens-test.myshopify.com',
  'X-Shopify-API-Version': '2025-10',
  'X-Shopify-Webhook-Id': 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
  'X-Shopify-Event-Id': '98880550-7158-44d4-b7cd-2c97c8a091b5',
  'X-Shopify-Triggered-At': '2025-10-01T00:00:00.000Z',
};

describe('shopify provider', () => {
  it('accepts an HMAC made by the Shopify library', () => {
    const r = shopify.verify(request(getHmac(body, secret)), { secret });
    expect(r).toMatchObject({ provider: 'shopify', valid: true });
  });

  it('signs requests the Shopify library validates', async () => {
    const [[name, value]] = shopify.sign!({ secret, body: Buffer.from(body) });
    expect(name).toBe('X-Shopify-Hmac-Sha256');
    expect(await validateWithSdk({ ...shopifyHeaders, [name]: value }, body)).toBe(true);
    expect(await validateWithSdk({ ...shopifyHeaders, [name]: value }, body.replace('403', '404'))).toBe(false);
  });

  it('rejects a tampered body and the wrong secret', () => {
    const hmac = getHmac(body, secret);
    expect(shopify.verify(request(hmac, body.replace('jon', 'jim')), { secret })).toMatchObject({
      valid: false,
      failure: 'signature_mismatch',
    });
    expect(shopify.verify(request(hmac), { secret: 'shpss_other' })).toMatchObject({
      valid: false,
      failure: 'signature_mismatch',
    });
  });

  it('detects a body with a trailing newline added', () => {
    const r = shopify.verify(request(getHmac(body, secret), `${body}\n`), { secret });
    expect(r).toMatchObject({ failure: 'body_reserialized' });
    expect(r.reason).toContain('trailing newline');
  });

  it('reports missing and malformed headers', () => {
    expect(shopify.verify(request(undefined), { secret })).toMatchObject({ valid: false, failure: 'missing_header' });
    expect(shopify.verify(request('not base64!'), { secret })).toMatchObject({ failure: 'malformed_header' });
  });
});
