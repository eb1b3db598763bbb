import '@shopify/shopify-api/adapters/node';
import { ApiVersion, LogSeverity, shopifyApi } from '@shopify/shopify-api';
import { getHmac } from '@shopify/shopify-api/test-helpers';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
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

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** Runs the Shopify library's own webhook validation on a real HTTP request. */
async function validateWithSdk(headers: Record<string, string>, payload: string): Promise<boolean> {
  const api = shopifyApi({
    apiKey: 'key',
    apiSecretKey: secret,
    scopes: [],
    hostName: 'hooklens.test',
    apiVersion: ApiVersion.October25,
    isEmbeddedApp: false,
    logger: { level: LogSeverity.Error, log: async () => undefined },
  });
  let result: boolean | undefined;
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      api.webhooks
        .validate({ rawBody: Buffer.concat(chunks).toString('utf8'), rawRequest: req, rawResponse: res })
        .then(
          (v) => {
            result = v.valid;
            res.end('ok');
          },
          (err: unknown) => {
            res.statusCode = 500;
            res.end(String(err));
          },
        );
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const res = await fetch(`http://127.0.0.1:${port}/webhooks`, { method: 'POST', headers, body: payload });
  expect(res.status).toBe(200);
  return result!;
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
